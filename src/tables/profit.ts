/**
 * Profitability as printable blocks: an overview of every actor, or one actor's full sheet with
 * a column per period, or per year when the periods are too many to read.
 */
import { actorName, sheetTotals, transactionName, type ProfitabilitySheet, type SheetLineKey, type SheetTotals } from '../analyses/index.js';
import type { ModelDocument } from '../core/index.js';
import { annualDiscountRate, PERIODS_PER_YEAR, recordById } from '../core/index.js';
import type { Locale } from '../i18n/index.js';
import { heading, paragraph, table, tableWidth, TEXT_WIDTH, type Block, type TableBlock } from './blocks.js';
import { amountsScaled, formatMoney, formatPercent } from './numbers.js';
import { costName, periodAt, periodCount, words } from './words.js';

/** Columns of a sheet: one per period, one per year, or as many periods a column as fit 12. */
export type Grouping = 'period' | 'year' | 'auto';

const MAX_COLUMNS = 12;

/**
 * A segment is a population, not a business: its members pay and receive, and gain the worth of
 * what they receive other than money. Their sheet speaks of that gain, never of revenue, NPV or
 * break-even (a segment of customers "loses" what it pays by construction).
 */
export function isSegment(doc: ModelDocument, actor: string): boolean {
  return recordById(doc.actors, actor)?.kind === 'segment';
}

/** What a segment's members gain in each period: value received plus money in, less money out and costs. */
export function netGain(sheet: ProfitabilitySheet): number[] {
  return sheet.totals.net.map((x, p) => x + sheet.totals.valueReceived[p]!);
}

/** Every actor's totals (`eachSheet(ecosystem, sheetTotals)`): businesses, then segments. */
export function overviewBlocks(doc: ModelDocument, sheets: SheetTotals[], locale: Locale): Block[] {
  const segments = sheets.filter((s) => isSegment(doc, s.actor));
  const businesses = sheets.filter((s) => !isSegment(doc, s.actor));
  return [
    ...businessOverview(doc, businesses, locale),
    ...(segments.length > 0 ? segmentOverview(doc, segments, locale) : []),
  ];
}

function segmentOverview(doc: ModelDocument, sheets: SheetTotals[], locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  return [
    heading(t('profit.segmentsTitle'), 2),
    table(
      [
        { title: t('column.segment') },
        { title: t('column.moneyPaid'), align: 'right' },
        { title: t('column.moneyReceived'), align: 'right' },
        { title: t('column.valueReceived'), align: 'right' },
        { title: t('column.netGain'), align: 'right' },
      ],
      sheets.map((s) => [
        actorName(doc, s.actor),
        money(s.payments + s.costs),
        money(s.revenue + s.financing),
        money(s.valueReceived),
        // Net cash plus value received, as the segment's sheet adds them period by period.
        money(s.net + s.valueReceived + s.financing),
      ]),
    ),
    paragraph(t('profit.segmentsNote')),
  ];
}

function businessOverview(doc: ModelDocument, sheets: SheetTotals[], locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  // Financing (equity, loans) gets its own column, only when the model has some.
  const financed = sheets.some((s) => s.financed);
  return [
    heading(t('profit.title', { model: doc.name })),
    paragraph(t('profit.intro', { periods: periodCount(locale, doc.period, doc.horizon), currency: doc.currency, rate: formatPercent(locale, annualDiscountRate(doc.discountRate)) })),
    table(
      [
        { title: t('column.actor') },
        { title: t('column.revenue'), align: 'right' },
        { title: t('column.payments'), align: 'right' },
        { title: t('column.costs'), align: 'right' },
        { title: t(financed ? 'column.operatingCash' : 'column.netCash'), align: 'right' },
        ...(financed ? [{ title: t('column.financing'), align: 'right' as const }] : []),
        { title: t('column.npv'), align: 'right' },
        { title: t('column.breakEven'), align: 'right' },
        { title: t('column.deepest'), align: 'right' },
        { title: t('column.deepestWhen') },
      ],
      sheets.map((s) => [
        actorName(doc, s.actor),
        money(s.revenue),
        money(s.payments),
        money(s.costs),
        money(s.net),
        ...(financed ? [money(s.financing)] : []),
        money(s.npv),
        breakEvenText(s, doc, locale, true),
        // Two cells, so a spreadsheet reads the amount as a number.
        s.deepest.amount < 0 ? money(s.deepest.amount) : '—',
        s.deepest.amount < 0 ? periodAt(locale, doc.period, s.deepest.period) : '',
      ]),
    ),
  ];
}

/** The break-even verdict; `short` for a table cell, where the horizon is said above the table. */
export function breakEvenText(sheet: Pick<SheetTotals, 'breakEven' | 'noCash' | 'financed'>, doc: ModelDocument, locale: Locale, short = false): string {
  const t = words(locale);
  if (sheet.breakEven === null) return t(short ? 'breakEven.notReached' : 'breakEven.notWithinHorizon');
  if (sheet.breakEven === 0) {
    return sheet.noCash ? t(sheet.financed ? 'breakEven.financingOnly' : 'breakEven.noCash') : t('breakEven.fromStart');
  }
  return periodAt(locale, doc.period, sheet.breakEven);
}

/** A sheet line's label: the transaction and the counterparty, or the cost line and its kind. */
export function sheetLineLabel(doc: ModelDocument, line: SheetLineKey, locale: Locale): string {
  const t = words(locale);
  if (line.kind === 'cost') return t('profit.costLine', { name: costName(doc, line.actor, line.index, locale), kind: t(`costKind.${line.costKind}`) });
  const arrow = line.direction === 'in' ? '←' : '→';
  return `${transactionName(doc, line.transaction)} ${arrow} ${actorName(doc, line.counterparty)}`;
}

export function sheetBlocks(doc: ModelDocument, sheet: ProfitabilitySheet, grouping: Grouping, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  // Period 0 holds only investments: show it when there are some.
  const showStart = sheet.totals.costs[0] !== 0;
  let columns = groupColumns(doc, columnSize(doc, grouping), showStart, locale);
  let figures = sheetTable(doc, sheet, columns, locale);
  // Scaled text fits TEXT_WIDTH: coarser runs of periods until it does, unless a grouping was asked.
  if (grouping === 'auto' && amountsScaled()) {
    for (const size of coarserSizes(doc, columnSize(doc, grouping))) {
      if (tableWidth(figures) <= TEXT_WIDTH) break;
      columns = groupColumns(doc, size, showStart, locale);
      figures = sheetTable(doc, sheet, columns, locale);
    }
  }
  if (isSegment(doc, sheet.actor)) return segmentSheetBlocks(doc, sheet, columns, figures, locale);
  const deepest =
    sheet.deepest.amount < 0
      ? t('sheet.deepestAt', { amount: money(sheet.deepest.amount), currency: doc.currency, period: periodAt(locale, doc.period, sheet.deepest.period) })
      : t('sheet.neverBelowZero');
  return [
    heading(t('sheet.title', { actor: actorName(doc, sheet.actor) })),
    paragraph(t(columns[0]?.start ? 'sheet.captionWithStart' : 'sheet.caption', { currency: doc.currency, grouping: groupingWords(doc, columns, locale) })),
    figures,
    paragraph(
      [
        t('sheet.npv', { rate: formatPercent(locale, annualDiscountRate(doc.discountRate)), amount: money(sheet.npv), currency: doc.currency }),
        t('sheet.breakEven', { verdict: breakEvenText(sheetTotals(sheet), doc, locale) }),
        t('sheet.deepest', { verdict: deepest }),
      ].join('\n'),
    ),
  ];
}

/** A segment's sheet: what its members pay and receive, the worth of what they receive, their net gain. */
function segmentSheetBlocks(doc: ModelDocument, sheet: ProfitabilitySheet, columns: Column[], figures: TableBlock, locale: Locale): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const value = sum(sheet.totals.valueReceived);
  const cash = sheet.totalNet + sum(sheet.totals.financing);
  return [
    heading(t('sheet.segmentTitle', { actor: actorName(doc, sheet.actor) })),
    paragraph(t(columns[0]?.start ? 'sheet.captionWithStart' : 'sheet.caption', { currency: doc.currency, grouping: groupingWords(doc, columns, locale) })),
    figures,
    paragraph(t('sheet.gainSummary', { gain: money(value + cash), value: money(value), money: money(cash), currency: doc.currency })),
  ];
}

/** The sheet's table: a row per line, a column per group of periods, and the total. */
function sheetTable(doc: ModelDocument, sheet: ProfitabilitySheet, columns: Column[], locale: Locale): TableBlock {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const group = (values: number[]) => columns.map((c) => sum(c.periods.map((p) => values[p] ?? 0)));
  const atEnd = (values: number[]) => columns.map((c) => values[c.periods[c.periods.length - 1]!] ?? 0);
  const row = (label: string, values: number[], total: number | undefined) => [label, ...values.map(money), total === undefined ? '' : money(total)];
  const rows: string[][] = [];
  const section = (title: string, lines: ProfitabilitySheet['revenues'], negate: boolean) => {
    if (lines.length === 0) return;
    rows.push([title, ...columns.map(() => ''), '']);
    for (const line of lines) {
      const values = group(line.values).map((x) => (negate ? -x : x));
      rows.push(row(`  ${sheetLineLabel(doc, line, locale)}`, values, negate ? -line.total : line.total));
    }
  };
  if (isSegment(doc, sheet.actor)) return segmentTable(doc, sheet, columns, locale, { group, row, section, rows });
  section(t('sheet.revenues'), sheet.revenues, false);
  section(t('sheet.payments'), sheet.payments, true);
  section(t('sheet.costs'), sheet.costs, true);
  rows.push(row(t(sheet.financing.length > 0 ? 'sheet.operatingNet' : 'sheet.net'), group(sheet.totals.net), sheet.totalNet));
  rows.push(row(t('sheet.cumulative'), atEnd(sheet.totals.cumulative), undefined));
  if (sheet.financing.length > 0) {
    section(t('sheet.financing'), sheet.financing, false);
    rows.push(row(t('sheet.cash'), atEnd(sheet.totals.cash), undefined));
  }
  rows.push(row(t('sheet.discounted'), group(sheet.totals.discounted), sheet.npv));
  if (sheet.totals.valueReceived.some((x) => x !== 0)) {
    rows.push(row(t('sheet.valueReceived'), group(sheet.totals.valueReceived), sum(sheet.totals.valueReceived)));
  }
  return table([{ title: '' }, ...columns.map((c) => ({ title: c.title, align: 'right' as const })), { title: t('column.total'), align: 'right' }], rows);
}

interface SheetRows {
  group: (values: number[]) => number[];
  row: (label: string, values: number[], total: number | undefined) => string[];
  section: (title: string, lines: ProfitabilitySheet['revenues'], negate: boolean) => void;
  rows: string[][];
}

/** A segment's rows: money in, money out, the worth of what is received, and the net gain. */
function segmentTable(doc: ModelDocument, sheet: ProfitabilitySheet, columns: Column[], locale: Locale, { group, row, section, rows }: SheetRows): TableBlock {
  const t = words(locale);
  section(t('sheet.moneyReceived'), sheet.revenues, false);
  section(t('sheet.moneyPaid'), [...sheet.payments, ...sheet.costs], true);
  section(t('sheet.financing'), sheet.financing, false);
  rows.push(row(t('sheet.valueReceived'), group(sheet.totals.valueReceived), sum(sheet.totals.valueReceived)));
  const gain = netGain(sheet).map((x, p) => x + sheet.totals.financing[p]!);
  rows.push(row(t('sheet.netGain'), group(gain), sum(gain)));
  return table([{ title: '' }, ...columns.map((c) => ({ title: c.title, align: 'right' as const })), { title: t('column.total'), align: 'right' }], rows);
}

interface Column {
  title: string;
  periods: number[];
  /** The column of period 0: investments before operations start. */
  start?: boolean;
}

/**
 * The sheet's columns. `auto`: one per period up to 12, else one per year when that fits, else
 * equal runs of periods. A last year or run shorter than the others says how many periods it has.
 */
function columnSize(doc: ModelDocument, grouping: Grouping): number {
  const perYear = PERIODS_PER_YEAR[doc.period];
  if (grouping === 'period') return 1;
  if (grouping === 'year') return perYear;
  if (doc.horizon <= MAX_COLUMNS) return 1;
  if (perYear > 1 && Math.ceil(doc.horizon / perYear) <= MAX_COLUMNS) return perYear;
  return Math.ceil(doc.horizon / MAX_COLUMNS);
}

/** Larger runs than `size`, in whole years once a run passes a year, up to the whole horizon. */
function coarserSizes(doc: ModelDocument, size: number): number[] {
  const perYear = PERIODS_PER_YEAR[doc.period];
  const sizes: number[] = [];
  for (let next = size + 1; next <= doc.horizon; next++) {
    if (next >= perYear && next % perYear !== 0) continue;
    // Only sizes that change the number of columns.
    if (Math.ceil(doc.horizon / next) < Math.ceil(doc.horizon / (sizes.at(-1) ?? size))) sizes.push(next);
  }
  return sizes;
}

function groupColumns(doc: ModelDocument, size: number, showStart: boolean, locale: Locale): Column[] {
  const t = words(locale);
  const start: Column[] = showStart ? [{ title: t('sheet.start'), periods: [0], start: true }] : [];
  const perYear = PERIODS_PER_YEAR[doc.period];
  const columns: Column[] = [];
  for (let first = 1; first <= doc.horizon; first += size) {
    const periods = Array.from({ length: Math.min(size, doc.horizon - first + 1) }, (_, i) => first + i);
    const last = periods[periods.length - 1]!;
    let title: string;
    if (size === 1) title = String(first);
    else if (size === perYear) {
      const year = t('sheet.yearColumn', { n: Math.ceil(first / perYear) });
      title = periods.length < size ? `${year} (${periodCount(locale, doc.period, periods.length)})` : year;
    } else title = first === last ? String(first) : `${first}–${last}`;
    columns.push({ title, periods });
  }
  return [...start, ...columns];
}

/** How a sheet is grouped, in words, for its caption. */
function groupingWords(doc: ModelDocument, columns: Column[], locale: Locale): string {
  const t = words(locale);
  const size = Math.max(...columns.map((c) => c.periods.length));
  if (size === 1) return t('period.per', { period: doc.period });
  if (size === PERIODS_PER_YEAR[doc.period]) return t('sheet.byYear', { period: doc.period });
  return t('sheet.byRuns', { runs: periodCount(locale, doc.period, size) });
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
