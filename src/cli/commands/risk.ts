import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { checkRiskOptions, withNames, type RiskOptions } from '../../analyses/index.js';
import { parameterSpec, type ModelDocument } from '../../core/index.js';
import { CancelledError } from '../../engine/index.js';
import { interruptSignal, riskInWorkers } from '../../runtime/index.js';
import type { SamplingMethod } from '../../stats/index.js';
import { formatCount, riskBlocks } from '../../tables/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { modelFileName, readModelText, requireModel } from '../model-file.js';
import { colorWanted, emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';

interface RiskCliOptions extends OutputOptions {
  runs: string;
  seed: string;
  sampling: SamplingMethod;
  ranges?: boolean;
  precision?: string;
  workers?: string;
}

/**
 * Draws beyond this are refused: a bound on the run's time, not its memory (past 10⁶ draws the
 * percentiles come from a sketch of a few thousand buckets).
 */
const MAX_RUNS = 100_000_000;

export function registerRisk(program: Command): void {
  withOutputOptions(program
    .command('risk')
    .description(t('cmd.risk'))
    .addArgument(modelArgument())
    .addOption(modelOption())
    .option('--runs <n>', t('option.runs'), '1000')
    .option('--seed <s>', t('option.riskSeed'), '1')
    .addOption(new Option('--sampling <how>', t('option.sampling')).choices(['mc', 'lhs', 'sobol']).default('lhs'))
    .option('--precision <se>', t('option.precision'))
    .option('--workers <n>', t('option.workers'))
    .option('--ranges', t('option.ranges')))
    .action(async (given: string | undefined, options: RiskCliOptions, command: Command) => {
      const signal = interruptSignal();
      const format = formatOf(options);
      const run: RiskOptions = {
        runs: wholeNumber(options.runs, '--runs', 1, MAX_RUNS),
        seed: wholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1),
        sampling: options.sampling,
        ranges: options.ranges === true,
        ...(options.precision !== undefined ? { precision: precisionOf(options.precision) } : {}),
      };
      const fault = checkRiskOptions(run)[0];
      if (fault) throw new UsageError(t(`usage.${fault.code}`, { value: options.precision ?? '' }));
      const threads = options.workers === undefined ? availableParallelism() : wholeNumber(options.workers, '--workers', 1, 256);
      const file = chosenModel(given, command);
      const text = readModelText(file);
      const { ecosystem, prepared } = requireModel(file, colorWanted(process.stderr), text);
      // Empirical distributions' columns, read beside the model: the workers draw them from these.
      if (prepared.columns.size > 0) run.columns = prepared.columns;
      // Without --ranges only the declared distributions are drawn: a model that declares none has nothing to draw.
      if (!run.ranges && !declaresDistribution(ecosystem.doc)) throw new UsageError(t('usage.riskNeedsRanges'));
      const bar = progressBar(run.runs);
      const result = await riskInWorkers(ecosystem, text, modelFileName(file), run, { threads, signal, onProgress: (draws) => bar?.update(draws) }).finally(() => bar?.stop());
      if (result.stoppedBy === 'cancelled') {
        process.stderr.write(`symbiose: ${t('risk.cancelled', { draws: formatCount(cliLocale(), result.draws), runs: formatCount(cliLocale(), run.runs) })}`);
        throw new CancelledError();
      }
      emit(format, () => riskBlocks(ecosystem.doc, result, cliLocale(), { drawings: format === 'text' }), () => withNames(ecosystem.doc, result));
    });
}

/** A bar on standard error when it is a terminal: draws made out of the most asked for. */
function progressBar(runs: number): cliProgress.SingleBar | undefined {
  if (!process.stderr.isTTY) return undefined;
  const format = t('risk.progress', { bar: '{bar}', value: '{value}', total: '{total}' });
  const bar = new cliProgress.SingleBar({ format, hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar.start(runs, 0);
  return bar;
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(t('usage.wholeNumber', { option, min, max, value: text }));
  return value;
}

/** 0.005 or 0.5%. */
function precisionOf(text: string): number {
  const percent = /^\s*([0-9.]+)\s*%\s*$/.exec(text);
  const value = percent ? Number(percent[1]) / 100 : /^\s*[0-9.]+(e-?\d+)?\s*$/i.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value < 1)) throw new UsageError(t('usage.precision-not-positive', { value: text }));
  return value;
}

function declaresDistribution(doc: ModelDocument): boolean {
  return Object.values(doc.parameters ?? {}).some((written) => parameterSpec(written).distribution !== undefined);
}
