/** The link between the ecosystem model and the engine: a model document's dynamics section. */
export { prepareDynamics, compileDynamics } from './run.js';
export { periodMeans } from './series.js';
export { dynamicsModel, dynamicsSection, unrepresentable, importedHorizon, DEFAULT_DT } from './from-document.js';
import { loadModel, type LoadResult } from '../../core/index.js';
import { prepareDynamics } from './run.js';

/** Loads a model document, running its dynamics if it has some: what every surface calls. */
export function loadEcosystem(text: string, file: string): LoadResult {
  return loadModel(text, file, { dynamics: prepareDynamics });
}
export { applyModelChanges } from './edit.js';
