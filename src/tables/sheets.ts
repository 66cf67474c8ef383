/**
 * Printed blocks as a spreadsheet sees them (--format csv and xlsx): every table, and every list
 * under its heading, becomes a sheet of rows; figures in right-aligned columns become numbers
 * again (percentages as fractions), everything else stays text. Prose paragraphs are left out.
 * Pure.
 */
import { numberFormat, type Locale } from '../i18n/index.js';
import { listed, type StreamedBlock } from './blocks.js';
import type { SeriesSet } from './series.js';

/** A percentage, kept apart so a spreadsheet can show it as one. */
export interface Percent {
  fraction: number;
}
export type Cell = string | number | Percent;

export interface Sheet {
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** The sheets of a command's blocks, titled by the heading above each. */
export function sheetsOf(blocks: Iterable<StreamedBlock>, locale: Locale): Sheet[] {
  return [...eachSheetOf(blocks, locale)];
}

/** sheetsOf one by one, each made when its block is read (a CSV of 10⁵ rows streams). */
export function* eachSheetOf(blocks: Iterable<StreamedBlock>, locale: Locale): Generator<Sheet> {
  const titles: string[] = [];
  let title = '';
  const titled = (base: string) => {
    const taken = titles.filter((s) => s === base || s.startsWith(`${base} (`)).length;
    const made = taken === 0 ? base : `${base} (${taken + 1})`;
    titles.push(made);
    return made;
  };
  for (const each of blocks) {
    const block = listed(each);
    if (block.kind === 'heading') title = block.text;
    else if (block.kind === 'list') yield { title: titled(title), columns: [title], rows: block.items.map((item) => [item]) };
    else if (block.kind === 'table') {
      const numeric = block.columns.map((c) => c.align === 'right');
      yield {
        title: titled(title),
        columns: block.columns.map((c) => c.title),
        rows: block.rows.map((row) => block.columns.map((_, i) => (numeric[i] ? figureCell(row[i] ?? '', locale) : row[i] ?? ''))),
      };
    }
  }
}

/** A printed figure ("1,234.5", "−12", "35.3 %"; "1 234,5" in French) as a number, or the text. */
export function figureCell(text: string, locale: Locale): Cell {
  const { group, decimal } = separators(locale);
  const percent = /[\s\u00a0\u202f]?%$/.exec(text);
  const digits = (percent ? text.slice(0, percent.index) : text)
    .trim()
    .replace(/^[−-]/, '-')
    .replaceAll(group, '')
    .replace(/[\u00a0\u202f ]/g, '')
    .replace(decimal, '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(digits)) return text;
  const value = Number(digits);
  // 12 significant digits, as JSON output: 66.1 % is 0.661, not 0.6609999999999999.
  return percent ? { fraction: Number((value / 100).toPrecision(12)) } : value;
}

const SEPARATORS = new Map<Locale, { group: string; decimal: string }>();

/** The thousands and decimal marks a locale prints, as the CLI's number formats use them. */
function separators(locale: Locale): { group: string; decimal: string } {
  let found = SEPARATORS.get(locale);
  if (!found) {
    const parts = numberFormat(locale, 1, 1).formatToParts(12345.6);
    found = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    SEPARATORS.set(locale, found);
  }
  return found;
}

/**
 * CSV (RFC 4180 quoting, one line per row, as simulate --csv). One sheet is a plain table;
 * several are sections, each a title row, its header and rows, separated by an empty line.
 */
export function sheetsToCsv(sheets: Iterable<Sheet>): string {
  return [...sheetCsvChunks(sheets)].join('');
}

/** sheetsToCsv piece by piece, a line at a time; at most two sheets are held (to tell one from several). */
export function* sheetCsvChunks(sheets: Iterable<Sheet>): Generator<string> {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const cell = (c: Cell) => (typeof c === 'string' ? quote(c) : String(typeof c === 'number' ? c : c.fraction));
  function* section(sheet: Sheet): Generator<string> {
    yield sheet.columns.map(quote).join(',') + '\n';
    for (const row of sheet.rows) yield row.map(cell).join(',') + '\n';
  }
  const each = sheets[Symbol.iterator]();
  const first = each.next();
  if (first.done) return;
  let next = each.next();
  if (next.done) return yield* section(first.value);
  yield `${quote(first.value.title)}\n`;
  yield* section(first.value);
  while (!next.done) {
    yield `\n${quote(next.value.title)}\n`;
    yield* section(next.value);
    next = each.next();
  }
}

/** Most values a workbook is built with in memory; past it, CSV streams instead. */
export const MAX_SHEET_VALUES = 2_000_000;

/**
 * Simulation results as one sheet: a Time column (as in simulate's CSV), then one column per
 * variable, full precision. NaN and infinities, which a workbook cannot hold as numbers, are
 * written as text.
 */
export function seriesSheet(title: string, run: SeriesSet): Sheet {
  const values = [...run.series.values()];
  const cell = (x: number): Cell => (Number.isFinite(x) ? x : String(x));
  return { title, columns: ['Time', ...run.series.keys()], rows: Array.from(run.times, (t, i) => [t, ...values.map((v) => cell(v[i]!))]) };
}
