/**
 * What the store refuses, as named errors carrying their data: a surface maps each to its answer
 * (an HTTP status, an exit code) and renders its words from the code (src/i18n, `store.*`).
 */
import { LIMITS, type Issue, type LocatedIssue } from '../core/index.js';
import type { VersionSummary } from './workspace.js';

export abstract class StoreError extends Error {
  abstract readonly code: string;
  /** What its words (`store.<code>` in src/i18n) are filled with. */
  abstract get params(): Record<string, string | number>;
}

export class ModelNotFound extends StoreError {
  readonly code = 'model-not-found';
  constructor(readonly model: string) {
    super(`no model "${model}" in the workspace`);
  }
  get params() {
    return { model: this.model };
  }
}

export class VersionNotFound extends StoreError {
  readonly code = 'version-not-found';
  constructor(
    readonly model: string,
    readonly version: number,
    readonly latest: number,
  ) {
    super(`model "${model}" has no version ${version} (the latest is ${latest})`);
  }
  get params() {
    return { model: this.model, version: this.version, latest: this.latest };
  }
}

export class ModelExists extends StoreError {
  readonly code = 'model-exists';
  constructor(readonly model: string) {
    super(`a model "${model}" is already in the workspace`);
  }
  get params() {
    return { model: this.model };
  }
}

export class InvalidModelId extends StoreError {
  readonly code = 'invalid-model-id';
  constructor(readonly model: string) {
    super(`"${model}" cannot be a model id (letters, digits, - and _, at most ${LIMITS.modelIdLength})`);
  }
  get params() {
    return { model: this.model, max: LIMITS.modelIdLength };
  }
}

/** The text or document of a new model is not a model the change lists can work on. */
export class InvalidModel extends StoreError {
  readonly code = 'invalid-model';
  constructor(readonly issues: readonly (Issue | LocatedIssue)[]) {
    super(`not a valid model: ${issues.filter((i) => i.severity === 'error').length} error(s)`);
  }
  get params() {
    return { count: this.issues.filter((i) => i.severity === 'error').length };
  }
}

/** A save based on a version that is no longer the latest: `since` is what was written meanwhile. */
export class Outdated extends StoreError {
  readonly code = 'outdated';
  constructor(
    readonly model: string,
    readonly basedOn: number,
    readonly latest: number,
    readonly since: readonly VersionSummary[],
  ) {
    super(`model "${model}" was saved ${since.length} time(s) since version ${basedOn} (now ${latest}); nothing was written`);
  }
  get params() {
    return { model: this.model, basedOn: this.basedOn, latest: this.latest, count: this.since.length };
  }
}

/** A change list that could not be applied whole; `issues` says which change failed and why. */
export class ChangesRefused extends StoreError {
  readonly code = 'changes-refused';
  constructor(
    readonly model: string,
    readonly issues: readonly Issue[],
  ) {
    super(`model "${model}": the changes cannot be applied (${issues.filter((i) => i.severity === 'error').length} error(s)); nothing was written`);
  }
  get params() {
    return { model: this.model };
  }
}

export class NothingToUndo extends StoreError {
  readonly code = 'nothing-to-undo';
  constructor(readonly model: string) {
    super(`model "${model}" has nothing to undo`);
  }
  get params() {
    return { model: this.model };
  }
}

export class NothingToRedo extends StoreError {
  readonly code = 'nothing-to-redo';
  constructor(readonly model: string) {
    super(`model "${model}" has nothing to redo`);
  }
  get params() {
    return { model: this.model };
  }
}

/** No saved result of that number for that model. */
export class ResultNotFound extends StoreError {
  readonly code = 'result-not-found';
  constructor(
    readonly model: string,
    readonly result: number,
  ) {
    super(`model "${model}" has no saved result ${result}`);
  }
  get params() {
    return { model: this.model, result: this.result };
  }
}
