/**
 * The HTTP API as the studio calls it: one function per route of the contract, JSON in and out.
 * A refusal is an ApiError carrying the API's own error (code, message in the chosen language,
 * located issues, and for an outdated save the versions saved meanwhile).
 */
import type { Change, Issue, ModelDocument, Text } from '../../src/core/index.js';
import type { Locale } from '../../src/i18n/index.js';
import type { FeedbackView } from '../../src/tables/index.js';

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
/** A job of the API (a risk or sensitivity run): its progress, then its result. */
export interface JobView<R = unknown> {
  id: string;
  kind: 'risk' | 'sensitivity';
  model: string;
  version: number;
  settings?: Record<string, string | number | boolean | null>;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  progress: { done: number; total: number };
  result?: R;
  saved?: number;
  reference?: string;
}
export interface RiskSettings {
  runs: number;
  seed: number;
  sampling: 'mc' | 'lhs' | 'sobol';
  ranges: boolean;
  /** mc and sobol: stop once the probabilities have this standard error (as symbiose risk --precision). */
  precision?: number;
}
export interface SavedResults {
  model: string;
  latest: number;
  results: Array<{ id: number; model: string; version: number; kind: 'risk' | 'sensitivity'; settings: Record<string, string | number | boolean | null>; savedAt: string; stale: boolean }>;
}
export type SavedResult = SavedResults['results'][number] & { latest: number; result: unknown };
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
    // Risk and sensitivity jobs, and the results the workspace keeps (the Risk tab).
    startRisk: (id: string, version: number, settings: RiskSettings) => call<JobView>(locale, 'POST', `${model(id)}/risk`, { version, ...settings }),
    startSensitivity: (id: string, version: number, options: { method?: string; seed?: number; runs?: number }) => call<JobView>(locale, 'POST', `${model(id)}/sensitivity`, { version, ...options }),
    runningJobs: (id: string) => call<JobView[]>(locale, 'GET', `${model(id)}/jobs`),
    job: (job: string) => call<JobView>(locale, 'GET', `/jobs/${encodeURIComponent(job)}`),
    cancelJob: (job: string) => call<JobView>(locale, 'DELETE', `/jobs/${encodeURIComponent(job)}`),
    results: (id: string) => call<SavedResults>(locale, 'GET', `${model(id)}/results`),
    result: (id: string, result: number) => call<SavedResult>(locale, 'GET', `${model(id)}/results/${result}`),
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
    /** The cycles of value and, with dynamics, the feedback loops and their dominance (GET …/analyses/loops). */
    loops: (id: string, version: number) => call<LoopsAnswer>(locale, 'GET', `${model(id)}/analyses/loops?version=${version}`),
    importFile: (format: 'xmile' | 'yaml' | 'json', text: string) => call<Version>(locale, 'POST', `/import?format=${format}`, undefined, text),
  };
}
export type Api = ReturnType<typeof api>;

/** What GET …/analyses/loops answers of the feedback loops (symbiose loops --json; null without dynamics). */
export interface LoopsAnswer {
  feedback: FeedbackView | null;
}
