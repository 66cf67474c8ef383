import type { Command } from 'commander';
import { valueSharing, withNames } from '../../analyses/index.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, modelArgument, withAnalysisOptions, type AnalysisOptions } from './shared.js';
import { sharingBlocks } from '../../tables/index.js';

export function registerSummary(program: Command): void {
  withAnalysisOptions(program.command('summary').description(t('cmd.summary')).addArgument(modelArgument())).action((model: string | undefined, options: AnalysisOptions, command: Command) => {
    const { format, ecosystem } = analysisInput(chosenModel(model, command), options);
    const result = valueSharing(ecosystem);
    emit(format, () => sharingBlocks(ecosystem.doc, result, cliLocale()), () => withNames(ecosystem.doc, result));
  });
}
