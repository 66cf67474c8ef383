/**
 * The workspace in one SQLite file, through better-sqlite3 (synchronous: each method's
 * transaction runs whole before its promise settles).
 *
 * Durability: WAL journal with `synchronous = FULL`, so every commit is flushed to disk (the WAL
 * is fsynced) before the call returns. A save that was acknowledged survives the process being
 * killed and also a power cut or OS crash; NORMAL would only survive the first (SQLite's docs:
 * "a transaction committed in WAL mode with synchronous=NORMAL might roll back following a power
 * loss or system crash"). Writes take the write lock at BEGIN (IMMEDIATE), so a second process
 * waits (busy timeout) instead of failing halfway; readers see the last commit, never a part.
 */
import Database from 'better-sqlite3';
import { changesBetween, type Change, type ModelDocument } from '../../core/index.js';
import { ModelExists, ModelNotFound, NothingToRedo, NothingToUndo, ResultNotFound, VersionNotFound } from '../errors.js';
import { keptSettings, settingsKey, type NewResult, type ResultKind, type ResultSummary, type SavedResult } from '../results.js';
import { undoState } from '../undo.js';
import { checkBasedOn, defaultApply, idFromName, planCreate, planRestore, planSave, planStep, type ApplyFunction, type VersionPlan } from '../writes.js';
import type { History, ModelSummary, NewModel, TextFormat, Version, VersionKind, VersionSummary, Workspace, Written } from '../workspace.js';
import { SCHEMA } from './schema.js';

export interface SqliteOptions {
  /** The database file (made when missing), or ':memory:'. */
  path: string;
  /** How change lists are applied; default core's applyChanges (the server gives the engine's). */
  apply?: ApplyFunction;
  /** The clock that dates versions; default the system's. */
  now?: () => Date;
  /** How long a write waits for another process's lock, in milliseconds; default 5000. */
  busyTimeout?: number;
}

interface VersionRow {
  model: string;
  number: number;
  kind: VersionKind;
  of: number | null;
  changes: string;
  inverse: string;
  document: string;
  text: string;
  saved_at: string;
  format: TextFormat;
}

type SummaryRow = Pick<VersionRow, 'number' | 'kind' | 'of' | 'changes' | 'saved_at'>;

export async function openSqliteStore(options: SqliteOptions): Promise<Workspace> {
  return new SqliteWorkspace(options);
}

class SqliteWorkspace implements Workspace {
  private readonly db: Database.Database;
  private readonly apply: ApplyFunction;
  private readonly now: () => Date;

  constructor(options: SqliteOptions) {
    this.db = new Database(options.path, { timeout: options.busyTimeout ?? 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.apply = options.apply ?? defaultApply;
    this.now = options.now ?? (() => new Date());
    this.migrate();
  }

  private migrate(): void {
    this.db
      .transaction(() => {
        const current = this.db.pragma('user_version', { simple: true }) as number;
        SCHEMA.slice(current).forEach((sql) => this.db.exec(sql));
        this.db.pragma(`user_version = ${SCHEMA.length}`);
      })
      .immediate();
  }

  async list(): Promise<ModelSummary[]> {
    const rows = this.db.prepare('SELECT id, name, label, latest, updated_at FROM models ORDER BY id').all() as Array<{ id: string; name: string; label: string | null; latest: number; updated_at: string }>;
    return rows.map((row) => ({ id: row.id, name: row.name, label: row.label, latest: row.latest, updatedAt: row.updated_at }));
  }

  async read(model: string, version?: number): Promise<Version> {
    return version === undefined ? this.latest(model) : this.version(model, version);
  }

  async create(input: NewModel): Promise<Version> {
    const plan = planCreate(input);
    return this.write(() => this.insertModel(plan));
  }

  async save(model: string, basedOn: number, changes: readonly Change[]): Promise<Written> {
    return this.write(() => {
      const latest = this.latestFor(model, basedOn);
      return this.append(latest, planSave(latest, changes, this.apply));
    });
  }

  async delete(model: string): Promise<void> {
    this.write(() => {
      if (this.db.prepare('DELETE FROM models WHERE id = ?').run(model).changes === 0) throw new ModelNotFound(model);
    });
  }

  async history(model: string): Promise<History> {
    return this.db.transaction(() => {
      this.latestNumber(model);
      const versions = this.summaries(model, 0);
      return { versions, ...undoState(versions) };
    })();
  }

  async undo(model: string, basedOn: number): Promise<Written> {
    return this.write(() => {
      const latest = this.latestFor(model, basedOn);
      const target = undoState(this.steps(model)).undo;
      if (target === null) throw new NothingToUndo(model);
      return this.append(latest, planStep(latest, 'undo', this.version(model, target), this.apply));
    });
  }

  async redo(model: string, basedOn: number): Promise<Written> {
    return this.write(() => {
      const latest = this.latestFor(model, basedOn);
      const target = undoState(this.steps(model)).redo;
      if (target === null) throw new NothingToRedo(model);
      return this.append(latest, planStep(latest, 'redo', this.version(model, target), this.apply));
    });
  }

  async restore(model: string, basedOn: number, version: number): Promise<Written> {
    return this.write(() => {
      const latest = this.latestFor(model, basedOn);
      return this.append(latest, planRestore(latest, this.version(model, version), this.apply));
    });
  }

  async compare(model: string, from: number, to: number): Promise<Change[]> {
    // One read transaction, so both versions come from the same snapshot.
    return this.db.transaction(() => changesBetween(this.version(model, from).document, this.version(model, to).document))();
  }

  async seed(models: readonly NewModel[]): Promise<string[]> {
    const plans = models.map(planCreate);
    return this.write(() => {
      if (this.db.prepare("SELECT 1 FROM workspace WHERE key = 'seeded'").get()) return [];
      const ids = plans.map((plan) => this.insertModel(plan).model);
      this.db.prepare("INSERT INTO workspace (key, value) VALUES ('seeded', ?)").run(this.now().toISOString());
      return ids;
    });
  }

  async keepResult(input: NewResult): Promise<ResultSummary> {
    const settings = settingsKey(input.settings);
    const result = JSON.stringify(input.result ?? null);
    return this.write(() => {
      const latest = this.latestNumber(input.model);
      if (!this.db.prepare('SELECT 1 FROM versions WHERE model = ? AND number = ?').get(input.model, input.version)) throw new VersionNotFound(input.model, input.version, latest);
      const savedAt = this.now().toISOString();
      // A rerun of the same settings replaces the older result: one row per key, the newer number.
      this.db.prepare('DELETE FROM results WHERE model = ? AND version = ? AND kind = ? AND settings = ?').run(input.model, input.version, input.kind, settings);
      const id = Number(this.db.prepare('INSERT INTO results (model, version, kind, settings, result, saved_at) VALUES (?, ?, ?, ?, ?, ?)').run(input.model, input.version, input.kind, settings, result, savedAt).lastInsertRowid);
      return { id, model: input.model, version: input.version, kind: input.kind, settings: keptSettings(input.settings), savedAt };
    });
  }

  async results(model: string, kind?: ResultKind): Promise<ResultSummary[]> {
    return this.db.transaction(() => {
      this.latestNumber(model);
      const rows = (kind === undefined
        ? this.db.prepare('SELECT id, model, version, kind, settings, saved_at FROM results WHERE model = ? ORDER BY id DESC').all(model)
        : this.db.prepare('SELECT id, model, version, kind, settings, saved_at FROM results WHERE model = ? AND kind = ? ORDER BY id DESC').all(model, kind)) as ResultRow[];
      return rows.map(resultSummaryOf);
    })();
  }

  async result(model: string, id: number): Promise<SavedResult> {
    return this.db.transaction(() => {
      this.latestNumber(model);
      const row = this.db.prepare('SELECT * FROM results WHERE model = ? AND id = ?').get(model, id) as (ResultRow & { result: string }) | undefined;
      if (!row) throw new ResultNotFound(model, id);
      return { ...resultSummaryOf(row), result: JSON.parse(row.result) as unknown };
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Runs `work` as one write transaction, holding the write lock from its start. */
  private write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  private insertModel(plan: ReturnType<typeof planCreate>): Version {
    const exists = (id: string) => this.db.prepare('SELECT 1 FROM models WHERE id = ?').get(id) !== undefined;
    const id = plan.id ?? idFromName(plan.document.name, exists);
    if (plan.id !== undefined && exists(id)) throw new ModelExists(id);
    const savedAt = this.now().toISOString();
    this.db.prepare('INSERT INTO models (id, name, label, format, latest, updated_at) VALUES (?, ?, ?, ?, 1, ?)').run(id, plan.document.name, plan.document.label ?? null, plan.format, savedAt);
    this.insertVersion(id, 1, { kind: 'create', of: null, changes: [], inverse: [], document: plan.document, text: plan.text }, savedAt);
    return this.version(id, 1);
  }

  private append(latest: Version, plan: VersionPlan): Written {
    const number = latest.number + 1;
    const savedAt = this.now().toISOString();
    this.insertVersion(latest.model, number, plan, savedAt);
    this.db.prepare('UPDATE models SET latest = ?, updated_at = ? WHERE id = ?').run(number, savedAt, latest.model);
    const { issues, ...written } = plan;
    return { version: { ...written, model: latest.model, number, format: latest.format, savedAt }, issues };
  }

  private insertVersion(model: string, number: number, plan: Omit<VersionPlan, 'issues'>, savedAt: string): void {
    this.db
      .prepare('INSERT INTO versions (model, number, kind, of, changes, inverse, document, text, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(model, number, plan.kind, plan.of, JSON.stringify(plan.changes), JSON.stringify(plan.inverse), JSON.stringify(plan.document), plan.text, savedAt);
  }

  /** The latest version, after checking that `basedOn` is it. */
  private latestFor(model: string, basedOn: number): Version {
    const latest = this.latestNumber(model);
    checkBasedOn(model, basedOn, latest, (after) => this.summaries(model, after));
    return this.version(model, latest);
  }

  private latestNumber(model: string): number {
    const row = this.db.prepare('SELECT latest FROM models WHERE id = ?').get(model) as { latest: number } | undefined;
    if (!row) throw new ModelNotFound(model);
    return row.latest;
  }

  private latest(model: string): Version {
    return this.db.transaction(() => this.version(model, this.latestNumber(model)))();
  }

  private version(model: string, number: number): Version {
    const row = this.db
      .prepare('SELECT v.*, m.format FROM versions v JOIN models m ON m.id = v.model WHERE v.model = ? AND v.number = ?')
      .get(model, number) as VersionRow | undefined;
    if (!row) throw new VersionNotFound(model, number, this.latestNumber(model));
    return {
      ...summaryOf(row),
      model: row.model,
      document: JSON.parse(row.document) as ModelDocument,
      text: row.text,
      format: row.format,
      inverse: JSON.parse(row.inverse) as Change[],
    };
  }

  private summaries(model: string, after: number): VersionSummary[] {
    const rows = this.db.prepare('SELECT number, kind, of, changes, saved_at FROM versions WHERE model = ? AND number > ? ORDER BY number').all(model, after) as SummaryRow[];
    return rows.map(summaryOf);
  }

  private steps(model: string): Array<{ number: number; kind: VersionKind }> {
    return this.db.prepare('SELECT number, kind FROM versions WHERE model = ? ORDER BY number').all(model) as Array<{ number: number; kind: VersionKind }>;
  }
}

interface ResultRow {
  id: number;
  model: string;
  version: number;
  kind: ResultKind;
  settings: string;
  saved_at: string;
}

function resultSummaryOf(row: ResultRow): ResultSummary {
  return { id: row.id, model: row.model, version: row.version, kind: row.kind, settings: JSON.parse(row.settings) as ResultSummary['settings'], savedAt: row.saved_at };
}

function summaryOf(row: SummaryRow): VersionSummary {
  return { number: row.number, kind: row.kind, of: row.of, changes: JSON.parse(row.changes) as Change[], savedAt: row.saved_at };
}
