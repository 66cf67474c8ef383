/**
 * The one safe file write, on real files in a temporary folder: a new file, a refused overwrite,
 * links refused or followed, targets that are not files, permissions kept, a cancel midway, a
 * target that appears while the file is written, and the leftovers of a killed process.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../engine/index.js';
import { tempNameOf } from './temp-files.js';
import { writeFileSafely, WriteRefusedError, type WriteFileOptions } from './write-file.js';

const KEEP: WriteFileOptions = { overwrite: false, followSymlink: false };
const FORCE: WriteFileOptions = { overwrite: true, followSymlink: true };

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'symbiose-write-'));
}

async function refusal(write: Promise<void>): Promise<WriteRefusedError> {
  const error: unknown = await write.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(WriteRefusedError);
  return error as WriteRefusedError;
}

describe('writing a file safely', () => {
  it('writes a new file, in chunks of text and bytes, and leaves nothing beside it', async () => {
    const dir = scratch();
    await writeFileSafely(join(dir, 'out.csv'), ['a,', new TextEncoder().encode('b,'), 'c'], KEEP);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a,b,c');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('keeps an existing file unless told to overwrite it', async () => {
    const dir = scratch();
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'before');
    expect((await refusal(writeFileSafely(file, 'after', KEEP))).reason).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe('before');
    await writeFileSafely(file, 'after', { overwrite: true, followSymlink: false });
    expect(readFileSync(file, 'utf8')).toBe('after');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('keeps the permissions of the file it replaces (0600 stays 0600)', async () => {
    const dir = scratch();
    const file = join(dir, 'secret.txt');
    writeFileSync(file, 'before');
    chmodSync(file, 0o600);
    await writeFileSafely(file, 'after', FORCE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o640);
    await writeFileSafely(file, 'again', FORCE);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("gives a new file the umask's permissions", async () => {
    const file = join(scratch(), 'new.txt');
    await writeFileSafely(file, 'x', KEEP);
    const umask = process.umask();
    expect(statSync(file).mode & 0o777).toBe(0o666 & ~umask);
  });

  it('refuses a symbolic link, and with followSymlink writes through it, the link kept', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'real.txt'), 'before');
    chmodSync(join(dir, 'real.txt'), 0o600);
    symlinkSync('real.txt', join(dir, 'link.txt'));
    const refused = await refusal(writeFileSafely(join(dir, 'link.txt'), 'after', { overwrite: true, followSymlink: false }));
    expect(refused.reason).toBe('symlink');
    expect(refused.linksTo).toBe(join(dir, 'real.txt'));
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('before');
    await writeFileSafely(join(dir, 'link.txt'), 'after', FORCE);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.txt'))).toBe('real.txt');
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('after');
    expect(statSync(join(dir, 'real.txt')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'real.txt']);
  });

  it('writes through a link to a file that does not exist yet, in the folder of the file', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'sub', 'target.txt'), join(dir, 'dangling'));
    await writeFileSafely(join(dir, 'dangling'), 'made', FORCE);
    expect(readFileSync(join(dir, 'sub', 'target.txt'), 'utf8')).toBe('made');
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
  });

  it('refuses what is not a regular file, even with force: a folder, a named pipe, a device', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'folder'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe')]).status).toBe(0);
    symlinkSync('/dev/null', join(dir, 'to-null'));
    expect(await refusal(writeFileSafely(join(dir, 'folder'), 'x', FORCE))).toMatchObject({ reason: 'not-a-file', kind: 'directory' });
    expect(await refusal(writeFileSafely(join(dir, 'pipe'), 'x', FORCE))).toMatchObject({ reason: 'not-a-file', kind: 'fifo' });
    expect(await refusal(writeFileSafely('/dev/null', 'x', FORCE))).toMatchObject({ reason: 'not-a-file', kind: 'device' });
    expect(await refusal(writeFileSafely(join(dir, 'to-null'), 'x', FORCE))).toMatchObject({ reason: 'not-a-file', kind: 'device' });
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['folder', 'pipe', 'to-null']);
  });

  it('leaves the target as it was, and nothing beside it, when cancelled midway', async () => {
    const dir = scratch();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'before');
    const controller = new AbortController();
    function* chunks(): Generator<string> {
      yield 'one,';
      controller.abort();
      yield 'two';
    }
    await expect(writeFileSafely(file, chunks(), { ...FORCE, signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(readFileSync(file, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('never replaces a file that appears while it writes, unless told to overwrite', async () => {
    const dir = scratch();
    const file = join(dir, 'out.txt');
    function* racing(): Generator<string> {
      yield 'mine';
      writeFileSync(file, 'theirs'); // another writer takes the name meanwhile
    }
    expect((await refusal(writeFileSafely(file, racing(), KEEP))).reason).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('removes the temporary file of a dead process, and leaves a live one alone', async () => {
    const dir = scratch();
    const file = join(dir, 'out.txt');
    // A process that has ended: its PID is free (reused PIDs are alive, and so are kept).
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = tempNameOf(file, Number(dead.stdout));
    const live = tempNameOf(file, process.ppid);
    writeFileSync(stale, 'half');
    writeFileSync(live, 'writing');
    await writeFileSafely(file, 'whole', KEEP);
    expect(readdirSync(dir).sort()).toEqual([live.slice(dir.length + 1), 'out.txt'].sort());
    expect(readFileSync(file, 'utf8')).toBe('whole');
  });
});
