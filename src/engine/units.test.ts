import { readFileSync } from 'node:fs';
import { engineIssueMessage } from '../i18n/index.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXmile } from './index.js';
import { unitHints } from './units.js';
import { SUITE } from '../../test/engine/suite.js';

const teacup = readFileSync(join(SUITE, 'samples/teacup/teacup.xmile'), 'utf8');

describe('unit hints', () => {
  it('accepts a flow in stock units per time unit', () => {
    // Teacup Temperature is in Degrees Fahrenheit; Heat Loss to Room in Degrees Fahrenheit/Minute.
    expect(unitHints(parseXmile(teacup, 'teacup.xmile').model!)).toEqual([]);
  });

  it('warns when a flow does not fit its stock', () => {
    const wrong = teacup.replace('<units>Degrees Fahrenheit/Minute</units>', '<units>Calories/Minute</units>');
    const hints = unitHints(parseXmile(wrong, 'teacup.xmile').model!);
    expect(hints.map((h) => [h.severity, engineIssueMessage(h, 'en')])).toEqual([
      ['warning', expect.stringContaining('flow "Heat Loss to Room" is in Calories/Minute but stock "Teacup Temperature" is in Degrees Fahrenheit')],
    ]);
  });
});
