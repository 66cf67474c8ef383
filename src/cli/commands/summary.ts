import type { Command } from 'commander';
import { valueSharing } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { sharingBlocks } from '../render/sharing.js';
import { modelOption } from './shared.js';

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('total value created and the share each actor captures')
    .addOption(modelOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((options: OutputOptions & { model: string }) => {
      const format = formatOf(options);
      const ecosystem = requireEcosystem(options.model, colorWanted(process.stderr));
      const result = valueSharing(ecosystem);
      emit(format, () => sharingBlocks(ecosystem.doc, result), () => result);
    });
}
