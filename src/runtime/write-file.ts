/**
 * The one way Symbiose writes a file (every surface: CLI results, models, exports), so that the
 * target is whole or as it was, whatever happens:
 *
 * 1. The target is looked at without following links. A symbolic link is refused unless
 *    `followSymlink` (the CLI's --force), which writes through it to the file it names (the link
 *    stays). What is then found must be a regular file or nothing: a directory, a named pipe, a
 *    device or a socket is refused, never written to nor replaced.
 * 2. The content goes to `.NAME.symbiose-tmp-PID` beside the target (created exclusively, with
 *    the target's permissions and owner if it exists, else the umask's), is flushed to the disk
 *    (fsync), and only then takes the target's name; the folder is flushed too, so the new name
 *    survives a power cut.
 * 3. Without `overwrite`, the name is taken with link(2), which fails if the target appeared
 *    meanwhile: no check-then-write race. File systems without hard links fall back to a check
 *    followed by rename(2), which a writer racing in between could still lose (its file
 *    replaced). With `overwrite`, rename(2) replaces the target in one step; the kind of the
 *    target is checked again just before, and one replaced by a non-file in that instant would
 *    be replaced (POSIX has no rename that only replaces regular files; Linux's renameat2 with
 *    RENAME_NOREPLACE or RENAME_EXCHANGE would close both windows, but Node has no call for it),
 *    except a directory, which rename(2) refuses (EISDIR). A target with other hard links gets
 *    a new file under this name; its other names keep the old content.
 * 4. The temporary file is removed on any failure, on a cancel (`signal`), at exit and on
 *    SIGINT/SIGTERM/SIGHUP (temp-files.ts); after a SIGKILL, by the next write of the same name.
 *
 * Refusals are WriteRefusedError; failures of the system come as they are (code, syscall), for
 * the surface to word.
 */
import { link, lstat, open, readlink, realpath, rename, rm, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkpoint } from './checkpoint.js';
import { registerTemp, releaseTemp, removeStaleTemps, tempNameOf } from './temp-files.js';

/** What a file is made of: all at once, or in chunks (made as they are written). */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

export interface WriteFileOptions {
  /** Replace an existing regular file (else WriteRefusedError 'exists'). */
  overwrite: boolean;
  /** Write through a symbolic link to its target (else WriteRefusedError 'symlink'). */
  followSymlink: boolean;
  /** Stops between chunks with a CancelledError, the target left as it was. */
  signal?: AbortSignal;
}

/** What stands at a path that is not a regular file. */
export type NodeKind = 'directory' | 'fifo' | 'device' | 'socket' | 'other';

export type RefusalReason = 'exists' | 'symlink' | 'not-a-file';

/** A write refused before anything was written; `kind` says what stands there ('not-a-file'). */
export class WriteRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: RefusalReason,
    readonly kind?: NodeKind,
    /** The file a symbolic link leads to. */
    readonly linksTo?: string,
  ) {
    super(`${file}: ${reason}${kind ? ` (${kind})` : ''}`);
  }
}

/** Links followed before giving up (Linux's own bound, ELOOP). */
const MAX_LINKS = 40;

/** Writes `content` to `file` safely (see above). */
export async function writeFileSafely(file: string, content: FileContent, options: WriteFileOptions): Promise<void> {
  const target = await finalTarget(file, options.followSymlink);
  const existing = await statIfAny(target);
  if (existing && !existing.isFile()) throw new WriteRefusedError(file, 'not-a-file', kindOf(existing));
  if (existing && !options.overwrite) throw new WriteRefusedError(file, 'exists');
  removeStaleTemps(target);
  const temp = tempNameOf(target);
  const handle = await createTemp(temp, existing);
  registerTemp(temp);
  try {
    await writeContent(handle, content, options.signal);
    await handle.sync();
    await handle.close();
    if (options.signal) await checkpoint(options.signal);
    await putInPlace(temp, target, file, options.overwrite);
    releaseTemp(temp);
    await syncFolder(dirname(target));
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    releaseTemp(temp);
    throw error;
  }
}

/** `file`, or with `followSymlink` the path its links lead to (which may not exist yet). */
async function finalTarget(file: string, followSymlink: boolean): Promise<string> {
  let path = resolve(file);
  for (let hops = 0; ; hops++) {
    const stats = await statIfAny(path);
    if (!stats?.isSymbolicLink()) return path;
    if (!followSymlink) throw new WriteRefusedError(file, 'symlink', undefined, await realpath(path).catch(() => undefined));
    if (hops === MAX_LINKS) throw Object.assign(new Error(`${file}: too many links`), { code: 'ELOOP', syscall: 'open' });
    path = resolve(dirname(path), await readlink(path));
  }
}

async function statIfAny(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function kindOf(stats: Stats): NodeKind {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/**
 * The temporary file, created exclusively. One of this PID already there was left by an earlier
 * process with the same PID (a live process never leaves one behind): it is removed.
 */
async function createTemp(temp: string, existing: Stats | undefined): Promise<FileHandle> {
  const mode = existing ? existing.mode & 0o7777 : 0o666;
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await rm(temp, { force: true });
    handle = await open(temp, 'wx', mode);
  }
  if (existing) {
    // open's mode passes through the umask: the target's own permissions are set exactly.
    await handle.chmod(mode);
    // Only root may give a file away; for anyone else the owner is already theirs.
    if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid).catch(() => undefined);
  }
  return handle;
}

async function writeContent(handle: FileHandle, content: FileContent, signal: AbortSignal | undefined): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) return writeAll(handle, content);
  for (const chunk of content) {
    // Turning the event loop between chunks lets a cancel (and a signal) in.
    if (signal) await checkpoint(signal);
    await writeAll(handle, chunk);
  }
}

/** write(2) may take less than given (a signal, a nearly full disk): the rest is written after. */
async function writeAll(handle: FileHandle, chunk: string | Uint8Array): Promise<void> {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
}

/** Gives the written file the target's name: link(2) when nothing may be replaced, else rename(2). */
async function putInPlace(temp: string, target: string, file: string, overwrite: boolean): Promise<void> {
  const now = await statIfAny(target);
  if (now && (now.isSymbolicLink() || !now.isFile())) throw new WriteRefusedError(file, now.isSymbolicLink() ? 'symlink' : 'not-a-file', now.isSymbolicLink() ? undefined : kindOf(now));
  if (overwrite) return rename(temp, target);
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteRefusedError(file, 'exists');
    if (!NO_HARD_LINKS.has(code ?? '')) throw error;
    // No hard links here (FAT, some network file systems): checked just above, then renamed.
    if (now) throw new WriteRefusedError(file, 'exists');
    return rename(temp, target);
  }
  await rm(temp, { force: true });
}

/** link(2) errors that mean the file system has no hard links, not that the write failed. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/** Flushes a folder's entries, so a rename survives a power cut; a system that cannot is left be. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES') throw error;
  } finally {
    await handle?.close();
  }
}
