/**
 * A document analysed in the page (pure): the same checks, preparation and evaluation as every
 * surface (core's checkDocument, prepare, evaluate, the engine's dynamics), so issues and figures
 * follow each keystroke with no round-trip to the server.
 */
import { checkDocument, evaluate, hasErrors, prepare, type Ecosystem, type Issue, type Overrides, type Prepared } from '../../../src/core/index.js';
import { prepareDynamics } from '../../../src/engine/index.js';

export interface Analysis {
  prepared: Prepared | undefined;
  /** Present when nothing found an error (warnings allowed). */
  ecosystem: Ecosystem | undefined;
  issues: Issue[];
}

/** Warnings that errors cause (a misspelt reference leaves a parameter unused): noise then. */
const NOISE_WHEN_INVALID = new Set<Issue['code']>(['unused-parameter', 'unused-record', 'unreached-transaction']);

export function analyse(data: unknown): Analysis {
  const checked = checkDocument(data);
  if (!checked.document) return { prepared: undefined, ecosystem: undefined, issues: quiet(checked.issues) };
  const prepared = prepare(checked.document, { dynamics: prepareDynamics });
  const evaluated = evaluate(prepared);
  const issues = quiet([...checked.issues, ...prepared.issues, ...evaluated.issues]);
  return { prepared, ecosystem: hasErrors(issues) ? undefined : evaluated.ecosystem, issues };
}

/** The figures again with other parameter values: what a slider step runs. */
export function reevaluate(prepared: Prepared, overrides: Overrides, recycle?: Ecosystem): Ecosystem | undefined {
  const evaluated = evaluate(prepared, overrides, recycle ? { recycle } : {});
  return hasErrors(evaluated.issues) ? undefined : evaluated.ecosystem;
}

function quiet(issues: Issue[]): Issue[] {
  return hasErrors(issues) ? issues.filter((i) => !NOISE_WHEN_INVALID.has(i.code)) : issues;
}
