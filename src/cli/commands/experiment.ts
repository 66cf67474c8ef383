/** `symbiose experiment analyse|plan`: the statistics of src/stats/experiments on counts given on the command line or in a CSV file. */
import type { Command } from 'commander';
import { experimentDataFromCsv, type CsvFault, type ExperimentData } from '../../analyses/index.js';
import type { UiKey } from '../../i18n/index.js';
import {
  analyseConversions,
  bayesianConversions,
  checkExperimentDesign,
  sequentialAnalysis,
  sequentialPlan,
  verdictOf,
  type BetaShape,
  type Counts,
} from '../../stats/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { readModelText } from '../model-file.js';
import { emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { analysisBlocks, planBlocks } from '../render/experiment.js';
import { bayesianBlocks, sequentialBlocks, sequentialPlanBlocks } from '../render/experiment-readings.js';

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

/** Counts from the command line, or from --from FILE (with its looks, when it has them). */
function experimentData(values: string[], from: string | undefined): ExperimentData & { named: boolean } {
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
      .command('analyse')
      .alias('analyze')
      .description(t('cmd.experiment.analyse'))
      .argument('[counts...]', t('cmd.experiment.counts'))
      .option('--from <file>', t('cmd.experiment.from'))
      .option('--level <level>', t('cmd.experiment.level'), '0.95')
      .option('--alpha <alpha>', t('cmd.experiment.alpha'), '0.05')
      .option('--prior <a,b>', t('cmd.experiment.prior'), '1,1')
      .option('--mixture-sd <tau>', t('cmd.experiment.mixtureSd'), '0.05'),
    ['text', 'md', 'json', 'csv'],
  ).action((values: string[], options: AnalyseOptions) => {
    const format = formatOf(options);
    const data = experimentData(values, options.from);
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
        ...analysisBlocks(analysis, alpha, cliLocale(), names),
        ...bayesianBlocks(bayesian, cliLocale(), names),
        ...sequential.flatMap((s, i) => sequentialBlocks(s, i + 1, cliLocale(), names)),
      ],
      () => ({ ...analysis, alpha, ...(names ? { names } : {}), verdicts: analysis.comparisons.map((c) => verdictOf(c, controlRate, alpha)), bayesian, sequential }),
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
