/**
 * The keyboard shortcuts (pure): which action a key press asks for. Keys typed into a field are
 * the field's, except Escape. The list shown under `?` is SHORTCUTS.
 */
export type Action = 'undo' | 'redo' | 'add-actor' | 'delete' | 'layout' | 'shortcuts' | 'escape';

/** Keys as pressed together; ctrl, shift, delete and escape are named in the reader's language. */
export type Key = 'ctrl' | 'shift' | 'delete' | 'escape' | 'A' | 'Z' | 'L' | '?';
export const NAMED_KEYS = ['ctrl', 'shift', 'delete', 'escape'] as const;

export const SHORTCUTS: ReadonlyArray<{ keys: readonly Key[]; action: Action }> = [
  { keys: ['A'], action: 'add-actor' },
  { keys: ['delete'], action: 'delete' },
  { keys: ['ctrl', 'Z'], action: 'undo' },
  { keys: ['ctrl', 'shift', 'Z'], action: 'redo' },
  { keys: ['L'], action: 'layout' },
  { keys: ['?'], action: 'shortcuts' },
  { keys: ['escape'], action: 'escape' },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

function typingIn(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  return !!element && (element.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName ?? ''));
}

export function shortcutOf(press: KeyPress): Action | undefined {
  if (press.key === 'Escape') return 'escape';
  if (typingIn(press.target)) return undefined;
  const command = press.ctrlKey || press.metaKey;
  if (command && press.key.toLowerCase() === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (command || press.altKey) return undefined;
  if (press.key === '?') return 'shortcuts';
  if (press.key === 'a' || press.key === 'A') return 'add-actor';
  if (press.key === 'Delete' || press.key === 'Backspace') return 'delete';
  if (press.key === 'l' || press.key === 'L') return 'layout';
  return undefined;
}
