import type { Command } from 'commander';
import { whoPays, withLabels } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { paymentBlocks } from '../render/payments.js';
import { labelsOption, modelOption } from './shared.js';

export function registerPayers(program: Command): void {
  program
    .command('payers')
    .description('who pays and who is paid, overall and per scenario')
    .addOption(modelOption())
    .addOption(labelsOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((options: OutputOptions & { model: string; labels?: boolean }) => {
      const format = formatOf(options);
      const loaded = requireEcosystem(options.model, colorWanted(process.stderr));
      const ecosystem = options.labels ? withLabels(loaded) : loaded;
      const result = whoPays(ecosystem);
      emit(format, () => paymentBlocks(ecosystem.doc, result), () => result);
    });
}
