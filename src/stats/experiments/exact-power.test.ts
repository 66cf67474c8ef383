import { describe, expect, it } from 'vitest';
import { exactPower } from './exact-power.js';

// References: scipy 1.10.1 and statsmodels 0.13.5 (Debian) with /usr/bin/python3, by enumeration:
//   def exact_power(na, nb, pa, pb, test, alpha=0.05):
//       ba = stats.binom.pmf(range(na+1), na, pa); bb = stats.binom.pmf(range(nb+1), nb, pb)
//       power = 0.0
//       for xa in range(na+1):
//           for xb in range(nb+1):
//               t = [[xa, xb], [na-xa, nb-xb]]
//               p = stats.fisher_exact(t)[1]              # 'fisher'
//               p = stats.boschloo_exact(t).pvalue        # 'boschloo'
//               p = 1.0 if xa + xb in (0, na + nb) else proportions_ztest([xa, xb], [na, nb])[1]  # 'z'
//               if p <= alpha: power += ba[xa]*bb[xb]
//       return power
describe('exact power by enumeration', () => {
  it.each([
    // exact_power(50, 50, 0.10, 0.15, 'fisher') → 0.060591083763799035; size (0.10, 0.10) → 0.01786154319391492
    [50, 50, 0.1, 0.15, 'fisher', 0.060591083763799035, 0.01786154319391492],
    // exact_power(50, 50, 0.10, 0.15, 'z') → 0.12295326576179536; size → 0.05057461432345224
    [50, 50, 0.1, 0.15, 'z', 0.12295326576179536, 0.05057461432345224],
    // exact_power(20, 20, 0.2, 0.6, 'fisher') → 0.6502249209351988; size (0.2, 0.2) → 0.02258525603600906
    [20, 20, 0.2, 0.6, 'fisher', 0.6502249209351988, 0.02258525603600906],
    // exact_power(20, 20, 0.2, 0.6, 'z') → 0.753494024234552
    [20, 20, 0.2, 0.6, 'z', 0.753494024234552, undefined],
    // unequal groups: exact_power(15, 25, 0.1, 0.5, 'fisher') → 0.7324618776892976
    [15, 25, 0.1, 0.5, 'fisher', 0.7324618776892976, undefined],
    // exact_power(20, 20, 0.2, 0.6, 'boschloo') → 0.7278590661564899; size → 0.0442990108610691
    [20, 20, 0.2, 0.6, 'boschloo', 0.7278590661564899, 0.0442990108610691],
  ] as const)('%i and %i trials, %f against %f, %s', (na, nb, pa, pb, test, power, size) => {
    const r = exactPower({ control: pa, variant: pb }, na, nb, test);
    expect(r.power).toBeCloseTo(power, 12);
    if (size !== undefined) expect(r.size).toBeCloseTo(size, 12);
  });

  it('shows the exact tests conservative at n = 50 and Boschloo more powerful than Fisher', () => {
    const fisher = exactPower({ control: 0.1, variant: 0.15 }, 50, 50, 'fisher');
    const boschloo = exactPower({ control: 0.1, variant: 0.15 }, 50, 50, 'boschloo');
    expect(fisher.size).toBeLessThan(0.05);
    expect(boschloo.size).toBeLessThan(0.05);
    expect(boschloo.power).toBeGreaterThan(fisher.power);
  });

  it('refuses designs too large to enumerate', () => {
    expect(() => exactPower({ control: 0.1, variant: 0.2 }, 1000, 1000, 'boschloo')).toThrow(/normal approximation/);
    expect(() => exactPower({ control: 0.1, variant: 0.2 }, 0, 10, 'fisher')).toThrow(/whole number/);
  });
});
