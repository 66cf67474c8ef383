/**
 * The draft one change is carried out on: a copy of the document in which whatever the change may
 * write is its own, and everything else is shared with the document (structural sharing). A name
 * typed into a 300-actor model then copies one actor and the maps above it, not the model.
 * Removing and renaming rewrite references anywhere in the document: they get a whole copy.
 */
import type { ModelDocument } from '../model/index.js';
import type { Change, ListOf } from './changes.js';
import { clone, define, isTree, SECTION_OF, type Tree } from './records.js';

export function draftFor(doc: ModelDocument, change: Change): ModelDocument {
  switch (change.op) {
    case 'rename':
      return clone(doc);
    case 'remove':
      return 'id' in change ? clone(doc) : ownPath(doc, ownerOf(change), 'deep');
    case 'add':
      return 'id' in change ? ownPath(doc, SECTION_OF[change.kind], 'shallow') : ownPath(doc, ownerOf(change), 'deep');
    case 'update':
      // The record replaced is copied too: the inverse holds it, and must not be the input's.
      return 'id' in change ? ownPath(doc, [...SECTION_OF[change.kind], change.id], 'deep') : ownPath(doc, ownerOf(change), 'deep');
    case 'set-parameter':
      return ownPath(doc, ['parameters', change.name], 'deep');
    case 'set-position':
      return ownPath(doc, ['actors', change.actor], 'shallow');
    case 'set-label':
      return ownPath(doc, [LABEL_SECTIONS[change.kind], change.id], 'shallow');
  }
}

const LABEL_SECTIONS = { actor: 'actors', valueObject: 'valueObjects', transaction: 'transactions', scenario: 'scenarios' } as const;

/** The record holding an item's list: an actor's costs, a transaction's transfers, a scenario's steps. */
function ownerOf(where: ListOf): readonly string[] {
  if (where.kind === 'cost') return ['actors', where.actor];
  if (where.kind === 'transfer') return ['transactions', where.transaction];
  return ['scenarios', where.scenario];
}

/**
 * The document with every map along `path` copied (one level each), and what the path ends at
 * copied `last`: one level, or whole. A path that leaves the document's maps stops there: what
 * is missing, the change creates in a map that is already the draft's own.
 */
function ownPath(doc: ModelDocument, path: readonly string[], last: 'shallow' | 'deep'): ModelDocument {
  const root = shallow(doc as unknown as Tree);
  let parent = root;
  for (const [i, key] of path.entries()) {
    const value = Object.hasOwn(parent, key) ? parent[key] : undefined;
    if (!isTree(value)) break;
    const copy = i === path.length - 1 && last === 'deep' ? clone(value) : shallow(value);
    define(parent, key, copy);
    parent = copy;
  }
  return root as unknown as ModelDocument;
}

/** One level of a map copied, in its key order; spread defines even a `__proto__` key as its own. */
const shallow = (tree: Tree): Tree => ({ ...tree });
