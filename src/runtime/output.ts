/**
 * Writing a command's output, chunk by chunk, so it can stop on a signal: to a stream (stdout),
 * waiting when it is full, or to a file written aside and renamed into place only once whole,
 * so a cancel or a failure never leaves half a file.
 */
import { once } from 'node:events';
import { open, rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { CancelledError } from '../engine/index.js';
import { checkpoint } from './checkpoint.js';

/** Writes every chunk to `stream`; stops with a CancelledError when `signal` is aborted. */
export async function writeChunks(stream: Writable, chunks: Iterable<string>, signal: AbortSignal): Promise<void> {
  for (const chunk of chunks) {
    // A pipe on Linux is written synchronously: turning the loop between chunks lets Ctrl-C in.
    await checkpoint(signal);
    if (!stream.write(chunk)) await drained(stream, signal);
  }
  await checkpoint(signal);
}

/**
 * Writes every chunk to `file`.<pid>.tmp, then renames it to `file`. On a cancel or an error
 * the aside file is removed and `file` is left as it was. Errors of the file system are
 * rethrown as they came (the caller words them).
 */
export async function writeFileChunks(file: string, chunks: Iterable<string>, signal: AbortSignal): Promise<void> {
  const aside = `${file}.${process.pid}.tmp`;
  const handle = await open(aside, 'wx');
  try {
    for (const chunk of chunks) {
      await checkpoint(signal);
      await handle.write(chunk);
    }
    await handle.close();
    await checkpoint(signal);
    await rename(aside, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(aside, { force: true });
    throw error;
  }
}

async function drained(stream: Writable, signal: AbortSignal): Promise<void> {
  try {
    await once(stream, 'drain', { signal });
  } catch (error) {
    if (signal.aborted) throw new CancelledError();
    throw error;
  }
}
