/**
 * Problems found in a system-dynamics model, as data: a stable code, where it is (file, variable,
 * equation and offset inside it) and parameters that are names, numbers and sub-codes, never
 * prose. Messages are rendered from them by locale in src/i18n/issues/.
 */
import type { LimitName } from '../core/index.js';

/** Why an equation does not parse (see equation/lex.ts and parse.ts). */
export type EquationSyntaxFault =
  | {
      reason:
        | 'empty'
        | 'ends-early'
        | 'unclosed-comment'
        | 'unclosed-quote'
        | 'expected-element-name'
        | 'expected-name-after-dot'
        | 'expected-then'
        | 'expected-else'
        | 'expected-dimension-name';
    }
  | { reason: 'unexpected-character'; character: string }
  | { reason: 'unexpected-token'; token: 'number' | 'name' | 'operator' | 'end'; text: string }
  /** `open` is the 1-based character of the bracket left open. */
  | { reason: 'unclosed-call' | 'unclosed-subscript' | 'unclosed-bracket'; open: number };

/**
 * Why an equation is not read: a syntax fault, or a bound of core/limits.ts passed while reading
 * it (nesting depth, arguments of a call, tokens), which is the engine's `limit` issue.
 */
export type ParseFault = EquationSyntaxFault | ({ reason: 'limit' } & LimitParams);

/** The parameters of the `limit` issue: which bound, its value, and what was found. */
export type LimitParams = { limit: LimitName; max: number; found?: number };

/** Why a run cannot start with the options given (see simulate.ts). */
export type RunRefusal =
  | { reason: 'no-variable'; name: string }
  | { reason: 'dt'; dt: number }
  | { reason: 'stop-before-start'; start: number; stop: number }
  | { reason: 'too-many-steps'; steps: number; start: number; stop: number; dt: number; max: number }
  /** `delays`: pipeline delays whose input history is kept at each of `steps` steps. */
  | { reason: 'too-many-values'; series: number; saves: number; delays: number; steps: number; values: number; max: number }
  | { reason: 'input-not-finite'; name: string; value: number }
  | { reason: 'input-not-constant'; name: string }
  /** A compiled program takes only the inputs it was compiled with. */
  | { reason: 'not-an-input'; name: string };

/** The parameters of each engine issue code. */
export type EngineParamsByCode = {
  /** The file is not readable XML, or not XMILE; `xmlCode` is the XML validator's own code. */
  xml:
    | { reason: 'empty' | 'parse' | 'no-root' | 'no-model' }
    /** An element named __proto__, constructor or prototype, which no XMILE file has. */
    | { reason: 'reserved-tag'; tag: string; line: number; column: number }
    | { reason: 'unnamed'; kind: string }
    | { reason: 'malformed'; xmlCode: string; line: number; column?: number };
  /** `macro` (and `macroVariable`) when the equation is inside a macro. */
  'equation-syntax': EquationSyntaxFault & { macro?: string; macroVariable?: string };
  /** An equation reads a name that is no variable, dimension or element. */
  'unknown-name': { name: string };
  'unknown-function': { name: string };
  /** A builtin or macro called with the wrong number of arguments. */
  arity: { name: string; min: number; max?: number; found: number };
  /** Auxiliaries and flows that depend on each other without a stock between. */
  'algebraic-loop': { cycle: readonly string[]; when: 'start' | 'run' } | { cycle: readonly string[]; macro: string };
  /** A construct the engine does not handle (yet). */
  unsupported:
    | { reason: 'integration-method'; method: string }
    | { reason: 'module-without-model' | 'module-recursive'; module: string }
    | { reason: 'lookup-needs-table' }
    | { reason: 'no-graphical-function' | 'gf-without-input'; name: string }
    | { reason: 'builtin'; function: string }
    | { reason: 'macro-recursive'; macro: string };
  /** A subscript or array that does not fit the variable's dimensions. */
  dimension:
    | { reason: 'unknown-dimension'; dimension: string }
    /** `<dim size="…">` that is not a whole number of at least 1; `size` as written. */
    | { reason: 'size'; dimension: string; size: string }
    | { reason: 'flow-elements'; flow: string }
    | { reason: 'argument-sizes'; function: string }
    | { reason: 'operand-sizes'; operator: string }
    | { reason: 'delay-order-size' | 'branch-sizes' | 'subscript-size' }
    | { reason: 'many-values'; count: number }
    | { reason: 'subscript-count'; name: string; dimensions: number; subscripts: number }
    | { reason: 'no-counterpart'; element: string; from: string; to: string }
    | { reason: 'subscript-range'; index: number; dimension: string; size: number };
  'duplicate-name': { name: string };
  'missing-equation': { element?: string };
  /** Start, stop, dt or save step that cannot run. */
  'sim-specs':
    | { reason: 'not-a-number'; key: string; text: string }
    | { reason: 'start-stop' }
    | { reason: 'stop-before-start'; start: number; stop: number }
    | { reason: 'dt'; dt: number }
    | { reason: 'save-step'; saveStep: number };
  /** Points missing or of different lengths. */
  'graphical-function':
    | { reason: 'no-points' | 'no-x' }
    /** A point or a scale bound that is not a number; `text` is the list (or bound) as written. */
    | { reason: 'not-a-number'; tag: 'xpts' | 'ypts' | 'xscale' | 'yscale'; text: string }
    | { reason: 'length-mismatch'; xs: number; ys: number }
    | { reason: 'decreasing'; point: number };
  /** Something that must be known before the run (a DELAYN order, a range bound) is not. */
  'not-constant': { reason: 'delay-order' | 'range-bound' };
  /** Warning: a flow's units do not fit the stock it fills or drains. */
  units: { flow: string; flowUnits: string; stock: string; stockUnits: string; time: string };
  /** A variable became NaN or infinite during the run; `value` is 'NaN', 'Infinity' or '-Infinity'. */
  'not-finite': { label: string; time: number; value: string };
  /** The run cannot start with these options. */
  run: RunRefusal;
  /**
   * What a model document (`symbiose import`) cannot hold of an XMILE model; the XMILE file
   * still simulates as it is. `names` lists the variables (or modules, macros) concerned.
   */
  import:
    | { reason: 'modules' | 'macros' | 'element-graphical-functions' | 'stock-initials'; names: readonly string[] }
    | { reason: 'save-step'; saveStep: number; dt: number }
    /** A name the document format refuses as a key (`__proto__`), of a variable, dimension or element. */
    | { reason: 'reserved-name'; name: string };
  /** A bound of core/limits.ts passed, found before the work it bounds (`found` when counted). */
  limit: LimitParams;
};

export type EngineIssueCode = keyof EngineParamsByCode;

/** Every code, for tests that check each has a message in every language. */
export const ENGINE_ISSUE_CODES = [
  'xml', 'equation-syntax', 'unknown-name', 'unknown-function', 'arity', 'algebraic-loop', 'unsupported',
  'dimension', 'duplicate-name', 'missing-equation', 'sim-specs', 'graphical-function', 'not-constant', 'units',
  'not-finite', 'run', 'import', 'limit',
] as const satisfies readonly EngineIssueCode[];

export type EngineParamValue = string | number | readonly string[];

export type EngineSeverity = 'error' | 'warning';

export interface EngineIssue {
  code: EngineIssueCode;
  severity: EngineSeverity;
  /** The variable's name as written in the model, when the issue is about one. */
  variable?: string;
  /** The dimension's name as written, when the issue is about one (and no variable). */
  dimension?: string;
  /** The equation text the offset points into. */
  equation?: string;
  /** Offset of the faulty character inside `equation`. */
  offset?: number;
  file?: string;
  /** Read through EngineParamsByCode[code]; typed loosely so any code's can be read. */
  params: Readonly<Record<string, EngineParamValue | undefined>>;
}

export function engineIssue<C extends EngineIssueCode>(
  code: C,
  params: EngineParamsByCode[C],
  where: Pick<EngineIssue, 'variable' | 'dimension' | 'equation' | 'offset' | 'file'> = {},
  severity: EngineSeverity = 'error',
): EngineIssue {
  const out: EngineIssue = { code, severity, params };
  if (where.variable !== undefined) out.variable = where.variable;
  if (where.dimension !== undefined) out.dimension = where.dimension;
  if (where.equation !== undefined) out.equation = where.equation;
  if (where.offset !== undefined) out.offset = where.offset;
  if (where.file !== undefined) out.file = where.file;
  return out;
}

export function hasEngineErrors(issues: readonly EngineIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * The issue for an equation that was not read: the engine's `limit` when a bound was passed,
 * else `equation-syntax` (naming the macro, and its variable, the equation belongs to).
 */
export function parseFaultIssue(
  fault: ParseFault,
  where: Pick<EngineIssue, 'variable' | 'equation' | 'offset' | 'file'>,
  inMacro: { macro?: string; macroVariable?: string } = {},
): EngineIssue {
  if (fault.reason === 'limit') {
    const { reason: _, ...params } = fault;
    return engineIssue('limit', params, where);
  }
  return engineIssue('equation-syntax', { ...fault, ...inMacro }, where);
}
