/** `symbiose experiment analyse|plan`: the statistics of src/stats/experiments on counts given on the command line. */
import type { Command } from 'commander';
import { analyseConversions, checkExperimentDesign, verdictOf, type Counts } from '../../stats/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { analysisBlocks, planBlocks } from '../render/experiment.js';

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

interface AnalyseOptions extends OutputOptions {
  level: string;
  alpha: string;
}

interface PlanOptions extends OutputOptions {
  control: string;
  variant: string;
  trials: string;
  alpha: string;
  power: string;
}

export function registerExperiment(program: Command): void {
  const experiment = program.command('experiment').description(t('cmd.experiment'));
  withOutputOptions(
    experiment
      .command('analyse')
      .alias('analyze')
      .description(t('cmd.experiment.analyse'))
      .argument('<counts...>', t('cmd.experiment.counts'))
      .option('--level <level>', t('cmd.experiment.level'), '0.95')
      .option('--alpha <alpha>', t('cmd.experiment.alpha'), '0.05'),
    ['text', 'md', 'json'],
  ).action((values: string[], options: AnalyseOptions) => {
    const format = formatOf(options);
    if (values.length < 2) throw new UsageError(t('experiment.tooFew'));
    const variants = values.map(parseCounts);
    const level = parseFraction('--level', options.level);
    const alpha = parseFraction('--alpha', options.alpha);
    const analysis = analyseConversions(variants, level, alpha);
    const controlRate = variants[0]!.successes / variants[0]!.trials;
    emit(
      format,
      () => analysisBlocks(analysis, alpha, cliLocale()),
      () => ({ ...analysis, alpha, verdicts: analysis.comparisons.map((c) => verdictOf(c, controlRate, alpha)) }),
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
      .option('--power <power>', t('cmd.experiment.power'), '0.8'),
    ['text', 'md', 'json'],
  ).action((options: PlanOptions) => {
    const format = formatOf(options);
    const rates = { control: parseRate('--control', options.control), variant: parseRate('--variant', options.variant) };
    if (rates.control === rates.variant) throw new UsageError(t('experiment.sameRates'));
    const [trialsA, trialsB] = parseTrials(options.trials);
    const check = checkExperimentDesign(rates, trialsA, trialsB, { alpha: parseFraction('--alpha', options.alpha), targetPower: parseFraction('--power', options.power) });
    emit(format, () => planBlocks(check, cliLocale()), () => check);
  });
}
