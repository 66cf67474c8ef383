/**
 * Workspace storage: models with their whole history, behind one interface (workspace.ts) that
 * every implementation honours, checked by one contract suite (test/store-contract.ts). SQLite
 * now (sqlite/); PostgreSQL can join without touching the rest.
 */
export type { Workspace, Version, VersionSummary, VersionKind, ModelSummary, History, NewModel, TextFormat, Written } from './workspace.js';
export { StoreError, ModelNotFound, VersionNotFound, ModelExists, InvalidModelId, InvalidModel, Outdated, ChangesRefused, NothingToUndo, NothingToRedo, ResultNotFound } from './errors.js';
export { RESULT_KINDS, keptSettings, settingsKey, type ResultKind, type ResultSettings, type NewResult, type ResultSummary, type SavedResult } from './results.js';
export type { ApplyFunction } from './writes.js';
export { openSqliteStore, type SqliteOptions } from './sqlite/sqlite-store.js';
export { seedLibrary, libraryModels, LIBRARY_DIR } from './seed.js';
