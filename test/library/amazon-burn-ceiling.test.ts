/**
 * Amazon's burn under its ranges (seed 000, Figure 25: « Amazon [...] a mis 6 ans et « brûlé » 2,8
 * milliards de dollars avant de devenir rentable »; 5.3.4: the pioneers invest « aussi fortement que
 * possible »). The growth investment follows the policy's share of sales, but never beyond what the
 * investors finance, the seed's 2,8 G$: so no assumption at either end of its range makes Amazon burn
 * more than the seed's figure. Before that ceiling, orders_per_customer at 8 burnt 106 G$ and gave an
 * NPV of −51,2 G$.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profitability, rangeEnds, runSensitivity, planRisk } from '../../src/analyses/index.js';
import { evaluate, loadModel } from '../../src/core/index.js';
import { prepareDynamics } from '../../src/engine/index.js';
import { prepareDistribution } from '../../src/stats/index.js';

/** The seed's burn, in dollars. */
const SEED_BURN = 2.8e9;

describe('amazon-cash-burn: the burn never passes what the investors finance', () => {
  const text = readFileSync('library/amazon-cash-burn.yaml', 'utf8');
  const loaded = loadModel(text, 'library/amazon-cash-burn.yaml', { dynamics: prepareDynamics });
  const ecosystem = loaded.ecosystem!, prepared = loaded.prepared!;
  const sampled = planRisk(ecosystem, { runs: 1, seed: 1, sampling: 'mc' }).assumptions.sampled;

  it.each(sampled.map((a) => a.parameter))('%s at each end of its range burns at most 2.8 G$', (parameter) => {
    const assumption = sampled.find((a) => a.parameter === parameter)!;
    for (const end of rangeEnds(assumption.distribution, prepareDistribution(assumption.distribution))) {
      const evaluation = evaluate(prepared, { [parameter]: end });
      expect(evaluation.ecosystem).toBeDefined();
      const sheet = profitability(evaluation.ecosystem!, 'amazon');
      // The dynamics' cash stops at the ceiling on the quarter-year step that reaches it; the sheet
      // reads a period's orders as the product of the period means of customers and orders per
      // customer (README, Dynamics), which differs from the step-by-step cash by up to 0.1 % here
      // (−2.8028 G$ at the worst end, acquisition_cost 100): a tolerance of 0.2 %.
      expect(sheet.deepest.amount).toBeGreaterThanOrEqual(-SEED_BURN * 1.002);
    }
  });

  it('keeps the tornado’s swings within a few times the seed’s burn', () => {
    const result = runSensitivity(prepared, ecosystem, { method: 'tornado', seed: 1, actors: ['amazon'] });
    const [amazon] = result.actors;
    for (const effect of amazon!.ranking) expect(Math.abs(effect.measure)).toBeLessThan(3 * SEED_BURN);
  });
});
