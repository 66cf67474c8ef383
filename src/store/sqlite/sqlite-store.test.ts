import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeContract } from '../../../test/store-contract.js';
import { openSqliteStore } from '../index.js';

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
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['models', 'versions', 'workspace']);
    db.close();
    await dispose();
  });
});
