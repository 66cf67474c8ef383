/**
 * The experiment routes of the API (issue 18): each answers what `symbiose experiment … --json`
 * prints for the same input, and refuses bad input with a 4xx whose issues say where.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './server-helpers.js';

const BIN = resolve('bin/symbiose.js');
const PURPLE = 'library/purple-button.yaml';
const riskWorker = new URL('../dist/runtime/risk-worker.js', import.meta.url);

function cli(...args: string[]): any {
  const run = spawnSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en', NO_COLOR: '1' } });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

async function finished(id: string): Promise<any> {
  for (;;) {
    const { json } = await t.call('GET', `/api/jobs/${id}`);
    if (json.status !== 'running') return json;
    await new Promise((r) => setTimeout(r, 100));
  }
}

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ riskWorker });
  expect((await t.call('POST', '/api/library/purple-button/copy')).status).toBe(201);
});
afterEach(async () => {
  await t.workspace.close();
});

describe('planning a test', () => {
  it('says two groups of 50 cannot tell 10 % from 15 %, with the figures the CLI prints', async () => {
    const { status, json } = await t.call('POST', '/api/experiments/plan', { control: 0.1, variant: 0.15, trials: 50 });
    expect(status).toBe(200);
    expect(json.code).toBe('design-cannot-answer');
    // Hand calculation (normal approximation, pooled variance under H0): p̄ = 0.125,
    // σ0 = √(2·0.125·0.875/50) = 0.066144, σ1 = √(0.1·0.9/50 + 0.15·0.85/50) = 0.065955,
    // power ≈ Φ((0.05 − 1.959964·0.066144)/0.065955) + Φ((−0.05 − 1.959964·0.066144)/0.065955)
    //       = Φ(−1.2075) + Φ(−2.7237) = 0.1136 + 0.0032 = 0.117.
    expect(json.normalPower).toBeCloseTo(0.117, 2);
    expect(json).toEqual(cli('experiment', 'plan', '--control', '0.1', '--variant', '0.15', '--trials', '50'));
  });

  it('plans a sequential test, and refuses one on unequal groups', async () => {
    const { json } = await t.call('POST', '/api/experiments/plan', { control: 0.1, variant: 0.2, trials: 200, sequential: true, looks: 10 });
    expect(json).toEqual(cli('experiment', 'plan', '--control', '0.1', '--variant', '0.2', '--trials', '200', '--sequential', '--looks', '10'));
    const unequal = await t.call('POST', '/api/experiments/plan?lang=fr', { control: 0.1, variant: 0.2, trials: [100, 200], sequential: true });
    expect(unequal.status).toBe(422);
    expect(unequal.json.error.code).toBe('sequential-unequal');
    expect(unequal.json.error.message).toContain('deux groupes égaux');
  });

  it('refuses rates out of [0, 1] and sizes that are not whole, located', async () => {
    const { status, json } = await t.call('POST', '/api/experiments/plan', { control: 1.5, variant: 0.15, trials: 2.5 });
    expect(status).toBe(422);
    expect(json.error.code).toBe('invalid-request');
    const paths = json.error.issues.map((i: any) => i.path.join('.'));
    expect(paths).toContain('control');
    expect(paths).toContain('trials');
    const same = await t.call('POST', '/api/experiments/plan', { control: 0.1, variant: 0.1, trials: 50 });
    expect([same.status, same.json.error.code]).toEqual([422, 'same-rates']);
  });
});

describe('planning a recorded test', () => {
  it("plans the model's experiment with its planned groups, as the CLI plans it", async () => {
    const { status, json } = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/plan', { control: 0.1, variant: 0.15 });
    expect(status).toBe(200);
    expect(json).toEqual(cli('experiment', 'plan', PURPLE, '--experiment', 'young-drivers', '--control', '0.1', '--variant', '0.15'));
    // The planned sizes (50 and 50) are the model's; 10 % against 15 % as in the hand calculation above.
    expect(json.plans[0]).toMatchObject({ trialsFrom: 'planned', controlFrom: 'given', check: { code: 'design-cannot-answer', trialsA: 50, trialsB: 50 } });
    expect(json.plans[0].check.normalPower).toBeCloseTo(0.117, 2);
    // The card names no threshold: the refusal says so.
    const none = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/plan?lang=en');
    expect([none.status, none.json.error.code]).toEqual([422, 'no-threshold']);
    expect(none.json.error.message).toContain('young-drivers-ab');
  }, 60_000);
});

describe('analysing counts', () => {
  it('analyses counts given in the body as the CLI does', async () => {
    const { status, json } = await t.call('POST', '/api/experiments/analyse', { variants: [{ exposed: 50, converted: 16 }, { exposed: 50, converted: 10 }] });
    expect(status).toBe(200);
    // 16/50 = 0.32 against 10/50 = 0.2: a difference of −0.12.
    expect(json.comparisons[0].difference.estimate).toBeCloseTo(-0.12, 12);
    const printed = cli('experiment', 'analyse', '16/50', '10/50');
    for (const key of ['variants', 'level', 'comparisons', 'alpha', 'verdicts', 'bayesian', 'sequential']) expect(json[key], key).toEqual(printed[key]);
    expect(json.names).toEqual(['A', 'B']);
  });

  it('refuses counts that do not add up, at the field', async () => {
    const { status, json } = await t.call('POST', '/api/experiments/analyse', { variants: [{ exposed: 50, converted: 16 }, { exposed: 50, converted: 60 }] });
    expect(status).toBe(422);
    expect(json.error.issues).toEqual([expect.objectContaining({ code: 'experiment-count', path: ['variants', 1, 'converted'] })]);
    const missing = await t.call('POST', '/api/experiments/analyse', { variants: [{ exposed: 50, converted: 16 }, { converted: 6 }] });
    expect(missing.status).toBe(422);
    expect(missing.json.error.issues[0]).toMatchObject({ code: 'missing-field', path: ['variants', 1], params: { field: 'exposed' } });
    const one = await t.call('POST', '/api/experiments/analyse', { variants: [{ exposed: 50, converted: 16 }] });
    expect(one.json.error.issues[0].path).toEqual(['variants']);
  });

  it("analyses an experiment's recorded counts, saying they are invented", async () => {
    const { status, json } = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/analyse');
    expect(status).toBe(200);
    expect(json.invented).toBe(true);
    const printed = cli('experiment', 'analyse', '--model', PURPLE, '--experiment', 'young-drivers');
    for (const key of ['variants', 'comparisons', 'verdicts', 'bayesian', 'sequential', 'names', 'invented']) expect(json[key], key).toEqual(printed[key]);
    const unknown = await t.call('POST', '/api/models/purple-button/experiments/nope/analyse');
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'unknown-experiment']);
  });
});

describe('willingness to pay', () => {
  it('reads a Van Westendorp survey from a CSV body, and locates a bad cell', async () => {
    const csv = ['too cheap,cheap,expensive,too expensive', '5,10,20,30', '4,8,15,25', '6,12,22,35', '3,9,18,28', '5,11,19,27'].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-wtp-'));
    writeFileSync(join(dir, 'survey.csv'), csv);
    const { status, json } = await t.call('POST', '/api/experiments/wtp', csv, { 'content-type': 'text/csv' });
    expect(status).toBe(200);
    expect(json).toEqual(cli('experiment', 'wtp', join(dir, 'survey.csv')));
    const bad = await t.call('POST', '/api/experiments/wtp?lang=en', 'too cheap,cheap,expensive,too expensive\n5,10,dear,30\n', { 'content-type': 'text/csv' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('invalid-csv');
    expect(bad.json.error.issues[0]).toMatchObject({ code: 'csv-not-a-price', line: 2, params: { column: 'expensive', value: 'dear' } });
    expect(bad.json.error.issues[0].message).toContain('line 2');
  });
});

describe('the assumption map and the learning cards', () => {
  it('maps the hypotheses as the CLI does, and ranks them by sensitivity when asked', async () => {
    const { json } = await t.call('GET', '/api/models/purple-button/experiments/map');
    expect(json).toEqual(cli('experiment', 'map', PURPLE));
    const ranked = await t.call('GET', '/api/models/purple-button/experiments/map?sensitivity=tornado');
    expect(ranked.json.ranked).toBe(true);
    expect(ranked.json.assumptions.some((a: any) => a.importanceFrom === 'sensitivity')).toBe(true);
    const bad = await t.call('GET', '/api/models/purple-button/experiments/map?sensitivity=sobol');
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toEqual(['sensitivity']);
  });

  it('reads the learning cards', async () => {
    const { json } = await t.call('GET', '/api/models/purple-button/experiments/learn');
    expect(json).toEqual(cli('experiment', 'learn', PURPLE));
    expect((await t.call('GET', '/api/models/nope/experiments/learn')).status).toBe(404);
  });

  it("drafts a learning card from an experiment's counts, both languages, as the CLI drafts it", async () => {
    const { status, json } = await t.call('GET', '/api/models/purple-button/experiments/learn?experiment=young-drivers');
    expect(status).toBe(200);
    expect(json).toEqual(cli('experiment', 'learn', PURPLE, '--experiment', 'young-drivers'));
    expect(json.id).toBe('young-drivers-learned');
    // Each variant calibrates the parameter it informs: a download_share_a, b download_share_b.
    expect(json.draft.calibrations.map((c: any) => [c.variant, c.parameter])).toEqual([['a', 'download_share_a'], ['b', 'download_share_b']]);
    // 16/50 against 10/50 (invented): too weak to decide, so the draft says to run it again.
    expect(json.draft.decision.code).toBe('rerun');
    expect(json.learningCard.learned.fr).toContain('ne départagent pas');
    expect(json.learningCard.learned.en).toContain('cannot tell');
    const unknown = await t.call('GET', '/api/models/purple-button/experiments/learn?experiment=nope');
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'unknown-experiment']);
  });
});

describe('calibration', () => {
  it('says what the calibration would change, as the CLI calibrates', async () => {
    const { status, json } = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate');
    expect(status).toBe(200);
    const printed = cli('experiment', 'calibrate', PURPLE, '--experiment', 'young-drivers');
    expect(json.calibration).toEqual(printed.calibration);
    expect(json.changes).toEqual([printed.change]);
    expect(json.words[0]).toContain('download_share_a');
    expect(json.document.parameters.download_share_a).toEqual(printed.change.record);
    // Nothing saved.
    expect((await t.call('GET', '/api/models/purple-button')).json.number).toBe(1);
  });

  it('applies it as a new version that a learning card records, undoable', async () => {
    const { status, json } = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate', { apply: { basedOn: 1, learningCard: { id: 'young-drivers-illustration' } } });
    expect(status).toBe(200);
    expect(json.version.number).toBe(2);
    const doc = json.version.document;
    expect(doc.parameters.download_share_a.distribution.kind).toBe('discrete');
    expect(doc.learningCards['young-drivers-illustration'].modelVersion).toBe(2);
    expect((await t.call('POST', '/api/models/purple-button/undo', { basedOn: 2 })).json.version.document.parameters.download_share_a.distribution).toBeUndefined();
    const outdated = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate', { apply: { basedOn: 1 } });
    expect([outdated.status, outdated.json.error.code]).toEqual([409, 'outdated']);
  });

  it('refuses what cannot be calibrated, naming it', async () => {
    const variant = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate?lang=en', { variant: 'c' });
    expect([variant.status, variant.json.error.code]).toEqual([404, 'unknown-variant']);
    expect(variant.json.error.message).toContain('"c"');
    const card = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate', { apply: { basedOn: 1, learningCard: { id: 'nope' } } });
    expect([card.status, card.json.error.code]).toEqual([404, 'unknown-learning-card']);
    const level = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate', { level: 2 });
    expect(level.json.error.issues[0].path).toEqual(['level']);
  });

  it('calibrates every parameter the variants inform with each, as the drafted learning card does', async () => {
    const { status, json } = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate', { each: true });
    expect(status).toBe(200);
    const printed = cli('experiment', 'learn', PURPLE, '--experiment', 'young-drivers');
    expect(json.calibrations).toEqual(printed.draft.calibrations);
    expect(json.changes).toEqual(printed.draft.changes);
    expect(json.document.parameters.download_share_b).toEqual(printed.draft.changes[1].record);
    const both = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate', { each: true, variant: 'b' });
    expect([both.status, both.json.error.code]).toEqual([422, 'each-and-one']);
    const saved = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/calibrate', { each: true, apply: { basedOn: 1, learningCard: { id: 'young-drivers-learned', record: printed.learningCard } } });
    expect(saved.json.version.number).toBe(2);
    expect(saved.json.version.document.learningCards['young-drivers-learned']).toEqual({ ...printed.learningCard, modelVersion: 2 });
  });

  it('runs the risk of the model with each informed parameter calibrated, as the CLI runs it on the file learn writes', async () => {
    const started = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/risk', { runs: 1000, seed: 3, each: true });
    expect(started.status).toBe(202);
    const job = await finished(started.json.id);
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-learned-'));
    const file = join(dir, 'learned.yaml');
    cli('experiment', 'learn', PURPLE, '--experiment', 'young-drivers', '--write', file);
    expect(job.result).toEqual(cli('risk', file, '--ranges', '--runs', '1000', '--seed', '3'));
  }, 60_000);

  it('runs the risk of the calibrated model, unsaved, as the CLI runs it on the calibrated file', async () => {
    const started = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/risk', { runs: 1000, seed: 3 });
    expect(started.status).toBe(202);
    expect(started.json.kind).toBe('risk-calibrated');
    const job = await finished(started.json.id);
    expect(job.status).toBe('done');
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-calibrated-'));
    const file = join(dir, 'calibrated.yaml');
    cli('experiment', 'calibrate', PURPLE, '--experiment', 'young-drivers', '--write', file);
    expect(readFileSync(file, 'utf8')).toContain('calibrated');
    expect(job.result).toEqual(cli('risk', file, '--ranges', '--runs', '1000', '--seed', '3'));
    expect((await t.call('GET', '/api/models/purple-button')).json.number).toBe(1);
    const refused = await t.call('POST', '/api/models/purple-button/experiments/young-drivers/risk', { sampling: 'lhs', precision: 0.01 });
    expect([refused.status, refused.json.error.code]).toEqual([422, 'precision-with-lhs']);
  }, 60_000);
});
