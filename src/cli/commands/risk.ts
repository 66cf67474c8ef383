import { Option, type Command } from 'commander';
import { runRisk, withNames } from '../../analyses/index.js';
import type { SamplingMethod } from '../../stats/index.js';
import { riskBlocks } from '../../tables/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { requireModel } from '../model-file.js';
import { colorWanted, emit, formatOf, withOutputOptions, type OutputOptions } from '../output.js';
import { chosenModel, modelArgument, modelOption } from './shared.js';

interface RiskCliOptions extends OutputOptions {
  runs: string;
  seed: string;
  sampling: SamplingMethod;
  ranges?: boolean;
}

/** Draws beyond this keep every NPV in memory (8 bytes × actors × runs): a bound, not a target. */
const MAX_RUNS = 1_000_000;

export function registerRisk(program: Command): void {
  withOutputOptions(program
    .command('risk')
    .description(t('cmd.risk'))
    .addArgument(modelArgument())
    .addOption(modelOption())
    .option('--runs <n>', t('option.runs'), '1000')
    .option('--seed <s>', t('option.riskSeed'), '1')
    .addOption(new Option('--sampling <how>', t('option.sampling')).choices(['mc', 'lhs', 'sobol']).default('lhs'))
    .option('--ranges', t('option.ranges')))
    .action((given: string | undefined, options: RiskCliOptions, command: Command) => {
      const format = formatOf(options);
      if (!options.ranges) throw new UsageError(t('usage.riskNeedsRanges'));
      const runs = wholeNumber(options.runs, '--runs', 1, MAX_RUNS);
      const seed = wholeNumber(options.seed, '--seed', 0, 2 ** 31 - 1);
      const { ecosystem, prepared } = requireModel(chosenModel(given, command), colorWanted(process.stderr));
      const result = runRisk(prepared, ecosystem.doc, { runs, seed, sampling: options.sampling });
      emit(format, () => riskBlocks(ecosystem.doc, result, cliLocale()), () => withNames(ecosystem.doc, result));
    });
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(t('usage.wholeNumber', { option, min, max, value: text }));
  return value;
}
