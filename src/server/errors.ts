/**
 * The API's refusals, and the one place every error becomes an answer (style rule 7): the
 * store's named errors and our own ApiError to their status and words, in the request's
 * language; anything else to a 500 that names a reference to the server's log, never internals.
 */
import { issue, LIMITS, type Issue, type LocatedIssue } from '../core/index.js';
import { issueMessage, text, type Locale, type Params, type UiKey } from '../i18n/index.js';
import type { EngineIssue } from '../engine/index.js';
import { ChangesRefused, InvalidModel, Outdated, StoreError } from '../store/index.js';
import { renderEngineIssues, renderIssues, withWords } from './issues.js';

/** A refusal of the API: its status, a stable code, its words by key, and what it carries. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: UiKey,
    readonly params: Params = {},
    readonly issues: readonly (Issue | LocatedIssue)[] = [],
    readonly engineIssues: readonly EngineIssue[] = [],
  ) {
    super(code);
  }
}

/** The store's refusals by code. */
const STORE_STATUS: Record<string, number> = {
  'model-not-found': 404,
  'version-not-found': 404,
  'model-exists': 409,
  'invalid-model-id': 422,
  'invalid-model': 422,
  outdated: 409,
  'changes-refused': 422,
  'nothing-to-undo': 409,
  'nothing-to-redo': 409,
  'result-not-found': 404,
};

export interface ErrorBody {
  error: { code: string; message: string; issues?: unknown[]; since?: unknown[] };
}

export interface Answer {
  status: number;
  body: ErrorBody;
}

/** What to answer for `error`; `internal` is called (to log it) when it is not one of ours. */
export function errorAnswer(error: unknown, locale: Locale, internal: (error: unknown) => string): Answer {
  if (error instanceof ApiError) {
    const issues = [...renderIssues(error.issues, locale), ...renderEngineIssues(error.engineIssues, locale)];
    return answer(error.status, error.code, text(locale, error.key, error.params), issues);
  }
  if (error instanceof StoreError) {
    const message = text(locale, `store.${error.code}` as UiKey, error.params);
    const status = STORE_STATUS[error.code] ?? 400;
    if (error instanceof Outdated) {
      return { status, body: { error: { code: error.code, message, since: error.since.map((v) => withWords(v, locale)) } } };
    }
    const issues = error instanceof ChangesRefused || error instanceof InvalidModel ? renderIssues(error.issues, locale) : [];
    return answer(status, error.code, message, issues);
  }
  const reference = internal(error);
  return answer(500, 'internal', text(locale, 'server.internal', { reference }), []);
}

function answer(status: number, code: string, message: string, issues: unknown[]): Answer {
  return { status, body: { error: { code, message, ...(issues.length > 0 ? { issues } : {}) } } };
}

/** The 413 past LIMITS.fileBytes, in the words of the `limit` issue. */
export function tooLarge(locale: Locale): Answer {
  const found = issue('limit', [], { limit: 'fileBytes', max: LIMITS.fileBytes });
  return answer(413, 'limit', text(locale, 'server.too-large', { reason: issueMessage(found, locale) }), renderIssues([found], locale));
}
