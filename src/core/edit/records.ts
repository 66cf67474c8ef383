/**
 * Where each kind of record lives in a document, and the ordered-map operations changes need:
 * a record inserted at a position, a key renamed in its place. Work on a draft (a deep copy).
 */
import type { ModelDocument } from '../model/index.js';
import type { RecordKind } from './changes.js';

export type Tree = Record<string, unknown>;

/** The path of each kind's section: a map from id to record. */
export const SECTION_OF: Record<RecordKind, readonly [string] | readonly ['dynamics', string]> = {
  parameter: ['parameters'],
  actor: ['actors'],
  valueObject: ['valueObjects'],
  transaction: ['transactions'],
  scenario: ['scenarios'],
  variant: ['variants'],
  stock: ['dynamics', 'stocks'],
  flow: ['dynamics', 'flows'],
  variable: ['dynamics', 'variables'],
  hypothesis: ['hypotheses'],
  testCard: ['testCards'],
  experiment: ['experiments'],
  learningCard: ['learningCards'],
};

export const RECORD_KINDS = Object.keys(SECTION_OF) as RecordKind[];
export const DYNAMICS_KINDS: readonly RecordKind[] = ['stock', 'flow', 'variable'];

export function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of plain data (what documents are: maps, lists, strings, numbers, booleans). */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isTree(value)) {
    const copy: Tree = {};
    for (const [key, item] of Object.entries(value)) define(copy, key, clone(item));
    return copy as T;
  }
  return value;
}

/** Sets an own property, even `__proto__`, which plain assignment would turn into a prototype. */
export function define(tree: Tree, key: string, value: unknown): void {
  Object.defineProperty(tree, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The section of `kind` in the draft; with `create`, made (empty) when it is missing. */
export function sectionOf(doc: ModelDocument, kind: RecordKind, create = false): Tree | undefined {
  let node: Tree = doc as unknown as Tree;
  for (const key of SECTION_OF[kind]) {
    const next = node[key];
    if (!isTree(next)) {
      if (!create) return undefined;
      const made: Tree = {};
      define(node, key, made);
      node = made;
    } else node = next;
  }
  return node;
}

export function has(tree: Tree | undefined, key: string): boolean {
  return tree !== undefined && Object.hasOwn(tree, key);
}

/** Rewrites a map's own keys in a new order, in place (so parents keep pointing at it). */
function reorder(tree: Tree, entries: Array<[string, unknown]>): void {
  for (const key of Object.keys(tree)) delete tree[key];
  for (const [key, value] of entries) define(tree, key, value);
}

/** Inserts `key` at position `at` among the map's keys (last when `at` is past the end or absent). */
export function insertKey(tree: Tree, key: string, value: unknown, at?: number): void {
  const entries = Object.entries(tree);
  const index = at === undefined ? entries.length : Math.max(0, Math.min(at, entries.length));
  entries.splice(index, 0, [key, value]);
  reorder(tree, entries);
}

/** Gives a key a new name in its place. */
export function renameKey(tree: Tree, from: string, to: string): void {
  reorder(tree, Object.entries(tree).map(([key, value]) => [key === from ? to : key, value]));
}

/** Removes `key`, then each enclosing container left empty, `prune` levels up along `path`. */
export function removeKey(root: Tree, path: readonly string[], key: string, prune: number): void {
  const chain: Tree[] = [root];
  for (const segment of path) chain.push(chain[chain.length - 1]![segment] as Tree);
  delete chain[chain.length - 1]![key];
  for (let level = 0; level < prune; level++) {
    const container = chain[chain.length - 1 - level]!;
    if (Object.keys(container).length > 0) break;
    delete chain[chain.length - 2 - level]![path[path.length - 1 - level]!];
  }
}
