/** GET and POST /api/models/:id/analyses/sensitivity answer what `symbiose sensitivity --json` prints. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './server-helpers.js';

const BIN = resolve('bin/symbiose.js');

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
  expect((await t.call('POST', '/api/library/ryanair/copy')).status).toBe(201);
});
afterEach(async () => {
  await t.workspace.close();
});

function cliJson(args: string[]): unknown {
  const run = spawnSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en', NO_COLOR: '1' } });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('the sensitivity route', () => {
  it('answers the CLI’s JSON, by query (GET) and by body (POST)', async () => {
    const get = await t.call('GET', '/api/models/ryanair/analyses/sensitivity?method=sobol&runs=16&seed=3&actor=ryanair');
    expect(get.status).toBe(200);
    expect(get.json).toEqual(cliJson(['sensitivity', 'ryanair', '--method', 'sobol', '--runs', '16', '--seed', '3', '--actor', 'ryanair']));
    const post = await t.call('POST', '/api/models/ryanair/analyses/sensitivity', { method: 'sobol', runs: 16, seed: 3, actor: 'ryanair' });
    expect(post.status).toBe(200);
    expect(post.json).toEqual(get.json);
    const tornado = await t.call('POST', '/api/models/ryanair/analyses/sensitivity');
    expect(tornado.json).toEqual(cliJson(['sensitivity', 'ryanair']));
  });

  it('refuses runs the method does not take, an unknown actor and an unknown method with a 422 in words', async () => {
    const tornadoRuns = await t.call('GET', '/api/models/ryanair/analyses/sensitivity?runs=10');
    expect(tornadoRuns.status).toBe(422);
    expect(tornadoRuns.json.error.message).toContain('tornado');
    const few = await t.call('POST', '/api/models/ryanair/analyses/sensitivity', { method: 'sobol', runs: 1 });
    expect(few.status).toBe(422);
    expect(few.json.error.message).toContain('from 2 to 65536');
    const actor = await t.call('GET', '/api/models/ryanair/analyses/sensitivity?actor=nobody', undefined, { 'accept-language': 'fr' });
    expect(actor.status).toBe(422);
    expect(actor.json.error.message).toContain('nobody');
    expect((await t.call('GET', '/api/models/ryanair/analyses/sensitivity?method=fast')).status).toBe(422);
    expect((await t.call('GET', '/api/models/nothing/analyses/sensitivity')).status).toBe(404);
  });
});
