/**
 * A crash never loses an acknowledged save: a child process saves 1,000 versions and prints each
 * version number once its commit has returned; it is killed with SIGKILL partway, and every
 * version it acknowledged must be found whole in the reopened store, the database intact.
 * The child runs the built store (dist/, which `npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/index.js';
import { BAKERY } from './store-contract.js';

const SAVES = 1000;
/** Killed once this many saves are acknowledged: partway, with many more still to come. */
const KILL_AFTER = 300;
/** The bakery with 10 loaves, so that version n, for every n, holds n * 10 loaves. */
const MODEL = BAKERY.replace('  loaves: 100', '  loaves: 10');
const STORE = pathToFileURL(join(process.cwd(), 'dist/store/index.js')).href;

const CHILD = `
import { openSqliteStore } from ${JSON.stringify(STORE)};
const store = await openSqliteStore({ path: process.argv[2] });
await store.create({ id: 'bakery', text: process.argv[3] });
for (let basedOn = 1; basedOn <= ${SAVES}; basedOn++) {
  const { version } = await store.save('bakery', basedOn, [{ op: 'set-parameter', name: 'loaves', value: (basedOn + 1) * 10 }]);
  process.stdout.write(version.number + '\\n');
}
`;

describe('a store killed during 1,000 saves', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('keeps every acknowledged version, and its file passes the integrity check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-crash-'));
    dirs.push(dir);
    const path = join(dir, 'workspace.db');
    writeFileSync(join(dir, 'child.mjs'), CHILD);
    const acknowledged = await runAndKill(join(dir, 'child.mjs'), path);
    // Killed partway: past KILL_AFTER, before the end.
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.at(-1)).toBeLessThan(SAVES + 1);
    expect(acknowledged).toEqual(Array.from({ length: acknowledged.length }, (_, i) => i + 2));

    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = await openSqliteStore({ path });
    const history = await store.history('bakery');
    // The commit in flight at the kill may have landed unacknowledged; nothing acknowledged is missing.
    expect(history.versions.length).toBeGreaterThanOrEqual(acknowledged.length + 1);
    for (const number of acknowledged) {
      const version = await store.read('bakery', number);
      expect(version.changes).toEqual([{ op: 'set-parameter', name: 'loaves', value: number * 10 }]);
      expect(version.inverse).toEqual([{ op: 'set-parameter', name: 'loaves', value: (number - 1) * 10 }]);
      expect(version.document.parameters).toEqual({ price: 3, loaves: number * 10 });
      expect(version.text).toBe(BAKERY.replace('  loaves: 100', `  loaves: ${number * 10}`));
    }
    await store.close();
    console.log(`store crash test: ${acknowledged.length} saves acknowledged before SIGKILL, all ${acknowledged.length} found; ${history.versions.length} versions in the file`);
  }, 120_000);
});

/** Runs the child until KILL_AFTER saves are acknowledged, kills it, and returns every number it printed. */
function runAndKill(script: string, path: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, path, MODEL], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.split('\n').length - 1 >= KILL_AFTER) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the child ended before the kill (${code}): ${errors}`));
      // A line cut by the kill was never acknowledged whole: only complete lines count.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.map(Number));
    });
  });
}
