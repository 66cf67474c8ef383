/**
 * The SQLite schema, by version (`PRAGMA user_version`): a database is brought up to the latest
 * when it is opened, in one transaction. Documents and change lists are JSON text; the model's
 * text is kept as written. A version row is never updated: history only grows, until the model
 * is deleted (its versions with it, by the foreign key).
 *
 * Version 2 keeps analysis results (risk, sensitivity) with the version they were run on and
 * their settings (store/results.ts's settingsKey): one row per model, version, kind and
 * settings, replaced by a rerun; they go with their version, so with their model.
 */
export const SCHEMA: readonly string[] = [
  `
  CREATE TABLE workspace (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  CREATE TABLE models (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT,
    format TEXT NOT NULL CHECK (format IN ('yaml', 'json')),
    latest INTEGER NOT NULL CHECK (latest >= 1),
    updated_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE versions (
    model TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('create', 'save', 'undo', 'redo', 'restore')),
    of INTEGER,
    changes TEXT NOT NULL,
    inverse TEXT NOT NULL,
    document TEXT NOT NULL,
    text TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (model, number)
  ) STRICT;
  `,
  `
  CREATE TABLE results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    model TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('risk', 'sensitivity')),
    settings TEXT NOT NULL,
    result TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    UNIQUE (model, version, kind, settings),
    FOREIGN KEY (model, version) REFERENCES versions (model, number) ON DELETE CASCADE
  ) STRICT;
  CREATE INDEX results_by_model ON results (model, id);
  `,
];
