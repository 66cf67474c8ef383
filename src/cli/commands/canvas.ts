import type { Command } from 'commander';
import { canvas } from '../../analyses/index.js';
import { requireEcosystem } from '../model-file.js';
import { colorWanted, emit, formatOf, formatOption, jsonOption, type OutputOptions } from '../output.js';
import { canvasBlocks } from '../render/canvas.js';
import { modelOption, resolveActor } from './shared.js';

export function registerCanvas(program: Command): void {
  program
    .command('canvas')
    .description("print an actor's Business Model Canvas, derived from the value network")
    .argument('<actor>', 'actor id or name')
    .addOption(modelOption())
    .addOption(formatOption())
    .addOption(jsonOption())
    .action((actor: string, options: OutputOptions & { model: string }) => {
      const format = formatOf(options);
      const ecosystem = requireEcosystem(options.model, colorWanted(process.stderr));
      const result = canvas(ecosystem, resolveActor(ecosystem, actor));
      emit(format, () => canvasBlocks(result, ecosystem.doc.period), () => result);
    });
}
