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
  constant: boolean;
  ranking: Array<{ parameter: string; spearman: number; drives: boolean }>;
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
export interface SensitivityJson {
  method: string;
  actors: Array<{ actor: string; role: string; base: number; constant: boolean; ranking: Array<TornadoEffect & { method: string }> }>;
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
 * any older version (shown as of its version), else none. For sensitivity, only tornadoes count.
 */
export function shownResult(results: readonly SavedSummary[], kind: 'risk' | 'sensitivity', version: number): SavedSummary | undefined {
  const ofKind = results.filter((r) => r.kind === kind && (kind === 'risk' || r.settings.method === 'tornado') && r.version <= version);
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

/** The drawn assumptions that stand out from the draws' noise, the strongest rank correlation first. */
export function drawnDrivers(drivers: DriversJson | undefined, most = 5): Array<{ parameter: string; spearman: number }> {
  if (!drivers || drivers.constant) return [];
  return drivers.ranking.filter((d) => d.drives && Number.isFinite(d.spearman)).sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman)).slice(0, most).map(({ parameter, spearman }) => ({ parameter, spearman }));
}
