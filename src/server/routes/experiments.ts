/**
 * Business-model experiments (issue 18) through the API, as `symbiose experiment` serves them:
 * plan a test, analyse counts (given, or the model's own), read a willingness-to-pay survey (a
 * CSV body), map the assumptions, read the learning cards, calibrate the parameter an experiment
 * informs (the change list it would make, saved as a version when asked) and run the risk of the
 * calibrated model as a job, so the forecast before and after can be compared. The same core
 * functions as the CLI; refusals are JSON with located issues.
 */
import { z } from 'zod';
import {
  assumptionMap,
  calibrateParameter,
  checkRiskOptions,
  conversionReport,
  draftLearning,
  planRecordedExperiment,
  rankingFromSensitivity,
  recordedExperiment,
  roundFigures,
  runSensitivity,
  withNames,
  wtpSurveyFromCsv,
  type CsvFault,
  type LearningDraft,
  type ModelCalibration,
  type NamedCounts,
  type PlanFault,
  type RecordFault,
  type RiskOptions,
} from '../../analyses/index.js';
import { applyChanges, hasErrors, issue, rewriteYaml, type Change, type Issue, type LearningCard, type ModelDocument } from '../../core/index.js';
import { learningCardFromDraft, text, type UiKey } from '../../i18n/index.js';
import { riskInWorkers } from '../../runtime/index.js';
import { checkExperimentDesign, demandCurve, priceSensitivity, sequentialPlan } from '../../stats/index.js';
import { formatPercent } from '../../tables/index.js';
import type { Version, Workspace } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { changeWords, renderIssues } from '../issues.js';
import type { Jobs } from '../jobs.js';
import { loadedText } from '../loaded.js';
import { route, type Input, type Route } from '../route.js';
import { ErrorSchema } from '../schemas.js';
import { loadVersion } from './analyses.js';
import { RiskJobBody } from './risk.js';

const Rate = z.number().min(0).max(1);
const Fraction = z.number().gt(0).lt(1);
const Whole = z.number().int().positive();
const Count = z.number().int().nonnegative();
const VersionField = z.number().int().positive().optional().meta({ description: 'The version read (default the latest).' });
const VersionQuery = z.coerce.number().int().positive().optional().meta({ description: 'The version read (default the latest).' });

export const PlanBody = z.strictObject({
  control: Rate.meta({ description: "The control's expected conversion rate (0.1 for 10 %)." }),
  variant: Rate.meta({ description: 'The rate the variant should reach for the test card to be right.' }),
  trials: z.union([Whole, z.tuple([Whole, Whole])]).meta({ description: 'People per group: one number for equal groups, or [control, variant].' }),
  alpha: Fraction.optional().meta({ description: 'The level of the test (default 0.05).' }),
  power: Fraction.optional().meta({ description: 'The power wanted (default 0.8).' }),
  sequential: z.boolean().optional().meta({ description: 'Also plan a sequential test for teams that look as results come in.' }),
  looks: z.number().int().min(1).max(1000).optional().meta({ description: 'Sequential: how many looks (default 20).' }),
  mixtureSd: z.number().positive().optional().meta({ description: 'Sequential: the mixture standard deviation τ.' }),
});
type PlanInput = z.infer<typeof PlanBody>;

const CountsSchema = z.strictObject({
  name: z.string().min(1).optional().meta({ description: 'The variant’s name (default A, B, C…).' }),
  exposed: Whole.meta({ description: 'People the variant was shown to.' }),
  converted: Count.meta({ description: 'Of them, those who did what the measure counts.' }),
});
const ReadingOptions = {
  level: Fraction.optional().meta({ description: 'Confidence and credible level (default 0.95).' }),
  alpha: Fraction.optional().meta({ description: 'The level of the tests (default 0.05).' }),
  prior: z.strictObject({ alpha: z.number().positive(), beta: z.number().positive() }).optional().meta({ description: 'The Beta prior of the Bayesian reading (default 1, 1).' }),
  mixtureSd: z.number().positive().optional().meta({ description: 'The mixture standard deviation of the always-valid p-value (default 0.05).' }),
};
export const AnalyseBody = z.strictObject({
  variants: z.array(CountsSchema).min(2).max(26).meta({ description: 'The control first, then each variant.' }),
  ...ReadingOptions,
});
type AnalyseInput = z.infer<typeof AnalyseBody>;
export const RecordedAnalyseBody = z.strictObject({ version: VersionField, ...ReadingOptions });
type RecordedAnalyseInput = z.infer<typeof RecordedAnalyseBody>;

export const MapQuery = z.object({
  version: VersionQuery,
  sensitivity: z.enum(['none', 'tornado']).optional().meta({ description: 'tornado: importance from the tornado ranking of each actor’s NPV (default none: the records’ importance).' }),
});
type MapInput = z.infer<typeof MapQuery>;
export const LearnQuery = z.object({
  version: VersionQuery,
  experiment: z.string().min(1).optional().meta({ description: 'Draft a learning card from this experiment: its test card, the analysis of its counts, the calibration of each parameter its variants inform (symbiose experiment learn MODEL --experiment ID --json).' }),
  id: z.string().min(1).optional().meta({ description: 'The id of the drafted card (default EXPERIMENT-learned).' }),
  level: z.coerce.number().gt(0).lt(1).optional().meta({ description: 'Confidence and credible level of the draft (default 0.95).' }),
  alpha: z.coerce.number().gt(0).lt(1).optional().meta({ description: 'The level of the tests of the draft (default 0.05).' }),
});
type LearnInput = z.infer<typeof LearnQuery>;
export const RecordedPlanBody = z.strictObject({
  version: VersionField,
  control: Rate.optional().meta({ description: "The control's rate, instead of the test card's baseline (or the value of the parameter the control informs)." }),
  variant: Rate.optional().meta({ description: "The rate a variant must reach, instead of the test card's threshold." }),
  trials: z.union([Whole, z.tuple([Whole, Whole])]).optional().meta({ description: 'People per group instead of the planned sizes: one number, or [control, variant].' }),
  alpha: Fraction.optional().meta({ description: 'The level of the test (default 0.05).' }),
  power: Fraction.optional().meta({ description: 'The power wanted (default 0.8).' }),
});
type RecordedPlanInput = z.infer<typeof RecordedPlanBody>;

const Which = {
  variant: z.string().min(1).optional().meta({ description: 'The variant whose counts are used (default the control).' }),
  parameter: z.string().min(1).optional().meta({ description: 'The parameter updated (default the one the experiment informs).' }),
  each: z.boolean().optional().meta({ description: 'Calibrate every parameter the variants inform, each on its own variant’s counts, as `symbiose experiment learn --experiment` drafts (not with variant or parameter).' }),
};
const LearningCardRecord = z.record(z.string(), z.unknown()).meta({ description: 'A learning card as the model format writes it (believed, observed, learned, decision…).' });
export const CalibrateBody = z.strictObject({
  version: VersionField,
  ...Which,
  level: Fraction.optional().meta({ description: 'The level of the prior and posterior intervals (default 0.95).' }),
  apply: z
    .strictObject({
      basedOn: Whole.meta({ description: 'The version the calibration is saved on: the latest.' }),
      learningCard: z
        .strictObject({ id: z.string().min(1), record: LearningCardRecord.optional() })
        .optional()
        .meta({ description: 'A learning card that records the new version (its modelVersion): an existing one by id, or the record given.' }),
    })
    .optional()
    .meta({ description: 'Save the calibration as a new version (default: only say what it would change).' }),
});
type CalibrateInput = z.infer<typeof CalibrateBody>;
export const CalibratedRiskBody = RiskJobBody.extend(Which).strict();
type CalibratedRiskInput = z.infer<typeof CalibratedRiskBody>;

const data = (description: string) => ({ description, schema: z.unknown().meta({ description: 'As `symbiose experiment … --json` prints.' }) });
const refused = (description: string) => ({ description, schema: ErrorSchema });
const NOT_FOUND = refused('No such model or version.');

function unprocessable(code: string, key: UiKey, params: Record<string, string | number> = {}, issues: Issue[] = []): ApiError {
  return new ApiError(422, code, key, params, issues);
}

/** Counts that do not add up, located as the model's records locate them. */
function checkCounts(variants: readonly { name?: string | undefined; exposed: number; converted: number }[], at: (i: number) => (string | number)[]): void {
  const issues = variants.flatMap((v, i) =>
    v.converted > v.exposed ? [issue('experiment-count', [...at(i), 'converted'], { variant: v.name ?? String.fromCharCode(65 + i), field: 'converted', count: v.converted, limit: v.exposed, of: 'exposed' })] : [],
  );
  if (issues.length > 0) throw unprocessable('invalid-request', 'server.experiment.counts', { count: issues.length }, issues);
}

function json(input: Input<unknown, unknown>, value: unknown, status = 200): Response {
  return input.c.body(JSON.stringify(value, roundFigures), status as 200, { 'content-type': 'application/json; charset=UTF-8' });
}

/** A CSV file's faults as the API's located issues: their code, line and column, and their words. */
function csvRefusal(input: Input<unknown, unknown>, faults: readonly CsvFault[]): Response {
  const { locale } = input;
  const issues = faults.map((f) => {
    const said = text(locale, `experiment.csv.${f.code}` as UiKey, { column: f.column, value: f.value });
    return {
      code: f.code,
      severity: 'error',
      params: { ...(f.column !== undefined ? { column: f.column } : {}), ...(f.value !== undefined ? { value: f.value } : {}) },
      line: f.line,
      message: text(locale, 'experiment.csvFault', { file: text(locale, 'server.experiment.body'), line: f.line, message: said }),
    };
  });
  const message = text(locale, 'server.experiment.csv', { count: issues.length });
  return input.c.json({ error: { code: 'invalid-csv', message, issues } }, 422);
}

function plan(body: PlanInput) {
  if (body.control === body.variant) throw unprocessable('same-rates', 'experiment.sameRates');
  const [trialsA, trialsB] = typeof body.trials === 'number' ? [body.trials, body.trials] : body.trials;
  const alpha = body.alpha ?? 0.05;
  const targetPower = body.power ?? 0.8;
  const rates = { control: body.control, variant: body.variant };
  const check = checkExperimentDesign(rates, trialsA, trialsB, { alpha, targetPower });
  if (!body.sequential) return check;
  if (trialsA !== trialsB) throw unprocessable('sequential-unequal', 'server.experiment.sequentialUnequal');
  const sequential = sequentialPlan(rates, trialsA, { alpha, targetPower, looks: body.looks ?? 20, ...(body.mixtureSd !== undefined ? { mixtureSd: body.mixtureSd } : {}) });
  return { ...check, sequential };
}

/** A calibration fault in the words of the CLI's, the model named. */
function calibrationRefusal(model: string, fault: NonNullable<ReturnType<typeof calibrateParameter>['fault']>): ApiError {
  const status = fault.code === 'unknown-experiment' || fault.code === 'unknown-variant' || fault.code === 'unknown-parameter' ? 404 : 422;
  const params = { file: model, ...Object.fromEntries(Object.entries(fault).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])) };
  return new ApiError(status, fault.code, `calibrate.fault.${fault.code}` as UiKey, params);
}

/** A recorded experiment's fault (none recorded, unknown, a variant without counts) as a refusal. */
function recordRefusal(model: string, fault: RecordFault): ApiError {
  if (fault.code === 'no-counts') return unprocessable('no-counts', 'calibrate.fault.no-counts', { file: model, experiment: fault.experiment, variant: fault.variant });
  if (fault.code === 'no-experiments') return new ApiError(404, 'no-experiments', 'experiment.record.none', { file: model });
  return new ApiError(404, 'unknown-experiment', 'experiment.record.unknown', { file: model, experiment: fault.experiment, known: fault.known.join(', ') });
}

/** A recorded plan's fault as a refusal, in the words the CLI says it. */
function planRefusal(model: string, fault: PlanFault, locale: Input<unknown, unknown>['locale']): ApiError {
  if (fault.code === 'no-experiments') return new ApiError(404, 'no-experiments', 'experiment.record.none', { file: model });
  if (fault.code === 'unknown-experiment') return new ApiError(404, 'unknown-experiment', 'experiment.record.unknown', { file: model, experiment: fault.experiment, known: fault.known.join(', ') });
  const params = Object.fromEntries(Object.entries({ file: model, ...fault }).map(([k, v]) => [k, k === 'rate' ? formatPercent(locale, v as number) : String(v)]));
  return unprocessable(fault.code, `plan.fault.${fault.code}` as UiKey, params);
}

type WhichInput = { variant?: string | undefined; parameter?: string | undefined; each?: boolean | undefined };

/** Each variant's informed parameter calibrated, as the learning card's draft does it: its changes, or the refusal. */
function drafted(model: string, doc: ModelDocument, experiment: string, level = 0.95): LearningDraft {
  const { draft, fault } = draftLearning(doc, { experiment }, { level });
  if (!draft) throw recordRefusal(model, fault!);
  if (draft.changes.length === 0) throw calibrationRefusal(model, draft.calibrationFaults[0] ?? { code: 'no-parameter', experiment });
  return draft;
}

/** The calibration of a version (one parameter, or with `each` every one the variants inform), and the document and text it would make. */
function calibrated(version: Version, experiment: string, which: WhichInput, level = 0.95) {
  const { ecosystem } = loadVersion(version);
  if (which.each && (which.variant !== undefined || which.parameter !== undefined)) throw unprocessable('each-and-one', 'server.experiment.eachAndOne');
  let changes: Change[];
  let result: ModelCalibration | undefined;
  let draft: LearningDraft | undefined;
  if (which.each) {
    draft = drafted(version.model, ecosystem.doc, experiment, level);
    changes = [...draft.changes];
  } else {
    const calibration = calibrateParameter(ecosystem.doc, { experiment, ...(which.variant ? { variant: which.variant } : {}), ...(which.parameter ? { parameter: which.parameter } : {}) }, level);
    if (!calibration.result) throw calibrationRefusal(version.model, calibration.fault!);
    result = calibration.result;
    changes = [result.change];
  }
  const document = applyChanges(ecosystem.doc, changes).document;
  const written = version.format === 'yaml' ? rewriteYaml(version.text, document) : `${JSON.stringify(document, null, 2)}\n`;
  return { ecosystem, result, draft, changes, document, text: written };
}

/** The change that records the new version in a learning card: an existing card's modelVersion, or the card given. */
function learningCardChange(doc: ModelDocument, card: { id: string; record?: Record<string, unknown> | undefined }, modelVersion: number, model: string): Change {
  const existing = doc.learningCards?.[card.id];
  if (card.record) {
    const record = { ...card.record, modelVersion } as LearningCard;
    return existing ? { op: 'update', kind: 'learningCard', id: card.id, record } : { op: 'add', kind: 'learningCard', id: card.id, record };
  }
  if (!existing) throw new ApiError(404, 'unknown-learning-card', 'server.experiment.unknownLearningCard', { model, card: card.id, known: Object.keys(doc.learningCards ?? {}).join(', ') });
  return { op: 'update', kind: 'learningCard', id: card.id, record: { ...existing, modelVersion } };
}

function calibrationData(result: ModelCalibration | undefined, draft: LearningDraft | undefined) {
  if (draft) return { experiment: draft.experiment, invented: draft.invented, calibrations: draft.calibrations, calibrationFaults: draft.calibrationFaults };
  return { experiment: result!.experiment, variant: result!.variant, parameter: result!.parameter, invented: result!.invented, calibration: result!.calibration };
}

export interface ExperimentRouteOptions {
  /** The compiled risk worker (tests running the TypeScript sources give dist's). */
  script?: URL;
}

export function experimentRoutes(workspace: Workspace, jobs: Jobs, options: ExperimentRouteOptions = {}): Route[] {
  const tag = 'experiments';
  const ofModel = (rest: string) => `/api/models/:id/experiments${rest}`;
  return [
    route<Record<string, never>, PlanInput>({
      method: 'post',
      path: '/api/experiments/plan',
      summary: 'Whether a planned A/B design can answer its test card: power (normal, arcsine, Boschloo exact), the sample needed, the detectable effect; optionally a sequential plan (symbiose experiment plan --json).',
      tag,
      body: { json: PlanBody },
      answers: { 200: data('The design check: code design-can-answer or design-cannot-answer, with its figures.'), 422: refused('Invalid rates, sizes or levels, located.') },
      handle: (input) => json(input, plan(input.body)),
    }),
    route<Record<string, never>, AnalyseInput>({
      method: 'post',
      path: '/api/experiments/analyse',
      summary: 'Counts analysed: differences and ratios with intervals, exact and large-sample tests, verdicts, the Bayesian probability to beat the control, the always-valid reading (symbiose experiment analyse --json).',
      tag,
      body: { json: AnalyseBody },
      answers: { 200: data('The analysis.'), 422: refused('Counts that do not add up or invalid options, located.') },
      handle: (input) => {
        const { variants, ...reading } = input.body;
        checkCounts(variants, (i) => ['variants', i]);
        const named: NamedCounts[] = variants.map((v, i) => ({ name: v.name ?? String.fromCharCode(65 + i), counts: { successes: v.converted, trials: v.exposed } }));
        return json(input, conversionReport(named, reading));
      },
    }),
    route<Record<string, never>, string>({
      method: 'post',
      path: '/api/experiments/wtp',
      summary: "A willingness-to-pay survey read from CSV: Van Westendorp's four price points and curves, or Gabor–Granger's demand and revenue by price, as its header says (symbiose experiment wtp --json).",
      tag,
      body: { raw: ['text/csv', 'text/plain'], description: 'The survey, one row per respondent.' },
      answers: { 200: data('The price points and curves, or the demand by price.'), 422: refused('The file’s faults, each with its line and column.') },
      handle: (input) => {
        const { survey, faults } = wtpSurveyFromCsv(input.body);
        if (!survey) return csvRefusal(input, faults);
        if (survey.method === 'gabor-granger') return json(input, { method: survey.method, ...demandCurve(survey.prices, survey.answers) });
        if (!survey.answers.some((a) => a.tooCheap < a.cheap && a.cheap < a.expensive && a.expensive < a.tooExpensive)) {
          throw unprocessable('inconsistent-answers', 'wtp.allInconsistent', { file: text(input.locale, 'server.experiment.body') });
        }
        return json(input, { method: survey.method, ...priceSensitivity(survey.answers) });
      },
    }),
    route<MapInput>({
      method: 'get',
      path: ofModel('/map'),
      summary: 'The assumption map: every hypothesis by importance and evidence, the most important and least tested first; importance from the tornado ranking when asked (symbiose experiment map --json).',
      tag,
      query: MapQuery,
      answers: { 200: data('{ ranked, assumptions }.'), 404: NOT_FOUND, 422: refused('The model has errors (located issues).') },
      handle: async (input) => {
        const { ecosystem, prepared } = loadVersion(await workspace.read(input.params.id!, input.query.version));
        const ranking = input.query.sensitivity === 'tornado' ? rankingFromSensitivity(runSensitivity(prepared, ecosystem, { method: 'tornado', seed: 1 }) as Parameters<typeof rankingFromSensitivity>[0]) : undefined;
        return json(input, { ranked: ranking !== undefined, assumptions: assumptionMap(ecosystem.doc, ranking) });
      },
    }),
    route<LearnInput>({
      method: 'get',
      path: ofModel('/learn'),
      summary: 'The learning cards (symbiose experiment learn --json); with experiment, the card drafted from its test card, its analysis and the calibration of what its variants inform, both languages, for the user to edit before it is recorded (symbiose experiment learn MODEL --experiment ID --json).',
      tag,
      query: LearnQuery,
      answers: { 200: data('{ learningCards }, or with experiment { id, learningCard, draft }.'), 404: NOT_FOUND, 422: refused('The model has errors, or a variant has no counts.') },
      handle: async (input) => {
        const model = input.params.id!;
        const { ecosystem } = loadVersion(await workspace.read(model, input.query.version));
        const { experiment, level, alpha } = input.query;
        if (experiment === undefined) return json(input, { learningCards: ecosystem.doc.learningCards ?? {} });
        const { draft, fault } = draftLearning(ecosystem.doc, { experiment }, { ...(level !== undefined ? { level } : {}), ...(alpha !== undefined ? { alpha } : {}) });
        if (!draft) throw recordRefusal(model, fault!);
        return json(input, { id: input.query.id ?? `${draft.experiment}-learned`, learningCard: learningCardFromDraft(draft), draft });
      },
    }),
    route<Record<string, never>, RecordedPlanInput | undefined>({
      method: 'post',
      path: ofModel('/:experiment/plan'),
      summary: "Whether an experiment the model records can answer its test card: each variant against the control, with the planned groups and the card's threshold and baseline, or the rates and sizes given (symbiose experiment plan MODEL --experiment ID --json).",
      tag,
      body: { json: RecordedPlanBody, optional: true },
      answers: { 200: data('{ plans }: each with its rates, where they came from, and the design check.'), 404: NOT_FOUND, 422: refused('No threshold, no baseline, no planned size, or the same rates.') },
      handle: async (input) => {
        const model = input.params.id!;
        const { version: at, trials, power, ...rates } = input.body ?? {};
        const { ecosystem } = loadVersion(await workspace.read(model, at));
        const overrides = {
          ...rates,
          ...(trials !== undefined ? { trials: (typeof trials === 'number' ? [trials, trials] : trials) as [number, number] } : {}),
          alpha: rates.alpha ?? 0.05,
          targetPower: power ?? 0.8,
        };
        const { plans, fault } = planRecordedExperiment(ecosystem.doc, input.params.experiment!, overrides);
        if (!plans) throw planRefusal(model, fault!, input.locale);
        return json(input, { plans });
      },
    }),
    route<Record<string, never>, RecordedAnalyseInput | undefined>({
      method: 'post',
      path: ofModel('/:experiment/analyse'),
      summary: "An experiment's recorded counts analysed (symbiose experiment analyse MODEL --experiment ID --json).",
      tag,
      body: { json: RecordedAnalyseBody, optional: true },
      answers: { 200: data('The analysis, with invented: true when the counts are illustrative.'), 404: NOT_FOUND, 422: refused('A variant without counts, or invalid options.') },
      handle: async (input) => {
        const { version: at, ...reading } = input.body ?? {};
        const { ecosystem } = loadVersion(await workspace.read(input.params.id!, at));
        const experiment = input.params.experiment!;
        const { experiment: found, fault } = recordedExperiment(ecosystem.doc, experiment);
        if (!found) {
          if (fault!.code === 'no-counts') throw unprocessable('no-counts', 'calibrate.fault.no-counts', { file: input.params.id!, experiment, variant: fault!.variant });
          throw new ApiError(404, 'unknown-experiment', 'calibrate.fault.unknown-experiment', { file: input.params.id!, experiment });
        }
        return json(input, { ...conversionReport(found.variants, reading), ...(found.invented ? { invented: true } : {}) });
      },
    }),
    route<Record<string, never>, CalibrateInput | undefined>({
      method: 'post',
      path: ofModel('/:experiment/calibrate'),
      summary: 'Calibrates the parameter the experiment informs on a variant’s counts (with each, every parameter the variants inform): the posterior, and the change list it makes; with apply, saved as a new version (a learning card can record it).',
      tag,
      body: { json: CalibrateBody, optional: true },
      answers: {
        200: data('{ experiment, variant, parameter, invented, calibration, changes, words } (with each: { experiment, invented, calibrations, calibrationFaults, changes, words }) and the `document` it would make or, applied, the new `version` and its `issues`.'),
        404: NOT_FOUND,
        409: refused('`outdated`: another write came first.'),
        422: refused('No counts, no prior, not a rate, or the model has errors.'),
      },
      handle: async (input) => {
        const body = input.body ?? {};
        const id = input.params.id!;
        const version = await workspace.read(id, body.apply ? body.apply.basedOn : body.version);
        const { ecosystem, result, draft, changes: calibrations, document } = calibrated(version, input.params.experiment!, body, body.level);
        const changes: Change[] = [...calibrations];
        if (body.apply?.learningCard) changes.push(learningCardChange(ecosystem.doc, body.apply.learningCard, version.number + 1, id));
        const said = { ...calibrationData(result, draft), changes, words: changeWords(changes, input.locale) };
        // Not applied: the document the new version would hold (the learning card aside).
        if (!body.apply) return json(input, { ...said, document });
        const written = await workspace.save(id, body.apply.basedOn, changes);
        return json(input, { ...said, version: written.version, issues: renderIssues(written.issues, input.locale) });
      },
    }),
    route<Record<string, never>, CalibratedRiskInput | undefined>({
      method: 'post',
      path: ofModel('/:experiment/risk'),
      summary: 'Starts a risk run (as POST /api/models/{id}/risk, the same options) on the model with the calibration applied but not saved: the forecast after the evidence, to compare with the one before.',
      tag,
      body: { json: CalibratedRiskBody, optional: true },
      answers: {
        202: { description: 'The job, running: read it at /api/jobs/{job}; its result is what `symbiose risk --ranges --json` prints for the calibrated model.', schema: z.unknown() },
        404: NOT_FOUND,
        422: refused('No counts, no prior, not a rate, the model has errors, or options that cannot go together.'),
      },
      handle: async (input) => {
        const body = input.body ?? {};
        const version = await workspace.read(input.params.id!, body.version);
        const { text: written } = calibrated(version, input.params.experiment!, body);
        const file = `${version.model}.${version.format}`;
        const loaded = loadedText(written, `${version.model}.calibrated.${version.format}`);
        if (!loaded.ecosystem || hasErrors(loaded.issues)) throw new ApiError(422, 'invalid-model', 'server.invalid-model', { model: version.model, count: loaded.issues.length }, loaded.issues);
        const ecosystem = loaded.ecosystem;
        const run: RiskOptions = { runs: body.runs ?? 1000, seed: body.seed ?? 1, sampling: body.sampling ?? 'lhs', ...(body.precision !== undefined ? { precision: body.precision } : {}) };
        const fault = checkRiskOptions(run)[0];
        if (fault) throw new ApiError(422, fault.code, `usage.${fault.code}` as UiKey, { value: String(body.precision) });
        const job = jobs.start('risk-calibrated', { model: version.model, version: version.number }, run.runs, async ({ signal, progress }) => {
          const result = await riskInWorkers(ecosystem, written, file, run, { signal, onProgress: progress, ...(options.script ? { script: options.script } : {}) });
          return { status: result.stoppedBy === 'cancelled' ? 'cancelled' : 'done', result: JSON.parse(JSON.stringify(withNames(ecosystem.doc, result), roundFigures)) as unknown };
        });
        return input.c.json(job, 202, { location: `/api/jobs/${job.id}` });
      },
    }),
  ];
}
