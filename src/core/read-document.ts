/**
 * A model document from its text or from data, for surfaces that keep documents (the workspace
 * store): read, migrated to the current format, and checked record by record. Unlike loadModel
 * it stops before quantification, since a stored model may still have unresolved references
 * while someone is building it; only a document the change lists can work on is required.
 */
import { checkStructure } from './check-structure.js';
import { hasErrors, type Issue, type LocatedIssue } from './issues.js';
import { LATEST_VERSION, migrate, migrateText, versionOf } from './migrate/index.js';
import type { ModelDocument } from './model/index.js';
import { locateAll, readSource } from './source.js';

export interface ReadDocument {
  /** Present only when the text has no error. */
  document: ModelDocument | undefined;
  /** The text in the current format version (migrated, comments kept, when it was older). */
  text: string | undefined;
  issues: LocatedIssue[];
}

export function readDocument(text: string, file: string): ReadDocument {
  const source = readSource(text, file);
  // A YAML text already in the current version is kept as written, read once: migrating it would
  // change nothing, and writing it back reads it twice more with the yaml library's tree (slow on
  // a large model). JSON is still written back indented, as migrateText writes it.
  if (/\.json$/i.test(file) || hasErrors(source.issues) || versionOf(source.data) !== LATEST_VERSION) return migratedFirst(text, file);
  const checked = checkDocument(source.data);
  return { document: checked.document, text: checked.document ? text : undefined, issues: locateAll(source, [...source.issues, ...checked.issues]) };
}

function migratedFirst(text: string, file: string): ReadDocument {
  const migrated = migrateText(text, file);
  if (migrated.text === undefined) return { document: undefined, text: undefined, issues: migrated.issues };
  const source = readSource(migrated.text, file);
  const checked = checkDocument(source.data);
  const issues = [...migrated.issues, ...locateAll(source, checked.issues)];
  return { document: checked.document, text: checked.document ? migrated.text : undefined, issues };
}
/** The same checks on data that is already parsed (a document sent as JSON). */
export function checkDocument(data: unknown): { document: ModelDocument | undefined; issues: Issue[] } {
  const migrated = migrate(data);
  if (hasErrors(migrated.issues)) return { document: undefined, issues: migrated.issues };
  const structured = checkStructure(migrated.data);
  const issues = [...migrated.issues, ...structured.issues];
  // The data as written (migrated), not the checked copy, which fills in empty sections: the
  // document must match its text, so that writing an edit back changes only what it changed.
  return { document: hasErrors(issues) || !structured.doc ? undefined : (migrated.data as ModelDocument), issues };
}
