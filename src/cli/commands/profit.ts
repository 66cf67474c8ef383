import { Option, type Command } from 'commander';
import { eachSheet, profitability, profitabilityOfAll, sheetTotals, withNames } from '../../analyses/index.js';
import { UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, modelArgument, resolveActor, withAnalysisOptions, type AnalysisOptions } from './shared.js';
import { type Grouping, overviewBlocks, sheetBlocks } from '../../tables/index.js';

export function registerProfit(program: Command): void {
  withAnalysisOptions(
    program
      .command('profit')
      .description(t('cmd.profit'))
      .addArgument(modelArgument())
      .option('-a, --actor <actor>', t('option.profitActor'))
      .addOption(
        new Option('--by <grouping>', t('option.by'))
          .choices(['period', 'year', 'auto'])
          .default('auto'),
      ),
  ).action((model: string | undefined, options: AnalysisOptions & { actor?: string; by?: Grouping }, command: Command) => {
    if (command.getOptionValueSource('by') === 'cli' && options.actor === undefined) {
      throw new UsageError(t('usage.byWithoutActor'));
    }
    const { format, ecosystem } = analysisInput(chosenModel(model, command), options);
    const { doc } = ecosystem;
    if (options.actor !== undefined) {
      const sheet = profitability(ecosystem, resolveActor(ecosystem, options.actor));
      emit(format, () => sheetBlocks(doc, sheet, options.by ?? 'auto', cliLocale()), () => withNames(doc, sheet));
    } else {
      // Tables need each sheet's totals only: sheets are dropped as read (10⁵ actors' sheets at
      // once would hold about 230 MB); JSON gives them whole.
      emit(format, () => overviewBlocks(doc, eachSheet(ecosystem, sheetTotals), cliLocale()), () => withNames(doc, profitabilityOfAll(ecosystem)));
    }
  });
}
