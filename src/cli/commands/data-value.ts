import type { Command } from 'commander';
import { dataValue, withNames } from '../../analyses/index.js';
import { dataValueBlocks } from '../../tables/index.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, modelArgument, withAnalysisOptions, type AnalysisOptions } from './shared.js';

export function registerDataValue(program: Command): void {
  withAnalysisOptions(program.command('data-value').description(t('cmd.dataValue')).addArgument(modelArgument()).option('--npv', t('option.npv'))).action(
    (model: string | undefined, options: AnalysisOptions & { npv?: boolean }, command: Command) => {
      const { format, ecosystem } = analysisInput(chosenModel(model, command), options);
      const result = dataValue(ecosystem, { npv: options.npv === true });
      emit(format, () => dataValueBlocks(ecosystem.doc, result, cliLocale()), () => withNames(ecosystem.doc, result));
    },
  );
}
