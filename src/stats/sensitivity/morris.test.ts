/** Morris elementary effects on functions whose effects are known by hand. */
import { describe, expect, it } from 'vitest';
import { morrisDesign, morrisEffects } from './morris.js';

const outputs = (rows: Float64Array, dims: number, f: (x: number[]) => number) =>
  Float64Array.from({ length: rows.length / dims }, (_, i) => f([...rows.subarray(i * dims, (i + 1) * dims)]));

describe('Morris design', () => {
  it('moves each input once per trajectory, by ±Δ = 2/3 between levels of {0, 1/3, 2/3, 1} (p = 4)', () => {
    const dims = 5, r = 30;
    const rows = morrisDesign({ dimensions: dims, trajectories: r, seed: 3 });
    expect(rows.length).toBe(r * (dims + 1) * dims);
    const grid = [0, 1 / 3, 2 / 3, 1];
    expect([...rows].every((x) => grid.some((g) => Math.abs(g - x) < 1e-15))).toBe(true);
    for (let t = 0; t < r; t++) {
      const moved: number[] = [];
      for (let s = 0; s < dims; s++) {
        const from = (t * (dims + 1) + s) * dims;
        const changed = [...Array(dims).keys()].filter((i) => rows[from + dims + i] !== rows[from + i]);
        expect(changed).toHaveLength(1);
        expect(Math.abs(rows[from + dims + changed[0]!]! - rows[from + changed[0]!]!)).toBeCloseTo(2 / 3, 15);
        moved.push(changed[0]!);
      }
      expect(moved.sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('is the same from the same seed, another from another', () => {
    const spec = { dimensions: 4, trajectories: 10, seed: 7 };
    expect(morrisDesign(spec)).toEqual(morrisDesign(spec));
    expect(morrisDesign({ ...spec, seed: 8 })).not.toEqual(morrisDesign(spec));
  });

  it('with Campolongo’s candidates, keeps trajectories more spread than the first r drawn', () => {
    const dims = 4, r = 6;
    const spread = (rows: Float64Array) => {
      const size = (dims + 1) * dims;
      const traj = Array.from({ length: r }, (_, t) => rows.subarray(t * size, (t + 1) * size));
      let total = 0;
      for (let a = 0; a < r; a++) for (let b = a + 1; b < r; b++) {
        let d = 0;
        for (let p = 0; p < size; p += dims) for (let q = 0; q < size; q += dims) {
          let s = 0;
          for (let z = 0; z < dims; z++) s += (traj[a]![p + z]! - traj[b]![q + z]!) ** 2;
          d += Math.sqrt(s);
        }
        total += d * d;
      }
      return total;
    };
    const plain = morrisDesign({ dimensions: dims, trajectories: r, seed: 2 });
    const spreadOut = morrisDesign({ dimensions: dims, trajectories: r, seed: 2, candidates: 40 });
    expect(spread(spreadOut)).toBeGreaterThan(spread(plain));
  });
});

describe('Morris effects', () => {
  const dims = 4, r = 20;
  const rows = morrisDesign({ dimensions: dims, trajectories: r, seed: 11 });

  it('of a linear function are its coefficients: μ = bᵢ, μ* = |bᵢ|, σ = 0; an unused input is 0', () => {
    // f = 5u₁ − 3u₂ + 0·u₃ + 0.5u₄: every elementary effect of input i is bᵢ exactly.
    const effects = morrisEffects(rows, outputs(rows, dims, ([a, b, _c, d]) => 5 * a! - 3 * b! + 0.5 * d!), dims);
    expect(effects.trajectories).toBe(r);
    const b = [5, -3, 0, 0.5];
    effects.factors.forEach((f, i) => {
      expect(f.mu).toBeCloseTo(b[i]!, 12);
      expect(f.muStar).toBeCloseTo(Math.abs(b[i]!), 12);
      expect(f.sigma).toBeCloseTo(0, 12);
    });
  });

  it('of u₁² are 2/3 or 4/3 (lower point 0 or 1/3): μ = μ* between them, σ > 0', () => {
    // EE = ((x + Δ)² − x²)/Δ = 2x + Δ with x ∈ {0, 1/3}, Δ = 2/3.
    const f = morrisEffects(rows, outputs(rows, dims, ([a]) => a! ** 2), dims).factors[0]!;
    expect(f.mu).toBeCloseTo(f.muStar, 12);
    expect(f.muStar).toBeGreaterThanOrEqual(2 / 3);
    expect(f.muStar).toBeLessThanOrEqual(4 / 3);
    expect(f.sigma).toBeGreaterThan(0.1);
  });

  it('of u₁·u₂ show the interaction as σ: each EE of u₁ is u₂’s level', () => {
    const effects = morrisEffects(rows, outputs(rows, dims, ([a, b]) => a! * b!), dims).factors;
    expect(effects[0]!.sigma).toBeGreaterThan(0.1);
    expect(effects[0]!.muStar).toBeLessThanOrEqual(1);
    expect(effects[2]!.muStar).toBe(0);
  });
});
