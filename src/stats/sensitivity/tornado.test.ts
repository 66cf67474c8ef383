import { describe, expect, it } from 'vitest';
import { tornado, tornadoDesign } from './tornado.js';

describe('tornado', () => {
  it('moves one input at a time to each end of its range and ranks by swing', () => {
    // f = 2a − 10b + c², base (1, 1, 0), ranges a ∈ [0, 4], b ∈ [0.9, 1.2], c ∈ [−3, 3].
    const rows = tornadoDesign([1, 1, 0], [0, 0.9, -3], [4, 1.2, 3]);
    expect([...rows.subarray(0, 3)]).toEqual([1, 1, 0]);
    expect([...rows.subarray(3 * 3, 4 * 3)]).toEqual([1, 0.9, 0]);
    const f = (i: number) => 2 * rows[i * 3]! - 10 * rows[i * 3 + 1]! + rows[i * 3 + 2]! ** 2;
    const result = tornado(Array.from({ length: 7 }, (_, i) => f(i)), 3);
    expect(result.base).toBe(-8);
    // By hand: a swings 8 (−10 to −2), b 3 (−7 to −10), c 0 (1 and 1: a bowl a tornado cannot see).
    expect(result.bars.map((b) => b.factor)).toEqual([0, 1, 2]);
    expect(result.bars[0]).toEqual({ factor: 0, atLow: -10, atHigh: -2, swing: 8 });
    expect(result.bars[1]!.swing).toBeCloseTo(3, 12);
    expect(result.bars[2]).toEqual({ factor: 2, atLow: 1, atHigh: 1, swing: 0 });
  });
});
