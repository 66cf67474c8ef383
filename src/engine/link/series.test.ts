import { describe, expect, it } from 'vitest';
import { DynamicsSeries, meansInto, periodsOf } from './series.js';

describe('period means', () => {
  it('puts each saved step in the period it starts, and averages over it', () => {
    // dt 0.5 from 0 to 2: steps start at 0, 0.5 (period 1), 1, 1.5 (period 2); 2 is past the horizon.
    const periods = periodsOf([0, 0.5, 1, 1.5, 2], 0, 2);
    expect([...periods.of]).toEqual([1, 1, 2, 2, 0]);
    expect([...periods.counts]).toEqual([0, 2, 2]);
    // Index 0 is the initial value; period 1 is (4 + 6) / 2, period 2 is (8 + 12) / 2.
    expect([...meansInto([4, 6, 8, 12, 99], periods, new Float64Array(3))]).toEqual([4, 5, 10]);
    // A period without steps has no mean.
    expect([...meansInto([1, 2], periodsOf([0, 1], 0, 3), new Float64Array(4))]).toEqual([1, 1, 2, Number.NaN]);
  });
});

describe('the series of a run', () => {
  const periods = periodsOf([0, 1, 2], 0, 2);
  const owner = {};
  const names = new Set(['a', 'b', 'c']);
  const read = ['b'];
  /** Every series as a second run would give it, and how many times it was asked for. */
  const restOf = (scale: number) => {
    const counter = { calls: 0 };
    const rest = () => {
      counter.calls++;
      return new Map([
        ['a', Float64Array.of(1, 1, 1).map((x) => x * scale)],
        ['b', Float64Array.of(7, 7, 7)],
        ['c', Float64Array.of(3, 3, 3).map((x) => x * scale)],
      ]);
    };
    return { counter, rest };
  };
  const saved = (scale: number) => (name: string) => (name === 'b' ? [2 * scale, 4 * scale, 6 * scale] : undefined);

  it('works out the series read, and the others only when asked for', () => {
    const { counter, rest } = restOf(1);
    const series = new DynamicsSeries(owner, names, read, 2, rest).fill(saved(1), periods, rest);
    // b's saved steps 2, 4 (period 1), 6 (period 2).
    expect([...series.get('b')!]).toEqual([2, 2, 4]);
    expect(series.size).toBe(3);
    expect(series.has('c')).toBe(true);
    expect(series.has('d')).toBe(false);
    expect(series.get('d')).toBeUndefined();
    expect(counter.calls).toBe(0);
    expect([...series.get('c')!]).toEqual([3, 3, 3]);
    // Every series in the order of the run, b being the array the run worked out (not the rest's 7s).
    expect([...series].map(([name, values]) => [name, [...values]])).toEqual([
      ['a', [1, 1, 1]],
      ['b', [2, 2, 4]],
      ['c', [3, 3, 3]],
    ]);
    expect([...series.keys()]).toEqual(['a', 'b', 'c']);
    expect(counter.calls).toBe(1);
  });

  it('is filled again in place by a later run, which its readers then read', () => {
    const first = restOf(1);
    const series = new DynamicsSeries(owner, names, read, 2, first.rest).fill(saved(1), periods, first.rest);
    const b = series.get('b');
    expect([...series.get('a')!]).toEqual([1, 1, 1]);
    expect(DynamicsSeries.of(series, owner, read)).toBe(series);
    // Only for the same owner and the same names read.
    expect(DynamicsSeries.of(series, {}, read)).toBeUndefined();
    expect(DynamicsSeries.of(series, owner, ['b'])).toBeUndefined();
    expect(DynamicsSeries.of(new Map(), owner, read)).toBeUndefined();
    const second = restOf(10);
    series.fill(saved(10), periods, second.rest);
    expect(series.get('b')).toBe(b);
    expect([...b!]).toEqual([20, 20, 40]);
    expect([...series.get('a')!]).toEqual([10, 10, 10]);
    expect(second.counter.calls).toBe(1);
  });
});
