/**
 * Profitability as printable blocks: an overview of every actor, or one actor's full sheet with
 * a column per period, or per year when the periods are too many to read.
 */
import type { ProfitabilitySheet } from '../../analyses/index.js';
import type { ModelDocument } from '../../core/index.js';
import { PERIODS_PER_YEAR } from '../../core/index.js';
import { heading, paragraph, table, type Block } from './blocks.js';
import { formatMoney } from './numbers.js';

export type Grouping = 'period' | 'year';

export function overviewBlocks(doc: ModelDocument, sheets: ProfitabilitySheet[]): Block[] {
  return [
    heading(`Profitability — ${doc.name}`),
    paragraph(`Over ${doc.horizon} ${doc.period}s in ${doc.currency}; NPV at ${((doc.discountRate ?? 0) * 100).toFixed(1)} % a year.`),
    table(
      [
        { title: 'Actor' },
        { title: 'Revenue', align: 'right' },
        { title: 'Payments', align: 'right' },
        { title: 'Costs', align: 'right' },
        { title: 'Net cash', align: 'right' },
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
        formatMoney(s.npv),
        breakEvenText(s, doc),
        s.deepest.amount < 0 ? `${formatMoney(s.deepest.amount)} (${doc.period} ${s.deepest.period})` : '—',
      ]),
    ),
  ];
}

export function breakEvenText(sheet: ProfitabilitySheet, doc: ModelDocument): string {
  if (sheet.breakEven === null) return 'not within horizon';
  if (sheet.breakEven === 0) return sheet.totals.cumulative.every((x) => x === 0) ? '— (no cash)' : 'from the start';
  return `${doc.period} ${sheet.breakEven}`;
}

/** Years when a column per period would pass 12 columns and periods group into years. */
export function defaultGrouping(doc: ModelDocument): Grouping {
  return doc.horizon > 12 && PERIODS_PER_YEAR[doc.period] > 1 ? 'year' : 'period';
}

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
  rows.push(row('Net cash flow', group(sheet.totals.net), sheet.totalNet));
  rows.push(row('Cumulative position', atEnd(sheet.totals.cumulative), undefined));
  rows.push(row('Discounted net cash flow', group(sheet.totals.discounted), sheet.npv));
  if (sheet.totals.valueReceived.some((x) => x !== 0)) {
    rows.push(row('Value received (non-money)', group(sheet.totals.valueReceived), sum(sheet.totals.valueReceived)));
  }
  return [
    heading(`Profitability sheet — ${sheet.name}`),
    paragraph(
      `${doc.currency}, ${grouping === 'year' ? `by year (${doc.period}s grouped)` : `per ${doc.period}`}; ` +
        `${doc.period} 0 holds investments made before operations start.`,
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

function groupColumns(doc: ModelDocument, grouping: Grouping, showStart: boolean): Array<{ title: string; periods: number[] }> {
  const periods = Array.from({ length: doc.horizon + 1 }, (_, p) => p);
  const start = showStart ? [{ title: '0', periods: [0] }] : [];
  if (grouping === 'period') return [...start, ...periods.slice(1).map((p) => ({ title: String(p), periods: [p] }))];
  const perYear = PERIODS_PER_YEAR[doc.period];
  const years = Math.ceil(doc.horizon / perYear);
  return [
    ...start,
    ...Array.from({ length: years }, (_, y) => ({
      title: `Y${y + 1}`,
      periods: periods.filter((p) => p > y * perYear && p <= (y + 1) * perYear),
    })),
  ];
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
