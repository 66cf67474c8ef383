import type { Command } from 'commander';
import { canvas, withNames } from '../../analyses/index.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, resolveActor, withAnalysisOptions, type AnalysisOptions } from './shared.js';
import { eachCanvasBlock } from '../../tables/index.js';

export function registerCanvas(program: Command): void {
  withAnalysisOptions(
    program
      .command('canvas')
      .description(t('cmd.canvas'))
      // canvas [model] <actor>: commander reads arguments in order, so the first is the actor
      // when it comes alone and the model when two are given.
      .usage(t('cmd.canvas.usage'))
      .argument('<actor>', t('cmd.canvas.actor'))
      .argument('[actor-after-model]', t('cmd.canvas.actorAfterModel')),
  ).action((first: string, second: string | undefined, options: AnalysisOptions, command: Command) => {
    const [model, actor] = second === undefined ? [undefined, first] : [first, second];
    const { format, ecosystem } = analysisInput(chosenModel(model, command), options);
    const result = canvas(ecosystem, resolveActor(ecosystem, actor));
    emit(format, () => eachCanvasBlock(ecosystem.doc, result, cliLocale()), () => withNames(ecosystem.doc, result));
  });
}
