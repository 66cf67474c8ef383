import type { Command } from 'commander';
import { valueSharing, withLabels } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { sharingBlocks } from '../render/sharing.js';
import { labelsOption, modelOption } from './shared.js';

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('total value created and the share each actor captures')
    .addOption(modelOption())
    .addOption(labelsOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((options: OutputOptions & { model: string; labels?: boolean }) => {
      const format = formatOf(options);
      const loaded = requireEcosystem(options.model, colorWanted(process.stderr));
      const ecosystem = options.labels ? withLabels(loaded) : loaded;
      const result = valueSharing(ecosystem);
      emit(format, () => sharingBlocks(ecosystem.doc, result), () => result);
    });
}
