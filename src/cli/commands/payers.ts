import type { Command } from 'commander';
import { whoPays } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { paymentBlocks } from '../render/payments.js';
import { modelOption } from './shared.js';

export function registerPayers(program: Command): void {
  program
    .command('payers')
    .description('who pays and who is paid, overall and per scenario')
    .addOption(modelOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((options: OutputOptions & { model: string }) => {
      const format = formatOf(options);
      const ecosystem = requireEcosystem(options.model, colorWanted(process.stderr));
      const result = whoPays(ecosystem);
      emit(format, () => paymentBlocks(ecosystem.doc, result), () => result);
    });
}
