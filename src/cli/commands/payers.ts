import type { Command } from 'commander';
import { whoPays, withNames } from '../../analyses/index.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, modelArgument, withAnalysisOptions, type AnalysisOptions } from './shared.js';
import { paymentBlocks } from '../../tables/index.js';

export function registerPayers(program: Command): void {
  withAnalysisOptions(program.command('payers').description(t('cmd.payers')).addArgument(modelArgument())).action((model: string | undefined, options: AnalysisOptions, command: Command) => {
    const { format, ecosystem } = analysisInput(chosenModel(model, command), options);
    const result = whoPays(ecosystem);
    emit(format, () => paymentBlocks(ecosystem.doc, result, cliLocale()), () => withNames(ecosystem.doc, result));
  });
}
