/**
 * What one format change is: how a document of version `from` becomes version `from + 1` (up) and
 * back (down). Migrations work on plain data, since an older document does not fit today's types,
 * and say what they lose as warnings rather than losing it silently.
 */
import type { Issue } from '../issues.js';

/** A document as read from a file: plain data, of whatever version it says. */
export type PlainDocument = Record<string, unknown>;

export interface MigrationResult {
  data: PlainDocument;
  issues: Issue[];
}

export interface Migration {
  /** The version this migration upgrades; `up` gives version `from + 1`. */
  from: number;
  /** What the newer version adds, in a few words (for people reading the registry). */
  adds: string;
  up(data: PlainDocument): MigrationResult;
  down(data: PlainDocument): MigrationResult;
}

export function isPlainRecord(value: unknown): value is PlainDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of `record` with `key` set to `value`, in its place (or last when it is new). */
export function withKey(record: PlainDocument, key: string, value: unknown): PlainDocument {
  const copy: PlainDocument = {};
  let placed = false;
  for (const [k, v] of Object.entries(record)) {
    define(copy, k, k === key ? value : v);
    placed ||= k === key;
  }
  if (!placed) define(copy, key, value);
  return copy;
}

/** Sets an own property even for a key such as `__proto__`, which plain assignment would not. */
export function define(record: PlainDocument, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
