/**
 * `symbiose sensitivity`: per actor, the assumptions ranked by what they do to its NPV, with the
 * method's figures, the ones to test first, and the assumptions held. Tornado bars are drawn for
 * terminal text only (`bars`): in Markdown, CSV and sheets they would be noise.
 */
import { actorName, type ActorSensitivity, type AssumptionEffect, type SensitivityResult } from '../analyses/index.js';
import type { ModelDocument } from '../core/index.js';
import { formatNumber, type Locale } from '../i18n/index.js';
import { heading, list, paragraph, table, type Align, type Block } from './blocks.js';
import { formatCount, formatFigure, formatMoney, formatPercent } from './numbers.js';
import { listOf, words } from './words.js';

export interface SensitivityBlockOptions {
  /** Draw tornado bars in a column (terminal text). */
  bars?: boolean;
}

/** How many assumptions "test first" names per actor. */
const TEST_FIRST = 3;
/** Below this R² a linear reading is called poor (Saltelli et al., Primer 2008, §1.2.5: "R² < 0.7"). */
const LINEAR_ENOUGH = 0.7;
/** Half a tornado bar's width, in characters. */
const HALF_BAR = 12;

export function sensitivityBlocks(doc: ModelDocument, result: SensitivityResult, locale: Locale, options: SensitivityBlockOptions = {}): Block[] {
  const t = words(locale);
  const blocks: Block[] = [heading(t('sensitivity.title', { model: doc.name })), paragraph(introOf(doc, result, locale))];
  if (result.failed > 0) {
    blocks.push(paragraph(t('sensitivity.failed', { failed: formatCount(locale, result.failed), evaluations: formatCount(locale, result.evaluations), codes: (result.failure ?? []).join(', ') })));
  }
  if (result.correlated.length > 0) {
    const key = result.correlationsDrawn ? 'sensitivity.correlatedDrawn' : `sensitivity.correlatedIgnored.${result.method}` as const;
    blocks.push(paragraph(t(key, { parameters: listOf(locale, result.correlated) })));
  }
  if (result.assumptions.sampled.length === 0) blocks.push(paragraph(t('sensitivity.noAssumptions')));
  else for (const actor of result.actors) blocks.push(...actorBlocks(doc, result, actor, locale, options));
  blocks.push(...heldBlocks(result, locale));
  return blocks;
}

function introOf(doc: ModelDocument, result: SensitivityResult, locale: Locale): string {
  const t = words(locale);
  return t(`sensitivity.intro.${result.method}`, {
    runs: formatCount(locale, result.runs),
    seed: result.seed,
    evaluations: formatCount(locale, result.evaluations),
    currency: doc.currency,
    sampling: result.sampling ? t(`sensitivity.sampling.${result.sampling}`) : '',
    level: formatPercent(locale, 0.95).replace(/[.,]0(?=\D)/, ''),
  });
}

function actorBlocks(doc: ModelDocument, result: SensitivityResult, actor: ActorSensitivity, locale: Locale, options: SensitivityBlockOptions): Block[] {
  const t = words(locale);
  const title = actor.role === 'segment' ? 'sensitivity.segment' : 'sensitivity.actor';
  const blocks: Block[] = [heading(t(title, { actor: actorName(doc, actor.actor), base: formatMoney(locale, actor.base) }), 2)];
  if (actor.constant) return [...blocks, paragraph(t('sensitivity.constant'))];
  // Assumptions whose measure is exactly 0 (the figure did not move with them) are named in one line.
  const moving = actor.ranking.filter((e) => e.measure !== 0);
  const still = actor.ranking.filter((e) => e.measure === 0).map((e) => e.parameter);
  blocks.push(effectTable(result, { ...actor, ranking: moving }, locale, options));
  if (still.length > 0) blocks.push(paragraph(t('sensitivity.noEffect', { parameters: listOf(locale, still) })));
  if (result.method === 'tornado' && options.bars) blocks.push(paragraph(t('sensitivity.bars')));
  if (result.method === 'regression' && actor.rSquared !== undefined && Number.isNaN(actor.rSquared)) {
    const assumptions = result.assumptions.sampled.length;
    blocks.push(paragraph(t('sensitivity.noFit', { runs: formatCount(locale, result.runs), assumptions, needed: assumptions + 2 })));
  } else if (result.method === 'regression' && actor.rSquared !== undefined) {
    const r2 = formatNumber(locale, actor.rSquared, 2), rankR2 = formatNumber(locale, actor.rankRSquared ?? NaN, 2);
    blocks.push(paragraph(t(actor.rSquared >= LINEAR_ENOUGH ? 'sensitivity.linear' : 'sensitivity.linearPoor', { r2, rankR2 })));
  }
  if (result.method === 'sobol') {
    // Σ Sᵢ = 1 for an additive figure; what is missing is explained only by interactions.
    const sum = actor.ranking.reduce((total, e) => total + (e.method === 'sobol' && Number.isFinite(e.first.value) ? e.first.value : 0), 0);
    blocks.push(paragraph(t('sensitivity.interactions', { sum: formatNumber(locale, sum, 2), share: formatPercent(locale, Math.max(0, 1 - sum)) })));
  }
  const first = actor.ranking.filter((e) => e.measure > 0).slice(0, TEST_FIRST).map((e) => e.parameter);
  if (first.length > 0) blocks.push(paragraph(t('sensitivity.testFirst', { parameters: listOf(locale, first) })));
  return blocks;
}

type Column = { title: string; align?: Align };

function effectTable(result: SensitivityResult, actor: ActorSensitivity, locale: Locale, options: SensitivityBlockOptions): Block {
  const t = words(locale);
  const money = (x: number) => (Number.isFinite(x) ? formatMoney(locale, x) : '—');
  const coefficient = (x: number) => (Number.isFinite(x) ? formatNumber(locale, x, 2) : '—');
  const index = (x: number) => (Number.isFinite(x) ? formatNumber(locale, x, 3) : '—');
  const right = (key: Parameters<typeof t>[0]): Column => ({ title: t(key), align: 'right' });
  const name: Column = { title: t('sensitivity.column.assumption') };
  const level = formatPercent(locale, 0.95).replace(/[.,]0(?=\D)/, '');
  const scale = Math.max(0, ...actor.ranking.map((e) => (e.method === 'tornado' ? Math.max(Math.abs(e.atLow - actor.base), Math.abs(e.atHigh - actor.base)) : 0)).filter(Number.isFinite));
  const rows = actor.ranking.map((e: AssumptionEffect): string[] => {
    switch (e.method) {
      case 'tornado': {
        const cells = [e.parameter, `${compact(locale, e.low)} → ${compact(locale, e.high)}`, money(e.atLow), money(e.atHigh), money(e.measure)];
        return options.bars ? [...cells, bar(e.atLow - actor.base, e.atHigh - actor.base, scale)] : cells;
      }
      case 'regression': return [e.parameter, coefficient(e.spearman), coefficient(e.src), coefficient(e.srrc), coefficient(e.prcc)];
      case 'morris': return [e.parameter, money(e.muStar), money(e.muStarError), money(e.mu), money(e.sigma)];
      case 'sobol': return [e.parameter, index(e.first.value), `[${index(e.first.low)}; ${index(e.first.high)}]`, index(e.total.value), `[${index(e.total.low)}; ${index(e.total.high)}]`];
    }
  });
  const interval = { title: t('sensitivity.column.interval', { level }), align: 'right' as const };
  const columns: Record<SensitivityResult['method'], Column[]> = {
    tornado: [name, right('sensitivity.column.range'), right('sensitivity.column.atLow'), right('sensitivity.column.atHigh'), right('sensitivity.column.swing'), ...(options.bars ? [{ title: t('sensitivity.column.bar'), align: 'right' as const }] : [])],
    regression: [name, right('sensitivity.column.spearman'), right('sensitivity.column.src'), right('sensitivity.column.srrc'), right('sensitivity.column.prcc')],
    morris: [name, right('sensitivity.column.muStar'), right('sensitivity.column.standardError'), right('sensitivity.column.mu'), right('sensitivity.column.sigma')],
    sobol: [name, right('sensitivity.column.first'), interval, right('sensitivity.column.total'), interval],
  };
  return table(columns[result.method], rows);
}

/** A range's end in few characters: scaled from 10,000 up (150 M), as amounts are; else 3 significant digits. */
function compact(locale: Locale, x: number): string {
  return Math.abs(x) >= 10_000 ? formatMoney(locale, x) : formatFigure(locale, x);
}

/**
 * A tornado bar (all bars of a table the same width, right-aligned so the table never cuts them) around the base NPV: the change with the assumption at the low end (▒) and at
 * the high end (█), each drawn on its side of the axis, HALF_BAR characters for the largest
 * change of the table. When both fall on one side the longer is drawn.
 */
export function bar(lowChange: number, highChange: number, scale: number): string {
  const cells = (x: number) => (scale > 0 && Number.isFinite(x) ? Math.round((HALF_BAR * Math.abs(x)) / scale) : 0);
  const side = (sign: 1 | -1) => {
    const low = Math.sign(lowChange) === sign ? cells(lowChange) : 0;
    const high = Math.sign(highChange) === sign ? cells(highChange) : 0;
    return (high >= low ? '█' : '▒').repeat(Math.max(low, high));
  };
  const left = side(-1), right = side(1);
  return `${' '.repeat(HALF_BAR - left.length)}${left}│${right}${' '.repeat(HALF_BAR - right.length)}`;
}

function heldBlocks(result: SensitivityResult, locale: Locale): Block[] {
  const t = words(locale);
  const { held } = result.assumptions;
  const reasoned = held.filter((h) => h.reason !== 'no-range');
  const unranged = held.filter((h) => h.reason === 'no-range').map((h) => h.parameter);
  return [
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
