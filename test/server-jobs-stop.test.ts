/**
 * `symbiose studio` stopped by Ctrl-C while analysis jobs run: the jobs stop with it (their
 * worker threads terminated), so the process exits 130 at once instead of living on until the
 * runs end, and nothing of the stopped runs is kept.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/index.js';

it('stops its running risk and sensitivity jobs when stopped, and exits 130', async () => {
  const workspace = join(mkdtempSync(join(tmpdir(), 'symbiose-jobs-')), 'workspace.sqlite');
  const child = spawn(process.execPath, [resolve('bin/symbiose.js'), 'studio', '--port', '0', '--workspace', workspace], { env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  let stdout = '';
  const url = await new Promise<string>((found, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const address = /open (http:\/\/\S+)/.exec(stdout)?.[1];
      if (address) found(address);
    });
    child.once('exit', (code) => failed(new Error(`studio exited ${code}`)));
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const post = (path: string, body: unknown) => fetch(`${url}api/models/amazon-cash-burn/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  // Each would run for minutes: 10⁷ draws, and a Sobol design of 65,536 × 16 evaluations.
  const risk = (await (await post('risk', { runs: 10_000_000, sampling: 'mc' })).json()) as { id: string };
  const sensitivity = (await (await post('sensitivity', { method: 'sobol', runs: 65_536 })).json()) as { id: string };
  for (;;) {
    const job = (await (await fetch(`${url}api/jobs/${risk.id}`)).json()) as { progress: { done: number } };
    if (job.progress.done > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const running = (await (await fetch(`${url}api/models/amazon-cash-burn/jobs`)).json()) as Array<{ id: string }>;
  expect(running.map((j) => j.id)).toEqual([risk.id, sensitivity.id]);
  const asked = Date.now();
  child.kill('SIGINT');
  expect(await exit).toBe(130);
  // A few seconds at most: the workers were terminated, not waited for.
  expect(Date.now() - asked).toBeLessThan(10_000);
  const store = await openSqliteStore({ path: workspace });
  expect(await store.results('amazon-cash-burn')).toEqual([]);
  await store.close();
}, 60_000);
