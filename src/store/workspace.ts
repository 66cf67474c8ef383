/**
 * The store port: a workspace of models, each with its whole history. Every surface (the HTTP
 * API, the studio's server, scripts) goes through this interface; SQL lives only in its
 * implementations (sqlite/, and PostgreSQL later), which one contract suite checks alike
 * (test/store-contract.ts). Every method is async so that a networked database fits it.
 */
import type { Change, Issue, ModelDocument } from '../core/index.js';
import type { NewResult, ResultKind, ResultSummary, SavedResult } from './results.js';

/** How a version came to be. */
export type VersionKind = 'create' | 'save' | 'undo' | 'redo' | 'restore';

/** One version of a model, without its document: what a history lists. */
export interface VersionSummary {
  /** 1 for the created or imported document, then one more per write. */
  number: number;
  kind: VersionKind;
  /** The version an undo reverts, the undo a redo reverts, or the version a restore brings back. */
  of: number | null;
  /** The changes this version applied to the one before it (empty for version 1). */
  changes: Change[];
  /** When it was committed (ISO 8601, UTC). */
  savedAt: string;
}

/** A version whole: the document after it, its model text and the changes that undo it. */
export interface Version extends VersionSummary {
  model: string;
  document: ModelDocument;
  /** The model's text as of this version: the text it was created from, edited in place. */
  text: string;
  format: TextFormat;
  /** Applied to `document`, gives the previous version's document back. */
  inverse: Change[];
}

export type TextFormat = 'yaml' | 'json';

export interface ModelSummary {
  id: string;
  /** The document's `name` and `label`, which change lists cannot change. */
  name: string;
  label: string | null;
  latest: number;
  updatedAt: string;
}

export interface History {
  versions: VersionSummary[];
  /** The version an undo would revert now, or null when there is nothing to undo. */
  undo: number | null;
  /** The undo a redo would revert now, or null. */
  redo: number | null;
}

/** A new model: a document as data, or the text of a YAML or JSON file (kept, comments and all). */
export type NewModel = { id?: string } & ({ document: unknown } | { text: string; format?: TextFormat });

/** What a write gives back: the new version, and any warnings applying it raised. */
export interface Written {
  version: Version;
  issues: Issue[];
}

export interface Workspace {
  list(): Promise<ModelSummary[]>;
  /** The latest version, or the one numbered `version`. */
  read(model: string, version?: number): Promise<Version>;
  /** A new model with version 1. Without an id, one is made from the document's name. */
  create(input: NewModel): Promise<Version>;
  /**
   * Applies `changes` to version `basedOn`, which must be the latest: otherwise the save is
   * refused with `Outdated`, which lists what was saved meanwhile. A change list that any
   * change of fails is refused whole (`ChangesRefused`); nothing is merged or half-written.
   */
  save(model: string, basedOn: number, changes: readonly Change[]): Promise<Written>;
  delete(model: string): Promise<void>;
  history(model: string): Promise<History>;
  /** Reverts the last write not yet undone, as a new version. */
  undo(model: string, basedOn: number): Promise<Written>;
  /** Reverts the last undo, as a new version, while no other write came after it. */
  redo(model: string, basedOn: number): Promise<Written>;
  /** A new version whose document is version `version`'s. */
  restore(model: string, basedOn: number, version: number): Promise<Written>;
  /** The changes that turn version `from`'s document into version `to`'s (either order). */
  compare(model: string, from: number, to: number): Promise<Change[]>;
  /**
   * Creates these models if the workspace has never been seeded, and marks it seeded, in one
   * transaction; afterwards (even once they are deleted) it does nothing. Returns the ids made.
   */
  seed(models: readonly NewModel[]): Promise<string[]>;
  /**
   * Keeps an analysis's result with the version and the settings it was run with. A result of
   * the same model, version, kind and settings (compared as settingsKey) is replaced by it.
   * The version must exist (`VersionNotFound`); the results go with their model when it is deleted.
   */
  keepResult(input: NewResult): Promise<ResultSummary>;
  /** A model's saved results, newest first, of every version (or of one kind). */
  results(model: string, kind?: ResultKind): Promise<ResultSummary[]>;
  /** One saved result whole (`ResultNotFound` when the model has none of that number). */
  result(model: string, id: number): Promise<SavedResult>;
  close(): Promise<void>;
}
