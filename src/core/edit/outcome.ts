/** What applying one change gives: its issues, and its inverse when it was applied. */
import { issue, type Issue, type IssueCode, type IssueParamsByCode, type Path } from '../issues.js';
import type { Change } from './changes.js';

export interface Outcome {
  issues: Issue[];
  /** The changes that undo it; absent when the change was refused (the draft is then dropped). */
  inverse?: Change[];
}

export const refused = (found: Issue): Outcome => ({ issues: [found] });
export const applied = (inverse: Change[], issues: Issue[] = []): Outcome => ({ issues, inverse });

/** An issue about change number `change` of the list, placed at `path` in the document. */
export function editIssue<C extends EditCode>(code: C, change: number, path: Path, params: Omit<IssueParamsByCode[C], 'change'>, severity: Issue['severity'] = 'error'): Issue {
  return issue(code, path, { change, ...params } as IssueParamsByCode[C], { severity });
}

type EditCode = Extract<IssueCode, `edit-${string}`>;

/** Deep equality of plain data, key order aside. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
