/**
 * Where a run's results go and how they get there: standard output, or the -o file written
 * whole or not at all (files.ts); a result made in pieces is written as it comes, in chunks;
 * results still being written are awaited at the end, and standard output's failures (a closed
 * pipe, a full disk) kept for exit 5. Apart from output.ts (formats and rendering) so that the
 * CLI starts without loading those (main.ts needs only watchStandardOutput and finishOutput).
 */
import { OutputError } from './errors.js';

/** Where results go in this run: set once (output.ts's formatOf), as a run handles one command. */
let destination: { file?: string; overwrite: boolean } = { overwrite: false };
/** Results still being made (workbooks are built asynchronously), awaited by finishOutput. */
const pending: Array<Promise<void>> = [];
/** The first failure of standard output (EPIPE, ENOSPC…), reported by finishOutput. */
let failure: OutputError | undefined;

/** Sends this run's results to `file` (replacing it with `overwrite`), or to standard output. */
export function sendTo(file: string | undefined, overwrite: boolean): void {
  destination = { ...(file !== undefined ? { file } : {}), overwrite };
}

/** Whether this run writes its result to a file (-o) rather than standard output. */
export function toFile(): boolean {
  return destination.file !== undefined;
}

export function colorWanted(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env);
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

/** A result still being made (a workbook is built asynchronously), written when it is ready. */
export function deliverLater(content: Promise<string | Uint8Array>): void {
  track(content.then(write));
}

/** Awaited by finishOutput; a run that ends by another error first reports that one instead. */
function track(result: Promise<void>): void {
  result.catch(() => undefined);
  pending.push(result);
}

async function write(content: string | Uint8Array | Iterable<string>): Promise<void> {
  if (destination.file !== undefined) {
    // The file writer (runtime/write-file.ts) is loaded only by a run that writes a file.
    const { writeFile } = await import('./files.js');
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
