import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeContract } from '../../../test/store-contract.js';
import { openSqliteStore } from '../index.js';
import { BAKERY } from '../../../test/store-contract.js';
import { SCHEMA } from './schema.js';

function temporaryFile(): { path: string; dispose: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-store-'));
  return { path: join(dir, 'workspace.db'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

storeContract('SQLite', async () => {
  const { path, dispose } = temporaryFile();
  return { open: () => openSqliteStore({ path }), dispose };
});

describe('the SQLite store', () => {
  it('leaves its file in WAL mode, at the latest schema', async () => {
    const { path, dispose } = temporaryFile();
    const store = await openSqliteStore({ path });
    await store.close();
    const db = new Database(path);
    // WAL is recorded in the file itself; synchronous and foreign_keys belong to each connection
    // (set when the store opens: the contract's deletion shows the cascade).
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['models', 'results', 'sqlite_sequence', 'versions', 'workspace']);
    db.close();
    await dispose();
  });

  it('brings a workspace of schema 1 up to 2, its models kept and results then kept beside them', async () => {
    const { path, dispose } = temporaryFile();
    const made = await openSqliteStore({ path });
    await made.create({ id: 'bakery', text: BAKERY });
    await made.close();
    // Back to what a workspace of schema 1 held: no results table, user_version 1.
    const old = new Database(path);
    old.exec('DROP TABLE results');
    old.pragma('user_version = 1');
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'results'").get()).toBeUndefined();
    old.close();
    expect(SCHEMA).toHaveLength(2);
    const store = await openSqliteStore({ path });
    expect((await store.read('bakery')).text).toBe(BAKERY);
    const kept = await store.keepResult({ model: 'bakery', version: 1, kind: 'risk', settings: { runs: 10 }, result: { ok: true } });
    expect((await store.result('bakery', kept.id)).result).toEqual({ ok: true });
    await store.close();
    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
    await dispose();
  });
});
