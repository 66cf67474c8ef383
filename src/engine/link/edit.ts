/** Change lists applied with the engine's equation reader, so renames reach the dynamics too. */
import { applyChanges, type Applied, type Change, type ModelDocument } from '../../core/index.js';
import { renameInEquation } from '../equation/index.js';

/** {@link applyChanges} for documents with dynamics: what every surface calls. */
export function applyModelChanges(document: ModelDocument, changes: readonly Change[]): Applied {
  return applyChanges(document, changes, { equations: renameInEquation });
}
