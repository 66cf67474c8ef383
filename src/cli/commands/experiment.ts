/** `symbiose experiment analyse|plan`: the statistics of src/stats/experiments on counts given on the command line or in a CSV file. */
import type { Command } from 'commander';
import {
  assumptionMap,
  calibrateParameter,
  draftLearning,
  experimentDataFromCsv,
  planRecordedExperiment,
  rankingFromSensitivity,
  recordedExperiment,
  wtpSurveyFromCsv,
  type CsvFault,
  type ExperimentData,
  type PlanFault,
  type RecordedPlan,
  type RecordFault,
} from '../../analyses/index.js';
import { formatNumber, learningCardFromDraft } from '../../i18n/index.js';
import type { UiKey } from '../../i18n/index.js';
import {
  analyseConversions,
  bayesianConversions,
  calibrateRate,
  checkDistribution,
  checkExperimentDesign,
  demandCurve,
  priceSensitivity,
  sequentialAnalysis,
  sequentialPlan,
  verdictOf,
  type BetaShape,
  type Distribution,
  type Counts,
} from '../../stats/index.js';
import { applyChanges, rewriteYaml } from '../../core/index.js';
import { UsageError } from '../errors.js';
import { writeFile } from '../files.js';
import { cliLocale, t } from '../lang.js';
import { formatPercent, paragraph } from '../../tables/index.js';
import { readModelText, requireEcosystem } from '../model-file.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';
import { assumptionMapBlocks } from '../render/assumption-map.js';
import { deliver, emit, formatOf, toFile, colorWanted, withOutputOptions, type OutputOptions } from '../output.js';
import { analysisBlocks, planBlocks } from '../render/experiment.js';
import { bayesianBlocks, sequentialBlocks, sequentialPlanBlocks } from '../render/experiment-readings.js';
import { calibrationBlocks } from '../render/calibration.js';
import { draftBlocks, learningBlocks } from '../render/learning.js';
import { priceChart } from '../render/price-chart.js';
import { renderText } from '../render/text.js';
import { demandBlocks, priceSensitivityBlocks } from '../render/wtp.js';

/** "12/50" → 12 successes of 50 trials. */
export function parseCounts(value: string): Counts {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const counts = match ? { successes: Number(match[1]), trials: Number(match[2]) } : undefined;
  if (!counts || counts.trials < 1 || counts.successes > counts.trials) throw new UsageError(t('experiment.badCounts', { value }));
  return counts;
}

/** "0.15" or "15%" → 0.15. */
function parseRate(option: string, value: string): number {
  const percent = value.trim().endsWith('%');
  const x = Number(percent ? value.trim().slice(0, -1) : value) / (percent ? 100 : 1);
  if (value.trim() === '' || !(x >= 0 && x <= 1)) throw new UsageError(t('experiment.badRate', { option, value }));
  return x;
}

function parseFraction(option: string, value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !(x > 0 && x < 1)) throw new UsageError(t('experiment.badFraction', { option, value }));
  return x;
}

function parseTrials(value: string): [number, number] {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if ((parts.length !== 1 && parts.length !== 2) || parts.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(t('experiment.badTrials', { value }));
  return [parts[0]!, parts[1] ?? parts[0]!];
}

function parsePositive(option: string, value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !(x > 0 && Number.isFinite(x))) throw new UsageError(t('experiment.badPositive', { option, value }));
  return x;
}

function parseSplit(value: string, count: number): number[] {
  const parts = value.split(/[,:/]/).map((p) => Number(p.trim()));
  if (parts.length !== count || parts.some((x) => !(x > 0 && Number.isFinite(x)))) throw new UsageError(t('experiment.badSplit', { value, count }));
  return parts;
}

function parsePrior(value: string): BetaShape {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((x) => !(x > 0 && Number.isFinite(x)))) throw new UsageError(t('experiment.badPrior', { value }));
  return { alpha: parts[0]!, beta: parts[1]! };
}

/** The first fault of a CSV file, located, in the user's language. */
export function csvFaultMessage(file: string, fault: CsvFault): string {
  const message = t(`experiment.csv.${fault.code}` as UiKey, { column: fault.column, value: fault.value });
  return t('experiment.csvFault', { file, line: fault.line, message });
}

/** A fault of the experiment records, in the user's language. */
function recordFaultMessage(file: string, fault: RecordFault): string {
  if (fault.code === 'no-experiments') return t('experiment.record.none', { file });
  if (fault.code === 'no-counts') return t('experiment.record.noCounts', { file, experiment: fault.experiment, variant: fault.variant });
  return t('experiment.record.unknown', { file, experiment: fault.experiment, known: fault.known.join(', ') });
}

/** Counts from the model's records (--experiment), the command line, or --from FILE (with its looks, when it has them). */
function experimentData(values: string[], from: string | undefined, record?: { id: string | undefined; command: Command }): ExperimentData & { named: boolean; invented?: boolean; planned?: number[] } {
  if (record) {
    const counts = values.filter((v) => /^\s*\d+\s*\/\s*\d+\s*$/.test(v));
    if (counts.length > 0 || from !== undefined || values.length > 1) throw new UsageError(t('experiment.countsAndFile'));
    const file = chosenModel(values[0], record.command);
    const { experiment, fault } = recordedExperiment(requireEcosystem(file, colorWanted(process.stderr)).doc, record.id);
    if (!experiment) throw new UsageError(recordFaultMessage(file, fault!));
    const planned = experiment.planned.every((n) => n !== undefined && n > 0) ? (experiment.planned as number[]) : undefined;
    return { variants: experiment.variants, named: true, invented: experiment.invented, ...(planned ? { planned } : {}) };
  }
  if (from !== undefined) {
    if (values.length > 0) throw new UsageError(t('experiment.countsAndFile'));
    const { data, faults } = experimentDataFromCsv(readModelText(from));
    if (!data) throw new UsageError(faults.map((f) => csvFaultMessage(from, f)).join('\n'));
    return { ...data, named: true };
  }
  if (values.length < 2) throw new UsageError(t('experiment.tooFew'));
  return { variants: values.map((v, i) => ({ name: String.fromCharCode(65 + i), counts: parseCounts(v) })), named: false };
}

interface CalibrateOptions extends OutputOptions {
  prior?: string;
  counts?: string;
  experiment?: string;
  variant?: string;
  parameter?: string;
  write?: string;
  level: string;
}

interface AnalyseOptions extends OutputOptions {
  experiment?: string | boolean;
  model?: string;
  level: string;
  alpha: string;
  from?: string;
  prior: string;
  mixtureSd: string;
  split?: string;
}

interface PlanOptions extends OutputOptions {
  control?: string;
  variant?: string;
  trials?: string;
  experiment?: string | boolean;
  model?: string;
  alpha: string;
  power: string;
  sequential?: boolean;
  looks: string;
  mixtureSd?: string;
}

export function registerExperiment(program: Command): void {
  const experiment = program.command('experiment').description(t('cmd.experiment'));
  withOutputOptions(
    experiment
      .command('calibrate')
      .description(t('cmd.experiment.calibrate'))
      .addArgument(modelArgument())
      .addOption(modelOption())
      .option('--prior <distribution>', t('cmd.experiment.calibratePrior'))
      .option('--counts <x/n>', t('cmd.experiment.calibrateCounts'))
      .option('--experiment <id>', t('cmd.experiment.calibrateExperiment'))
      .option('--variant <id>', t('cmd.experiment.calibrateVariant'))
      .option('--parameter <name>', t('cmd.experiment.calibrateParameter'))
      .option('--write <file>', t('cmd.experiment.calibrateWrite'))
      .option('--level <level>', t('cmd.experiment.level'), '0.95'),
    ['text', 'md', 'json', 'csv'],
  ).action(async (model: string | undefined, options: CalibrateOptions, command: Command) => {
    const format = formatOf(options);
    const level = parseFraction('--level', options.level);
    if (options.experiment === undefined) {
      if (options.prior === undefined || options.counts === undefined || model !== undefined) throw new UsageError(t('experiment.calibrateWhat'));
      const calibration = calibrateRate(parseDistribution(options.prior), parseCounts(options.counts), level);
      emit(format, () => calibrationBlocks(calibration, cliLocale()), () => calibration);
      return;
    }
    if (options.prior !== undefined || options.counts !== undefined) throw new UsageError(t('experiment.calibrateWhat'));
    await calibrateRecorded(chosenModel(model, command), options, level, format);
  });
  withOutputOptions(
    experiment
      .command('map')
      .description(t('cmd.experiment.map'))
      .addArgument(modelArgument())
      .addOption(modelOption())
      .option('--ranking <file>', t('cmd.experiment.ranking')),
    ['text', 'md', 'json', 'csv'],
  ).action((model: string | undefined, options: OutputOptions & { ranking?: string }, command: Command) => {
    const format = formatOf(options);
    const file = chosenModel(model, command);
    const doc = requireEcosystem(file, colorWanted(process.stderr)).doc;
    const ranking = options.ranking === undefined ? undefined : rankingOf(options.ranking);
    const map = assumptionMap(doc, ranking);
    emit(format, () => assumptionMapBlocks(map, cliLocale(), ranking !== undefined), () => ({ ranked: ranking !== undefined, assumptions: map }));
  });
  withOutputOptions(
    experiment
      .command('learn')
      .description(t('cmd.experiment.learn'))
      .addArgument(modelArgument())
      .addOption(modelOption())
      .option('--experiment <id>', t('cmd.experiment.learnExperiment'))
      .option('--write <file>', t('cmd.experiment.learnWrite'))
      .option('--id <id>', t('cmd.experiment.learnId'))
      .option('--model-version <version>', t('cmd.experiment.modelVersion'))
      .option('--level <level>', t('cmd.experiment.level'), '0.95')
      .option('--alpha <alpha>', t('cmd.experiment.alpha'), '0.05'),
    ['text', 'md', 'json'],
  ).action(async (model: string | undefined, options: LearnOptions, command: Command) => {
    const format = formatOf(options);
    const file = chosenModel(model, command);
    if (options.experiment === undefined) {
      if (options.write !== undefined || options.id !== undefined || options.modelVersion !== undefined) throw new UsageError(t('learn.writeWhat'));
      const doc = requireEcosystem(file, colorWanted(process.stderr)).doc;
      emit(format, () => learningBlocks(doc, cliLocale()), () => ({ learningCards: doc.learningCards ?? {} }));
      return;
    }
    await draftRecorded(file, options, format);
  });
  withOutputOptions(experiment.command('wtp').description(t('cmd.experiment.wtp')).argument('<file>', t('cmd.experiment.wtpFile')), ['text', 'md', 'json', 'csv']).action(
    (file: string, options: OutputOptions) => analyseWillingness(file, formatOf(options)),
  );
  withOutputOptions(
    experiment
      .command('analyse')
      .alias('analyze')
      .description(t('cmd.experiment.analyse'))
      .argument('[counts...]', t('cmd.experiment.counts'))
      .option('--from <file>', t('cmd.experiment.from'))
      .option('--level <level>', t('cmd.experiment.level'), '0.95')
      .option('--alpha <alpha>', t('cmd.experiment.alpha'), '0.05')
      .option('--prior <a,b>', t('cmd.experiment.prior'), '1,1')
      .option('--mixture-sd <tau>', t('cmd.experiment.mixtureSd'), '0.05')
      .option('--experiment [id]', t('cmd.experiment.recorded'))
      .option('--split <weights>', t('cmd.experiment.split'))
      .addOption(modelOption()),
    ['text', 'md', 'json', 'csv'],
  ).action((values: string[], options: AnalyseOptions, command: Command) => {
    const format = formatOf(options);
    const recorded = options.experiment !== undefined || options.model !== undefined && command.getOptionValueSource('model') === 'cli';
    const data = experimentData(values, options.from, recorded ? { id: typeof options.experiment === 'string' ? options.experiment : undefined, command } : undefined);
    const level = parseFraction('--level', options.level);
    const alpha = parseFraction('--alpha', options.alpha);
    const prior = parsePrior(options.prior);
    const mixtureSd = parsePositive('--mixture-sd', options.mixtureSd);
    const variants = data.variants.map((v) => v.counts);
    const names = data.named ? data.variants.map((v) => v.name) : undefined;
    const planned = options.split !== undefined ? parseSplit(options.split, variants.length) : data.planned;
    const analysis = analyseConversions(variants, level, alpha, planned ? { planned } : {});
    const bayesian = bayesianConversions(variants, { prior, level });
    // Each variant against the control at every look (one look: the final counts).
    const looks = data.looks ?? [{ look: '', variants: data.variants }];
    const sequential = variants.slice(1).map((_, i) =>
      sequentialAnalysis(looks.map((l) => ({ control: l.variants[0]!.counts, variant: l.variants[i + 1]!.counts })), { mixtureSd, alpha }),
    );
    const controlRate = variants[0]!.successes / variants[0]!.trials;
    emit(
      format,
      () => [
        ...(data.invented ? [paragraph(t('experiment.record.invented'))] : []),
        ...analysisBlocks(analysis, alpha, cliLocale(), names),
        ...bayesianBlocks(bayesian, cliLocale(), names),
        ...sequential.flatMap((s, i) => sequentialBlocks(s, i + 1, cliLocale(), names)),
      ],
      () => ({ ...analysis, alpha, ...(names ? { names } : {}), ...(data.invented ? { invented: true } : {}), verdicts: analysis.comparisons.map((c) => verdictOf(c, controlRate, alpha)), bayesian, sequential }),
    );
  });
  withOutputOptions(
    experiment
      .command('plan')
      .description(t('cmd.experiment.plan'))
      .addArgument(modelArgument(t('cmd.experiment.planModel')))
      .option('--control <rate>', t('cmd.experiment.control'))
      .option('--variant <rate>', t('cmd.experiment.variant'))
      .option('--trials <n>', t('cmd.experiment.trials'))
      .option('--experiment [id]', t('cmd.experiment.planExperiment'))
      .addOption(modelOption())
      .option('--alpha <alpha>', t('cmd.experiment.alpha'), '0.05')
      .option('--power <power>', t('cmd.experiment.power'), '0.8')
      .option('--sequential', t('cmd.experiment.sequential'))
      .option('--looks <n>', t('cmd.experiment.looks'), '20')
      .option('--mixture-sd <tau>', t('cmd.experiment.mixtureSd')),
    ['text', 'md', 'json', 'csv'],
  ).action((model: string | undefined, options: PlanOptions, command: Command) => {
    const format = formatOf(options);
    const alpha = parseFraction('--alpha', options.alpha);
    const targetPower = parseFraction('--power', options.power);
    const recorded = options.experiment !== undefined || model !== undefined || command.getOptionValueSource('model') === 'cli';
    if (recorded) {
      planRecorded(chosenModel(model, command), typeof options.experiment === 'string' ? options.experiment : undefined, options, alpha, targetPower, format);
      return;
    }
    if (options.control === undefined || options.variant === undefined || options.trials === undefined) throw new UsageError(t('plan.what'));
    const rates = { control: parseRate('--control', options.control), variant: parseRate('--variant', options.variant) };
    if (rates.control === rates.variant) throw new UsageError(t('experiment.sameRates'));
    const [trialsA, trialsB] = parseTrials(options.trials);
    const check = checkExperimentDesign(rates, trialsA, trialsB, { alpha, targetPower });
    const sequential = options.sequential ? planSequential(options, rates, trialsA, trialsB, alpha, targetPower) : undefined;
    emit(
      format,
      () => [...planBlocks(check, cliLocale()), ...(sequential ? sequentialPlanBlocks(sequential, cliLocale()) : [])],
      () => (sequential ? { ...check, sequential } : check),
    );
  });
}

/** The plan of an experiment the model records: each variant against the control, its groups as planned, its rates from the test card. */
function planRecorded(file: string, id: string | undefined, options: PlanOptions, alpha: number, targetPower: number, format: ReturnType<typeof formatOf>): void {
  const doc = requireEcosystem(file, colorWanted(process.stderr)).doc;
  const overrides = {
    ...(options.control !== undefined ? { control: parseRate('--control', options.control) } : {}),
    ...(options.variant !== undefined ? { variant: parseRate('--variant', options.variant) } : {}),
    ...(options.trials !== undefined ? { trials: parseTrials(options.trials) } : {}),
    alpha,
    targetPower,
  };
  const { plans, fault } = planRecordedExperiment(doc, id, overrides);
  if (!plans) throw new UsageError(planFaultMessage(file, fault!));
  const sequential = options.sequential ? plans.map((p) => planSequential(options, p.rates, p.check.trialsA, p.check.trialsB, alpha, targetPower)) : undefined;
  emit(
    format,
    () => plans.flatMap((p, i) => [paragraph(recordedPlanWords(p)), ...planBlocks(p.check, cliLocale()), ...(sequential ? sequentialPlanBlocks(sequential[i]!, cliLocale()) : [])]),
    () => ({ plans: plans.map((p, i) => (sequential ? { ...p, sequential: sequential[i] } : p)) }),
  );
}

function recordedPlanWords(p: RecordedPlan): string {
  const pct = (x: number) => formatPercent(cliLocale(), x);
  const from = (source: string) => t(`plan.from.${source}` as UiKey, { parameter: p.controlParameter });
  return t('plan.recorded', {
    experiment: p.experiment,
    control: p.control,
    variant: p.variant,
    controlRate: pct(p.rates.control),
    variantRate: pct(p.rates.variant),
    controlFrom: from(p.controlFrom),
    variantFrom: from(p.variantFrom),
    trialsA: formatNumber(cliLocale(), p.check.trialsA, 0),
    trialsB: formatNumber(cliLocale(), p.check.trialsB, 0),
    trialsFrom: from(p.trialsFrom),
  });
}

function planFaultMessage(file: string, fault: PlanFault): string {
  if (fault.code === 'no-experiments') return t('experiment.record.none', { file });
  if (fault.code === 'unknown-experiment') return t('experiment.record.unknown', { file, experiment: fault.experiment, known: fault.known.join(', ') });
  const params = { file, ...fault, ...('rate' in fault ? { rate: formatPercent(cliLocale(), fault.rate) } : {}) } as Record<string, string>;
  return t(`plan.fault.${fault.code}` as UiKey, params);
}

interface LearnOptions extends OutputOptions {
  experiment?: string;
  write?: string;
  id?: string;
  modelVersion?: string;
  level: string;
  alpha: string;
}

/** Drafts the learning card of an experiment the model records; --write saves the model with it and the calibrated parameters. */
async function draftRecorded(file: string, options: LearnOptions, format: ReturnType<typeof formatOf>): Promise<void> {
  const text = readModelText(file);
  const doc = requireEcosystem(file, colorWanted(process.stderr)).doc;
  const level = parseFraction('--level', options.level);
  const alpha = parseFraction('--alpha', options.alpha);
  const { draft, fault } = draftLearning(doc, { experiment: options.experiment! }, { level, alpha });
  if (!draft) throw new UsageError(recordFaultMessage(file, fault!));
  const id = options.id ?? `${draft.experiment}-learned`;
  const version = options.modelVersion === undefined ? undefined : /^\d+$/.test(options.modelVersion) && Number(options.modelVersion) > 0 ? Number(options.modelVersion) : options.modelVersion;
  const card = { ...learningCardFromDraft(draft), ...(version !== undefined ? { modelVersion: version } : {}) };
  if (options.write !== undefined) {
    if (doc.learningCards?.[id] !== undefined) throw new UsageError(t('learn.exists', { file, id }));
    const applied = applyChanges(doc, [...draft.changes, { op: 'add', kind: 'learningCard', id, record: card }]);
    await writeFile(options.write, rewriteYaml(text, applied.document), { overwrite: options.force === true, force: false });
  }
  const parameters = draft.calibrations.map((c) => c.parameter).join(', ');
  const written = options.write === undefined ? [] : [paragraph(t(parameters ? 'learn.written' : 'learn.writtenNone', { file: options.write, id, parameters }))];
  emit(
    format,
    () => [paragraph(t(draft.invented ? 'learn.draftedInvented' : 'learn.drafted', { experiment: draft.experiment })), ...draftBlocks(id, card, cliLocale()), ...written],
    () => ({ id, learningCard: card, draft, ...(options.write ? { written: options.write } : {}) }),
  );
}

function planSequential(options: PlanOptions, rates: { control: number; variant: number }, trialsA: number, trialsB: number, alpha: number, targetPower: number) {
  if (trialsA !== trialsB) throw new UsageError(t('experiment.sequentialUnequal'));
  const looks = Number(options.looks);
  if (!Number.isInteger(looks) || looks < 1 || looks > 1000) throw new UsageError(t('experiment.badLooks', { value: options.looks }));
  const mixtureSd = options.mixtureSd === undefined ? undefined : parsePositive('--mixture-sd', options.mixtureSd);
  return sequentialPlan(rates, trialsA, { alpha, targetPower, looks, ...(mixtureSd === undefined ? {} : { mixtureSd }) });
}

/** Van Westendorp or Gabor–Granger, as the survey's header says; text output draws the four curves. */
function analyseWillingness(file: string, format: ReturnType<typeof formatOf>): void {
  const { survey, faults } = wtpSurveyFromCsv(readModelText(file));
  if (!survey) throw new UsageError(faults.map((f) => csvFaultMessage(file, f)).join('\n'));
  if (survey.method === 'gabor-granger') {
    const demand = demandCurve(survey.prices, survey.answers);
    emit(format, () => demandBlocks(demand, cliLocale()), () => ({ method: survey.method, ...demand }));
    return;
  }
  if (!survey.answers.some((a) => a.tooCheap < a.cheap && a.cheap < a.expensive && a.expensive < a.tooExpensive)) throw new UsageError(t('wtp.allInconsistent', { file }));
  const sensitivity = priceSensitivity(survey.answers);
  if (format === 'text') {
    const text = renderText(priceSensitivityBlocks(sensitivity, cliLocale(), false), !toFile() && colorWanted(process.stdout));
    deliver(`${text}\n${priceChart(sensitivity, cliLocale())}`);
    return;
  }
  emit(format, () => priceSensitivityBlocks(sensitivity, cliLocale(), true), () => ({ method: survey.method, ...sensitivity }));
}

const DISTRIBUTION_FIELDS: Record<string, readonly string[]> = { beta: ['alpha', 'beta'], pert: ['min', 'mode', 'max'], triangular: ['min', 'mode', 'max'], uniform: ['min', 'max'] };

/** "pert:0.05,0.1,0.3" → { kind: 'pert', min: 0.05, mode: 0.1, max: 0.3 }, checked as the model's distributions are. */
export function parseDistribution(value: string): Distribution {
  const [kind, list] = value.split(':');
  const fields = DISTRIBUTION_FIELDS[kind?.trim().toLowerCase() ?? ''];
  const numbers = (list ?? '').split(',').map((x) => Number(x.trim()));
  if (!fields || numbers.length !== fields.length || numbers.some((x) => !Number.isFinite(x)) || list!.trim() === '') throw new UsageError(t('experiment.badDistribution', { value }));
  const d = { kind: kind!.trim().toLowerCase(), ...Object.fromEntries(fields.map((f, i) => [f, numbers[i]])) } as Distribution;
  const faults = checkDistribution(d);
  if (faults.length > 0) throw new UsageError(t('experiment.distributionRefused', { value }));
  return d;
}

/** The importance of each parameter from a saved `symbiose sensitivity --json`. */
function rankingOf(file: string): Map<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readModelText(file));
  } catch {
    throw new UsageError(t('experiment.badRanking', { file }));
  }
  const actors = (parsed as { actors?: unknown }).actors;
  if (!Array.isArray(actors)) throw new UsageError(t('experiment.badRanking', { file }));
  return rankingFromSensitivity(parsed as Parameters<typeof rankingFromSensitivity>[0]);
}

/** Calibrates the parameter an experiment of the model informs; --write saves the model with it. */
async function calibrateRecorded(file: string, options: CalibrateOptions, level: number, format: ReturnType<typeof formatOf>): Promise<void> {
  const text = readModelText(file);
  const ecosystem = requireEcosystem(file, colorWanted(process.stderr));
  const ids = { experiment: options.experiment!, ...(options.variant ? { variant: options.variant } : {}), ...(options.parameter ? { parameter: options.parameter } : {}) };
  const { result, fault } = calibrateParameter(ecosystem.doc, ids, level);
  if (!result) throw new UsageError(t(`calibrate.fault.${fault!.code}` as UiKey, { file, ...fault } as Record<string, string>));
  if (options.write !== undefined) {
    const applied = applyChanges(ecosystem.doc, [result.change]);
    await writeFile(options.write, rewriteYaml(text, applied.document), { overwrite: options.force === true, force: false });
  }
  const words = t(result.invented ? 'calibrate.recordedInvented' : 'calibrate.recorded', { experiment: result.experiment, variant: result.variant, parameter: result.parameter });
  emit(
    format,
    () => [paragraph(words), ...calibrationBlocks(result.calibration, cliLocale()), ...(options.write ? [paragraph(t('calibrate.written', { file: options.write, parameter: result.parameter }))] : [])],
    () => ({ ...result, ...(options.write ? { written: options.write } : {}) }),
  );
}
