/** Changes to records kept under an id: add, update, remove, rename. They edit a draft. */
import type { Path } from '../issues.js';
import { canonicalName, dynamicsNames, Id, PARAMETER_NAME, RESERVED_NAMES, type ModelDocument } from '../model/index.js';
import type { AddRecord, Change, RecordKind, RemoveRecord, Rename, UpdateRecord } from './changes.js';
import { applied, editIssue, refused, sameData, type Outcome } from './outcome.js';
import { clone, DYNAMICS_KINDS, has, insertKey, isTree, RECORD_KINDS, removeKey, renameKey, SECTION_OF, sectionOf } from './records.js';
import { rewriteReferences, type EquationRenamer } from './references.js';

export const recordPath = (kind: RecordKind, id: string): Path => [...SECTION_OF[kind], id];

/** Whether `id` can name a record of `kind` at all. */
function validId(kind: RecordKind, id: unknown): boolean {
  if (typeof id !== 'string' || id === '__proto__') return false;
  if (kind === 'parameter') return PARAMETER_NAME.test(id) && !RESERVED_NAMES.has(id);
  if (DYNAMICS_KINDS.includes(kind)) return id.trim() !== '';
  return Id.safeParse(id).success;
}

/**
 * Whether `id` is taken for `kind`. Parameters and the dynamics' variables share one space of
 * names, compared by the canonical rule where the dynamics read them; `except` is the record being
 * renamed, which may change its own case or spacing.
 */
function taken(doc: ModelDocument, kind: RecordKind, id: string, except?: string): boolean {
  const isDynamics = DYNAMICS_KINDS.includes(kind);
  if (!isDynamics && kind !== 'parameter') return has(sectionOf(doc, kind), id);
  const canonical = canonicalName(id);
  if (except !== undefined && canonicalName(except) === canonical && isDynamics) return false;
  if (kind === 'parameter' && has(doc.parameters as Record<string, unknown> | undefined, id)) return true;
  const clashesWithParameter = isDynamics && Object.keys(doc.parameters ?? {}).some((name) => canonicalName(name) === canonical);
  return clashesWithParameter || dynamicsNames(doc.dynamics).has(canonical);
}

/** How many containers adding to `kind`'s section makes: 0, its section, or the dynamics too. */
function missingLevels(doc: ModelDocument, kind: RecordKind): number {
  const path = SECTION_OF[kind];
  if (path.length === 2 && !isTree(doc.dynamics)) return 2;
  return sectionOf(doc, kind) ? 0 : 1;
}

export function addRecord(doc: ModelDocument, change: AddRecord, index: number): Outcome {
  const path = recordPath(change.kind, change.id);
  if (!validId(change.kind, change.id)) return refused(editIssue('edit-invalid-id', index, path, { kind: change.kind, id: String(change.id) }));
  if (taken(doc, change.kind, change.id)) return refused(editIssue('edit-exists', index, path, { kind: change.kind, id: change.id }));
  const created = missingLevels(doc, change.kind);
  insertKey(sectionOf(doc, change.kind, true)!, change.id, clone(change.record), change.at);
  return applied([{ op: 'remove', kind: change.kind, id: change.id, ...(created > 0 ? { prune: created } : {}) }]);
}

export function updateRecord(doc: ModelDocument, change: UpdateRecord, index: number): Outcome {
  const section = sectionOf(doc, change.kind);
  if (!has(section, change.id)) return refused(editIssue('edit-unknown', index, recordPath(change.kind, change.id), { kind: change.kind, id: change.id }));
  const old = section![change.id];
  section![change.id] = clone(change.record);
  return applied([{ op: 'update', kind: change.kind, id: change.id, record: old } as UpdateRecord]);
}

export function removeRecord(doc: ModelDocument, change: RemoveRecord, index: number, equations: EquationRenamer | undefined): Outcome {
  const section = sectionOf(doc, change.kind);
  const path = recordPath(change.kind, change.id);
  if (!has(section, change.id)) return refused(editIssue('edit-unknown', index, path, { kind: change.kind, id: change.id }));
  const at = Object.keys(section!).indexOf(change.id);
  const old = section![change.id];
  removeKey(doc as unknown as Record<string, unknown>, SECTION_OF[change.kind], change.id, change.prune ?? 0);
  // Counted once the record is gone, so it does not count its own references to itself.
  const { count } = rewriteReferences(doc, { kind: change.kind, from: change.id, equations });
  const issues = count > 0 ? [editIssue('edit-in-use', index, path, { kind: change.kind, id: change.id, count }, 'warning')] : [];
  return applied([{ op: 'add', kind: change.kind, id: change.id, record: old, at } as AddRecord], issues);
}

/**
 * Renames in place and rewrites every reference. The inverse renames back, then restores whole
 * any record that renaming back would not give back exactly (a reference spelt `users` to a
 * variable `Users`, or one that already read the new name before it existed).
 */
export function renameRecord(doc: ModelDocument, change: Rename, index: number, equations: EquationRenamer | undefined): Outcome {
  const { kind, from, to } = change;
  const before = clone(doc);
  const section = sectionOf(doc, kind);
  if (!has(section, from)) return refused(editIssue('edit-unknown', index, recordPath(kind, from), { kind, id: from }));
  if (from === to) return applied([]);
  if (!validId(kind, to)) return refused(editIssue('edit-invalid-id', index, recordPath(kind, from), { kind, id: String(to) }));
  if (taken(doc, kind, to, from)) return refused(editIssue('edit-exists', index, recordPath(kind, from), { kind, id: to }));
  renameKey(section!, from, to);
  const rewritten = rewriteReferences(doc, { kind, from, to, equations });
  const at = recordPath(kind, to);
  if (rewritten.needsEngine) return refused(editIssue('edit-needs-engine', index, at, { kind, id: from }));
  if (rewritten.unwritable) return refused(editIssue('edit-unwritable', index, at, { kind, id: from, name: to }));
  const issues = rewritten.unparsed.map((path) => editIssue('edit-unparsed', index, path, { kind, id: from }, 'warning'));
  return applied([{ op: 'rename', kind, from: to, to: from }, ...restoring(before, renamedBack(doc, change, equations))], issues);
}

function renamedBack(doc: ModelDocument, change: Rename, equations: EquationRenamer | undefined): ModelDocument {
  const back = clone(doc);
  renameKey(sectionOf(back, change.kind)!, change.to, change.from);
  rewriteReferences(back, { kind: change.kind, from: change.to, to: change.from, equations });
  return back;
}

/** Updates that make every record of `actual` what it is in `wanted` (same ids in both). */
function restoring(wanted: ModelDocument, actual: ModelDocument): Change[] {
  const updates: Change[] = [];
  for (const kind of RECORD_KINDS) {
    const want = sectionOf(wanted, kind) ?? {};
    const have = sectionOf(actual, kind) ?? {};
    for (const [id, record] of Object.entries(want)) {
      if (!sameData(record, have[id])) updates.push({ op: 'update', kind, id, record } as UpdateRecord);
    }
  }
  return updates;
}
