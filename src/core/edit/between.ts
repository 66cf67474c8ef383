/**
 * The change list between two documents of one model's history (pure): applied to `from`, it
 * gives `to`. Records are matched by id, section by section: removals first, then additions at
 * their place, then the records that differ, each as the smallest change that says it (a
 * parameter's value, an actor's position, a label) or else as the record replaced whole. A
 * history's documents share their header (change lists cannot change it), so records are all
 * that can differ; an id kept in both but moved in its section's order is removed and added
 * again. Renames show as a removal and an addition: the stored change lists keep the renames.
 */
import type { ModelDocument } from '../model/index.js';
import type { Change, LabelledKind, RecordKind } from './changes.js';
import { sameData } from './outcome.js';
import { isTree, RECORD_KINDS, SECTION_OF, type Tree } from './records.js';

export function changesBetween(from: ModelDocument, to: ModelDocument): Change[] {
  const removals: Change[] = [];
  const additions: Change[] = [];
  const updates: Change[] = [];
  for (const kind of RECORD_KINDS) {
    const before = section(from, kind);
    const after = section(to, kind);
    const kept = inOrder(Object.keys(before), Object.keys(after).filter((id) => Object.hasOwn(before, id)));
    const prune = pruneFor(to, kind);
    for (const id of Object.keys(before)) {
      if (!kept.has(id)) removals.push({ op: 'remove', kind, id, ...(prune > 0 ? { prune } : {}) });
    }
    Object.keys(after).forEach((id, at) => {
      if (!kept.has(id)) additions.push({ op: 'add', kind, id, record: after[id], at } as Change);
      else if (!sameData(before[id], after[id])) updates.push(...recordChanges(kind, id, before[id], after[id]));
    });
  }
  return [...removals, ...additions, ...updates];
}

function section(doc: ModelDocument, kind: RecordKind): Tree {
  let node: unknown = doc;
  for (const key of SECTION_OF[kind]) node = isTree(node) ? node[key] : undefined;
  return isTree(node) ? node : {};
}

/** How many containers a removal must prune for `to`'s shape: its section, and the dynamics. */
function pruneFor(to: ModelDocument, kind: RecordKind): number {
  const path = SECTION_OF[kind];
  const root = to as unknown as Tree;
  if (path.length === 1) return Object.hasOwn(root, path[0]) ? 0 : 1;
  if (!isTree(root.dynamics)) return 2;
  return Object.hasOwn(root.dynamics, path[1]!) ? 0 : 1;
}

/**
 * The ids of `common` (in `to`'s order) that keep their place: the longest run that is also in
 * `from`'s order. The others are moved, by removing and adding them again.
 */
function inOrder(fromOrder: readonly string[], common: readonly string[]): Set<string> {
  const rank = new Map(fromOrder.map((id, index) => [id, index]));
  const ranks = common.map((id) => rank.get(id)!);
  // Longest increasing subsequence, O(n log n): tails[k] is the index in `ranks` ending the best
  // run of length k + 1, and previous[i] the index before i in its run.
  const tails: number[] = [];
  const previous: number[] = new Array<number>(ranks.length).fill(-1);
  ranks.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ranks[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const kept = new Set<string>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(common[i]!);
  return kept;
}

const LABELLED: ReadonlySet<RecordKind> = new Set<LabelledKind>(['actor', 'valueObject', 'transaction', 'scenario']);

function recordChanges(kind: RecordKind, id: string, before: unknown, after: unknown): Change[] {
  if (kind === 'parameter') {
    const simple = typeof before !== 'object' && typeof after !== 'object';
    if (simple) return [{ op: 'set-parameter', name: id, value: after as number | string }];
    if (isTree(before) && isTree(after) && differing(before, after).every((key) => key === 'value') && after.value !== undefined) {
      return [{ op: 'set-parameter', name: id, value: after.value as number | string }];
    }
  } else if (isTree(before) && isTree(after)) {
    const keys = differing(before, after);
    if (kind === 'actor' && keys.every((key) => key === 'position')) {
      const position = after.position as { x: number; y: number } | undefined;
      return [{ op: 'set-position', actor: id, position: position ? { x: position.x, y: position.y } : null }];
    }
    if (LABELLED.has(kind) && keys.every((key) => key === 'name' || key === 'label')) {
      return keys.map((field) => ({ op: 'set-label', kind: kind as LabelledKind, id, field: field as 'name' | 'label', text: typeof after[field] === 'string' ? after[field] : null }));
    }
  }
  return [{ op: 'update', kind, id, record: after } as Change];
}

function differing(before: Tree, after: Tree): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !sameData(before[key], after[key]));
}
