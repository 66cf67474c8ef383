/** English messages for engine issues, rendered from code and parameters. */
import type { EngineIssue, EngineIssueCode } from './issues.js';

type Params = EngineIssue['params'];

const MESSAGES: Record<EngineIssueCode, (p: Params) => string> = {
  xml: (p) => `cannot read the model: ${p.detail}`,
  'equation-syntax': (p) => `invalid equation: ${p.detail}`,
  'unknown-name': (p) => `unknown name "${p.name}"`,
  'unknown-function': (p) => `unknown function "${p.name}"`,
  arity: (p) => `${p.name} takes ${p.expected} argument(s), found ${p.found}`,
  'algebraic-loop': (p) => `algebraic loop (no stock on the way): ${p.cycle}`,
  unsupported: (p) => `not supported yet: ${p.detail}`,
  dimension: (p) => `${p.detail}`,
  'duplicate-name': (p) => `the name "${p.name}" is defined more than once`,
  'missing-equation': (p) => `no equation${p.element ? ` for element [${p.element}]` : ''}`,
  'sim-specs': (p) => `simulation specs: ${p.detail}`,
  'graphical-function': (p) => `graphical function: ${p.detail}`,
  'not-constant': (p) => `${p.detail} must be known at the start of the run`,
  units: (p) => `flow "${p.flow}" is in ${p.flowUnits} but stock "${p.stock}" is in ${p.stockUnits}: a flow into or out of it should be in ${p.stockUnits} per ${p.time}`,
};

/** One line: `file: variable "x": message (at character n of "eqn")`. */
export function renderEngineIssue(issue: EngineIssue): string {
  const where: string[] = [];
  if (issue.file) where.push(issue.file);
  if (issue.variable !== undefined) where.push(`variable "${issue.variable}"`);
  let text = MESSAGES[issue.code](issue.params);
  if (issue.equation !== undefined) {
    const at = issue.offset === undefined ? '' : ` at character ${issue.offset + 1}`;
    text += `${at} of equation "${issue.equation}"`;
  }
  return where.length > 0 ? `${where.join(': ')}: ${text}` : text;
}
