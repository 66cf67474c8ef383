/**
 * Saved analysis results (a risk run, a sensitivity ranking), decided apart from any database
 * (pure): a result is kept with the model version it was run on and the settings it was run
 * with, and those settings are compared as a canonical text, so that the same run asked twice
 * (its keys in another order, an option left at undefined) is one saved result, the newer.
 */

/** The analyses whose results the workspace keeps. */
export const RESULT_KINDS = ['risk', 'sensitivity'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** The settings a result was run with: runs, seed, sampling, ranges, method… (JSON values). */
export type ResultSettings = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A result to keep. */
export interface NewResult {
  model: string;
  /** The version it was run on: it must exist. */
  version: number;
  kind: ResultKind;
  settings: ResultSettings;
  /** The analysis's answer, as the CLI's --json (any JSON value). */
  result: unknown;
}

/** A saved result without its figures: what a list shows. */
export interface ResultSummary {
  /** Its number in the workspace (a later run of the same key gets a new one). */
  id: number;
  model: string;
  version: number;
  kind: ResultKind;
  /** As kept: undefined settings dropped, keys sorted. */
  settings: Record<string, string | number | boolean | null>;
  savedAt: string;
}

export interface SavedResult extends ResultSummary {
  result: unknown;
}

/** The settings as kept: undefined dropped, keys in order. */
export function keptSettings(settings: ResultSettings): Record<string, string | number | boolean | null> {
  const kept: Record<string, string | number | boolean | null> = {};
  for (const key of Object.keys(settings).sort()) {
    const value = settings[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept;
}

/** The text two runs of the same settings share, whatever the order of their keys. */
export function settingsKey(settings: ResultSettings): string {
  return JSON.stringify(keptSettings(settings));
}
