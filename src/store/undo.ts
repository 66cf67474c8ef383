/**
 * Undo and redo over a linear history (pure). Undo and redo are versions like any other, so the
 * two stacks are read from the kinds of the versions: a save or a restore is pushed on the undo
 * stack and empties the redo stack; an undo moves the top of the undo stack to the redo stack
 * (as the undo version, whose inverse is the redo); a redo moves it back (as the redo version).
 * Each step applies the stored inverse of one version to the latest document, which is exactly
 * the document that inverse was made against, since everything above it was undone.
 */
import type { VersionKind } from './workspace.js';

export interface Step {
  number: number;
  kind: VersionKind;
}

export interface UndoState {
  /** The version whose inverse an undo applies. */
  undo: number | null;
  /** The undo version whose inverse a redo applies. */
  redo: number | null;
}

export function undoState(steps: readonly Step[]): UndoState {
  const done: number[] = [];
  let undone: number[] = [];
  for (const step of steps) {
    if (step.kind === 'save' || step.kind === 'restore') {
      done.push(step.number);
      undone = [];
    } else if (step.kind === 'undo') {
      done.pop();
      undone.push(step.number);
    } else if (step.kind === 'redo') {
      undone.pop();
      done.push(step.number);
    }
  }
  return { undo: done.at(-1) ?? null, redo: undone.at(-1) ?? null };
}
