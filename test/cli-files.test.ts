/**
 * Files the CLI writes (-o/--out, init, import…), run as a user runs them: the built bin in child
 * processes, on real files in a temporary folder. A named pipe, a device and a folder are never
 * written to nor replaced; a symbolic link only with --force, through to its target; a 0600 file
 * stays 0600; a SIGTERM in the middle of a write leaves no temporary file, and a SIGKILL leaves
 * the old file whole (its temporary file removed by the next write).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { growingArrays } from './helpers.js';

const BIN = resolve('bin/symbiose.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  return { code: result.status, out: result.stdout, err: result.stderr };
}


function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-files-'));
  writeFileSync(join(dir, 'wide.xmile'), growingArrays(1000, 1000, 'wide'));
  return dir;
}

const temps = (dir: string) => readdirSync(dir).filter((name) => name.includes('.symbiose-tmp-'));

/**
 * Runs `simulate wide.xmile --csv -o out.csv --force` and sends `signal` once its temporary file
 * has some bytes (the write is under way); resolves with how the process ended.
 */
function killMidWrite(dir: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; seen: string[] }> {
  const child = spawn(process.execPath, [BIN, 'simulate', 'wide.xmile', '--csv', '-o', 'out.csv', '--force', '--progress', 'none'], { cwd: dir, stdio: 'ignore' });
  let seen: string[] = [];
  const poll = setInterval(() => {
    seen = temps(dir);
    if (seen.length > 0 && statSync(join(dir, seen[0]!), { throwIfNoEntry: false })?.size) {
      clearInterval(poll);
      child.kill(signal);
    }
  }, 2);
  return new Promise((done) =>
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      done({ code, signal: sig, seen });
    }),
  );
}

describe('targets that are not regular files', () => {
  it('refuses a named pipe, a device and a folder, with --force too (exit 5), and leaves them as they were', () => {
    const dir = scratch();
    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    for (const target of ['pipe', '/dev/full', '/dev/null']) {
      const result = run(['schema', '-o', target, '--force'], dir);
      expect(result).toMatchObject({ code: 5, err: expect.stringMatching(/not a regular file \(a (named pipe|device)\): nothing is written there/) });
    }
    expect(run(['init', '.', '--force'], dir)).toMatchObject({ code: 5, err: expect.stringContaining('it is a directory') });
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('says it in French too', () => {
    const dir = scratch();
    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    expect(run(['--lang', 'fr', 'schema', '-o', 'pipe', '--force'], dir).err).toBe('symbiose: sortie non écrite : pipe : pas un fichier ordinaire (un tube nommé) : rien n’y est écrit\n');
  });
});

describe('symbolic links, permissions and --force', () => {
  it('refuses a link without --force (exit 2), and with it writes through to its target, the link kept', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    expect(run(['schema', '-o', 'link.json'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('link.json is a symbolic link') });
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('old');
    expect(run(['schema', '-o', 'link.json', '--force'], dir).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toHaveProperty('$schema');
  });

  it('overwrites only with --force, every command alike, and keeps a 0600 file 0600', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'model.yaml'), 'old');
    chmodSync(join(dir, 'model.yaml'), 0o600);
    const writers = [
      ['schema', '-o', 'model.yaml'],
      ['init', 'model.yaml'],
      ['template', 'platform', '-o', 'model.yaml'],
      ['import', resolve('test/fixtures/sd-test-models/samples/teacup/teacup.xmile'), '-o', 'model.yaml'],
    ];
    for (const args of writers) {
      expect(run(args, dir)).toMatchObject({ code: 2, err: expect.stringContaining('model.yaml already exists; use --force') });
      expect(readFileSync(join(dir, 'model.yaml'), 'utf8')).toBe('old');
    }
    for (const args of writers) {
      writeFileSync(join(dir, 'model.yaml'), 'old');
      expect(run([...args, '--force'], dir).code).toBe(0);
      expect(readFileSync(join(dir, 'model.yaml'), 'utf8')).not.toBe('old');
      expect(statSync(join(dir, 'model.yaml')).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(dir).sort()).toEqual(['model.yaml', 'wide.xmile']);
  });
});

describe('a write killed midway', () => {
  it('SIGTERM: the process ends by the signal and its temporary file is gone', async () => {
    const dir = scratch();
    const ended = await killMidWrite(dir, 'SIGTERM');
    expect(ended.seen).toHaveLength(1); // it was caught writing
    expect(ended.signal).toBe('SIGTERM');
    expect(temps(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['wide.xmile']);
  }, 60_000);

  it('SIGKILL: the old file is whole; the next write of that name removes the leftover', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'out.csv'), 'old');
    const ended = await killMidWrite(dir, 'SIGKILL');
    expect(ended.signal).toBe('SIGKILL');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('old');
    // Nothing runs on SIGKILL: the temporary file stays, named after the dead process…
    expect(temps(dir)).toEqual(ended.seen);
    expect(ended.seen[0]).toMatch(/^\.out\.csv\.symbiose-tmp-\d+$/);
    // …and the next write to out.csv removes it.
    expect(run(['schema', '-o', 'out.csv', '--force'], dir).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['out.csv', 'wide.xmile']);
  }, 60_000);
});
