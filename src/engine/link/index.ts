/** The link between the ecosystem model and the engine: a model document's dynamics section. */
export { prepareDynamics, compileDynamics } from './run.js';
export { periodMeans } from './series.js';
export { dynamicsModel, dynamicsSection, unrepresentable, importedHorizon, DEFAULT_DT } from './from-document.js';
import { loadModel, type ColumnReader, type LoadResult } from '../../core/index.js';
import { prepareDynamics } from './run.js';

/**
 * Loads a model document, running its dynamics if it has some: what every surface calls.
 * `readColumn`: how the surface reads empirical distributions' CSV columns, when it can.
 */
export function loadEcosystem(text: string, file: string, readColumn?: ColumnReader): LoadResult {
  return loadModel(text, file, { dynamics: prepareDynamics, ...(readColumn ? { readColumn } : {}) });
}
export { applyModelChanges } from './edit.js';
