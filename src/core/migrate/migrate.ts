/**
 * Brings a document to a format version, one migration at a time, up or down. A document with no
 * readable version is left as it is, for the schema check to report; one newer than this code
 * knows is refused with an issue rather than misread.
 */
import { issue, type Issue } from '../issues.js';
import { isPlainRecord } from './migration.js';
import { LATEST_VERSION, MIGRATIONS, OLDEST_VERSION } from './registry.js';

export interface Migrated {
  /** The document at the target version, or as given when it could not be migrated. */
  data: unknown;
  /** The version the document was written in, when it says one this code knows. */
  from: number | undefined;
  /** The version `data` is now at, when known. */
  to: number | undefined;
  issues: Issue[];
}

/** The version a document says it is in, when it is a whole number. */
export function versionOf(data: unknown): number | undefined {
  if (!isPlainRecord(data)) return undefined;
  const version = data.symbiose;
  return typeof version === 'number' && Number.isInteger(version) ? version : undefined;
}

/**
 * @example
 * migrate({ symbiose: 1, ... })        // → { data: { symbiose: 2, ... }, from: 1, to: 2, issues: [] }
 * migrate(doc, 1)                      // down to version 1, with a warning for each kind of loss
 */
export function migrate(data: unknown, target: number = LATEST_VERSION): Migrated {
  const from = versionOf(data);
  if (from === undefined || !isPlainRecord(data)) return { data, from: undefined, to: undefined, issues: [] };
  const issues: Issue[] = [];
  if (from > LATEST_VERSION || from < OLDEST_VERSION) {
    issues.push(issue('format-version', ['symbiose'], { version: from, oldest: OLDEST_VERSION, latest: LATEST_VERSION }));
    return { data, from: undefined, to: undefined, issues };
  }
  if (!Number.isInteger(target) || target > LATEST_VERSION || target < OLDEST_VERSION) {
    issues.push(issue('format-version', [], { version: target, oldest: OLDEST_VERSION, latest: LATEST_VERSION }));
    return { data, from, to: from, issues };
  }
  let current = data;
  for (let version = from; version < target; version++) {
    const step = MIGRATIONS[version - OLDEST_VERSION]!.up(current);
    current = step.data;
    issues.push(...step.issues);
  }
  for (let version = from; version > target; version--) {
    const step = MIGRATIONS[version - 1 - OLDEST_VERSION]!.down(current);
    current = step.data;
    issues.push(...step.issues);
  }
  return { data: current, from, to: target, issues };
}
