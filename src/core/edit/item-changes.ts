/** Changes to items kept in lists: cost lines, transfers, scenario steps and OR branches. */
import { formatPath, type Issue, type Path } from '../issues.js';
import type { ModelDocument } from '../model/index.js';
import type { AddItem, ListOf, RemoveItem, UpdateItem } from './changes.js';
import { applied, editIssue, refused, type Outcome } from './outcome.js';
import { clone, isTree, type Tree } from './records.js';

interface Found {
  /** The record or step holding the list, and the list's key in it. */
  parent: Tree;
  key: string | number;
  list: unknown[] | undefined;
  /** The list's path in the document. */
  path: Path;
}

/** The last key of the list each item kind lives in. */
const LIST_KEYS: Record<ListOf['kind'], readonly string[]> = { cost: ['costs'], transfer: ['transfers'], step: ['steps', 'and'], branch: ['or'] };

function findList(doc: ModelDocument, where: ListOf, index: number): Found | Issue {
  const [section, id, path] =
    where.kind === 'cost'
      ? (['actors', where.actor, ['costs']] as const)
      : where.kind === 'transfer'
        ? (['transactions', where.transaction, ['transfers']] as const)
        : (['scenarios', where.scenario, where.list] as const);
  const records = (doc as unknown as Tree)[section];
  const owner = isTree(records) && Object.hasOwn(records, id) ? records[id] : undefined;
  const ownerKind = ({ actors: 'actor', transactions: 'transaction', scenarios: 'scenario' } as const)[section];
  if (!isTree(owner)) return editIssue('edit-unknown', index, [section, id], { kind: ownerKind, id });
  let parent: unknown = owner;
  for (const segment of path.slice(0, -1)) parent = isTree(parent) || Array.isArray(parent) ? (parent as Tree)[segment as string] : undefined;
  const key = path[path.length - 1];
  const full = [section, id, ...path];
  if (!isTree(parent) || key === undefined || !LIST_KEYS[where.kind].includes(String(key))) {
    return editIssue('edit-unknown', index, full, { kind: where.kind, id: formatPath(path) });
  }
  const list = parent[key];
  if (list !== undefined && !Array.isArray(list)) return editIssue('edit-unknown', index, full, { kind: where.kind, id: formatPath(path) });
  return { parent, key, list, path: full };
}

/** The list's place, without the change's own fields: what an inverse change needs to name it. */
function placeOf(change: ListOf): ListOf {
  switch (change.kind) {
    case 'cost':
      return { kind: 'cost', actor: change.actor };
    case 'transfer':
      return { kind: 'transfer', transaction: change.transaction };
    case 'step':
      return { kind: 'step', scenario: change.scenario, list: change.list };
    case 'branch':
      return { kind: 'branch', scenario: change.scenario, list: change.list };
  }
}

const outOfRange = (change: ListOf, index: number, at: number, found: Found): Issue =>
  editIssue('edit-index', index, [...found.path, at], { kind: change.kind, index: at, count: found.list?.length ?? 0 });

export function addItem(doc: ModelDocument, change: AddItem, index: number): Outcome {
  const found = findList(doc, change, index);
  if (!('parent' in found)) return refused(found);
  const length = found.list?.length ?? 0;
  const at = change.index ?? length;
  if (!Number.isInteger(at) || at < 0 || at > length) return refused(outOfRange(change, index, at, found));
  const created = found.list === undefined;
  const list = found.list ?? [];
  list.splice(at, 0, clone(change.record));
  found.parent[found.key] = list;
  return applied([{ ...placeOf(change), op: 'remove', index: at, ...(created ? { prune: 1 } : {}) } as RemoveItem]);
}

export function updateItem(doc: ModelDocument, change: UpdateItem, index: number): Outcome {
  const found = findList(doc, change, index);
  if (!('parent' in found)) return refused(found);
  const at = change.index;
  if (!found.list || !Number.isInteger(at) || at < 0 || at >= found.list.length) return refused(outOfRange(change, index, at, found));
  const old = found.list[at];
  found.list[at] = clone(change.record);
  return applied([{ ...placeOf(change), op: 'update', index: at, record: old } as UpdateItem]);
}

export function removeItem(doc: ModelDocument, change: RemoveItem, index: number): Outcome {
  const found = findList(doc, change, index);
  if (!('parent' in found)) return refused(found);
  const at = change.index;
  if (!found.list || !Number.isInteger(at) || at < 0 || at >= found.list.length) return refused(outOfRange(change, index, at, found));
  const [old] = found.list.splice(at, 1);
  if ((change.prune ?? 0) > 0 && found.list.length === 0) delete found.parent[found.key];
  return applied([{ ...placeOf(change), op: 'add', index: at, record: old } as AddItem]);
}
