/**
 * How every command hands out its result (README, "Conventions"): a format (`--format
 * text|md|json|csv|xlsx`, each command naming those it has; `--json` and simulate's `--csv` are
 * aliases) and a destination, standard output or `-o/--out FILE`, written whole or not at all
 * (files.ts), never over an existing file without `--force`. A result that cannot be written (a closed pipe, a
 * full disk, a target that cannot be written) ends the run with exit 5.
 */
import { Option, type Command } from 'commander';
import { roundFigures } from '../analyses/index.js';
import { OutputError, UsageError } from './errors.js';
import { writeFile } from './files.js';
import { cliLocale, t } from './lang.js';
import { sheetsToXlsx } from '../runtime/index.js';
import { type StreamedBlock, type Sheet, eachSheetOf, printExactAmounts, sheetCsvChunks, sheetsOf } from '../tables/index.js';
import { markdownChunks, textChunks } from './render/text.js';

export const FORMATS = ['text', 'md', 'json', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputOptions {
  format?: string;
  json?: boolean;
  csv?: boolean;
  out?: string;
  force?: boolean;
  /** Amounts in full rather than scaled (k, M, G). */
  exact?: boolean;
}

/** Adds --format (with the formats this command has, the first the default), --json, -o and --force. */
export function withOutputOptions(command: Command, formats: readonly Format[] = FORMATS): Command {
  command.addOption(new Option('-f, --format <format>', t('option.format', { formats: formats.join(', '), fallback: formats[0] })).choices(formats));
  if (formats.includes('json')) command.addOption(new Option('--json', t('option.json')));
  if (formats.includes('text')) command.addOption(new Option('--exact', t('option.exact')));
  return command.addOption(new Option('-o, --out <file>', t('option.out'))).addOption(new Option('--force', t('option.forceOut')));
}

/** Where results go in this run: set once by formatOf, as a run handles one command. */
let destination: { file?: string; overwrite: boolean } = { overwrite: false };
/** Results still being made (workbooks are built asynchronously), awaited by finishOutput. */
const pending: Array<Promise<void>> = [];
/** The first failure of standard output (EPIPE, ENOSPC…), reported by finishOutput. */
let failure: OutputError | undefined;

/** The format asked for (aliases included) and where the result goes; `fallback` when none is given. */
export function formatOf(options: OutputOptions, fallback: Format = 'text'): Format {
  const aliases = [options.json ? 'json' : undefined, options.csv ? 'csv' : undefined].filter((a) => a !== undefined);
  if (aliases.length > 1) throw new UsageError(t('usage.aliasesContradict'));
  const alias = aliases[0] as Format | undefined;
  if (alias && options.format !== undefined && options.format !== alias) {
    throw new UsageError(t('usage.formatContradicts', { alias, format: options.format }));
  }
  const format = alias ?? (options.format as Format | undefined) ?? fallback;
  if (options.force && options.out === undefined) throw new UsageError(t('usage.forceWithoutOut'));
  if (format === 'xlsx' && options.out === undefined && process.stdout.isTTY) {
    throw new UsageError(t('usage.xlsxToTerminal'));
  }
  destination = { ...(options.out !== undefined ? { file: options.out } : {}), overwrite: options.force === true };
  printExactAmounts(options.exact === true || format === 'csv' || format === 'xlsx');
  return format;
}

/** Whether this run writes its result to a file (-o) rather than standard output. */
export function toFile(): boolean {
  return destination.file !== undefined;
}

export function colorWanted(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env);
}

/**
 * Hands out a command's result: blocks as text, Markdown, CSV or a workbook, or `data` as JSON.
 * The blocks' figures are printed in the CLI's language, and read back as numbers in it. Blocks
 * may come one by one (a generator), lists among them item by item (lazy lists): text, Markdown
 * and CSV are then made and written as they come, never held whole.
 */
export function emit(format: Format, blocks: () => Iterable<StreamedBlock>, data: () => unknown): void {
  if (format === 'json') deliver(JSON.stringify(data(), roundFigures, 2) + '\n');
  else if (format === 'md') deliver(markdownChunks(blocks()));
  else if (format === 'csv') deliver(sheetCsvChunks(eachSheetOf(blocks(), cliLocale())));
  else if (format === 'xlsx') deliverSheets(sheetsOf(blocks(), cliLocale()));
  else deliver(textChunks(blocks(), !toFile() && colorWanted(process.stdout)));
}

/**
 * Hands out a finished result, or one made in chunks (a long CSV streams): to standard output at
 * once, or to the -o file, written asynchronously and awaited by finishOutput.
 */
export function deliver(content: string | Uint8Array | Iterable<string>): void {
  track(write(typeof content === 'string' || content instanceof Uint8Array ? content : coalesced(content)));
}

/** Characters gathered before a write: small pieces (a line each) would be a system call each. */
const CHUNK = 1 << 16;

/** `pieces` gathered into chunks of about CHUNK characters, each made when it is read. */
export function* coalesced(pieces: Iterable<string>, size = CHUNK): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Sheets as an xlsx workbook, built asynchronously and written when ready. */
export function deliverSheets(sheets: Sheet[]): void {
  track(sheetsToXlsx(sheets).then(write));
}

/** Awaited by finishOutput; a run that ends by another error first reports that one instead. */
function track(result: Promise<void>): void {
  result.catch(() => undefined);
  pending.push(result);
}

async function write(content: string | Uint8Array | Iterable<string>): Promise<void> {
  if (destination.file !== undefined) {
    await writeFile(destination.file, content, { overwrite: destination.overwrite, force: destination.overwrite });
    return;
  }
  if (typeof content === 'string' || content instanceof Uint8Array) {
    process.stdout.write(content);
    return;
  }
  for (const chunk of content) {
    // Stop making output nobody can read any more.
    if (failure) throw failure;
    // Wait while the stream's buffer is full (a slow reader), rather than hold all the output.
    if (!process.stdout.write(chunk)) await drained(process.stdout);
  }
}

/** Resolves when `stream` can take more, or when it fails (the failure is recorded by watchStandardOutput). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('error', done).on('close', done);
  });
}

/** A failed system call while writing `target` (undefined: standard output) as an OutputError; anything else as it is. */
export function asOutputError(target: string | undefined, error: unknown): unknown {
  const { syscall, code } = error as NodeJS.ErrnoException;
  return syscall !== undefined || code === 'EPIPE' ? new OutputError(target, code) : error;
}

/**
 * Records standard output's failures (their 'error' events would otherwise crash the process).
 * Standard error's are dropped: there is nowhere left to say them, and the exit code still does.
 */
export function watchStandardOutput(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    failure ??= new OutputError(undefined, error.code);
  });
  process.stderr.on('error', () => undefined);
}

/** Waits until every result is written; throws the first failure, as an OutputError. */
export async function finishOutput(): Promise<void> {
  try {
    await Promise.all(pending.splice(0));
  } catch (error) {
    // A refusal or a failed write is already the CLI's error (files.ts); a bug stays a bug.
    throw asOutputError(destination.file, error);
  }
  // An empty write's callback runs once everything before it has been handed to the system.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  if (failure) throw failure;
}
