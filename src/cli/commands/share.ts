import { Option, type Command } from 'commander';
import { withNames, type FairShareOptions } from '../../analyses/index.js';
import type { Bound } from '../../stats/index.js';
import { fairShareOf } from '../../runtime/index.js';
import { shareBlocks } from '../../tables/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, modelArgument, withAnalysisOptions, type AnalysisOptions } from './shared.js';

interface ShareOptions extends AnalysisOptions {
  npv?: boolean;
  sample?: boolean;
  seed?: string;
  error?: string;
  bound?: Bound;
}

export function registerShare(program: Command): void {
  withAnalysisOptions(
    program
      .command('share')
      .description(t('cmd.share'))
      .addArgument(modelArgument())
      .option('--npv', t('option.npv'))
      .option('--sample', t('option.sample'))
      .option('--seed <n>', t('option.seed'))
      .option('--error <amount>', t('option.error'))
      .addOption(new Option('--bound <bound>', t('option.bound')).choices(['hoeffding', 'variance'])),
  ).action(async (model: string | undefined, options: ShareOptions, command: Command) => {
    const analysis = shareOptions(options);
    const { format, ecosystem } = analysisInput(chosenModel(model, command), options);
    const result = await fairShareOf(ecosystem, analysis);
    emit(format, () => shareBlocks(ecosystem.doc, result, cliLocale()), () => withNames(ecosystem.doc, result));
  });
}

/** The command's options as the analysis takes them; a bad seed or error is a usage error. */
function shareOptions(options: ShareOptions): FairShareOptions {
  const out: FairShareOptions = { npv: options.npv === true };
  if (!options.sample) return out;
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(t('usage.seed', { value: options.seed }));
  const error = options.error === undefined ? undefined : Number(options.error);
  if (error !== undefined && !(error > 0 && Number.isFinite(error))) throw new UsageError(t('usage.error', { value: options.error }));
  out.sample = { seed: seed | 0, ...(error !== undefined ? { error } : {}), ...(options.bound ? { bound: options.bound } : {}) };
  return out;
}
