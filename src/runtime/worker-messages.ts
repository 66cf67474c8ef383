/**
 * What the engine worker and the thread that started it say to each other. Errors cross as data
 * and come back as the same classes, so a caller cannot tell which backend ran.
 */
import { CancelledError, ModelRefusedError, SimulationError, type RunProgress, type RunResult } from '../engine/index.js';

export type WorkerReply =
  | { kind: 'progress'; progress: RunProgress }
  | { kind: 'done'; result: Omit<RunResult, 'series'> & { series: Array<[string, Float64Array]> } }
  | { kind: 'failed'; error: SentError };

/** The engine's errors a caller may tell apart; anything else is an internal error. */
const KNOWN = { SimulationError, ModelRefusedError, CancelledError } as const;
type KnownName = keyof typeof KNOWN;

export interface SentError {
  name: KnownName | 'Error';
  message: string;
  stack?: string;
  /** The error's own fields (a SimulationError's detail, a ModelRefusedError's issues). */
  fields: Record<string, unknown>;
}

export function sendError(error: unknown): SentError {
  const name = (Object.keys(KNOWN) as KnownName[]).find((n) => error instanceof KNOWN[n]) ?? 'Error';
  const e = error instanceof Error ? error : new Error(String(error));
  return { name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}), fields: name === 'Error' ? {} : { ...e } };
}

/** The error as its own class again, fields and all, without calling its constructor. */
export function receivedError(sent: SentError): Error {
  const error: Error = sent.name === 'Error' ? new Error(sent.message) : Object.assign(Object.create(KNOWN[sent.name].prototype) as Error, sent.fields);
  Object.defineProperty(error, 'message', { value: sent.message, writable: true, configurable: true });
  if (sent.stack !== undefined) Object.defineProperty(error, 'stack', { value: sent.stack, writable: true, configurable: true });
  return error;
}
