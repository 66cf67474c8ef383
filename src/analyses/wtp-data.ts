/**
 * Willingness-to-pay surveys read from a CSV file, one row per respondent:
 * - Van Westendorp: four columns, too cheap, cheap (or bargain), expensive and too expensive (in
 *   English or French: trop bon marché, bon marché, cher, trop cher);
 * - Gabor–Granger: one column per price asked, headed by the price (10, 20 €, 29,90), each cell
 *   yes or no (oui/non, 1/0), blank when the question was not asked.
 * Which one a file holds is told by its header. Pure: text in, answers or located faults out.
 */
import type { PriceAnswers } from '../stats/index.js';
import { cellNumber, cellYesNo, columnKey, findColumn, parseCsv, type CsvFault, type CsvTable } from './survey-csv.js';

export type WtpSurvey =
  | { readonly method: 'van-westendorp'; readonly answers: readonly PriceAnswers[] }
  | { readonly method: 'gabor-granger'; readonly prices: readonly number[]; readonly answers: readonly (readonly (boolean | undefined)[])[] };

const COLUMNS = {
  tooCheap: ['too cheap', 'toocheap', 'trop bon marché', 'trop bon marche', 'trop peu cher'],
  cheap: ['cheap', 'bargain', 'bon marché', 'bonne affaire', 'peu cher'],
  expensive: ['expensive', 'getting expensive', 'cher'],
  tooExpensive: ['too expensive', 'tooexpensive', 'trop cher'],
} as const;

function vanWestendorp(table: CsvTable): { survey?: WtpSurvey; faults: CsvFault[] } {
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, names]) => [key, findColumn(table, names)])) as Record<keyof typeof COLUMNS, number>;
  const faults: CsvFault[] = Object.entries(at)
    .filter(([, i]) => i < 0)
    .map(([key]) => ({ code: 'csv-missing-column', line: 1, column: COLUMNS[key as keyof typeof COLUMNS][0] }));
  if (faults.length > 0) return { faults };
  const answers: PriceAnswers[] = [];
  for (const row of table.rows) {
    const read = (i: number) => {
      const x = cellNumber(row.cells[i]!);
      if (x === undefined || x < 0) faults.push({ code: 'csv-not-a-price', line: row.line, column: table.header[i]!, value: row.cells[i]! });
      return x ?? 0;
    };
    answers.push({ tooCheap: read(at.tooCheap), cheap: read(at.cheap), expensive: read(at.expensive), tooExpensive: read(at.tooExpensive) });
  }
  if (faults.length === 0 && answers.length === 0) faults.push({ code: 'csv-too-few-rows', line: 1 });
  return faults.length > 0 ? { faults } : { survey: { method: 'van-westendorp', answers }, faults };
}

function gaborGranger(table: CsvTable, priceColumns: number[]): { survey?: WtpSurvey; faults: CsvFault[] } {
  const faults: CsvFault[] = [];
  const answers = table.rows.map((row) =>
    priceColumns.map((i) => {
      const cell = row.cells[i]!;
      if (cell.trim() === '') return undefined;
      const yes = cellYesNo(cell);
      if (yes === undefined) faults.push({ code: 'csv-not-yes-no', line: row.line, column: table.header[i]!, value: cell });
      return yes;
    }),
  );
  if (faults.length === 0 && answers.length === 0) faults.push({ code: 'csv-too-few-rows', line: 1 });
  const prices = priceColumns.map((i) => cellNumber(table.header[i]!)!);
  return faults.length > 0 ? { faults } : { survey: { method: 'gabor-granger', prices, answers }, faults };
}

export function wtpSurveyFromCsv(text: string): { survey?: WtpSurvey; faults: CsvFault[] } {
  const { table, faults } = parseCsv(text);
  if (!table) return { faults };
  const priceColumns = table.header.map((h, i) => (cellNumber(h) !== undefined ? i : -1)).filter((i) => i >= 0);
  if (priceColumns.length > 0) return gaborGranger(table, priceColumns);
  const named = Object.values(COLUMNS).some((names) => findColumn(table, names) >= 0);
  if (!named) return { faults: [{ code: 'csv-not-a-survey', line: 1, value: table.header.map(columnKey).join(', ') }] };
  return vanWestendorp(table);
}
