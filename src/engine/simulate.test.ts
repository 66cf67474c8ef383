import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, parseXmile, simulate } from './index.js';
import { SUITE } from '../../test/engine/suite.js';

describe('progress reports', () => {
  const { model } = parseXmile(readFileSync(join(SUITE, 'samples/teacup/teacup.xmile'), 'utf8'), 'teacup.xmile');
  const program = compile(model!).program!;

  it.each(['euler', 'rk4'] as const)('rise to 1 without changing the results (%s)', (method) => {
    const reports: number[] = [];
    const watched = simulate(program, { method, onProgress: (f) => reports.push(f) });
    const plain = simulate(program, { method });
    expect([...watched.series.get('Teacup Temperature')!]).toEqual([...plain.series.get('Teacup Temperature')!]);
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.length).toBeLessThanOrEqual(101);
    expect(reports.every((f, i) => i === 0 || f >= reports[i - 1]!)).toBe(true);
    expect(reports[reports.length - 1]).toBe(1);
  });
});
