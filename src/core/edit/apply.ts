/**
 * Applies a change list to a document: a pure function. Each change is carried out on a draft of
 * the document as the previous changes left it, which copies what the change may write and
 * shares the rest (draft.ts); a change that cannot be carried out (it names a
 * missing record, an id already taken…) is skipped with an error issue, and the others still
 * apply. The inverse list undoes exactly the changes applied: applying it to the new document
 * gives back the original.
 */
import type { Issue } from '../issues.js';
import type { ModelDocument } from '../model/index.js';
import type { Change } from './changes.js';
import { draftFor } from './draft.js';
import { addItem, removeItem, updateItem } from './item-changes.js';
import type { Outcome } from './outcome.js';
import { addRecord, removeRecord, renameRecord, updateRecord } from './record-changes.js';
import type { EquationRenamer } from './references.js';
import { setLabel, setParameter, setPosition } from './setters.js';

export interface ApplyOptions {
  /**
   * Renames names inside the dynamics' equations (the engine's parser does it; see
   * `engine.applyModelChanges`). Without it, a rename that reaches into equations is refused.
   */
  equations?: EquationRenamer;
}

export interface Applied {
  /**
   * The new document; the one given when no change applied. The input is never modified, and the
   * new document shares with it every part no change touched: neither is to be modified.
   */
  document: ModelDocument;
  issues: Issue[];
  /** The changes that undo those applied, in the order to apply them. */
  inverse: Change[];
}

/**
 * @example
 * const { document, issues, inverse } = applyChanges(doc, [
 *   { op: 'rename', kind: 'actor', from: 'members', to: 'users' },
 *   { op: 'set-parameter', name: 'price', value: 7.99 },
 * ]);
 * applyChanges(document, inverse).document; // deep-equal to doc
 */
export function applyChanges(document: ModelDocument, changes: readonly Change[], options: ApplyOptions = {}): Applied {
  let current = document;
  const issues: Issue[] = [];
  const inverses: Change[][] = [];
  changes.forEach((change, index) => {
    const draft = draftFor(current, change);
    const outcome = applyOne(draft, change, index, options);
    issues.push(...outcome.issues);
    if (outcome.inverse) {
      current = draft;
      inverses.push(outcome.inverse);
    }
  });
  return { document: current, issues, inverse: inverses.reverse().flat() };
}

function applyOne(draft: ModelDocument, change: Change, index: number, options: ApplyOptions): Outcome {
  switch (change.op) {
    case 'add':
      return 'id' in change ? addRecord(draft, change, index) : addItem(draft, change, index);
    case 'update':
      return 'id' in change ? updateRecord(draft, change, index) : updateItem(draft, change, index);
    case 'remove':
      return 'id' in change ? removeRecord(draft, change, index, options.equations) : removeItem(draft, change, index);
    case 'rename':
      return renameRecord(draft, change, index, options.equations);
    case 'set-parameter':
      return setParameter(draft, change, index);
    case 'set-position':
      return setPosition(draft, change, index);
    case 'set-label':
      return setLabel(draft, change, index);
  }
}
