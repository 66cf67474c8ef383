/** File writes of the CLI, through the runtime's one safe write, and files shipped with Symbiose. */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CancelledError } from '../engine/index.js';
import { writeFileSafely, WriteRefusedError, type FileContent } from '../runtime/index.js';
import { OutputError, UsageError } from './errors.js';
import { t } from './lang.js';

export interface WriteOptions {
  /** Replace an existing file: --force, or a command that rewrites its own input (migrate). */
  overwrite: boolean;
  /** --force: write through a symbolic link to its target. */
  force: boolean;
  signal?: AbortSignal;
}

/**
 * Writes `content` to `file` whole or not at all (runtime/write-file.ts). An existing file
 * without `overwrite`, or a symbolic link without --force, is a usage error (exit 2); a target
 * that is not a regular file, or a write that fails (no space, no permission, no such folder),
 * is an OutputError (exit 5).
 */
export async function writeFile(file: string, content: FileContent, { overwrite, force, signal }: WriteOptions): Promise<void> {
  try {
    await writeFileSafely(file, content, { overwrite, followSymlink: force, ...(signal ? { signal } : {}) });
  } catch (error) {
    throw asWriteError(file, error);
  }
}

/** A refusal or a failed system call as the CLI's error; anything else (a cancel, a bug) as it is. */
function asWriteError(file: string, error: unknown): unknown {
  if (error instanceof WriteRefusedError) {
    if (error.reason === 'exists') return new UsageError(t('usage.fileExists', { file }));
    if (error.reason === 'symlink') return new UsageError(t('usage.symlink', { file, target: error.linksTo ?? '?' }));
    return new OutputError(file, error.kind === 'directory' ? 'EISDIR' : undefined, error.kind);
  }
  if (error instanceof CancelledError || (error as NodeJS.ErrnoException)?.syscall === undefined) return error;
  return new OutputError(file, (error as NodeJS.ErrnoException).code);
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
