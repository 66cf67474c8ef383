import type { Command } from 'commander';
import { canvas, withLabels } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { canvasBlocks } from '../render/canvas.js';
import { labelsOption, modelOption, resolveActor } from './shared.js';

export function registerCanvas(program: Command): void {
  program
    .command('canvas')
    .description("print an actor's Business Model Canvas, derived from the value network")
    .argument('<actor>', 'actor id or name')
    .addOption(modelOption())
    .addOption(labelsOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((actor: string, options: OutputOptions & { model: string; labels?: boolean }) => {
      const format = formatOf(options);
      const loaded = requireEcosystem(options.model, colorWanted(process.stderr));
      const ecosystem = options.labels ? withLabels(loaded) : loaded;
      const result = canvas(ecosystem, resolveActor(ecosystem, actor));
      emit(format, () => canvasBlocks(result, ecosystem.doc.period), () => result);
    });
}
