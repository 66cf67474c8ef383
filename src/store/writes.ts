/**
 * What each write makes, decided apart from any database (pure): the checks on a new model, the
 * version a save, an undo, a redo or a restore adds, and the refusal of an outdated base. Every
 * implementation of the store runs these inside its own transaction, so they all agree.
 */
import { LIMITS, applyChanges, changesBetween, checkDocument, hasErrors, readDocument, rewriteYaml, type Applied, type Change, type Issue, type ModelDocument } from '../core/index.js';
import { ChangesRefused, InvalidModel, InvalidModelId, Outdated, VersionNotFound } from './errors.js';
import type { NewModel, TextFormat, Version, VersionKind, VersionSummary } from './workspace.js';

/** Applies a change list; the server gives the engine's, which also renames inside equations. */
export type ApplyFunction = (document: ModelDocument, changes: readonly Change[]) => Applied;
export const defaultApply: ApplyFunction = (document, changes) => applyChanges(document, changes);

/** A model ready to be written as version 1. */
export interface NewModelPlan {
  id: string | undefined;
  document: ModelDocument;
  text: string;
  format: TextFormat;
}

/** A version ready to be written after the latest one. */
export interface VersionPlan {
  kind: VersionKind;
  of: number | null;
  changes: Change[];
  inverse: Change[];
  document: ModelDocument;
  text: string;
  issues: Issue[];
}

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function checkModelId(id: string): string {
  if (id.length > LIMITS.modelIdLength || !MODEL_ID.test(id)) throw new InvalidModelId(id);
  return id;
}

export function planCreate(input: NewModel): NewModelPlan {
  const id = input.id === undefined ? undefined : checkModelId(input.id);
  if ('text' in input) {
    const format = input.format ?? (input.text.trimStart().startsWith('{') ? 'json' : 'yaml');
    const read = readDocument(input.text, `${input.id ?? 'model'}.${format}`);
    if (!read.document || read.text === undefined) throw new InvalidModel(read.issues);
    return { id, document: read.document, text: read.text, format };
  }
  const checked = checkDocument(input.document);
  if (!checked.document) throw new InvalidModel(checked.issues);
  return { id, document: checked.document, text: rewriteYaml('', checked.document), format: 'yaml' };
}

/** An id made from the model's name (`Ryanair's model` → `ryanair-s-model`), free in the workspace. */
export function idFromName(name: string, taken: (id: string) => boolean): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      // Room for a suffix that makes it unique.
      .slice(0, LIMITS.modelIdLength - 10)
      .replace(/-+$/, '') || 'model';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** Refuses a write based on anything but the latest version, naming what was written since. */
export function checkBasedOn(model: string, basedOn: number, latest: number, since: (after: number) => VersionSummary[]): void {
  if (!Number.isInteger(basedOn) || basedOn < 1 || basedOn > latest) throw new VersionNotFound(model, basedOn, latest);
  if (basedOn < latest) throw new Outdated(model, basedOn, latest, since(basedOn));
}

export function planSave(latest: Version, changes: readonly Change[], apply: ApplyFunction): VersionPlan {
  return planApply(latest, 'save', null, changes, apply);
}

/** Undo applies the inverse of `target` (a save, restore or redo); redo the inverse of an undo. */
export function planStep(latest: Version, kind: 'undo' | 'redo', target: Version, apply: ApplyFunction): VersionPlan {
  return planApply(latest, kind, target.number, target.inverse, apply);
}

export function planRestore(latest: Version, target: Version, apply: ApplyFunction): VersionPlan {
  return planApply(latest, 'restore', target.number, changesBetween(latest.document, target.document), apply);
}

function planApply(latest: Version, kind: VersionKind, of: number | null, changes: readonly Change[], apply: ApplyFunction): VersionPlan {
  const applied = apply(latest.document, changes);
  // A change list is applied whole or not at all, and what it makes must still be a document.
  const checked = hasErrors(applied.issues) ? { issues: [] } : checkDocument(applied.document);
  const issues = [...applied.issues, ...checked.issues];
  if (hasErrors(issues)) throw new ChangesRefused(latest.model, issues);
  return { kind, of, changes: [...changes], inverse: applied.inverse, document: applied.document, text: nextText(latest, applied.document), issues };
}

/** The model text after an edit: YAML rewritten in place (comments kept), JSON indented anew. */
function nextText(latest: Version, document: ModelDocument): string {
  return latest.format === 'json' ? `${JSON.stringify(document, null, 2)}\n` : rewriteYaml(latest.text, document);
}
