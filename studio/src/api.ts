/**
 * The HTTP API as the studio calls it: one function per route of the contract, JSON in and out.
 * A refusal is an ApiError carrying the API's own error (code, message in the chosen language,
 * located issues, and for an outdated save the versions saved meanwhile).
 */
import type { Change, Issue, ModelDocument, Text } from '../../src/core/index.js';
import type { Locale } from '../../src/i18n/index.js';

export interface VersionSummary {
  number: number;
  kind: 'create' | 'save' | 'undo' | 'redo' | 'restore';
  of: number | null;
  changes: Change[];
  savedAt: string;
}
export interface Version extends VersionSummary {
  model: string;
  document: ModelDocument;
  text: string;
  format: 'yaml' | 'json';
  inverse: Change[];
}
export interface Written {
  version: Version;
  issues: Issue[];
}
export interface ModelSummary {
  id: string;
  name: string;
  label: string | null;
  latest: number;
  updatedAt: string;
}
export interface History {
  versions: VersionSummary[];
  undo: number | null;
  redo: number | null;
}
export interface LibraryAssumption {
  name?: string;
  value?: number | string;
  unit?: string;
  source?: string;
  assumption?: Text;
  range?: [number, number];
}
export interface LibraryEntry {
  id: string;
  name: string;
  label?: string | null;
  description?: Text;
  sources?: string[];
  assumptions?: Array<LibraryAssumption | Text>;
  /** Each parameter's source or assumption (analyses' provenance), as the server's cards give it. */
  provenance?: { parameters?: LibraryAssumption[] };
}
export interface ApiErrorBody {
  code: string;
  message: string;
  issues?: Issue[];
  since?: VersionSummary[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

/** The API's address: the page's own origin (the same server serves both). */
const BASE = '/api';

export async function call<T>(locale: Locale, method: string, path: string, body?: unknown, raw?: string): Promise<T> {
  const separator = path.includes('?') ? '&' : '?';
  const init: RequestInit = { method, headers: { Accept: 'application/json' } };
  if (raw !== undefined) init.body = raw;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
  }
  const response = await fetch(`${BASE}${path}${separator}lang=${locale}`, init);
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (data as { error?: ApiErrorBody } | undefined)?.error;
    throw new ApiError(response.status, error ?? { code: 'http', message: `${response.status} ${response.statusText}` });
  }
  return data as T;
}

const model = (id: string) => `/models/${encodeURIComponent(id)}`;

export function api(locale: Locale) {
  return {
    library: () => call<LibraryEntry[]>(locale, 'GET', '/library'),
    copyFromLibrary: (id: string) => call<Version>(locale, 'POST', `/library/${encodeURIComponent(id)}/copy`),
    models: () => call<ModelSummary[]>(locale, 'GET', '/models'),
    create: (document: unknown) => call<Version>(locale, 'POST', '/models', { document }),
    read: (id: string, version?: number) => call<Version>(locale, 'GET', `${model(id)}${version === undefined ? '' : `?version=${version}`}`),
    save: (id: string, basedOn: number, changes: Change[]) => call<Written>(locale, 'PUT', model(id), { basedOn, changes }),
    remove: (id: string) => call<void>(locale, 'DELETE', model(id)),
    history: (id: string) => call<History>(locale, 'GET', `${model(id)}/history`),
    undo: (id: string, basedOn: number) => call<Written>(locale, 'POST', `${model(id)}/undo`, { basedOn }),
    redo: (id: string, basedOn: number) => call<Written>(locale, 'POST', `${model(id)}/redo`, { basedOn }),
    restore: (id: string, basedOn: number, version: number) => call<Written>(locale, 'POST', `${model(id)}/restore`, { basedOn, version }),
    compare: (id: string, from: number, to: number) => call<{ changes: Change[]; words: string[] }>(locale, 'GET', `${model(id)}/compare?from=${from}&to=${to}`),
    importFile: (format: 'xmile' | 'yaml' | 'json', text: string) => call<Version>(locale, 'POST', `/import?format=${format}`, undefined, text),
  };
}
export type Api = ReturnType<typeof api>;
