/** `share`, `check` and `data-value` fit a 100-column terminal for every library model, in both languages (issue 14's rule). */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataValue, fairShare, sustainabilityChecks } from '../src/analyses/index.js';
import { renderText } from '../src/cli/render/text.js';
import { loadEcosystem } from '../src/engine/link/index.js';
import { checkBlocks, dataValueBlocks, shareBlocks } from '../src/tables/index.js';

const ids = readdirSync('library').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('share, check and data-value fit 100 columns', () => {
  for (const id of ids) {
    it(id, () => {
      const { ecosystem } = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);
      const shares = fairShare(ecosystem!, { sample: { seed: 1, maxOrders: 256 } });
      const checks = sustainabilityChecks(ecosystem!, {}, shares);
      for (const locale of ['en', 'fr'] as const) {
        const data = dataValue(ecosystem!);
        for (const blocks of [shareBlocks(ecosystem!.doc, shares, locale), checkBlocks(ecosystem!.doc, checks, 'error', 0, locale), dataValueBlocks(ecosystem!.doc, data, locale)]) {
          const text = renderText(blocks, false);
          for (const line of text.split('\n')) expect([...line].length, `${locale}: ${line}`).toBeLessThanOrEqual(100);
        }
      }
    });
  }
});
