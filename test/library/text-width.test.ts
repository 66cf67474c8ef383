/**
 * Every table and paragraph the CLI prints for a library model fits a 100-column terminal, in
 * both languages (issue 14: "text tables … fit 100 columns"): prose is wrapped, long titles go on
 * two lines, and a table still too wide is printed in groups of columns beside its labels.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canvas, profitabilityOfAll, sheetTotals, valueSharing, whoPays } from '../../src/analyses/index.js';
import { renderText } from '../../src/cli/render/text.js';
import { loadEcosystem } from '../../src/engine/link/index.js';
import type { Locale } from '../../src/i18n/index.js';
import { canvasBlocks, overviewBlocks, paymentBlocks, sharingBlocks, sheetBlocks, type Block } from '../../src/tables/index.js';

const ids = readdirSync('library').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

function printed(id: string, locale: Locale): Array<{ what: string; text: string }> {
  const result = loadEcosystem(readFileSync(`library/${id}.yaml`, 'utf8'), `library/${id}.yaml`);
  const ecosystem = result.ecosystem;
  if (!ecosystem) throw new Error(`${id} does not load`);
  const { doc } = ecosystem;
  const sheets = profitabilityOfAll(ecosystem);
  const outputs: Array<{ what: string; blocks: Block[] }> = [
    { what: 'payers', blocks: paymentBlocks(doc, whoPays(ecosystem), locale) },
    { what: 'profit', blocks: overviewBlocks(doc, sheets.map(sheetTotals), locale) },
    { what: 'summary', blocks: sharingBlocks(doc, valueSharing(ecosystem), locale) },
    ...Object.keys(doc.actors).flatMap((actor) => [
      { what: `canvas ${actor}`, blocks: canvasBlocks(doc, canvas(ecosystem, actor), locale) },
      { what: `profit --actor ${actor}`, blocks: sheetBlocks(doc, sheets.find((s) => s.actor === actor)!, 'auto', locale) },
    ]),
  ];
  return outputs.map(({ what, blocks }) => ({ what, text: renderText(blocks) }));
}

describe('library outputs fit 100 columns', () => {
  for (const id of ids) {
    it(id, () => {
      for (const locale of ['en', 'fr'] as const) {
        for (const { what, text } of printed(id, locale)) {
          // A single word longer than the width (none in the library) may stand alone on its line.
          const over = text.split('\n').filter((line) => [...line].length > 100 && line.trim().includes(' '));
          expect(over, `${id} ${what} (${locale})`).toEqual([]);
        }
      }
    });
  }
});
