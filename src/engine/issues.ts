/**
 * Problems found in a system-dynamics model, as data: a stable code, where it is (file, variable,
 * equation and offset inside it) and parameters. English text is rendered in messages.ts.
 */
export type EngineIssueCode =
  | 'xml' // the file is not readable XML, or not XMILE
  | 'equation-syntax'
  | 'unknown-name' // an equation reads a name that is no variable, dimension or element
  | 'unknown-function'
  | 'arity' // a builtin called with the wrong number of arguments
  | 'algebraic-loop' // auxiliaries and flows that depend on each other without a stock between
  | 'unsupported' // a construct the engine does not handle yet (modules, macros, `.` qualifiers…)
  | 'dimension' // a subscript that does not fit the variable's dimensions
  | 'duplicate-name'
  | 'missing-equation'
  | 'sim-specs' // start, stop, dt or save step that cannot run
  | 'graphical-function' // points missing or of different lengths
  | 'not-constant' // an argument that must be known before the run (DELAYN order) is not
  | 'units'; // warning: a flow's units do not fit the stock it fills or drains

export type EngineSeverity = 'error' | 'warning';

export interface EngineIssue {
  code: EngineIssueCode;
  severity: EngineSeverity;
  /** The variable's name as written in the model, when the issue is about one. */
  variable?: string;
  /** The equation text the offset points into. */
  equation?: string;
  /** Offset of the faulty character inside `equation`. */
  offset?: number;
  file?: string;
  params: Record<string, string | number>;
}

export function engineIssue(
  code: EngineIssueCode,
  params: EngineIssue['params'],
  where: Pick<EngineIssue, 'variable' | 'equation' | 'offset' | 'file'> = {},
  severity: EngineSeverity = 'error',
): EngineIssue {
  const out: EngineIssue = { code, severity, params };
  if (where.variable !== undefined) out.variable = where.variable;
  if (where.equation !== undefined) out.equation = where.equation;
  if (where.offset !== undefined) out.offset = where.offset;
  if (where.file !== undefined) out.file = where.file;
  return out;
}

export function hasEngineErrors(issues: readonly EngineIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
