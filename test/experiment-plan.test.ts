import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../src/core/index.js';
import { planRecordedExperiment } from '../src/analyses/index.js';
import { arcsinePower, sampleSize } from '../src/stats/index.js';
import { ecosystemOf } from './helpers.js';

const purple = () => ecosystemOf(readFileSync('library/purple-button.yaml', 'utf8'), 'library/purple-button.yaml').doc;

/** purple-button with the young-driver test card given a threshold (and a baseline), as a facilitator would write them. */
function withCard(doc: ModelDocument, card: { threshold?: number; baseline?: number }): ModelDocument {
  const cards = { ...doc.testCards! };
  cards['young-drivers-ab'] = { ...cards['young-drivers-ab']!, ...card };
  return { ...doc, testCards: cards };
}

// References: statsmodels 0.13.5 (Debian) with /usr/bin/python3:
//   from statsmodels.stats.proportion import power_proportions_2indep as pp,
//        samplesize_proportions_2indep_onetail as ss, proportion_effectsize as es
//   from statsmodels.stats.power import NormalIndPower; P = NormalIndPower()
// statsmodels' group 1 (prop1 = prop2 + diff, nobs1) is the control here.

describe('planning an experiment the model records', () => {
  it('reads the planned groups (50 and 50) and the card: two groups of 50 cannot tell 10 % from 15 %', () => {
    const { plans } = planRecordedExperiment(withCard(purple(), { threshold: 0.15, baseline: 0.1 }), 'young-drivers');
    expect(plans).toHaveLength(1);
    const plan = plans![0]!;
    expect([plan.control, plan.variant, plan.controlFrom, plan.variantFrom, plan.trialsFrom]).toEqual(['a', 'b', 'baseline', 'threshold', 'planned']);
    expect([plan.check.trialsA, plan.check.trialsB]).toEqual([50, 50]);
    // pp(0.05, 0.10, 50, ratio=1, alpha=0.05).power → 0.11684964832480885
    expect(plan.check.normalPower).toBeCloseTo(0.11684964832480885, 12);
    // P.power(es(0.15, 0.10), 50, 0.05, ratio=1) → 0.11824688824589905
    expect(arcsinePower(plan.rates, 50, 50)).toBeCloseTo(0.11824688824589905, 12);
    expect(plan.check.code).toBe('design-cannot-answer');
    // Fleiss with continuity correction: 725.045… → 726 per group (power.test.ts).
    expect(plan.check.needed.trialsA).toBe(726);
  });

  it("takes the control's rate from the parameter it informs when the card has no baseline", () => {
    // download_share_a: 0.5 (the model's prior for group A); the card's threshold 0.65.
    const { plans } = planRecordedExperiment(withCard(purple(), { threshold: 0.65 }), undefined);
    const plan = plans![0]!;
    expect([plan.controlFrom, plan.controlParameter, plan.rates.control]).toEqual(['parameter', 'download_share_a', 0.5]);
    // pp(-0.15, 0.65, 50, ratio=1, alpha=0.05).power → 0.3272996755470569
    expect(plan.check.normalPower).toBeCloseTo(0.3272996755470569, 12);
    // P.power(es(0.5, 0.65), 50, 0.05, ratio=1) → 0.33148425930158143
    expect(arcsinePower(plan.rates, 50, 50)).toBeCloseTo(0.33148425930158143, 12);
    // ss(-0.15, 0.65, 0.8, ratio=1, alpha=0.05) → 169.31137141966903
    expect(sampleSize(plan.rates, 'normal').exactA).toBeCloseTo(169.31137141966903, 8);
    // P.solve_power(es(0.5, 0.65), alpha=0.05, power=0.8, ratio=1) → 169.08794228870516
    expect(sampleSize(plan.rates, 'arcsine').exactA).toBeCloseTo(169.08794228870516, 1);
  });

  it('lets the surface give the rates and the groups instead', () => {
    const { plans } = planRecordedExperiment(purple(), 'young-drivers', { variant: 0.65, trials: [50, 75] });
    const plan = plans![0]!;
    expect([plan.variantFrom, plan.trialsFrom, plan.check.trialsB]).toEqual(['given', 'given', 75]);
    // pp(-0.15, 0.65, 50, ratio=1.5, alpha=0.05).power → 0.3860259475958424
    expect(plan.check.normalPower).toBeCloseTo(0.3860259475958424, 12);
  });

  it('names what is missing: the threshold, the planned sizes, the experiment', () => {
    expect(planRecordedExperiment(purple(), 'young-drivers').fault).toEqual({ code: 'no-threshold', experiment: 'young-drivers', testCard: 'young-drivers-ab' });
    const doc = withCard(purple(), { threshold: 0.2 });
    const experiments = { ...doc.experiments! };
    const e = experiments['young-drivers']!;
    experiments['young-drivers'] = { ...e, variants: { ...e.variants, b: { ...e.variants.b!, planned: undefined } } };
    expect(planRecordedExperiment({ ...doc, experiments }, 'young-drivers').fault).toEqual({ code: 'no-planned', experiment: 'young-drivers', variant: 'b' });
    expect(planRecordedExperiment(doc, 'nope').fault).toMatchObject({ code: 'unknown-experiment', known: ['young-drivers'] });
    expect(planRecordedExperiment(withCard(purple(), { threshold: 0.5 }), 'young-drivers').fault!.code).toBe('same-rates');
  });
});
