import { describe, expect, it } from 'vitest';
import { heading, list, paragraph, table } from './blocks.js';
import { figureCell, seriesSheet, sheetsOf, sheetsToCsv } from './sheets.js';

describe('figures read back from printed tables', () => {
  it('reads English and French figures, minus signs and percentages', () => {
    expect(figureCell('1,234,567', 'en')).toBe(1_234_567);
    expect(figureCell('−12.50', 'en')).toBe(-12.5);
    expect(figureCell('35.3 %', 'en')).toEqual({ fraction: 0.353 });
    // French: narrow no-break space for thousands, comma for decimals, a space before %.
    expect(figureCell('1\u202f234,5', 'fr')).toBe(1234.5);
    expect(figureCell('−0,5\u202f%', 'fr')).toEqual({ fraction: -0.005 });
  });

  it('keeps what is not a figure as text', () => {
    for (const text of ['—', 'never', 'month 12', '∞', 'NaN', '12 (month 3)', '']) expect(figureCell(text, 'en')).toBe(text);
  });
});

describe('blocks as sheets', () => {
  const blocks = [
    heading('Profit — Shop'),
    paragraph('prose is left out'),
    table([{ title: 'Actor' }, { title: 'Net', align: 'right' }, { title: 'Break-even', align: 'right' }], [['Shop', '1,000', 'month 2'], ['Buyer, Inc.', '−1,000', '—']]),
    table([{ title: 'Actor' }, { title: 'Share', align: 'right' }], [['Shop', '100.0 %']]),
    heading('Key partners', 2),
    list(['Bank "B"'], '(none)'),
  ] as const;

  it('makes one sheet per table or list, titled by the heading above it', () => {
    expect(sheetsOf(blocks, 'en')).toEqual([
      { title: 'Profit — Shop', columns: ['Actor', 'Net', 'Break-even'], rows: [['Shop', 1000, 'month 2'], ['Buyer, Inc.', -1000, '—']] },
      { title: 'Profit — Shop (2)', columns: ['Actor', 'Share'], rows: [['Shop', { fraction: 1 }]] },
      { title: 'Key partners', columns: ['Key partners'], rows: [['Bank "B"']] },
    ]);
  });

  it('writes CSV sections with RFC 4180 quoting, or a plain table for one sheet', () => {
    const sheets = sheetsOf(blocks, 'en');
    expect(sheetsToCsv(sheets.slice(0, 1))).toBe('Actor,Net,Break-even\nShop,1000,month 2\n"Buyer, Inc.",-1000,—\n');
    expect(sheetsToCsv(sheets.slice(1))).toBe('Profit — Shop (2)\nActor,Share\nShop,1\n\nKey partners\nKey partners\n"Bank ""B"""\n');
  });

  it('turns a simulation into one sheet, non-finite values as text', () => {
    const run = { times: Float64Array.from([0, 1]), series: new Map([['x', Float64Array.from([1.5, Number.NaN])]]) };
    expect(seriesSheet('Simulation', run)).toEqual({ title: 'Simulation', columns: ['Time', 'x'], rows: [[0, 1.5], [1, 'NaN']] });
  });
});
