/**
 * Checked tree → JavaScript expression text. What is emitted comes from three sources only: fixed
 * text written here, integers (slot and table numbers, sizes) checked to be safe integers, and
 * numbers checked to be numbers and printed by `String(Number)`. A name, an equation or any other
 * model text cannot reach the output, because the tree holds none.
 *
 * Every integer and every constant passes through an Env, so one walk serves three purposes:
 * printing a statement, recording its shape (integers as `#`, constants as `@`) to find runs of
 * statements that differ only by evenly spaced integers, and printing the body of such a run as
 * a loop over `k`.
 */
import type { Expr } from '../compile/expr.js';
import { FUNCTIONS } from '../compile/functions.js';

export interface Env {
  /** An index (slot, table number, base of a dynamic read) as text. */
  index(value: number): string;
  /** A read of one slot as text, when not `s[index]` (a local holding it). */
  read?: (slot: number) => string;
  /** A number constant of the model as text. */
  constant(value: number): string;
  /** Statements that must run before the expression (folds, branches), in order. */
  pre: string[];
  /** Next temporary's number, shared by the envs of one generated function so names never clash. */
  temps: { next: number };
}

/** Fewest elements a fold or a run of statements needs before it becomes a loop. */
export const MIN_RUN = 4;
/** Folds over at most this many elements are written inline as one expression. */
const INLINE_FOLD = 8;

/** A safe, non-negative integer as decimal text. */
export function int(n: number): string {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new TypeError('an index in generated code must be a whole number');
  return String(n);
}

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;

/** A number as a JavaScript literal that reads back to the same bits. */
export function literal(x: number): string {
  if (typeof x !== 'number') throw new TypeError('a constant in generated code must be a number');
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  if (Object.is(x, -0)) return '(-0)';
  const text = String(x);
  if (!DECIMAL.test(text)) throw new TypeError('a constant in generated code must print as a decimal number');
  return x < 0 ? `(${text})` : text;
}

/** Identifier of a function of numbers: a fixed prefix and a key of FUNCTIONS. */
export function functionIdentifier(name: string): string {
  if (!Object.hasOwn(FUNCTIONS, name) || !/^[a-z0-9]+$/.test(name)) throw new TypeError('unknown function in a checked tree');
  return `fn_${name}`;
}

export interface Shape {
  /** The statement's text with integers as `#` and constants as `@`. */
  sig: string;
  holes: number[];
  consts: number[];
}

/** Records the shape of an expression: equal shapes differ only by integers and constants. */
export function shapeOf(e: Expr): Shape & { pre: number } {
  const holes: number[] = [];
  const consts: number[] = [];
  const env: Env = {
    index: (v) => (holes.push(v), '#'),
    constant: (v) => (consts.push(v), '@'),
    pre: [],
    temps: { next: 0 },
  };
  const text = emit(e, env);
  return { sig: `${env.pre.join(' ')}|${text}`, holes, consts, pre: env.pre.length };
}

/** Per-position step between the integers of consecutive shapes, when they are evenly spaced. */
export function evenSteps(shapes: readonly Shape[]): number[] | undefined {
  const first = shapes[0]!;
  const second = shapes[1];
  if (!second) return first.holes.map(() => 0);
  const steps = first.holes.map((h, i) => second.holes[i]! - h);
  for (let m = 2; m < shapes.length; m++) {
    const holes = shapes[m]!.holes;
    for (let i = 0; i < steps.length; i++) if (holes[i] !== first.holes[i]! + m * steps[i]!) return undefined;
  }
  return steps;
}

/** `base + step·variable` as text. */
export function affine(base: string, step: number, variable: string): string {
  if (step === 0) return base;
  if (step === 1) return `${base} + ${variable}`;
  return step > 0 ? `${base} + ${int(step)} * ${variable}` : `${base} - ${int(-step)} * ${variable}`;
}

export function emit(e: Expr, env: Env): string {
  switch (e.k) {
    case 'num':
      return env.constant(e.value);
    case 'slot':
      return env.read ? env.read(e.slot) : `s[${env.index(e.slot)}]`;
    case 'neg':
      return `(-${emit(e.a, env)})`;
    case 'not':
      return `(${emit(e.a, env)} === 0 ? 1 : 0)`;
    case 'bin': {
      const a = emit(e.a, env);
      // The right side of AND/OR is computed first, whatever the left side: see eager().
      const b = e.op === 'and' || e.op === 'or' ? eager(e.b, emit(e.b, env), env) : emit(e.b, env);
      return binary(e.op, a, b);
    }
    case 'if': {
      const c = condition(e.c, env);
      const a = eager(e.a, emit(e.a, env), env);
      const b = eager(e.b, emit(e.b, env), env);
      return `(${c} ? ${a} : ${b})`;
    }
    case 'fn': {
      const name = functionIdentifier(e.fn);
      return `${name}(${e.args.map((a) => emit(a, env)).join(', ')})`;
    }
    case 'table': {
      const table = env.index(e.table);
      return `lookup(T[${table}], ${emit(e.x, env)})`;
    }
    case 'dyn': {
      const base = env.index(e.base);
      const parts = e.parts.map((p) => `${emit(p.index, env)}, ${int(p.stride)}, ${int(p.size)}`);
      return parts.length === 1 ? `rd1(s, ${base}, ${parts[0]})` : `rdn(s, ${base}, ${parts.join(', ')})`;
    }
    case 'fold':
      return fold(e.fn, e.args, env);
  }
}

const COMPARISONS: Partial<Record<Extract<Expr, { k: 'bin' }>['op'], string>> = {
  '=': '===', '<>': '!==', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
};

/**
 * An IF condition as a JavaScript boolean: a comparison directly, anything else as `!== 0`. The
 * same truth as testing the 1 or 0 a comparison gives (NaN compares false either way).
 */
function condition(e: Expr, env: Env): string {
  if (e.k === 'bin') {
    const op = COMPARISONS[e.op];
    if (op) return `(${emit(e.a, env)} ${op} ${emit(e.b, env)})`;
  }
  return `(${emit(e, env)} !== 0)`;
}

/**
 * A branch's value computed before the branch is chosen. Trees have no side effects, so this
 * changes no result; it keeps every read of the slot array running from the first step, so V8
 * has seen each one before it optimises and never deoptimises on a branch taken late.
 */
function eager(e: Expr, text: string, env: Env): string {
  if (e.k === 'num') return text;
  const name = `t${env.temps.next++}`;
  env.pre.push(`const ${name} = ${text};`);
  return name;
}

function binary(op: Extract<Expr, { k: 'bin' }>['op'], a: string, b: string): string {
  switch (op) {
    case '+': return `(${a} + ${b})`;
    case '-': return `(${a} - ${b})`;
    case '*': return `(${a} * ${b})`;
    case '/': return `(${a} / ${b})`;
    case '^': return `fn_pow(${a}, ${b})`;
    case 'mod': return `(${a} % ${b})`;
    case '=': return `(${a} === ${b} ? 1 : 0)`;
    case '<>': return `(${a} !== ${b} ? 1 : 0)`;
    case '<': return `(${a} < ${b} ? 1 : 0)`;
    case '<=': return `(${a} <= ${b} ? 1 : 0)`;
    case '>': return `(${a} > ${b} ? 1 : 0)`;
    case '>=': return `(${a} >= ${b} ? 1 : 0)`;
    // Short-circuit, as the closures do.
    case 'and': return `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`;
    case 'or': return `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
    default: throw new TypeError('unknown operator in a checked tree');
  }
}

type FoldName = Extract<Expr, { k: 'fold' }>['fn'];

/**
 * A fold, with the arithmetic of compile/functions.ts FOLDS step for step: sum from 0, product
 * from 1, mean as sum / n, min and max from the first element, STDDEV from the mean.
 */
function fold(fn: FoldName, args: readonly Expr[], env: Env): string {
  const n = args.length;
  if (n === 0) return fn === 'sum' ? '0' : fn === 'prod' ? '1' : 'NaN';
  const shapes = n >= MIN_RUN ? args.map(shapeOf) : [];
  const steps = shapes.length > 0 && sameShape(shapes) ? evenSteps(shapes) : undefined;
  if (steps) return foldLoop(fn, args[0]!, steps, n, env);
  const temp = () => `t${env.temps.next++}`;
  if (n <= INLINE_FOLD && fn !== 'stddev') {
    const xs = args.map((a) => emit(a, env));
    if (fn === 'min' || fn === 'max') return xs.slice(1).reduce((acc, x) => `${functionIdentifier(fn)}(${acc}, ${x})`, xs[0]!);
    const start = fn === 'prod' ? '1' : '0';
    const op = fn === 'prod' ? '*' : '+';
    const total = xs.reduce((acc, x) => `(${acc} ${op} ${x})`, start);
    return fn === 'mean' ? `(${total} / ${int(n)})` : total;
  }
  // Many elements that are not evenly spaced: one statement per element.
  const acc = temp();
  if (fn === 'min' || fn === 'max') {
    env.pre.push(`let ${acc} = ${emit(args[0]!, env)};`);
    for (const a of args.slice(1)) {
      const x = emit(a, env);
      env.pre.push(`${acc} = ${functionIdentifier(fn)}(${acc}, ${x});`);
    }
    return acc;
  }
  if (fn === 'stddev') {
    const values = args.map((a) => {
      const v = temp();
      const x = emit(a, env);
      env.pre.push(`const ${v} = ${x};`);
      return v;
    });
    env.pre.push(`let ${acc} = 0;`, ...values.map((v) => `${acc} = ${acc} + ${v};`), `${acc} = ${acc} / ${int(n)};`);
    const sq = temp();
    env.pre.push(`let ${sq} = 0;`, ...values.map((v) => `${sq} = ${sq} + (${v} - ${acc}) * (${v} - ${acc});`));
    return `fn_sqrt(${sq} / ${int(n)})`;
  }
  const op = fn === 'prod' ? '*' : '+';
  env.pre.push(`let ${acc} = ${fn === 'prod' ? '1' : '0'};`);
  for (const a of args) {
    const x = emit(a, env);
    env.pre.push(`${acc} = ${acc} ${op} ${x};`);
  }
  return fn === 'mean' ? `(${acc} / ${int(n)})` : acc;
}

/** Elements of one shape, without temporaries, with the same constants. */
function sameShape(shapes: ReadonlyArray<Shape & { pre: number }>): boolean {
  const first = shapes[0]!;
  return shapes.every(
    (s) => s.pre === 0 && s.sig === first.sig && s.consts.every((c, i) => Object.is(c, first.consts[i])),
  );
}

/** A fold over evenly spaced elements: a loop over `m`, the first element's tree as its body. */
function foldLoop(fn: FoldName, body: Expr, steps: readonly number[], n: number, env: Env): string {
  const acc = `t${env.temps.next++}`;
  const m = `m${env.temps.next++}`;
  const element = (): string => {
    let i = 0;
    const inner: Env = {
      index: (v) => affine(env.index(v), steps[i++]!, m),
      constant: (v) => env.constant(v),
      pre: env.pre,
      temps: env.temps,
    };
    return emit(body, inner);
  };
  const loop = (text: string) => `for (let ${m} = 0; ${m} < ${int(n)}; ${m}++) { ${text} }`;
  switch (fn) {
    case 'sum':
    case 'mean':
      env.pre.push(`let ${acc} = 0;`, loop(`${acc} = ${acc} + ${element()};`));
      return fn === 'mean' ? `(${acc} / ${int(n)})` : acc;
    case 'prod':
      env.pre.push(`let ${acc} = 1;`, loop(`${acc} = ${acc} * ${element()};`));
      return acc;
    case 'min':
    case 'max': {
      const x = `t${env.temps.next++}`;
      env.pre.push(`let ${acc} = 0;`, loop(`const ${x} = ${element()}; ${acc} = ${m} === 0 ? ${x} : ${functionIdentifier(fn)}(${acc}, ${x});`));
      return acc;
    }
    case 'stddev': {
      const sq = `t${env.temps.next++}`;
      const x = `t${env.temps.next++}`;
      env.pre.push(
        `let ${acc} = 0;`,
        loop(`${acc} = ${acc} + ${element()};`),
        `${acc} = ${acc} / ${int(n)};`,
        `let ${sq} = 0;`,
        loop(`const ${x} = ${element()}; ${sq} = ${sq} + (${x} - ${acc}) * (${x} - ${acc});`),
      );
      return `fn_sqrt(${sq} / ${int(n)})`;
    }
    default:
      throw new TypeError('unknown fold in a checked tree');
  }
}
