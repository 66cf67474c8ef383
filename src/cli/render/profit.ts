/**
 * Profitability as printable blocks: an overview of every actor, or one actor's full sheet with
 * a column per period, or per year when the periods are too many to read.
 */
import type { ProfitabilitySheet } from '../../analyses/index.js';
import type { ModelDocument } from '../../core/index.js';
import { PERIODS_PER_YEAR } from '../../core/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatMoney } from './numbers.js';

/** Columns of a sheet: one per period, one per year, or as many periods a column as fit 12. */
export type Grouping = 'period' | 'year' | 'auto';

const MAX_COLUMNS = 12;

export function overviewBlocks(doc: ModelDocument, sheets: ProfitabilitySheet[]): Block[] {
  // Financing (equity, loans) gets its own column, only when the model has some.
  const financed = sheets.some((s) => s.financing.length > 0);
  return [
    heading(`Profitability — ${doc.name}`),
    paragraph(`Over ${doc.horizon} ${doc.period}s in ${doc.currency}; NPV at ${((doc.discountRate ?? 0) * 100).toFixed(1)} % a year.`),
    table(
      [
        { title: 'Actor' },
        { title: 'Revenue', align: 'right' },
        { title: 'Payments', align: 'right' },
        { title: 'Costs', align: 'right' },
        { title: financed ? 'Operating cash' : 'Net cash', align: 'right' },
        ...(financed ? [{ title: 'Financing', align: 'right' as const }] : []),
        { title: 'NPV', align: 'right' },
        { title: 'Break-even', align: 'right' },
        { title: 'Deepest position', align: 'right' },
      ],
      sheets.map((s) => [
        s.name,
        formatMoney(sum(s.totals.revenue)),
        formatMoney(sum(s.totals.payments)),
        formatMoney(sum(s.totals.costs)),
        formatMoney(s.totalNet),
        ...(financed ? [formatMoney(sum(s.totals.financing))] : []),
        formatMoney(s.npv),
        breakEvenText(s, doc),
        s.deepest.amount < 0 ? `${formatMoney(s.deepest.amount)} (${doc.period} ${s.deepest.period})` : '—',
      ]),
    ),
  ];
}

export function breakEvenText(sheet: ProfitabilitySheet, doc: ModelDocument): string {
  if (sheet.breakEven === null) return 'not within horizon';
  if (sheet.breakEven === 0) {
    const none = sheet.totals.cumulative.every((x) => x === 0);
    return none ? (sheet.financing.length > 0 ? '— (financing only)' : '— (no cash)') : 'from the start';
  }
  return `${doc.period} ${sheet.breakEven}`;
}

/** Years when a column per period would pass 12 columns and periods group into years. */

export function sheetBlocks(doc: ModelDocument, sheet: ProfitabilitySheet, grouping: Grouping): Block[] {
  // Period 0 holds only investments: show it when there are some.
  const columns = groupColumns(doc, grouping, sheet.totals.costs[0] !== 0);
  const group = (values: number[]) => columns.map((c) => sum(c.periods.map((p) => values[p] ?? 0)));
  const atEnd = (values: number[]) => columns.map((c) => values[c.periods[c.periods.length - 1]!] ?? 0);
  const row = (label: string, values: number[], total: number | undefined) => [label, ...values.map(formatMoney), total === undefined ? '' : formatMoney(total)];
  const rows: string[][] = [];
  const section = (title: string, lines: ProfitabilitySheet['revenues'], negate: boolean) => {
    if (lines.length === 0) return;
    rows.push([title, ...columns.map(() => ''), '']);
    for (const line of lines) {
      const values = group(line.values).map((x) => (negate ? -x : x));
      rows.push(row(`  ${line.label}`, values, negate ? -line.total : line.total));
    }
  };
  section('Revenues', sheet.revenues, false);
  section('Payments to others', sheet.payments, true);
  section('Costs', sheet.costs, true);
  rows.push(row(sheet.financing.length > 0 ? 'Operating net cash flow' : 'Net cash flow', group(sheet.totals.net), sheet.totalNet));
  rows.push(row('Cumulative position', atEnd(sheet.totals.cumulative), undefined));
  if (sheet.financing.length > 0) {
    section('Financing', sheet.financing, false);
    rows.push(row('Cash position (with financing)', atEnd(sheet.totals.cash), undefined));
  }
  rows.push(row('Discounted net cash flow', group(sheet.totals.discounted), sheet.npv));
  if (sheet.totals.valueReceived.some((x) => x !== 0)) {
    rows.push(row('Value received (non-money)', group(sheet.totals.valueReceived), sum(sheet.totals.valueReceived)));
  }
  return [
    heading(`Profitability sheet — ${sheet.name}`),
    paragraph(
      `${doc.currency}, ${groupingWords(doc, columns)}` +
        (columns[0]?.title === 'Start' ? '; Start holds the investments made before operations start.' : '.'),
    ),
    table([{ title: '' }, ...columns.map((c) => ({ title: c.title, align: 'right' as const })), { title: 'Total', align: 'right' }], rows),
    paragraph(
      [
        `NPV at ${((doc.discountRate ?? 0) * 100).toFixed(1)} % a year: ${formatMoney(sheet.npv)} ${doc.currency}`,
        `Break-even: ${breakEvenText(sheet, doc)}`,
        `Deepest cumulative position: ${sheet.deepest.amount < 0 ? `${formatMoney(sheet.deepest.amount)} ${doc.currency} in ${doc.period} ${sheet.deepest.period}` : 'never below zero'}`,
      ].join('\n'),
    ),
  ];
}

/**
 * The sheet's columns. `auto`: one per period up to 12, else one per year when that fits, else
 * equal runs of periods. A last year or run shorter than the others says how many periods it has.
 */
function groupColumns(doc: ModelDocument, grouping: Grouping, showStart: boolean): Array<{ title: string; periods: number[] }> {
  const start = showStart ? [{ title: 'Start', periods: [0] }] : [];
  const perYear = PERIODS_PER_YEAR[doc.period];
  let size: number;
  if (grouping === 'period') size = 1;
  else if (grouping === 'year') size = perYear;
  else if (doc.horizon <= MAX_COLUMNS) size = 1;
  else if (perYear > 1 && Math.ceil(doc.horizon / perYear) <= MAX_COLUMNS) size = perYear;
  else size = Math.ceil(doc.horizon / MAX_COLUMNS);
  const columns: Array<{ title: string; periods: number[] }> = [];
  for (let first = 1; first <= doc.horizon; first += size) {
    const periods = Array.from({ length: Math.min(size, doc.horizon - first + 1) }, (_, i) => first + i);
    const last = periods[periods.length - 1]!;
    let title: string;
    if (size === 1) title = String(first);
    else if (size === perYear) title = `Y${Math.ceil(first / perYear)}${periods.length < size ? ` (${periods.length} ${doc.period}s)` : ''}`;
    else title = first === last ? String(first) : `${first}–${last}`;
    columns.push({ title, periods });
  }
  return [...start, ...columns];
}

/** How a sheet is grouped, in words, for its caption. */
function groupingWords(doc: ModelDocument, columns: Array<{ periods: number[] }>): string {
  const size = Math.max(...columns.map((c) => c.periods.length));
  if (size === 1) return `per ${doc.period}`;
  if (size === PERIODS_PER_YEAR[doc.period]) return `by year (${doc.period}s grouped)`;
  return `by runs of ${size} ${doc.period}s`;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
