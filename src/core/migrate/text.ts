/**
 * Migrating a model file's text: read with positions, migrated, and written back with its
 * comments and layout (YAML), or as indented JSON (JSON has no comments to keep). Issues are
 * placed in the original text.
 */
import { rewriteYaml } from '../edit/index.js';
import { hasErrors, issue, type LocatedIssue } from '../issues.js';
import { locateAll, readSource } from '../source.js';
import { migrate, versionOf } from './migrate.js';
import { LATEST_VERSION } from './registry.js';

export interface MigratedText {
  /** The migrated text; absent when the file could not be migrated (see the errors). */
  text: string | undefined;
  /** The version the file was written in, and the one `text` is in. */
  from: number | undefined;
  to: number | undefined;
  issues: LocatedIssue[];
}

export function migrateText(text: string, file: string, target: number = LATEST_VERSION): MigratedText {
  const source = readSource(text, file);
  const failed = (issues: LocatedIssue[]): MigratedText => ({ text: undefined, from: undefined, to: undefined, issues });
  if (hasErrors(source.issues)) return failed(locateAll(source, source.issues));
  if (versionOf(source.data) === undefined) {
    return failed(locateAll(source, [issue('missing-field', [], { field: 'symbiose', reason: 'format-version' })]));
  }
  const migrated = migrate(source.data, target);
  const issues = locateAll(source, [...source.issues, ...migrated.issues]);
  if (hasErrors(issues)) return failed(issues);
  const out = /\.json$/i.test(file) ? `${JSON.stringify(migrated.data, null, 2)}\n` : rewriteYaml(text, migrated.data);
  return { text: out, from: migrated.from, to: migrated.to, issues };
}
