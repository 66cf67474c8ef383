import { describe, expect, it } from 'vitest';
import { drawnDrivers, fanLines, histogramBars, sharePercent, shownResult, tornadoBars, type SavedSummary } from './risk.js';

const saved = (id: number, version: number, kind: 'risk' | 'sensitivity', settings: SavedSummary['settings'] = {}): SavedSummary => ({ id, version, kind, settings, savedAt: '', stale: false });

describe('the Risk tab’s decisions', () => {
  it('shows the newest result of the version on screen, else the newest of an older one, never a newer one', () => {
    const results = [saved(1, 1, 'risk'), saved(2, 2, 'risk'), saved(3, 1, 'risk'), saved(4, 2, 'sensitivity', { method: 'sobol' }), saved(5, 1, 'sensitivity', { method: 'tornado' }), saved(6, 3, 'risk')];
    expect(shownResult(results, 'risk', 2)?.id).toBe(2);
    expect(shownResult(results, 'risk', 1)?.id).toBe(3);
    expect(shownResult(results, 'risk', 3)?.id).toBe(6);
    // Version 2 has only a Sobol ranking: the tornado of version 1 is shown, as version 1's.
    expect(shownResult(results, 'sensitivity', 2)?.id).toBe(5);
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
});
