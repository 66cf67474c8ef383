/**
 * `symbiose studio` as a user starts it: a child process on a port the system chooses, the API
 * answering over a real socket from the workspace it made and seeded, then Ctrl-C (SIGINT): the
 * stopped message, exit 130, and the workspace closed (it opens again with every model).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/index.js';
import { libraryModels } from '../src/store/index.js';
import { text } from '../src/i18n/index.js';

const BIN = resolve('bin/symbiose.js');

interface Started {
  url: Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => { stdout: string; stderr: string };
  child: ReturnType<typeof spawn>;
}

function studio(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [BIN, 'studio', ...args], { env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en', ...env } });
  let stdout = '';
  let stderr = '';
  let found: (url: string) => void;
  const url = new Promise<string>((resolve) => (found = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const address = /open (http:\/\/\S+)/.exec(stdout)?.[1];
    if (address) found(address);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { url, exit, output: () => ({ stdout, stderr }), child };
}

describe('symbiose studio', () => {
  it('serves the seeded workspace over a socket and stops on Ctrl-C with exit 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-studio-'));
    const workspace = join(dir, 'nested', 'workspace.sqlite');
    const started = studio(['--port', '0', '--workspace', workspace]);
    const url = await Promise.race([started.url, started.exit.then(() => Promise.reject(new Error(started.output().stderr)))]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const library = libraryModels().map((m) => m.id).sort();
    expect(started.output().stdout).toContain(`The library was loaded into the workspace: ${library.length} models.`);

    const models = (await (await fetch(`${url}api/models`)).json()) as Array<{ id: string }>;
    expect(models.map((m) => m.id)).toEqual(library);
    const french = await fetch(`${url}api/models/nothing`, { headers: { 'accept-language': 'fr' } });
    expect(french.status).toBe(404);
    expect(((await french.json()) as { error: { message: string } }).error.message).toBe(text('fr', 'store.model-not-found', { model: 'nothing' }));
    const read = (await (await fetch(`${url}api/models/purple-button`)).json()) as { document: { actors: object } };
    const actor = Object.keys(read.document.actors)[0];
    const changes = [{ op: 'set-label', kind: 'actor', id: actor, field: 'label', text: 'Saved' }];
    const saved = await fetch(`${url}api/models/purple-button`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ basedOn: 1, changes }) });
    expect(saved.status).toBe(200);

    started.child.kill('SIGINT');
    expect(await started.exit).toEqual({ code: 130, signal: null });
    expect(started.output().stderr).toContain('symbiose: studio stopped; the workspace is closed');

    const reopened = await openSqliteStore({ path: workspace });
    expect((await reopened.read('purple-button')).number).toBe(2);
    await reopened.close();
  });

  it('says when the port asked is taken, and exits as a usage error', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((done) => blocker.listen(0, '127.0.0.1', () => done((blocker.address() as { port: number }).port)));
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-studio-'));
    const started = studio(['--port', String(port), '--workspace', join(dir, 'w.sqlite')]);
    expect((await started.exit).code).toBe(2);
    expect(started.output().stderr).toContain(`port ${port} on 127.0.0.1 is already in use; choose another with --port N`);
    blocker.close();
  });

  it('refuses a second studio on the same workspace, naming the first, and takes over from one killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-studio-'));
    const workspace = join(dir, 'w.sqlite');
    const first = studio(['--port', '0', '--workspace', workspace]);
    const url = await first.url;
    const second = studio(['--port', '0', '--workspace', workspace]);
    expect((await second.exit).code).toBe(2);
    expect(second.output().stderr).toContain(`the workspace ${workspace} is already open in another studio (process ${first.child.pid}, at ${url})`);
    // The first one goes on serving the workspace.
    expect((await fetch(`${url}api/models/purple-button`)).status).toBe(200);
    // Killed, it leaves its lock behind; the next studio sees its process gone and starts.
    first.child.kill('SIGKILL');
    await first.exit;
    const third = studio(['--port', '0', '--workspace', workspace]);
    const again = await Promise.race([third.url, third.exit.then(() => Promise.reject(new Error(third.output().stderr)))]);
    expect((await fetch(`${again}api/models/purple-button`)).status).toBe(200);
    third.child.kill('SIGINT');
    expect((await third.exit).code).toBe(130);
  });

  it("runs the README's curl example against it", async () => {
    const section = readFileSync('README.md', 'utf8').split('## HTTP API')[1]!.split('\n## ')[0]!;
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block.replace(/\\\n\s*/g, '').split('\n').filter((line) => line.startsWith('curl '));
    expect(commands).toHaveLength(3);
    expect(spawnSync('sh', ['-c', 'command -v curl']).status, 'the README example needs curl: apt-get install -y curl').toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-studio-'));
    const started = studio(['--port', '0', '--workspace', join(dir, 'w.sqlite')]);
    const url = (await started.url).replace(/\/$/, '');
    try {
      const answers = commands.map((command) => {
        const run = spawnSync('sh', ['-c', command.replaceAll('http://127.0.0.1:4321', url)], { encoding: 'utf8' });
        expect(run.status, command).toBe(0);
        return JSON.parse(run.stdout);
      });
      expect(answers[0].versions.map((v: { kind: string }) => v.kind)).toEqual(['create']);
      expect(answers[1].version).toMatchObject({ number: 2, kind: 'save' });
      expect(answers[1].version.document.parameters.premium.value).toBe(45);
      expect(answers[2]).toMatchObject({ actor: 'insurer', actorName: 'Assureur' });
    } finally {
      started.child.kill('SIGINT');
      await started.exit;
    }
  });
});
