/**
 * The real studio for the browser tests: `symbiose studio` from this checkout, on a free port,
 * with a workspace of its own in a temporary folder, stopped when the tests end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningStudio {
  url: string;
  workspace: string;
  stop: () => Promise<void>;
}

export async function startStudio(): Promise<RunningStudio> {
  // A studio already running (SYMBIOSE_STUDIO_URL), for working on the tests themselves.
  const running = process.env.SYMBIOSE_STUDIO_URL;
  if (running) return { url: running.replace(/\/$/, ''), workspace: '', stop: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-studio-'));
  const workspace = join(dir, 'workspace.sqlite');
  const child = spawn(process.execPath, [resolve('bin/symbiose.js'), 'studio', '--port', '0', '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' },
  });
  const url = await addressOf(child);
  return {
    url,
    workspace,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** The first http://127.0.0.1:PORT the command prints. */
function addressOf(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`symbiose studio printed no address in 30 s:\n${out}\n${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/(?:127\.0\.0\.1|localhost):\d+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`symbiose studio exited (${code}) before printing its address:\n${out}\n${err}`));
    });
  });
}
