/** Options and look-ups shared by the analysis commands. */
import { Option } from 'commander';
import type { Ecosystem } from '../../core/index.js';
import { closest } from '../../core/suggest.js';
import { UsageError } from '../errors.js';
import { DEFAULT_MODEL } from '../model-file.js';

export const modelOption = () =>
  new Option('-m, --model <file>', 'model file (.yaml, .yml or .json)').default(DEFAULT_MODEL).env('SYMBIOSE_MODEL');

export const labelsOption = () => new Option('-l, --labels', 'show English labels instead of the names as written in the model');

/** Finds an actor by id or by name (any case); a miss is a usage error naming the actors. */
export function resolveActor(ecosystem: Ecosystem, wanted: string): string {
  const actors = ecosystem.doc.actors;
  if (wanted in actors) return wanted;
  const byName = Object.entries(actors).find(([, a]) => a.name?.toLowerCase() === wanted.toLowerCase());
  if (byName) return byName[0];
  const suggestion = closest(wanted, Object.keys(actors));
  throw new UsageError(
    `unknown actor "${wanted}"${suggestion ? `; did you mean "${suggestion}"?` : ''}\nactors: ${Object.keys(actors).join(', ')}`,
  );
}
