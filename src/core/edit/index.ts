/**
 * Edits as data: typed change lists, the pure function that applies them (with their inverse,
 * for undo), and the write-back of an edited document into its YAML text, comments kept.
 */
export type * from './changes.js';
export { applyChanges, type Applied, type ApplyOptions } from './apply.js';
export { expressionName, type EquationRenamer } from './references.js';
export { rewriteYaml } from './yaml-text.js';
export { changesBetween } from './between.js';
export { ChangeSchema, ChangeListSchema } from './schema.js';
