import type { UiKey } from '../i18n/index.js';
import type { NodeKind } from '../runtime/index.js';
import { t } from './lang.js';

/**
 * The CLI's errors and exit codes, in one place (README, "Conventions"). Commands throw these;
 * main.ts maps them to a message on stderr and an exit code, and anything else to a generic
 * message (no stack trace unless SYMBIOSE_DEBUG is set).
 */
export const EXIT = {
  ok: 0,
  /** The model has errors. */
  invalidModel: 1,
  /** Wrong command, option or argument; unreadable file; unknown actor; a file not overwritten without --force. */
  usage: 2,
  /** A bug: please report it. */
  internal: 3,
  /** The model is valid but a check asked for failed (validate --strict with warnings). */
  checkFailed: 4,
  /** The result could not be written: a closed pipe, a full disk, a target that cannot be written. */
  outputNotWritten: 5,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
  cancelled: 130,
} as const;

export class UsageError extends Error {}

/** The model was read and found invalid; its issues were already printed. */
export class InvalidModelError extends Error {}

/** Writing the result failed; `target` is the file, or undefined for standard output. */
export class OutputError extends Error {
  constructor(
    readonly target: string | undefined,
    /** The system's error code (EPIPE, ENOSPC…). */
    readonly code: string | undefined,
    /** What stands at `target` when it is not a regular file (never written to nor replaced). */
    readonly kind?: NodeKind,
  ) {
    super(`${target ?? 'standard output'}: ${code ?? kind ?? 'write failed'}`);
  }
}

const REASONS = ['EPIPE', 'ENOSPC', 'EACCES', 'EISDIR', 'EROFS', 'ENOENT'] as const;

/** "output not written: out.csv: no space left on the device", in the user's language. */
export function outputErrorMessage(error: OutputError): string {
  const target = error.target ?? t('output.standardOutput');
  if (error.kind !== undefined && error.code === undefined) {
    return t('output.notWritten', { target, reason: t('output.reason.notAFile', { kind: t(`output.kind.${error.kind}` as UiKey) }) });
  }
  const code = error.code === 'EPERM' ? 'EACCES' : error.code;
  const known = REASONS.find((r) => r === code);
  const reason = t(known ? (`output.reason.${known}` as UiKey) : 'output.reason.other', { code: code ?? '?' });
  return t('output.notWritten', { target, reason });
}
