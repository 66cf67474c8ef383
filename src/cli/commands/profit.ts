import { Option, type Command } from 'commander';
import { profitability, profitabilityOfAll } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { defaultGrouping, overviewBlocks, sheetBlocks, type Grouping } from '../render/profit.js';
import { modelOption, resolveActor } from './shared.js';

export function registerProfit(program: Command): void {
  program
    .command('profit')
    .description('profitability per actor: revenues, costs, net cash, NPV, break-even, deepest position')
    .option('-a, --actor <actor>', "one actor's full sheet, period by period")
    .addOption(new Option('--by <grouping>', 'columns of the sheet (default: years when over 12 periods)').choices(['period', 'year']))
    .addOption(modelOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((options: OutputOptions & { model: string; actor?: string; by?: Grouping }) => {
      const format = formatOf(options);
      const ecosystem = requireEcosystem(options.model, colorWanted(process.stderr));
      const { doc } = ecosystem;
      if (options.actor !== undefined) {
        const sheet = profitability(ecosystem, resolveActor(ecosystem, options.actor));
        emit(format, () => sheetBlocks(doc, sheet, options.by ?? defaultGrouping(doc)), () => sheet);
      } else {
        const sheets = profitabilityOfAll(ecosystem);
        emit(format, () => overviewBlocks(doc, sheets), () => sheets);
      }
    });
}
