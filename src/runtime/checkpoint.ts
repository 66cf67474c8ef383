import { CancelledError } from '../engine/index.js';

/**
 * Lets the event loop turn, so a Ctrl-C that came during synchronous work is heard, then throws
 * a CancelledError if `signal` was aborted. Call it between stages of work on this thread.
 */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal.aborted) throw new CancelledError();
}
