import { Option, type Command } from 'commander';
import { profitability, profitabilityOfAll, withLabels } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { UsageError } from '../errors.js';
import { overviewBlocks, sheetBlocks, type Grouping } from '../render/profit.js';
import { labelsOption, modelOption, resolveActor } from './shared.js';

export function registerProfit(program: Command): void {
  program
    .command('profit')
    .description('profitability per actor: revenues, costs, net cash, NPV, break-even, deepest position')
    .option('-a, --actor <actor>', "one actor's full sheet: revenues, payments and costs line by line, over time")
    .addOption(
      new Option('--by <grouping>', "with --actor: a column per period, per year, or auto (periods up to 12, else years, else runs)")
        .choices(['period', 'year', 'auto'])
        .default('auto'),
    )
    .addOption(modelOption())
    .addOption(labelsOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((options: OutputOptions & { model: string; labels?: boolean; actor?: string; by?: Grouping }, command: Command) => {
      const format = formatOf(options);
      if (command.getOptionValueSource('by') === 'cli' && options.actor === undefined) {
        throw new UsageError('--by arranges the columns of one actor\'s sheet: add --actor ID');
      }
      const loaded = requireEcosystem(options.model, colorWanted(process.stderr));
      const ecosystem = options.labels ? withLabels(loaded) : loaded;
      const { doc } = ecosystem;
      if (options.actor !== undefined) {
        const sheet = profitability(ecosystem, resolveActor(ecosystem, options.actor));
        emit(format, () => sheetBlocks(doc, sheet, options.by ?? 'auto'), () => sheet);
      } else {
        const sheets = profitabilityOfAll(ecosystem);
        emit(format, () => overviewBlocks(doc, sheets), () => sheets);
      }
    });
}
