/**
 * Writing a command's output to a stream (stdout) chunk by chunk, so it can stop on a signal,
 * waiting when the stream is full. Files are written by write-file.ts.
 */
import { once } from 'node:events';
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

async function drained(stream: Writable, signal: AbortSignal): Promise<void> {
  try {
    await once(stream, 'drain', { signal });
  } catch (error) {
    if (signal.aborted) throw new CancelledError();
    throw error;
  }
}
