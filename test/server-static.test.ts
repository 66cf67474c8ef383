// The studio's files as the server gives them: hashed assets kept for good, pages asked again.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyModelChanges } from '../src/engine/index.js';
import { createApp } from '../src/server/index.js';
import { openSqliteStore } from '../src/store/index.js';

async function appWithStudio() {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>studio</title>');
  writeFileSync(join(dir, 'assets', 'layout-worker-AbC123.js'), 'self.onmessage = () => {};');
  const workspace = await openSqliteStore({ path: ':memory:', apply: applyModelChanges });
  return createApp({ workspace, log: () => undefined, studioDir: dir });
}

describe('the studio files', () => {
  it('serves a hashed asset as immutable for a year', async () => {
    const app = await appWithStudio();
    const response = await app.request('/assets/layout-worker-AbC123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('self.onmessage = () => {};');
  });

  it('asks for the page again each time, at its own address and at the app’s addresses', async () => {
    const app = await appWithStudio();
    for (const path of ['/', '/index.html', '/model/appstore']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text()).toContain('<title>studio</title>');
    }
  });
});
