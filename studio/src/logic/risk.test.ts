import { describe, expect, it } from 'vitest';
import { correlationNote, driversReading, rankingRows, drawnDrivers, fanLines, histogramBars, sharePercent, shownResult, tornadoBars, type SavedSummary } from './risk.js';

const saved = (id: number, version: number, kind: 'risk' | 'sensitivity', settings: SavedSummary['settings'] = {}): SavedSummary => ({ id, version, kind, settings, savedAt: '', stale: false });

describe('the Risk tab’s decisions', () => {
  it('shows the newest result of the version on screen, else the newest of an older one, never a newer one', () => {
    const results = [saved(1, 1, 'risk'), saved(2, 2, 'risk'), saved(3, 1, 'risk'), saved(4, 2, 'sensitivity', { method: 'sobol' }), saved(5, 1, 'sensitivity', { method: 'tornado' }), saved(6, 3, 'risk')];
    expect(shownResult(results, 'risk', 2)?.id).toBe(2);
    expect(shownResult(results, 'risk', 1)?.id).toBe(3);
    expect(shownResult(results, 'risk', 3)?.id).toBe(6);
    // Version 2's Sobol ranking is the last run on it: shown, whatever its method; version 1 shows its tornado.
    expect(shownResult(results, 'sensitivity', 2)?.id).toBe(4);
    expect(shownResult(results, 'sensitivity', 1)?.id).toBe(5);
    expect(shownResult([saved(7, 4, 'risk')], 'risk', 3)).toBeUndefined();
    expect(shownResult([], 'risk', 1)).toBeUndefined();
  });

  it('writes a probability in whole percents, with a tenth near 0 and 100 %', () => {
    // 4,100 of 10,000 futures: 41 %.
    expect(sharePercent(0.41)).toEqual({ percent: 41, digits: 0 });
    expect(sharePercent(0.4149)).toEqual({ percent: 41, digits: 0 });
    expect(sharePercent(0.005)).toEqual({ percent: 0.5, digits: 1 });
    // 1 of 10,000: 0.01 %, written 0.1 % rather than 0 %.
    expect(sharePercent(0.0001)).toEqual({ percent: 0.1, digits: 1 });
    expect(sharePercent(0.9996)).toEqual({ percent: 99.9, digits: 1 });
    expect(sharePercent(0.996)).toEqual({ percent: 99.6, digits: 1 });
    expect(sharePercent(0)).toEqual({ percent: 0, digits: 0 });
    expect(sharePercent(1)).toEqual({ percent: 100, digits: 0 });
  });

  it('draws the histogram as each bin’s share of every future, outside ones included', () => {
    // 2 + 5 + 3 in the bins, 1 below, 1 above: 12 futures.
    const bars = histogramBars({ edges: [0, 10, 20, 40], bins: [2, 5, 3], below: 1, above: 1 });
    expect(bars.centres).toEqual([5, 15, 30]);
    expect(bars.shares).toEqual([2 / 12, 5 / 12, 3 / 12]);
  });

  it('draws the fan chart one line per percentile over the periods', () => {
    const fan = { percentiles: [5, 50, 95], values: [[0, 0, 0], [-3, 1, 4], [-5, 2, 9]] };
    expect(fanLines(fan)).toEqual({ periods: [0, 1, 2], lines: [[0, -3, -5], [0, 1, 2], [0, 4, 9]] });
  });

  it('puts the widest swing first in the tornado and leaves out what moves nothing', () => {
    const e = (parameter: string, measure: number) => ({ parameter, measure, low: 0, high: 1, atLow: 0, atHigh: measure });
    expect(tornadoBars([e('a', 3), e('b', 10), e('c', 0), e('d', 5)]).map((x) => x.parameter)).toEqual(['b', 'd', 'a']);
    expect(tornadoBars([e('a', 3), e('b', 10), e('d', 5)], 2).map((x) => x.parameter)).toEqual(['b', 'd']);
  });

  it('names the drawn assumptions that stand out from the noise, the strongest correlation first', () => {
    const ranking = [
      { parameter: 'a', spearman: 0.2, drives: true },
      { parameter: 'b', spearman: -0.7, drives: true },
      { parameter: 'c', spearman: 0.01, drives: false },
      { parameter: 'd', spearman: Number.NaN, drives: false },
    ];
    expect(drawnDrivers({ draws: 1000, constant: false, ranking })).toEqual([{ parameter: 'b', spearman: -0.7 }, { parameter: 'a', spearman: 0.2 }]);
    expect(drawnDrivers({ draws: 1000, constant: true, ranking: [] })).toEqual([]);
    // A run that gives no drivers (an older result) names none.
    expect(drawnDrivers(undefined)).toEqual([]);
  });

  it('says what the draws make of a figure: nothing reaches it, nothing stands out, or its drivers', () => {
    expect(driversReading({ draws: 2048, constant: true, ranking: [] })).toEqual({ kind: 'constant' });
    // 1/√2047 = 0.0221: |ρ| must pass 0.0663 to drive; 0.05 does not.
    expect(driversReading({ draws: 2048, noise: 0.0221, constant: false, ranking: [{ parameter: 'a', spearman: 0.05, src: 0.05, prcc: 0.06, drives: false }] })).toEqual({ kind: 'noise', draws: 2048 });
    const ranking = [
      { parameter: 'a', spearman: 0.3, src: 0.31, prcc: 0.5, drives: true },
      { parameter: 'b', spearman: -0.6, src: -0.58, prcc: -0.8, drives: true },
      { parameter: 'c', spearman: 0.01, src: 0.0, prcc: 0.02, drives: false },
    ];
    expect(driversReading({ draws: 2048, constant: false, ranking })).toEqual({ kind: 'drivers', draws: 2048, drivers: [{ parameter: 'b', spearman: -0.6, src: -0.58, prcc: -0.8 }, { parameter: 'a', spearman: 0.3, src: 0.31, prcc: 0.5 }] });
    expect(driversReading(undefined)).toBeUndefined();
  });

  it('draws a regression, Morris or Sobol ranking, the highest measure first, with its intervals', () => {
    const reg = (parameter: string, spearman: number) => ({ method: 'regression' as const, parameter, measure: Math.abs(spearman), spearman, src: 0, srrc: 0, prcc: 0 });
    expect(rankingRows([reg('a', 0.2), reg('b', -0.9), reg('c', 0)])).toEqual([{ parameter: 'b', measure: 0.9, bars: [{ value: -0.9 }] }, { parameter: 'a', measure: 0.2, bars: [{ value: 0.2 }] }]);
    // μ* = 12 ± 3: the bar's interval is [9, 15].
    expect(rankingRows([{ method: 'morris', parameter: 'm', measure: 12, mu: -4, muStar: 12, muStarError: 3, sigma: 20 }])).toEqual([{ parameter: 'm', measure: 12, bars: [{ value: 12, low: 9, high: 15 }] }]);
    const index = (value: number, low: number, high: number) => ({ value, standardError: 0.01, low, high });
    expect(rankingRows([{ method: 'sobol', parameter: 's', measure: 0.56, first: index(0.31, 0.28, 0.34), total: index(0.56, 0.52, 0.6) }])).toEqual([{ parameter: 's', measure: 0.56, bars: [{ value: 0.31, low: 0.28, high: 0.34 }, { value: 0.56, low: 0.52, high: 0.6 }] }]);
  });

  it('says which rankings read correlated assumptions as independent', () => {
    expect(correlationNote({ method: 'sobol', correlated: [] })).toBeUndefined();
    expect(correlationNote({ method: 'tornado', correlated: ['a', 'b'] })).toEqual({ method: 'tornado', parameters: ['a', 'b'] });
    expect(correlationNote({ method: 'morris', correlated: ['a', 'b'] })?.method).toBe('morris');
    expect(correlationNote({ method: 'regression', correlated: ['a', 'b'], correlationsDrawn: true })).toEqual({ method: 'drawn', parameters: ['a', 'b'] });
  });
});
