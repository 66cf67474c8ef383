import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges, type ModelDocument } from '../src/core/index.js';
import { calibrateRate } from '../src/stats/index.js';
import { ecosystemOf, issuesOf } from './helpers.js';
import { calibrateParameter } from '../src/analyses/index.js';
import { stringify } from 'yaml';

const purple = () => ecosystemOf(readFileSync('library/purple-button.yaml', 'utf8'), 'library/purple-button.yaml').doc;

describe("calibrating a model's parameter on its recorded experiment", () => {
  it("the young-driver test's control updates download_share_a from the PERT its range and value give", () => {
    // download_share_a: value 0.5, range [0.1, 0.9] → PERT(0.1, 0.5, 0.9); group A: 16 of 50 (invented).
    const { result } = calibrateParameter(purple(), { experiment: 'young-drivers' });
    expect([result!.variant, result!.parameter, result!.invented]).toEqual(['a', 'download_share_a', true]);
    const direct = calibrateRate({ kind: 'pert', min: 0.1, mode: 0.5, max: 0.9 }, { successes: 16, trials: 50 });
    expect(result!.calibration.posteriorSummary).toEqual(direct.posteriorSummary);
    const record = result!.change.record as Extract<NonNullable<typeof result>['change']['record'], { value?: unknown }>;
    expect(record.value).toBe(Number(direct.posteriorSummary.mean.toPrecision(4)));
    expect(record.distribution!.kind).toBe('discrete');
    expect(JSON.stringify(record.calibrated)).toContain('16/50');
  });

  it('the calibrated model is valid, and its other records are untouched', () => {
    const doc = purple();
    const { result } = calibrateParameter(doc, { experiment: 'young-drivers', variant: 'b', parameter: 'download_share_b' });
    const applied = applyChanges(doc, [result!.change]);
    expect(applied.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const after = applied.document as ModelDocument;
    expect(issuesOf(stringify(after), 'calibrated.yaml')).toEqual([]);
    expect(after.parameters!.download_share_a).toEqual(doc.parameters!.download_share_a);
  });

  it("group B updates the parameter it informs itself (download_share_b), not the experiment's", () => {
    // The variant's own informs (format version 4) comes before the experiment's (download_share_a).
    const { result } = calibrateParameter(purple(), { experiment: 'young-drivers', variant: 'b' });
    expect([result!.variant, result!.parameter]).toEqual(['b', 'download_share_b']);
    // download_share_b: value 0.5, range [0.1, 0.9] → PERT(0.1, 0.5, 0.9); group B: 10 of 50 (invented).
    const direct = calibrateRate({ kind: 'pert', min: 0.1, mode: 0.5, max: 0.9 }, { successes: 10, trials: 50 });
    expect(result!.calibration.posteriorSummary).toEqual(direct.posteriorSummary);
  });

  it('names what is missing', () => {
    const doc = purple();
    expect(calibrateParameter(doc, { experiment: 'nope' }).fault!.code).toBe('unknown-experiment');
    expect(calibrateParameter(doc, { experiment: 'young-drivers', variant: 'c' }).fault).toMatchObject({ code: 'unknown-variant', known: ['a', 'b'] });
    expect(calibrateParameter(doc, { experiment: 'young-drivers', parameter: 'young_premium' }).fault!.code).toBe('not-a-rate');
    expect(calibrateParameter(doc, { experiment: 'young-drivers', parameter: 'young_discount' }).fault!.code).toBe('no-prior');
  });
});
