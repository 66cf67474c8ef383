import { describe, expect, it } from 'vitest';
import { compile } from '../compile/index.js';
import type { Model } from '../model.js';
import { simulate } from '../simulate.js';
import { loopDominance, type Dominance } from './dominance.js';
import { feedbackStructure } from './structure.js';
import { bassModel, goalSeekingModel, logisticModel, logisticOneFlow } from './textbook.js';

function dominance(model: Model): { result: Dominance; series: Map<string, Float64Array>; times: Float64Array } {
  const { program, issues } = compile(model);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  const result = loopDominance(model, program!, feedbackStructure(model));
  if ('refused' in result) throw new Error('refused');
  const run = simulate(program!);
  return { result, series: run.series, times: run.times };
}

const scoresOf = (result: Dominance, loop: string) => result.scores.find((s) => s.loop === loop)!.relative;

describe('loop dominance (Loops that Matter)', () => {
  it('logistic growth: the reinforcing loop leads until the population reaches K/2, the balancing one after', () => {
    const { result, series, times } = dominance(logisticModel());
    const P = series.get('Population')!;
    const K = 1000;
    // By hand, for the step from t − dt to t (changed-first partials, one flow into the stock):
    //   LS(P → growth) = r·room(t − dt)·|ΔP| / |Δgrowth|, LS(growth → P) = 1,
    //   LS(P → room) = −1, LS(room → growth) = r·P(t − dt)·|Δroom| / |Δgrowth|, Δroom = −ΔP/K,
    // so R1's share is room / (room + P/K) = 1 − P(t − dt)/K, and B1's is −P(t − dt)/K.
    const R = scoresOf(result, 'R1');
    const B = scoresOf(result, 'B1');
    for (let i = 0; i < R.length; i++) {
      expect(R[i]).toBeCloseTo(1 - P[i]! / K, 9);
      expect(B[i]).toBeCloseTo(-P[i]! / K, 9);
    }
    // Two periods: R1 from the start, B1 from the first time the run's P reaches K/2.
    expect(result.periods.map((p) => p.loop)).toEqual(['R1', 'B1']);
    const switchAt = result.periods[1]!.from;
    const crossing = times[P.findIndex((p) => p >= K / 2)]!;
    expect(switchAt).toBe(crossing);
    // The closed form P(t) = K / (1 + ((K − P0)/P0)·e^(−rt)) has its inflection (P = K/2) at
    // t* = ln((K − P0)/P0)/r = ln(99) = 4.59512 for r = 1, P0 = 10. Euler grows by 1 + r·dt·room
    // a step where the closed form grows by e^(r·dt·room), about r·dt/2 less log-growth per unit
    // time: it reaches K/2 later by about (dt/2)·ln 99, read at the end of a step, so within
    // dt·(ln 99 / 2 + 1) = 0.052 of t* at dt = 1/64.
    expect(switchAt - Math.log(99)).toBeGreaterThan(0);
    expect(switchAt - Math.log(99)).toBeLessThan((1 / 64) * (Math.log(99) / 2 + 1));
    expect(result.periods[0]!.dominant).toBe(true);
    expect(result.periods[0]!.from).toBe(0);
    expect(result.periods[1]!.to).toBe(12);
  });

  it('the switch moves to the closed form as dt shrinks', () => {
    const gap = (dt: number) => {
      const { result } = dominance(logisticModel(dt, 8));
      return Math.abs(result.periods[1]!.from - Math.log(99));
    };
    expect(gap(1 / 256)).toBeLessThan(gap(1 / 16));
    expect(gap(1 / 256)).toBeLessThan(0.02);
  });

  it('first-order goal seeking: one balancing loop, the whole of the behaviour all the time', () => {
    const { result } = dominance(goalSeekingModel());
    expect(result.scores.map((s) => [s.loop, s.observed])).toEqual([['B1', 'balancing']]);
    expect(scoresOf(result, 'B1').every((r) => r === -1)).toBe(true);
    expect(result.periods).toEqual([{ partition: 1, from: 0, to: 30, loop: 'B1', share: 1, dominant: true }]);
  });

  it('Bass diffusion: word of mouth leads until the adopters reach N(q − p)/(2q), the peak of adoption', () => {
    const { result, series, times } = dominance(bassModel());
    const A = series.get('Adopters')!;
    const P = series.get('Potential')!;
    const [p, q, N] = [0.01, 0.5, 1000];
    // By hand: LS(Adopters → adoption) = (q/N)·Potential(t − dt)·|ΔA|/|Δadoption| and
    // LS(Potential → adoption) = (p + q·Adopters(t − dt)/N)·|ΔP|/|Δadoption|, the flows' links
    // ±1, and |ΔA| = |ΔP|: R1's share is (q/N)·P / ((q/N)·P + p + q·A/N).
    const R = scoresOf(result, 'R1');
    for (let i = 0; i < R.length; i++) {
      const r = (q / N) * P[i]!;
      expect(R[i]).toBeCloseTo(r / (r + p + (q * A[i]!) / N), 9);
    }
    // Equal shares when q(N − A)/N = p + qA/N, that is A = N(q − p)/(2q) = 490: the inflection of
    // Bass's curve, at t* = ln(q/p)/(p + q) = ln(50)/0.51 = 7.6706 in closed form.
    expect(result.periods.map((x) => x.loop)).toEqual(['R1', 'B1']);
    const switchAt = result.periods[1]!.from;
    expect(switchAt).toBe(times[A.findIndex((a) => a >= (N * (q - p)) / (2 * q))]!);
    expect(Math.abs(switchAt - Math.log(q / p) / (p + q))).toBeLessThan(0.15);
  });

  it('a loop whose sign the equations leave undetermined shows both signs in the run', () => {
    const { result } = dominance(logisticOneFlow());
    expect(result.scores.map((s) => [s.loop, s.observed])).toEqual([['U1', 'both']]);
  });

  it('lists but does not score a loop through the memory of a smooth, and says which variable', () => {
    // Perceived_gap = SMTH1(goal − Level, 3): its value is a hidden stock, which one step's
    // re-evaluation cannot move, so the loop has no score rather than a wrong one.
    const model = goalSeekingModel();
    model.variables = model.variables.map((v) => (v.name === 'adjusting' ? { ...v, equation: 'SMTH1(gap, 3) / adjustment_time' } : v));
    const { result } = dominance(model);
    expect(result.scores).toEqual([]);
    expect(result.unscored).toEqual([{ loop: 'B1', reason: 'memory', variable: 'adjusting' }]);
  });

  it('refuses a run past its bound on evaluations, before running it', () => {
    const model = logisticModel(1 / 64, 12);
    const { program } = compile(model);
    // 768 steps × (4 links: P → growth, growth → P, P → room, room → growth; + 2 + 3 links along R1
    // and B1) = 768 × 9 = 6,912 evaluations.
    expect(loopDominance(model, program!, feedbackStructure(model), { maxEvaluations: 6000 })).toEqual({ refused: 'too-large', evaluations: 6912, max: 6000 });
  });
});
