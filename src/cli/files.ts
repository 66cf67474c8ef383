/** File writes of the CLI: atomic (write aside, then rename), so a crash never leaves half a file. */
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutputError, UsageError } from './errors.js';
import { t } from './lang.js';

/**
 * Writes `content` to `file` through a file beside it, renamed into place. An existing file is
 * kept unless `overwrite` (a usage error: the user adds --force). A device or a named pipe
 * (`-o /dev/stdout`) is written in place: there is nothing to overwrite, and renaming over it
 * would replace it. A write that fails (no space, no permission, no such folder, a directory in
 * the way) is an OutputError, exit 5.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>, { overwrite = true } = {}): void {
  const inPlace = writesInPlace(file, overwrite);
  const written = inPlace ? file : `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(written, inPlace ? 'w' : 'wx');
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) writeAll(fd, content);
      else for (const chunk of content) writeAll(fd, chunk);
    } finally {
      closeSync(fd);
    }
    if (!inPlace) renameSync(written, file);
  } catch (error) {
    if (!inPlace) rmSync(written, { force: true });
    // A failing system call is the write's; anything else (a cancelled run making the chunks) passes.
    if ((error as NodeJS.ErrnoException).syscall === undefined) throw error;
    throw new OutputError(file, (error as NodeJS.ErrnoException).code);
  }
}

/**
 * Whether `file` is a device or a named pipe, to write in place rather than aside; refuses a
 * directory (exit 5) and an existing file unless `overwrite` (a usage error: add --force).
 */
export function writesInPlace(file: string, overwrite: boolean): boolean {
  const existing = statIfAny(file);
  if (existing?.isDirectory()) throw new OutputError(file, 'EISDIR');
  if (existing?.isFile() && !overwrite) throw new UsageError(t('usage.fileExists', { file }));
  return existing !== undefined && !existing.isFile();
}

function statIfAny(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** writeSync may write less than asked (a signal, a nearly full disk): write the rest. */
function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A file shipped with Symbiose (templates, examples, schema), from the package root. */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** The path from a model file to the shipped JSON Schema, for its yaml-language-server comment. */
export function schemaLink(modelFile: string): string {
  const link = relative(dirname(resolve(modelFile)), packageFile('schema/symbiose.schema.json')).split('\\').join('/');
  return link.startsWith('.') ? link : `./${link}`;
}
