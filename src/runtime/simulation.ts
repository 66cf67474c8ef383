/**
 * A model's dynamics made ready for one run, and a run as data: what `symbiose simulate` and
 * the API's simulate share. Pure; the run itself happens in an engine backend (a worker).
 */
import { hasErrors, loadModel, type LocatedIssue } from '../core/index.js';
import { compileDynamics, type Model, type Program, type RunResult, type SimSpecs } from '../engine/index.js';

/** What a run hands the engine: a model to compile, or a program compiled already. */
export interface Simulation {
  request: { model: Model } | { program: Program };
  name: string | undefined;
  specs: SimSpecs;
}

/**
 * A Symbiose model's text read for one run of its dynamics. The document is checked and its
 * dynamics compiled here, so their issues are placed in the text; its quantities, which would
 * need the dynamics run with the model's own options, are not worked out. No simulation (and
 * no error) means the model has no dynamics.
 */
export function modelSimulation(text: string, file: string, variant?: string, compiling?: () => void): { issues: LocatedIssue[]; simulation: Simulation | undefined } {
  let compiled: ReturnType<typeof compileDynamics> | undefined;
  const result = loadModel(text, file, {
    ...(variant !== undefined ? { variant } : {}),
    // The dynamics compiled, not prepared: without them the core works out no quantities.
    dynamics: (doc, constants) => {
      compiling?.();
      compiled = compileDynamics(doc, constants);
      return { dynamics: undefined, issues: compiled.issues };
    },
  });
  const issues = result.issues;
  if (hasErrors(issues) || !compiled?.program) return { issues, simulation: undefined };
  return { issues, simulation: { request: { program: compiled.program }, name: compiled.model.name, specs: compiled.model.specs } };
}

/** "a, b[x, y], c" → ["a", "b[x, y]", "c"]: commas inside brackets belong to a subscript. */
export function splitNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      names.push(current.trim());
      current = '';
    } else current += c;
  }
  names.push(current.trim());
  return names.filter(Boolean);
}

/** Largest series JSON gives (numbers); past it, CSV streams instead. */
export const MAX_JSON_VALUES = 20_000_000;

/** A run as JSON data: JSON has no NaN or infinity, so they are written as strings, not as null. */
export function seriesData(run: Pick<RunResult, 'times' | 'series'>): { times: number[]; series: Record<string, Array<number | string>> } {
  const value = (x: number) => (Number.isFinite(x) ? x : String(x));
  return { times: [...run.times], series: Object.fromEntries([...run.series].map(([k, v]) => [k, Array.from(v, value)])) };
}
