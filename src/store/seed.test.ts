import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, seedLibrary } from './index.js';

describe('seeding the workspace with the library', () => {
  it('loads every library model under its file name, once, with its text as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-seed-'));
    const store = await openSqliteStore({ path: join(dir, 'workspace.db') });
    try {
      const files = readdirSync('library').filter((file) => file.endsWith('.yaml')).sort();
      const ids = files.map((file) => file.replace(/\.yaml$/, ''));
      expect(ids.length).toBeGreaterThanOrEqual(16);
      expect(await seedLibrary(store)).toEqual(ids);
      expect(await seedLibrary(store)).toEqual([]);
      expect((await store.list()).map((m) => [m.id, m.latest])).toEqual(ids.map((id) => [id, 1]));
      const ryanair = await store.read('ryanair');
      const text = readFileSync('library/ryanair.yaml', 'utf8');
      // Library files are in the current format: stored as written, every comment kept.
      expect(text).toMatch(/^symbiose: 4$/m);
      expect(ryanair.text).toBe(text);
      expect(ryanair.document.name).toBe((await store.list()).find((m) => m.id === 'ryanair')!.name);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
