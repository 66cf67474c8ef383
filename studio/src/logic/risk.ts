/**
 * The Risk tab's decisions, apart from React (pure): which saved results to show for the
 * version on screen, how a probability is written as a share of futures, and the series the
 * charts draw from a risk run's JSON (histogram, fan chart) and a tornado's ranking.
 */

export interface Estimate {
  value: number;
  standardError: number;
}
export interface Spread {
  percentiles: { p5: Estimate; p50: Estimate; p95: Estimate };
  mean: Estimate;
  sd: number;
}
export interface Histogram {
  edges: number[];
  bins: number[];
  below: number;
  above: number;
}
export interface Fan {
  percentiles: number[];
  values: number[][];
}
/** The drawn assumptions that move with an actor's figure over a run's draws (risk --ranges, when the run gives them). */
export interface DriversJson {
  draws: number;
  /** The standard deviation of ρ over that many draws for an assumption without effect, 1/√(n − 1). */
  noise?: number;
  constant: boolean;
  ranking: Array<{ parameter: string; spearman: number; src?: number; prcc?: number; drives: boolean }>;
}
export interface BusinessRiskJson {
  actor: string;
  actorName?: string;
  role: 'business';
  npv: Spread;
  histogram: Histogram;
  lossProbability: Estimate;
  breakEven: { probability: Estimate; period: Spread | null };
  deepest: Spread & { expectedShortfall: Estimate };
  fan: Fan;
  drivers?: DriversJson;
}
export interface SegmentRiskJson {
  actor: string;
  actorName?: string;
  role: 'segment';
  gain: Spread;
  histogram: Histogram;
  fan: Fan;
  drivers?: DriversJson;
}
export type ActorRiskJson = BusinessRiskJson | SegmentRiskJson;
export interface RiskJson {
  runs: number;
  draws: number;
  seed: number;
  sampling: 'mc' | 'lhs' | 'sobol';
  stoppedBy: 'runs' | 'precision' | 'cancelled';
  assumptions: { sampled: Array<{ parameter: string }>; held: Array<{ parameter: string; reason: string }> };
  failed: number;
  failure?: string[];
  actors: ActorRiskJson[];
}
export interface TornadoEffect {
  parameter: string;
  measure: number;
  low: number;
  high: number;
  atLow: number;
  atHigh: number;
}
export interface IndexJson {
  value: number;
  standardError: number;
  low: number;
  high: number;
}
/** One assumption in a ranking, with its method's figures (symbiose sensitivity --json). */
export type EffectJson =
  | ({ method: 'tornado' } & TornadoEffect)
  | { method: 'regression'; parameter: string; measure: number; spearman: number; src: number; srrc: number; prcc: number }
  | { method: 'morris'; parameter: string; measure: number; mu: number; muStar: number; muStarError: number; sigma: number }
  | { method: 'sobol'; parameter: string; measure: number; first: IndexJson; total: IndexJson };
export type SensitivityMethod = 'tornado' | 'regression' | 'morris' | 'sobol';
export const SENSITIVITY_METHODS: readonly SensitivityMethod[] = ['tornado', 'regression', 'morris', 'sobol'];
export interface SensitivityJson {
  method: SensitivityMethod;
  runs?: number;
  evaluations?: number;
  /** Drawn assumptions the model correlates; correlationsDrawn when the design drew them correlated (regression). */
  correlated?: string[];
  correlationsDrawn?: boolean;
  actors: Array<{ actor: string; role: string; base: number; constant: boolean; ranking: EffectJson[]; rSquared?: number; rankRSquared?: number }>;
}

/** A saved result as the API lists it. */
export interface SavedSummary {
  id: number;
  version: number;
  kind: 'risk' | 'sensitivity';
  settings: Record<string, string | number | boolean | null>;
  savedAt: string;
  stale: boolean;
}

/**
 * The saved result to show on opening: the newest of the version on screen, else the newest of
 * any older version (shown as of its version), else none. A sensitivity ranking of any method
 * counts: the tab shows the last one run.
 */
export function shownResult(results: readonly SavedSummary[], kind: 'risk' | 'sensitivity', version: number): SavedSummary | undefined {
  const ofKind = results.filter((r) => r.kind === kind && r.version <= version);
  const newest = (list: SavedSummary[]) => list.reduce<SavedSummary | undefined>((best, r) => (!best || r.id > best.id ? r : best), undefined);
  return newest(ofKind.filter((r) => r.version === version)) ?? newest(ofKind);
}

/**
 * A probability as a percentage to write: whole percents, but one decimal under 1 % and over
 * 99 %, so that a rare loss never reads as 0 % nor a near-certain one as 100 %.
 */
export function sharePercent(p: number): { percent: number; digits: number } {
  const percent = p * 100;
  if (p <= 0 || p >= 1) return { percent: Math.round(percent), digits: 0 };
  if (percent >= 1 && percent <= 99) return { percent: Math.round(percent), digits: 0 };
  // Between 0 and 1 %, or 99 and 100 %: a tenth, kept off the bounds themselves.
  const tenth = Math.min(99.9, Math.max(0.1, Math.round(percent * 10) / 10));
  return { percent: tenth, digits: 1 };
}

/** The histogram's bars: each bin's centre and its share of every future (those outside the bins too). */
export function histogramBars(h: Histogram): { centres: number[]; shares: number[] } {
  const total = h.bins.reduce((s, b) => s + b, 0) + h.below + h.above;
  const centres = h.bins.map((_, i) => (h.edges[i]! + h.edges[i + 1]!) / 2);
  return { centres, shares: h.bins.map((b) => (total > 0 ? b / total : 0)) };
}

/** The fan chart's lines, one per percentile of FAN_PERCENTILES, over the periods 0..horizon. */
export function fanLines(fan: Fan): { periods: number[]; lines: number[][] } {
  const periods = fan.values.map((_, p) => p);
  return { periods, lines: fan.percentiles.map((_, b) => fan.values.map((row) => row[b]!)) };
}

/** The tornado's bars, the widest swing first, at most `most` of them; effects that move nothing are left out. */
export function tornadoBars(ranking: readonly TornadoEffect[], most = 8): TornadoEffect[] {
  return ranking.filter((e) => Number.isFinite(e.measure) && e.measure > 0).sort((a, b) => b.measure - a.measure).slice(0, most);
}

/**
 * What the run's draws say of an actor's figure: no drawn assumption reaches it (the figure never
 * moved), none stands out from the noise of that many draws, or the drivers, strongest first.
 * None for a result without drivers (an older run).
 */
export type DriversReading =
  | { kind: 'constant' }
  | { kind: 'noise'; draws: number }
  | { kind: 'drivers'; draws: number; drivers: Array<{ parameter: string; spearman: number; src: number; prcc: number }> };

export function driversReading(drivers: DriversJson | undefined, most = 5): DriversReading | undefined {
  if (!drivers) return undefined;
  if (drivers.constant) return { kind: 'constant' };
  const named = drivers.ranking.filter((d) => d.drives && Number.isFinite(d.spearman)).sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman)).slice(0, most);
  if (named.length === 0) return { kind: 'noise', draws: drivers.draws };
  return { kind: 'drivers', draws: drivers.draws, drivers: named.map((d) => ({ parameter: d.parameter, spearman: d.spearman, src: d.src ?? Number.NaN, prcc: d.prcc ?? Number.NaN })) };
}

/** One bar of a ranking: its figure, with its interval when the method gives one (Sobol's bootstrap). */
export interface RankBar {
  value: number;
  low?: number;
  high?: number;
}
/** A ranking's rows as drawn: per assumption, one bar (ρ, μ*) or two (Sobol's first-order and total). */
export interface RankRow {
  parameter: string;
  measure: number;
  bars: RankBar[];
}

/**
 * The rows a regression, Morris or Sobol ranking draws, the one that ranks highest first, at most
 * `most`: the regression's Spearman ρ (signed, in [−1, 1]); Morris's μ* with ± its standard error;
 * Sobol's first-order and total indices with their bootstrap intervals. Rows whose measure is not
 * a finite number above zero move nothing and are left out.
 */
export function rankingRows(ranking: readonly EffectJson[], most = 8): RankRow[] {
  const rows = ranking.flatMap((e): RankRow[] => {
    if (!(Number.isFinite(e.measure) && e.measure > 0)) return [];
    switch (e.method) {
      case 'regression': return [{ parameter: e.parameter, measure: e.measure, bars: [{ value: e.spearman }] }];
      case 'morris': return [{ parameter: e.parameter, measure: e.measure, bars: [{ value: e.muStar, low: e.muStar - e.muStarError, high: e.muStar + e.muStarError }] }];
      case 'sobol': return [{ parameter: e.parameter, measure: e.measure, bars: [{ value: e.first.value, low: e.first.low, high: e.first.high }, { value: e.total.value, low: e.total.low, high: e.total.high }] }];
      case 'tornado': return [];
    }
  });
  return rows.sort((a, b) => b.measure - a.measure).slice(0, most);
}

/**
 * The note on correlations a ranking needs: none when the model correlates none of the drawn
 * assumptions; the regression drew them correlated; the tornado, Morris and Sobol read them as if
 * independent.
 */
export function correlationNote(result: Pick<SensitivityJson, 'method' | 'correlated' | 'correlationsDrawn'>): { method: Exclude<SensitivityMethod, 'regression'> | 'drawn'; parameters: string[] } | undefined {
  const parameters = result.correlated ?? [];
  if (parameters.length === 0) return undefined;
  if (result.method === 'regression') return result.correlationsDrawn ? { method: 'drawn', parameters } : undefined;
  return { method: result.method, parameters };
}

/** The drawn assumptions that stand out from the draws' noise, the strongest rank correlation first. */
export function drawnDrivers(drivers: DriversJson | undefined, most = 5): Array<{ parameter: string; spearman: number }> {
  if (!drivers || drivers.constant) return [];
  return drivers.ranking.filter((d) => d.drives && Number.isFinite(d.spearman)).sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman)).slice(0, most).map(({ parameter, spearman }) => ({ parameter, spearman }));
}
