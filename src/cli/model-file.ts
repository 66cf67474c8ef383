/** Reads a model file for a command: the only place the CLI touches model files on disk. */
import { readFileSync, statSync } from 'node:fs';
import { hasErrors, type Ecosystem, type LoadResult } from '../core/index.js';
import { loadEcosystem } from '../engine/index.js';
import { InvalidModelError, UsageError } from './errors.js';
import { issueLines } from './render/issues.js';

export const DEFAULT_MODEL = 'symbiose.yaml';

/** Largest model file accepted: far above any hand-written model, far below what hurts memory. */
const MAX_BYTES = 20 * 1024 * 1024;

/** `-` reads the model from standard input. */
export function readModelText(file: string): string {
  if (file === '-') return readFileSync(0, 'utf8');
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UsageError(`${file} is a directory; expected a model file (.yaml, .yml, .json, or .xmile for the dynamics commands)`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const hint = file === DEFAULT_MODEL ? ` (no model given: name one, or create one with "symbiose init")` : '';
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}${hint}`);
  }
  if (size > MAX_BYTES) throw new UsageError(`${file} is ${Math.round(size / 1e6)} MB; model files are limited to ${MAX_BYTES / 1e6} MB`);
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\u0000')) throw new UsageError(`${file} is not a text file`);
  return text;
}

export function loadModelFile(file: string): LoadResult {
  return loadEcosystem(readModelText(file), file === '-' ? '<stdin>' : file);
}

/** Loads a model for an analysis: prints its issues to stderr and stops if any is an error. */
export function requireEcosystem(file: string, color: boolean): Ecosystem {
  const result = loadModelFile(file);
  if (result.issues.length > 0) process.stderr.write(issueLines(result.issues, color) + '\n');
  if (!result.ecosystem || hasErrors(result.issues)) {
    const errors = result.issues.filter((i) => i.severity === 'error').length;
    throw new InvalidModelError(`${file} has ${errors} error${errors === 1 ? '' : 's'}; fix ${errors === 1 ? 'it' : 'them'} and run again`);
  }
  return result.ecosystem;
}
