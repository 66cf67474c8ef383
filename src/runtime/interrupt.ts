/**
 * Ctrl-C for the whole process, heard from its first moment. A command that can stop cleanly
 * takes the signal (interruptSignal) and stops on it itself, saying so. Until a command starts,
 * Ctrl-C prints the cancelled message and exits 130; a command that does not take the signal
 * gets the default back (releaseInterrupt), so Ctrl-C ends it at once even inside synchronous
 * work, such as a read of standard input.
 *
 * A handler runs only when the main thread is free: long work belongs in a worker (the engine
 * backend) or in chunks that yield, or Ctrl-C waits for it.
 */
// No import: the command's entry point loads this module first, so Ctrl-C is heard while the
// rest of the program is still loading.

/** 128 + SIGINT, as shells report a process stopped by Ctrl-C. */
export const CANCELLED_EXIT = 130;

const controller = new AbortController();
let taken = false;
let listening = false;
let handler: (() => void) | undefined;

/**
 * Installs the Ctrl-C handler (once). `message` gives the line to print when no command took
 * the signal. A second Ctrl-C exits at once, whoever took the first.
 */
export function listenForInterrupt(message: () => string | Promise<string>): void {
  if (listening) return;
  listening = true;
  handler = () => {
    if (!controller.signal.aborted && taken) {
      controller.abort();
      return;
    }
    void Promise.resolve(message()).then((line) => {
      process.stderr.write(line);
      process.exit(CANCELLED_EXIT);
    });
  };
  process.on('SIGINT', handler);
}

/** Gives Ctrl-C its default back (the process ends at once), unless a command took the signal. */
export function releaseInterrupt(): void {
  if (!handler || taken) return;
  process.off('SIGINT', handler);
  handler = undefined;
}

/** Whether a command took Ctrl-C (it stops on the signal and cleans up itself). */
export function interruptTaken(): boolean {
  return taken;
}

/** The signal Ctrl-C aborts. Taking it means the caller stops on it and reports the cancel. */
export function interruptSignal(): AbortSignal {
  taken = true;
  return controller.signal;
}
