/**
 * The API keeps a model's text, not the data files beside it: a parameter drawn from a CSV
 * column (an empirical distribution) has nothing to be drawn from on the server. Rather than hold
 * it at its value without a word (what a run without the column does), the risk and sensitivity
 * routes refuse the model with a 422 located at that parameter's distribution, saying so, and
 * pointing to the CLI, which reads the column where the file is.
 */
import { issue, locateAll, parameterSpec, readSource, type Ecosystem } from '../../core/index.js';
import { ApiError } from '../errors.js';

/** Throws the 422 when a parameter of the model draws from a CSV column, each located in the version's text. */
export function refuseUnreadColumns(ecosystem: Ecosystem, version: { text: string; model: string; format: string }): void {
  const found = Object.entries(ecosystem.doc.parameters ?? {}).flatMap(([name, written]) => {
    const { value, distribution } = parameterSpec(written);
    if (distribution?.kind !== 'empirical' || typeof value !== 'number') return [];
    return [issue('distribution', ['parameters', name, 'distribution', 'column'], { reason: 'empirical-server', name, file: distribution.file, column: distribution.column })];
  });
  if (found.length === 0) return;
  const parameters = found.map((i) => (i.params as { name: string }).name).join(', ');
  const located = locateAll(readSource(version.text, `${version.model}.${version.format}`), found);
  throw new ApiError(422, 'empirical-column-unread', 'server.empirical-column-unread', { parameters }, located);
}
