/** Reads a model file for a command: the only place the CLI touches model files on disk. */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { hasErrors, issue, LIMITS, type Ecosystem, type LoadResult, type Prepared } from '../core/index.js';
import { issueMessage } from '../i18n/index.js';
import { loadEcosystem } from '../engine/index.js';
import { columnReader } from '../runtime/index.js';
import { InvalidModelError, UsageError } from './errors.js';
import { reportFallback } from './debug.js';
import { packageFile } from './files.js';
import { t } from './lang.js';
import { issueLines } from './render/issues.js';
import { cliLocale } from './lang.js';

export const DEFAULT_MODEL = 'symbiose.yaml';

/** Largest model file accepted: far above any hand-written model, far below what hurts memory. */
const MAX_BYTES = LIMITS.fileBytes;

/** A library model's id: what `symbiose library` lists. */
const LIBRARY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Where a model named on the command line is: the file itself, or, when no such file exists and
 * the name is a library id, the library's model of that id (shown relative to the working folder
 * when it is inside it, so messages point at a file the user can open).
 */
export function modelPath(given: string): string {
  if (given === '-' || !LIBRARY_ID.test(given) || existsSync(given)) return given;
  const shipped = join(packageFile('library'), `${given}.yaml`);
  if (!existsSync(shipped)) return given;
  const near = relative(process.cwd(), shipped);
  return near.startsWith('..') || isAbsolute(near) ? shipped : near;
}

/** `-` reads the model from standard input, up to the same limit as a file. */
export function readModelText(file: string): string {
  if (file === '-') return decoded('<stdin>', readBounded(0, '<stdin>'));
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UsageError(t('file.isDirectory', { file }));
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const hint = file === DEFAULT_MODEL ? t('file.noModelGiven') : '';
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t('file.noSuchFile') : (error as Error).message;
    throw new UsageError(t('file.cannotRead', { file, reason, hint }));
  }
  if (size > MAX_BYTES) throw tooLarge(file, size);
  const fd = openSync(file, 'r');
  try {
    return decoded(file, readBounded(fd, file));
  } finally {
    closeSync(fd);
  }
}

/** The fileBytes limit, said in the run's language: how many bytes, when known. */
function tooLarge(file: string, size?: number): UsageError {
  const found = issue('limit', [], { limit: 'fileBytes', max: MAX_BYTES, ...(size === undefined ? {} : { found: size }) });
  return new UsageError(t('file.tooLarge', { file, reason: issueMessage(found, cliLocale()) }));
}

/**
 * Every byte of a file or stream, read in chunks and stopped one byte past the limit: standard
 * input (or a file that grows) is never read whole before it is refused.
 */
function readBounded(fd: number, file: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_BYTES + 1 - total));
    const read = readChunk(fd, chunk);
    if (read === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > MAX_BYTES) throw tooLarge(file);
  }
}

/** One read; a stream with nothing yet (EAGAIN: a non-blocking pipe or terminal) is waited for. */
function readChunk(fd: number, into: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, into, 0, into.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EOF') return 0;
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function decoded(file: string, bytes: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\u0000')) throw new UsageError(t('file.notText', { file }));
  return text;
}

export function loadModelFile(file: string, text = readModelText(file)): LoadResult {
  // Empirical distributions' CSV files are read relative to the model file.
  const result = loadEcosystem(text, modelFileName(file), columnReader(file));
  reportFallback(result.fallback);
  return result;
}

/** Loads a model for an analysis: prints its issues to stderr and stops if any is an error. */
export function requireEcosystem(file: string, color: boolean): Ecosystem {
  return requireModel(file, color).ecosystem;
}

/** As requireEcosystem, keeping the prepared model too, to evaluate it again with other values. */
/** The name a model's issues give for `file` ('-' is standard input). */
export function modelFileName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

/** `text`: the file's text when the caller has read it already (a risk run hands it to its workers). */
export function requireModel(file: string, color: boolean, text?: string): { ecosystem: Ecosystem; prepared: Prepared } {
  const result = loadModelFile(file, text);
  if (result.issues.length > 0) process.stderr.write(issueLines(result.issues, color, cliLocale()) + '\n');
  if (!result.ecosystem || !result.prepared || hasErrors(result.issues)) {
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    throw new InvalidModelError(t('model.hasErrors', { file, count: errors }));
  }
  return { ecosystem: result.ecosystem, prepared: result.prepared };
}
