/**
 * `symbiose risk`: what was drawn, an overview of every actor's chances, then each actor's
 * figures with their standard errors, its histogram and its fan chart (drawn for terminals,
 * tables of bands for Markdown, CSV and workbooks).
 */
import { actorName, DRIVER_NOISE_MULTIPLE, type ActorDrivers, type ActorRisk, type BusinessRisk, type Distribution, type Estimate, type FanChart, type RiskResult, type SegmentRisk, type Spread } from '../analyses/index.js';
import type { ModelDocument } from '../core/index.js';
import type { Locale } from '../i18n/index.js';

import { heading, list, paragraph, table, type Block } from './blocks.js';
import { formatCount, formatFigure, formatMoney, formatPercent } from './numbers.js';
import { FAN_GLYPHS, fanLines, histogramLines } from './risk-charts.js';
import { listOf, periodAt, periodCount, words } from './words.js';

export interface RiskBlockOptions {
  /** Histograms and fan charts drawn in characters (text), rather than fan bands as tables. */
  drawings: boolean;
}

export function riskBlocks(doc: ModelDocument, result: RiskResult, locale: Locale, { drawings }: RiskBlockOptions = { drawings: false }): Block[] {
  const t = words(locale);
  const blocks: Block[] = [
    heading(t('risk.title', { model: doc.name })),
    paragraph(t('risk.intro', { runs: formatCount(locale, result.draws), sampling: t(`risk.sampling.${result.sampling}`), seed: result.seed, currency: doc.currency, periods: periodCount(locale, doc.period, doc.horizon) })),
  ];
  if (result.stoppedBy === 'precision') blocks.push(paragraph(t('risk.stoppedAtPrecision', { draws: formatCount(locale, result.draws), precision: formatPercent(locale, result.precision!), runs: formatCount(locale, result.runs) })));
  if (result.failed > 0) {
    blocks.push(paragraph(t('risk.failed', { failed: formatCount(locale, result.failed), runs: formatCount(locale, result.draws), codes: (result.failure ?? []).join(', ') })));
  }
  const businesses = result.actors.filter((a): a is BusinessRisk => a.role === 'business');
  const segments = result.actors.filter((a): a is SegmentRisk => a.role === 'segment');
  if (businesses.length > 0) blocks.push(heading(t('risk.overview'), 2), overview(doc, businesses, locale));
  if (segments.length > 0) blocks.push(heading(t('risk.segments'), 2), segmentOverview(doc, segments, locale), paragraph(t('risk.segmentsNote')));
  blocks.push(heading(t('risk.driversTitle'), 2), list(result.actors.map((a) => t('risk.driversItem', { actor: actorName(doc, a.actor), drivers: driversInWords(a, locale) })), t('risk.none')));
  for (const actor of result.actors) blocks.push(...actorBlocks(doc, actor, locale, drawings));
  blocks.push(...assumptionBlocks(result, locale), paragraph(t('risk.errorsNote')));
  const read = result.actors[0]?.drivers;
  if (read && result.assumptions.sampled.length > 0) {
    blocks.push(paragraph(t(read.draws < result.draws - result.failed ? 'risk.driversNoteFirst' : 'risk.driversNote', {
      draws: formatCount(locale, read.draws), multiple: DRIVER_NOISE_MULTIPLE, threshold: coefficient(locale, DRIVER_NOISE_MULTIPLE * read.noise),
    })));
  }
  const sketched = Math.max(...result.actors.map((a) => Math.max(headline(a).relativeError, a.fan.relativeError)));
  if (sketched > 0) blocks.push(paragraph(t('risk.sketched', { error: formatPercent(locale, sketched) })));
  return blocks;
}

const headline = (a: ActorRisk): Spread => (a.role === 'business' ? a.npv : a.gain);

function overview(doc: ModelDocument, actors: BusinessRisk[], locale: Locale): Block {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const pct = (x: number) => formatPercent(locale, x);
  return table(
    [
      { title: t('column.actor') },
      { title: t('risk.column.p50'), align: 'right' },
      { title: t('risk.column.mean'), align: 'right' },
      { title: t('risk.column.loss'), align: 'right' },
      { title: t('risk.column.standardError'), align: 'right' },
      { title: t('risk.column.breakEven'), align: 'right' },
      { title: t('risk.column.standardError'), align: 'right' },
    ],
    actors.map((a) => [actorName(doc, a.actor), money(a.npv.percentiles.p50.value), money(a.npv.mean.value), pct(a.lossProbability.value), pct(a.lossProbability.standardError), pct(a.breakEven.probability.value), pct(a.breakEven.probability.standardError)]),
  );
}

function segmentOverview(doc: ModelDocument, segments: SegmentRisk[], locale: Locale): Block {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  return table(
    [
      { title: t('column.segment') },
      { title: t('risk.column.p5'), align: 'right' },
      { title: t('risk.column.p50'), align: 'right' },
      { title: t('risk.column.p95'), align: 'right' },
      { title: t('risk.column.mean'), align: 'right' },
      { title: t('risk.column.standardError'), align: 'right' },
      { title: t('risk.column.segmentLoss'), align: 'right' },
      { title: t('risk.column.standardError'), align: 'right' },
    ],
    segments.map((s) => [
      actorName(doc, s.actor), money(s.gain.percentiles.p5.value), money(s.gain.percentiles.p50.value), money(s.gain.percentiles.p95.value), money(s.gain.mean.value), money(s.gain.mean.standardError),
      formatPercent(locale, s.lossProbability.value), formatPercent(locale, s.lossProbability.standardError),
    ]),
  );
}

/** A rank correlation, signed, with two decimals always (0.995 reads 1.00, not a perfect 1). */
function coefficient(locale: Locale, x: number): string {
  if (!Number.isFinite(x)) return '—';
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
  return /^-0[.,]00$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/** The drivers that stand out from the noise, in one line: "a (ρ = 0.85), b (ρ = −0.31)", or why there are none. */
function driversInWords(actor: ActorRisk, locale: Locale): string {
  const t = words(locale);
  const { drivers } = actor;
  if (drivers.constant || drivers.ranking.length === 0) return t(actor.role === 'business' ? 'risk.driversNone' : 'risk.driversNoneSegment');
  const standing = drivers.ranking.filter((d) => d.drives).slice(0, DRIVERS_NAMED);
  if (standing.length === 0) return t('risk.driversNoise', { draws: formatCount(locale, drivers.draws) });
  return listOf(locale, standing.map((d) => t('risk.driverOf', { parameter: d.parameter, rho: coefficient(locale, d.spearman) })));
}

/** Drivers named in the overview, and rows in an actor's table. */
const DRIVERS_NAMED = 3;
const DRIVER_ROWS = 10;

function driverTable(drivers: ActorDrivers, locale: Locale): Block | undefined {
  const t = words(locale);
  const rows = drivers.ranking.filter((d) => d.drives).slice(0, DRIVER_ROWS);
  if (rows.length === 0) return undefined;
  return table(
    [
      { title: t('sensitivity.column.assumption') },
      { title: t('sensitivity.column.spearman'), align: 'right' },
      { title: t('sensitivity.column.src'), align: 'right' },
      { title: t('sensitivity.column.prcc'), align: 'right' },
    ],
    rows.map((d) => [d.parameter, coefficient(locale, d.spearman), coefficient(locale, d.src), coefficient(locale, d.prcc)]),
  );
}

/** One actor: its estimates with their standard errors, its histogram, its fan chart. */
function actorBlocks(doc: ModelDocument, actor: ActorRisk, locale: Locale, drawings: boolean): Block[] {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  const pct = (x: number) => formatPercent(locale, x);
  const figure = (x: number) => formatFigure(locale, x);
  const rows: string[][] = [];
  const estimate = (label: string, e: Estimate, show: (x: number) => string) => rows.push([label, show(e.value), show(e.standardError)]);
  const spreadRows = (what: string, s: Spread, show: (x: number) => string) => {
    estimate(t('risk.row.p5', { what }), s.percentiles.p5, show);
    estimate(t('risk.row.p50', { what }), s.percentiles.p50, show);
    estimate(t('risk.row.p95', { what }), s.percentiles.p95, show);
    estimate(t('risk.row.mean', { what }), s.mean, show);
  };
  if (actor.role === 'business') {
    spreadRows(t('risk.what.npv'), actor.npv, money);
    estimate(t('risk.column.loss'), actor.lossProbability, pct);
    estimate(t('risk.row.breakEven'), actor.breakEven.probability, pct);
    if (actor.breakEven.period) spreadRows(t('risk.what.breakEven', { unit: t('risk.periodUnit', { period: doc.period }) }), actor.breakEven.period, figure);
    spreadRows(t('risk.what.deepest'), actor.deepest, money);
    estimate(t('risk.row.shortfall'), actor.deepest.expectedShortfall, money);
  } else {
    spreadRows(t('risk.what.gain'), actor.gain, money);
    estimate(t('risk.column.segmentLoss'), actor.lossProbability, pct);
  }
  const name = actorName(doc, actor.actor);
  const blocks: Block[] = [
    heading(name, 2),
    table([{ title: '' }, { title: t('risk.column.value'), align: 'right' }, { title: t('risk.column.standardError'), align: 'right' }], rows),
    paragraph(t('risk.driversOf', { drivers: driversInWords(actor, locale) })),
  ];
  const drivers = driverTable(actor.drivers, locale);
  if (drivers) blocks.push(drivers);
  const what = actor.role === 'business' ? t('risk.what.npv') : t('risk.what.gain');
  const periodLabel = (p: number) => periodAt(locale, doc.period, p);
  if (drawings) {
    blocks.push(paragraph([t('risk.histogram', { what, currency: doc.currency }), ...histogramLines(actor.histogram, money, pct)].join('\n')));
    blocks.push(paragraph([t('risk.fan', { actor: name }), ...fanLines(actor.fan, money, periodLabel), `  ${t('risk.fanLegend', FAN_GLYPHS)}`].join('\n')));
  } else blocks.push(paragraph(t('risk.fan', { actor: name })), fanTable(actor.fan, locale, periodLabel));
  return blocks;
}

function fanTable(fan: FanChart, locale: Locale, periodLabel: (p: number) => string): Block {
  const t = words(locale);
  const money = (x: number) => formatMoney(locale, x);
  return table(
    [{ title: t('risk.column.period') }, ...fan.percentiles.map((q) => ({ title: t('risk.column.percentile', { q }), align: 'right' as const }))],
    fan.values.map((row, p) => [periodLabel(p), ...row.map(money)]),
  );
}

/** A distribution as written in the output: PERT(50, 100, 250), Normal(10, 2)… */
export function distributionText(d: Distribution, locale: Locale): string {
  const t = words(locale);
  const f = (x: number) => formatFigure(locale, x);
  const bounds = (min?: number, max?: number) => (min !== undefined || max !== undefined ? t('risk.truncated', { min: min === undefined ? '−∞' : f(min), max: max === undefined ? '∞' : f(max) }) : '');
  const args = (...xs: number[]) => xs.map(f).join(t('risk.argumentSeparator'));
  switch (d.kind) {
    case 'uniform': return `${t('risk.kind.uniform')}(${args(d.min, d.max)})`;
    case 'triangular': return `${t('risk.kind.triangular')}(${args(d.min, d.mode, d.max)})`;
    case 'pert': return `PERT(${args(d.min, d.mode, d.max)})`;
    case 'normal': return `${t('risk.kind.normal')}(${args(d.mean, d.sd)})${bounds(d.min, d.max)}`;
    case 'lognormal': return `${t('risk.kind.lognormal')}(${args(d.mu, d.sigma)})${bounds(d.min, d.max)}`;
    case 'beta': return `Beta(${args(d.alpha, d.beta)})${d.min !== undefined || d.max !== undefined ? t('risk.onInterval', { min: f(d.min ?? 0), max: f(d.max ?? 1) }) : ''}`;
    case 'discrete': return `${t('risk.kind.discrete')}(${d.values.map((v, i) => `${f(v)}: ${f(d.weights[i]!)}`).join(t('risk.argumentSeparator'))})`;
  }
}

function assumptionBlocks(result: RiskResult, locale: Locale): Block[] {
  const t = words(locale);
  const { sampled, held } = result.assumptions;
  const reasoned = held.filter((h) => h.reason !== 'no-range');
  const unranged = held.filter((h) => h.reason === 'no-range').map((h) => h.parameter);
  return [
    heading(t('risk.drawn'), 2),
    list(sampled.map((a) => t(a.period ? 'risk.drawnPeriod' : 'risk.drawnItem', { parameter: a.parameter, distribution: distributionText(a.distribution, locale) })), t('risk.none')),
    heading(t('risk.held'), 2),
    list(
      [
        ...reasoned.map((h) => t('risk.heldItem', { parameter: h.parameter, reason: t(`risk.reason.${h.reason}`) })),
        ...(unranged.length > 0 ? [t('risk.noRange', { parameters: listOf(locale, unranged) })] : []),
      ],
      t('risk.none'),
    ),
  ];
}
