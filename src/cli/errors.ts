/**
 * The CLI's errors and exit codes, in one place. Commands throw these; main.ts maps them to a
 * message on stderr and an exit code, and anything else to a generic message (no stack trace
 * unless SYMBIOSE_DEBUG is set).
 */
export const EXIT = {
  ok: 0,
  /** The model has errors. */
  invalidModel: 1,
  /** Wrong command, option or argument; unreadable file; unknown actor. */
  usage: 2,
  /** A bug: please report it. */
  internal: 3,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
  cancelled: 130,
} as const;

export class UsageError extends Error {}

/** The model was read and found invalid; its issues were already printed. */
export class InvalidModelError extends Error {}
