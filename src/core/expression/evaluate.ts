/**
 * Evaluation of expression trees over a table of named numbers. Booleans are numbers (1 true, 0
 * false), as in spreadsheets and system-dynamics tools.
 */
import type { ArityParams, EvaluationFault } from '../issues.js';
import type { Expr } from './ast.js';

/** Why and where an expression has no value; the message is rendered from `fault` (src/i18n). */
export class EvaluationError extends Error {
  constructor(
    readonly fault: EvaluationFault,
    readonly offset: number,
  ) {
    super(`evaluation: ${fault.reason} at ${offset}`);
  }
}

export interface FunctionSpec {
  /** Allowed argument counts: exact, or [min, max] with max Infinity for variadic. */
  arity: number | [number, number];
  apply: (args: number[]) => number;
  /** What the function expects of its arguments, checked before applying it: the fault, if any. */
  domain?: (args: number[]) => EvaluationFault | undefined;
}

/** The functions a model expression may call. `if` is lazy and handled in {@link evaluate}. */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  min: { arity: [1, Infinity], apply: (a) => Math.min(...a) },
  max: { arity: [1, Infinity], apply: (a) => Math.max(...a) },
  abs: { arity: 1, apply: ([x]) => Math.abs(x!) },
  floor: { arity: 1, apply: ([x]) => Math.floor(x!) },
  ceil: { arity: 1, apply: ([x]) => Math.ceil(x!) },
  round: {
    arity: [1, 2],
    // Half away from zero, to `digits` decimals: what people expect of money.
    apply: ([x, digits = 0]) => {
      const scale = 10 ** digits;
      return (Math.sign(x!) * Math.round(Math.abs(x!) * scale)) / scale;
    },
  },
  sqrt: { arity: 1, apply: ([x]) => Math.sqrt(x!), domain: ([x]) => (x! < 0 ? { reason: 'domain', function: 'sqrt', value: x! } : undefined) },
  exp: { arity: 1, apply: ([x]) => Math.exp(x!) },
  ln: { arity: 1, apply: ([x]) => Math.log(x!), domain: ([x]) => (x! <= 0 ? { reason: 'domain', function: 'ln', value: x! } : undefined) },
  log10: { arity: 1, apply: ([x]) => Math.log10(x!), domain: ([x]) => (x! <= 0 ? { reason: 'domain', function: 'log10', value: x! } : undefined) },
  pow: { arity: 2, apply: ([x, y]) => x! ** y! },
  clamp: { arity: 3, apply: ([x, lo, hi]) => Math.min(Math.max(x!, lo!), hi!) },
  if: { arity: 3, apply: ([c, a, b]) => (c !== 0 ? a! : b!) },
};

/** The function a name calls, if any: own keys only, so `constructor` is no function. */
export function functionSpec(name: string): FunctionSpec | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

/** The arity fault of calling `name` with `count` arguments, if it is one (no `max`: variadic). */
export function arityFault(name: string, count: number): ArityParams | undefined {
  const spec = functionSpec(name);
  if (!spec) return undefined;
  const [min, max] = typeof spec.arity === 'number' ? [spec.arity, spec.arity] : spec.arity;
  if (count >= min && count <= max) return undefined;
  return max === Infinity ? { name, min, found: count } : { name, min, max, found: count };
}

export type Scope = (name: string) => number | undefined;

export function evaluate(expr: Expr, scope: Scope): number {
  return finite(evaluateNode(expr, scope), expr.at);
}

/*
 * The faults and operations below are shared with the compiled form (compile.ts), so that both
 * ways of evaluating a tree do the same operations in the same order and raise the same errors.
 */

/** An expression's result, refused when it is not a finite number. */
export function finite(value: number, at: number): number {
  if (!Number.isFinite(value)) throw new EvaluationError({ reason: 'not-finite', value: String(value) }, at);
  return value;
}

export function unknownName(name: string, at: number): EvaluationError {
  return new EvaluationError({ reason: 'unknown-name', name }, at);
}

/** A binary operator other than the short-circuit `&&` and `||`. */
export function arithmetic(op: string, left: number, right: number, at: number): number {
  switch (op) {
    case '+': return left + right;
    case '-': return left - right;
    case '*': return left * right;
    case '/':
    case '%':
      if (right === 0) throw new EvaluationError({ reason: 'division-by-zero' }, at);
      return op === '/' ? left / right : left % right;
    case '^': {
      const value = left ** right;
      if (Number.isNaN(value)) throw new EvaluationError({ reason: 'not-real', base: left, exponent: right }, at);
      return value;
    }
    case '==': return Number(left === right);
    case '!=': return Number(left !== right);
    case '<': return Number(left < right);
    case '<=': return Number(left <= right);
    case '>': return Number(left > right);
    case '>=': return Number(left >= right);
  }
  throw new EvaluationError({ reason: 'unknown-operator', operator: op }, at);
}

export function unary(op: string, x: number): number {
  return op === '-' ? -x : op === '!' ? Number(x === 0) : x;
}

/** The spec of a call that evaluation may run: known function, right number of arguments. */
export function callable(name: string, count: number, at: number): FunctionSpec {
  const spec = functionSpec(name);
  if (!spec) throw new EvaluationError({ reason: 'unknown-function', name }, at);
  const wrongArity = arityFault(name, count);
  if (wrongArity) throw new EvaluationError({ reason: 'arity', ...wrongArity }, at);
  return spec;
}

/** A function applied to its evaluated arguments, after its domain check. */
export function apply(spec: FunctionSpec, args: number[], at: number): number {
  const fault = spec.domain?.(args);
  if (fault) throw new EvaluationError(fault, at);
  return spec.apply(args);
}

function evaluateNode(expr: Expr, scope: Scope): number {
  switch (expr.type) {
    case 'number':
      return expr.value;
    case 'name': {
      const value = scope(expr.name);
      // NaN is no value either: that of a quantity whose failure was reported where it failed.
      if (value === undefined || Number.isNaN(value)) throw unknownName(expr.name, expr.at);
      return value;
    }
    case 'unary':
      return unary(expr.op, evaluateNode(expr.operand, scope));
    case 'binary': {
      const left = evaluateNode(expr.left, scope);
      // Logical operators short-circuit, so `d != 0 and x / d > 1` is safe.
      if (expr.op === '&&') return left !== 0 ? Number(evaluateNode(expr.right, scope) !== 0) : 0;
      if (expr.op === '||') return left !== 0 ? 1 : Number(evaluateNode(expr.right, scope) !== 0);
      return arithmetic(expr.op, left, evaluateNode(expr.right, scope), expr.at);
    }
    case 'call': {
      const spec = callable(expr.name, expr.args.length, expr.at);
      if (expr.name === 'if') {
        // Only the chosen branch is evaluated, so `if(n > 0, total / n, 0)` never divides by zero.
        const [condition, then, otherwise] = expr.args as [Expr, Expr, Expr];
        return evaluateNode(evaluateNode(condition, scope) !== 0 ? then : otherwise, scope);
      }
      return apply(spec, expr.args.map((arg) => evaluateNode(arg, scope)), expr.at);
    }
  }
}
