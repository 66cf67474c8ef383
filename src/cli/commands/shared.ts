/** Options and look-ups shared by the analysis commands. */
import { Argument, Option, type Command } from 'commander';
import { findActor, withLabels } from '../../analyses/index.js';
import { closest, type Ecosystem } from '../../core/index.js';
import { UsageError } from '../errors.js';
import { DEFAULT_MODEL, modelPath, requireEcosystem } from '../model-file.js';
import { colorWanted, formatOf, withOutputOptions, type Format, type OutputOptions } from '../output.js';
import { t } from '../lang.js';

export const modelOption = () =>
  new Option('-m, --model <file>', t('option.model')).default(DEFAULT_MODEL).env('SYMBIOSE_MODEL');

/** The model as an argument, which every command that reads one takes (-m says the same). */
export const modelArgument = (description = t('argument.model')) => new Argument('[model]', description);

/**
 * The model a command reads: its argument, or -m/--model (then $SYMBIOSE_MODEL, then
 * symbiose.yaml), as a path: a library id (`purple-button`) names the library's file. Two
 * different models, one by argument and one by -m, are a usage error.
 */
export function chosenModel(argument: string | undefined, command: Command): string {
  const option = command.opts<{ model?: string }>().model;
  if (argument !== undefined && option !== undefined && command.getOptionValueSource('model') === 'cli' && argument !== option) {
    throw new UsageError(t('usage.twoModels', { argument, option }));
  }
  // An empty $SYMBIOSE_MODEL is no model named, as an unset one.
  return modelPath(argument ?? (option || DEFAULT_MODEL));
}

export const labelsOption = () => new Option('-l, --labels', t('option.labels'));

/** Finds an actor by id or by name (any case); a miss is a usage error naming the actors. */
export function resolveActor(ecosystem: Ecosystem, wanted: string): string {
  const actors = ecosystem.doc.actors;
  const found = findActor(ecosystem.doc, wanted);
  if (found !== undefined) return found;
  const suggestion = closest(wanted, Object.keys(actors));
  const hint = suggestion ? t('usage.didYouMean', { suggestion }) : '';
  throw new UsageError(t('usage.unknownActor', { actor: wanted, hint, actors: Object.keys(actors).join(', ') }));
}

export interface AnalysisOptions extends OutputOptions {
  model?: string;
  labels?: boolean;
}

/** The options every analysis command takes: the model, labels, and the output (every format, -o, --force). */
export function withAnalysisOptions(command: Command): Command {
  return withOutputOptions(command.addOption(modelOption()).addOption(labelsOption()));
}

/** The output format and the loaded ecosystem (shown with labels if asked) of an analysis command. */
export function analysisInput(model: string, options: AnalysisOptions): { format: Format; ecosystem: Ecosystem } {
  const format = formatOf(options);
  const loaded = requireEcosystem(model, colorWanted(process.stderr));
  return { format, ecosystem: options.labels ? withLabels(loaded) : loaded };
}
