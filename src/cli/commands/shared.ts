/** Options and look-ups shared by the analysis commands. */
import { Option, type Command } from 'commander';
import { withLabels } from '../../analyses/index.js';
import { closest, type Ecosystem } from '../../core/index.js';
import { UsageError } from '../errors.js';
import { DEFAULT_MODEL, requireEcosystem } from '../model-file.js';
import { colorWanted, formatOf, withOutputOptions, type Format, type OutputOptions } from '../output.js';
import { t } from '../lang.js';

export const modelOption = () =>
  new Option('-m, --model <file>', t('option.model')).default(DEFAULT_MODEL).env('SYMBIOSE_MODEL');

export const labelsOption = () => new Option('-l, --labels', t('option.labels'));

/** Finds an actor by id or by name (any case); a miss is a usage error naming the actors. */
export function resolveActor(ecosystem: Ecosystem, wanted: string): string {
  const actors = ecosystem.doc.actors;
  if (wanted in actors) return wanted;
  const byName = Object.entries(actors).find(([, a]) => a.name?.toLowerCase() === wanted.toLowerCase());
  if (byName) return byName[0];
  const suggestion = closest(wanted, Object.keys(actors));
  const hint = suggestion ? t('usage.didYouMean', { suggestion }) : '';
  throw new UsageError(t('usage.unknownActor', { actor: wanted, hint, actors: Object.keys(actors).join(', ') }));
}

export interface AnalysisOptions extends OutputOptions {
  model: string;
  labels?: boolean;
}

/** The options every analysis command takes: the model, labels, and the output (every format, -o, --force). */
export function withAnalysisOptions(command: Command): Command {
  return withOutputOptions(command.addOption(modelOption()).addOption(labelsOption()));
}

/** The output format and the loaded ecosystem (shown with labels if asked) of an analysis command. */
export function analysisInput(options: AnalysisOptions): { format: Format; ecosystem: Ecosystem } {
  const format = formatOf(options);
  const loaded = requireEcosystem(options.model, colorWanted(process.stderr));
  return { format, ecosystem: options.labels ? withLabels(loaded) : loaded };
}
