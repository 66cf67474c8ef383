/** `symbiose experiment analyse|plan`: the statistics of src/stats/experiments on counts given on the command line or in a CSV file. */
import type { Command } from 'commander';
import { assumptionMap, experimentDataFromCsv, rankingFromSensitivity, recordedExperiment, wtpSurveyFromCsv, type CsvFault, type ExperimentData, type RecordFault } from '../../analyses/index.js';
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
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { paragraph } from '../../tables/index.js';
import { readModelText, requireEcosystem } from '../model-file.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';
import { assumptionMapBlocks } from '../render/assumption-map.js';
import { deliver, emit, formatOf, toFile, colorWanted, withOutputOptions, type OutputOptions } from '../output.js';
import { analysisBlocks, planBlocks } from '../render/experiment.js';
import { bayesianBlocks, sequentialBlocks, sequentialPlanBlocks } from '../render/experiment-readings.js';
import { calibrationBlocks } from '../render/calibration.js';
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
function experimentData(values: string[], from: string | undefined, record?: { id: string | undefined; command: Command }): ExperimentData & { named: boolean; invented?: boolean } {
  if (record) {
    const counts = values.filter((v) => /^\s*\d+\s*\/\s*\d+\s*$/.test(v));
    if (counts.length > 0 || from !== undefined || values.length > 1) throw new UsageError(t('experiment.countsAndFile'));
    const file = chosenModel(values[0], record.command);
    const { experiment, fault } = recordedExperiment(requireEcosystem(file, colorWanted(process.stderr)).doc, record.id);
    if (!experiment) throw new UsageError(recordFaultMessage(file, fault!));
    return { variants: experiment.variants, named: true, invented: experiment.invented };
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

interface AnalyseOptions extends OutputOptions {
  experiment?: string | boolean;
  model?: string;
  level: string;
  alpha: string;
  from?: string;
  prior: string;
  mixtureSd: string;
}

interface PlanOptions extends OutputOptions {
  control: string;
  variant: string;
  trials: string;
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
      .requiredOption('--prior <distribution>', t('cmd.experiment.calibratePrior'))
      .requiredOption('--counts <x/n>', t('cmd.experiment.calibrateCounts'))
      .option('--level <level>', t('cmd.experiment.level'), '0.95'),
    ['text', 'md', 'json', 'csv'],
  ).action((options: OutputOptions & { prior: string; counts: string; level: string }) => {
    const format = formatOf(options);
    const calibration = calibrateRate(parseDistribution(options.prior), parseCounts(options.counts), parseFraction('--level', options.level));
    emit(format, () => calibrationBlocks(calibration, cliLocale()), () => calibration);
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
    const analysis = analyseConversions(variants, level, alpha);
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
      .requiredOption('--control <rate>', t('cmd.experiment.control'))
      .requiredOption('--variant <rate>', t('cmd.experiment.variant'))
      .requiredOption('--trials <n>', t('cmd.experiment.trials'))
      .option('--alpha <alpha>', t('cmd.experiment.alpha'), '0.05')
      .option('--power <power>', t('cmd.experiment.power'), '0.8')
      .option('--sequential', t('cmd.experiment.sequential'))
      .option('--looks <n>', t('cmd.experiment.looks'), '20')
      .option('--mixture-sd <tau>', t('cmd.experiment.mixtureSd')),
    ['text', 'md', 'json', 'csv'],
  ).action((options: PlanOptions) => {
    const format = formatOf(options);
    const rates = { control: parseRate('--control', options.control), variant: parseRate('--variant', options.variant) };
    if (rates.control === rates.variant) throw new UsageError(t('experiment.sameRates'));
    const [trialsA, trialsB] = parseTrials(options.trials);
    const alpha = parseFraction('--alpha', options.alpha);
    const targetPower = parseFraction('--power', options.power);
    const check = checkExperimentDesign(rates, trialsA, trialsB, { alpha, targetPower });
    const sequential = options.sequential ? planSequential(options, rates, trialsA, trialsB, alpha, targetPower) : undefined;
    emit(
      format,
      () => [...planBlocks(check, cliLocale()), ...(sequential ? sequentialPlanBlocks(sequential, cliLocale()) : [])],
      () => (sequential ? { ...check, sequential } : check),
    );
  });
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
