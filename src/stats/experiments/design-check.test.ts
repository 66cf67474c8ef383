import { describe, expect, it } from 'vitest';
import { checkDesign } from './design-check.js';

// References (Debian scipy 1.10.1 / statsmodels 0.13.5, /usr/bin/python3) as quoted in
// power.test.ts and exact-power.test.ts; the exact power is exact_power(50, 50, 0.10, 0.15,
// 'boschloo') from exact-power.test.ts's script → 0.08539318303897431.
describe('whether a design can answer its test card', () => {
  it('says two groups of 50 cannot tell 10 % from 15 % conversion, with the numbers', () => {
    const check = checkDesign({ control: 0.1, variant: 0.15 }, 50, 50);
    expect(check.code).toBe('design-cannot-answer');
    // pp(0.05, 0.10, 50, ratio=1, alpha=0.05).power → 0.11684964832480885
    expect(check.normalPower).toBeCloseTo(0.11684964832480885, 12);
    // Boschloo's test, run on these counts, would find a real 5-point lift 8.5 times in 100.
    expect(check.exactPower?.test).toBe('boschloo');
    expect(check.exactPower?.power).toBeCloseTo(0.08539318303897431, 12);
    // It would take 726 per group (Fleiss with continuity correction: 725.045168558508, power.test.ts) …
    expect([check.needed.trialsA, check.needed.trialsB]).toEqual([726, 726]);
    expect(check.needed.method).toBe('normal-continuity');
    // … and 50 per group detects only a rise from 10 % to 32.7 % (brentq on pp, power.test.ts).
    expect(check.detectable.variant).toBeCloseTo(0.3268870277128349, 10);
  });

  it('lets a large design answer on the normal power when enumeration is out of reach', () => {
    // pp(0.05, 0.10, 800, ratio=1, alpha=0.05).power → 0.8569701539536302
    const check = checkDesign({ control: 0.1, variant: 0.15 }, 800, 800);
    expect(check.code).toBe('design-can-answer');
    expect(check.normalPower).toBeCloseTo(0.8569701539536302, 12);
    expect(check.exactPower).toBeUndefined();
  });
});
