import type { Command } from 'commander';
import { canvas } from '../../analyses/index.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { canvasBlocks } from '../render/canvas.js';
import { withNames } from '../render/json.js';
import { analysisInput, resolveActor, withAnalysisOptions, type AnalysisOptions } from './shared.js';

export function registerCanvas(program: Command): void {
  withAnalysisOptions(
    program
      .command('canvas')
      .description(t('cmd.canvas'))
      .argument('<actor>', t('cmd.canvas.actor')),
  ).action((actor: string, options: AnalysisOptions) => {
    const { format, ecosystem } = analysisInput(options);
    const result = canvas(ecosystem, resolveActor(ecosystem, actor));
    emit(format, () => canvasBlocks(ecosystem.doc, result, cliLocale()), () => withNames(ecosystem.doc, result));
  });
}
