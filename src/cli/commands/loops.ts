import type { Command } from 'commander';
import { withNames, type CycleOptions } from '../../analyses/index.js';
import { modelFeedback, SimulationError } from '../../engine/index.js';
import { engineIssueMessage } from '../../i18n/index.js';
import { modelLoops } from '../../runtime/index.js';
import { feedbackBlocks, heading, loopBlocks } from '../../tables/index.js';
import { colorWanted, formatOf } from '../output.js';
import { readDynamicsFile, XMILE_FILE } from '../dynamics-file.js';
import { InvalidModelError, UsageError } from '../errors.js';
import { cliLocale, t } from '../lang.js';
import { emit } from '../output.js';
import { analysisInput, chosenModel, modelArgument, withAnalysisOptions, type AnalysisOptions } from './shared.js';

interface LoopOptions extends AnalysisOptions {
  npv?: boolean;
  minLength?: string;
  maxLength?: string;
}

export function registerLoops(program: Command): void {
  withAnalysisOptions(
    program
      .command('loops')
      .description(t('cmd.loops'))
      .addArgument(modelArgument(t('cmd.loops.file')))
      .option('--min-length <n>', t('option.minLength'))
      .option('--max-length <n>', t('option.maxLength'))
      .option('--npv', t('option.npv')),
  ).action((model: string | undefined, options: LoopOptions, command: Command) => {
    const length = (option: string, value: string | undefined) => {
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 2 || n > 50) throw new UsageError(t('usage.length', { option, value }));
      return n;
    };
    const cycleOptions: CycleOptions = { npv: options.npv === true };
    const min = length('--min-length', options.minLength);
    const max = length('--max-length', options.maxLength);
    if (min !== undefined) cycleOptions.minLength = min;
    if (max !== undefined) cycleOptions.maxLength = max;
    const file = chosenModel(model, command);
    if (XMILE_FILE.test(file)) return xmileLoops(file, formatOf(options));
    const { format, ecosystem } = analysisInput(file, options);
    const result = modelLoops(ecosystem, cycleOptions);
    const blocks = () => [
      ...loopBlocks(ecosystem.doc, result, cliLocale()),
      ...(result.feedback ? feedbackBlocks(ecosystem.doc.period, result.feedback, cliLocale()) : []),
    ];
    emit(format, blocks, () => withNames(ecosystem.doc, result));
  });
}

/** An XMILE model has no actors, so no cycles of value: its feedback loops only. */
function xmileLoops(file: string, format: ReturnType<typeof formatOf>): void {
  const { model } = readDynamicsFile(file, colorWanted(process.stderr));
  let feedback: ReturnType<typeof modelFeedback>;
  try {
    feedback = modelFeedback(model);
  } catch (error) {
    // A run the file's own specs make impossible (too many steps): said as simulate says it.
    if (error instanceof SimulationError) throw new UsageError(engineIssueMessage({ code: 'run', severity: 'error', params: error.refusal }, cliLocale()));
    throw error;
  }
  if (!feedback) throw new InvalidModelError(t('model.hasSomeErrors', { file }));
  const blocks = () => [heading(t('feedback.xmileTitle', { model: model.name ?? file })), ...feedbackBlocks(undefined, feedback, cliLocale()).slice(1)];
  emit(format, blocks, () => ({ feedback }));
}
