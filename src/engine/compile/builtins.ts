/**
 * The builtin functions of XMILE 1.0 §3.5 (and the Vensim names xmutil keeps, such as MODULO,
 * XIDZ and ZIDZ), each with its argument counts and how it compiles. Stateful ones (delays,
 * smooths, TREND, INIT) live in stateful.ts because they create hidden stocks.
 */
import type { Equation } from '../equation/index.js';
import { isTable, readTable, tableOf, type Table } from '../lookup.js';
import { canonicalName } from '../names.js';
import { collectReads, report, tableId, type Ctx } from './context.js';
import { compileExpr, compileScalar } from './expression.js';
import { call, num, slot, type Expr, type FoldName, type FunctionName } from './expr.js';
import { FUNCTIONS } from './functions.js';
import { expandMacro } from './macros.js';
import { DT_SLOT, START_SLOT, STOP_SLOT, TIME_SLOT } from './program.js';
import { lookupVar, type VarInfo } from './scope.js';
import { STATEFUL } from './stateful.js';
import { RANDOM } from './random.js';
import { constant, scalar, zip, type Val } from './value.js';

/**
 * XMILE 1.0 builtins (§3.5) the engine does not run yet: named as such, not as unknown. The
 * random ones need their quantile functions (the others are in random.ts); the rest, history kept across steps.
 */
const NOT_YET = new Set(['logistic', 'pareto', 'previous', 'history', 'npv', 'irr', 'forcst', 'self']);

type Call = Extract<Equation, { kind: 'call' }>;

export interface Builtin {
  /** Fewest and most arguments; `Infinity` for variadic. */
  arity: [number, number];
  compile(args: Equation[], ctx: Ctx, call: Call): Val;
}

const NAN = constant(NaN);

/** A function of numbers applied element by element. */
function elementwise(arity: number, fn: FunctionName): Builtin {
  const f = FUNCTIONS[fn];
  return {
    arity: [arity, arity],
    compile(args, ctx, at) {
      const vals = args.map((a) => compileExpr(a, ctx));
      const out = zip(vals, (xs) => f(...xs), (es) => call(fn, ...es));
      if (!out) {
        report(ctx, 'dimension', { reason: 'argument-sizes', function: at.fn }, at.at);
        return NAN;
      }
      return out;
    },
  };
}

/** Every element of every argument, for the array functions (SUM, MEAN, MIN and MAX of one array). */
function reduction(arity: [number, number], fn: FoldName): Builtin {
  return {
    arity,
    compile(args, ctx) {
      return scalar({ k: 'fold', fn, args: args.flatMap((a) => compileExpr(a, ctx).es) });
    },
  };
}

/**
 * MIN/MAX: over the elements of one array, or element by element over two or more arguments.
 * More than two are one fold per element, left to right from the first (the same picks as
 * min(min(a, b), c)) in a tree one level deep, however many arguments there are.
 */
function extremum(fn: 'min' | 'max'): Builtin {
  const over = reduction([1, 1], fn);
  const pairwise = elementwise(2, fn);
  const pick = FUNCTIONS[fn];
  return {
    arity: [1, Infinity],
    compile(args, ctx, at) {
      if (args.length === 1) return over.compile(args, ctx, at);
      if (args.length === 2) return pairwise.compile(args, ctx, at);
      const vals = args.map((a) => compileExpr(a, ctx));
      const out = zip(vals, (xs) => xs.reduce((a, b) => pick(a, b)), (es) => ({ k: 'fold', fn, args: es }));
      if (!out) {
        report(ctx, 'dimension', { reason: 'argument-sizes', function: at.fn }, at.at);
        return NAN;
      }
      return out;
    },
  };
}

const time = (ctx: Ctx): Expr => {
  ctx.reads.add(TIME_SLOT);
  return slot(TIME_SLOT);
};

const BUILTINS: Record<string, Builtin> = {
  ABS: elementwise(1, 'abs'),
  SQRT: elementwise(1, 'sqrt'),
  EXP: elementwise(1, 'exp'),
  LN: elementwise(1, 'ln'),
  LOG10: elementwise(1, 'log10'),
  SIN: elementwise(1, 'sin'),
  COS: elementwise(1, 'cos'),
  TAN: elementwise(1, 'tan'),
  ARCSIN: elementwise(1, 'asin'),
  ARCCOS: elementwise(1, 'acos'),
  ARCTAN: elementwise(1, 'atan'),
  SIGN: elementwise(1, 'sign'),
  INT: elementwise(1, 'floor'),
  ROUND: elementwise(1, 'round'),
  MOD: elementwise(2, 'mod'),
  MODULO: elementwise(2, 'mod'),
  MIN: extremum('min'),
  MAX: extremum('max'),
  ZIDZ: elementwise(2, 'zidz'),
  XIDZ: elementwise(3, 'xidz'),
  SAFEDIV: {
    arity: [2, 3],
    compile(args, ctx, at) {
      const three = args.length === 3 ? args : [...args, { kind: 'number', value: 0, at: at.at } as Equation];
      return elementwise(3, 'xidz').compile(three, ctx, at);
    },
  },
  PI: { arity: [0, 0], compile: () => constant(Math.PI) },
  TIME: { arity: [0, 0], compile: (_, ctx) => scalar(time(ctx)) },
  DT: { arity: [0, 0], compile: (_, ctx) => (ctx.reads.add(DT_SLOT), scalar(slot(DT_SLOT))) },
  STARTTIME: { arity: [0, 0], compile: () => scalar(slot(START_SLOT)) },
  STOPTIME: { arity: [0, 0], compile: () => scalar(slot(STOP_SLOT)) },
  IF_THEN_ELSE: {
    arity: [3, 3],
    compile(args, ctx, call) {
      return compileExpr({ kind: 'if', condition: args[0]!, then: args[1]!, otherwise: args[2]!, at: call.at }, ctx);
    },
  },
  STEP: {
    arity: [2, 2],
    compile(args, ctx) {
      const t = time(ctx);
      const height = compileScalar(args[0]!, ctx);
      const at = compileScalar(args[1]!, ctx);
      return scalar(call('step', t, height, at));
    },
  },
  RAMP: {
    arity: [2, 3],
    compile(args, ctx) {
      const t = time(ctx);
      const slope = compileScalar(args[0]!, ctx);
      const start = compileScalar(args[1]!, ctx);
      const end = args[2] ? compileScalar(args[2], ctx) : num(Infinity);
      return scalar(call('ramp', t, slope, start, end));
    },
  },
  PULSE: {
    arity: [2, 3],
    compile(args, ctx) {
      const t = time(ctx);
      ctx.reads.add(DT_SLOT);
      const volume = compileScalar(args[0]!, ctx);
      const first = compileScalar(args[1]!, ctx);
      const interval = args[2] ? compileScalar(args[2], ctx) : num(0);
      return scalar(call('pulse', t, slot(DT_SLOT), volume, first, interval));
    },
  },
  ...RANDOM,
  SUM: reduction([1, 1], 'sum'),
  PROD: reduction([1, 1], 'prod'),
  MEAN: reduction([1, Infinity], 'mean'),
  STDDEV: reduction([1, 1], 'stddev'),
  SIZE: {
    arity: [1, 1],
    compile(args, ctx) {
      // Only the shape matters: the elements are not read, so they add no dependency.
      const [v] = collectReads(ctx, () => compileExpr(args[0]!, ctx), false);
      return constant(v.es.length);
    },
  },
  LOOKUP: {
    arity: [2, 2],
    compile(args, ctx, call) {
      const table = args[0]!;
      if (table.kind !== 'name' && table.kind !== 'subscript') {
        report(ctx, 'unsupported', { reason: 'lookup-needs-table' }, call.at);
        return NAN;
      }
      const v = lookupVar(ctx.scope, ctx.namespace, table.name);
      if (!v) {
        report(ctx, 'unknown-name', { name: table.text }, table.at);
        return NAN;
      }
      return applyTable(v, args[1]!, ctx, call);
    },
  },
};

const tableCache = new WeakMap<VarInfo, Array<Table | undefined>>();

/** The table of each element of a variable, undefined for elements without one. */
export function tablesOf(v: VarInfo): Array<Table | undefined> {
  const cached = tableCache.get(v);
  if (cached) return cached;
  const tables: Array<Table | undefined> = new Array(v.size).fill(undefined);
  const one = (gf: NonNullable<VarInfo['def']['gf']>) => {
    const t = tableOf(gf);
    return isTable(t) ? t : undefined;
  };
  if (v.def.gf) tables.fill(one(v.def.gf));
  for (const element of v.def.elements ?? []) {
    if (!element.gf) continue;
    let k = 0;
    for (let d = 0; d < v.dims.length; d++) {
      const i = v.dims[d]!.index.get(canonicalName(element.subscript[d] ?? '')) ?? 0;
      k = k * v.dims[d]!.elements.length + i;
    }
    tables[k] = one(element.gf);
  }
  tableCache.set(v, tables);
  return tables;
}

/** `table(x)`: the element's table when the table is arrayed, read at x. */
function applyTable(v: VarInfo, input: Equation, ctx: Ctx, at: Call): Val {
  const tables = tablesOf(v);
  let k = 0;
  for (const dim of v.dims) {
    const i = ctx.bindings.get(dim.canonical) ?? 0;
    k = k * dim.elements.length + i;
  }
  const table = tables[k];
  if (!table) {
    report(ctx, 'unsupported', { reason: 'no-graphical-function', name: v.def.name }, at.at);
    return NAN;
  }
  const x = compileExpr(input, ctx);
  const id = tableId(ctx.tables, table);
  return zip([x], ([a]) => readTable(table, a!), ([e]) => ({ k: 'table', table: id, x: e! }))!;
}

export function compileCall(call: Call, ctx: Ctx): Val {
  const macro = ctx.scope.macros.get(call.fn);
  if (macro) return expandMacro(macro, call, ctx);
  const table = lookupVar(ctx.scope, ctx.namespace, call.fn.toLowerCase());
  if (table && (table.def.gf || table.def.elements?.some((e) => e.gf))) {
    if (call.args.length !== 1) {
      report(ctx, 'arity', { name: table.def.name, min: 1, max: 1, found: call.args.length }, call.at);
      return NAN;
    }
    return applyTable(table, call.args[0]!, ctx, call);
  }
  // Own keys only: `constructor(x)` is an unknown function, not Object's.
  const builtin = Object.hasOwn(BUILTINS, call.fn) ? BUILTINS[call.fn] : Object.hasOwn(STATEFUL, call.fn) ? STATEFUL[call.fn] : undefined;
  if (!builtin) {
    if (NOT_YET.has(call.fn.toLowerCase())) report(ctx, 'unsupported', { reason: 'builtin', function: call.fn.toUpperCase() }, call.at);
    else report(ctx, 'unknown-function', { name: call.fn }, call.at);
    return NAN;
  }
  const [min, max] = builtin.arity;
  if (call.args.length < min || call.args.length > max) {
    report(ctx, 'arity', max === Infinity ? { name: call.fn, min, found: call.args.length } : { name: call.fn, min, max, found: call.args.length }, call.at);
    return NAN;
  }
  return builtin.compile(call.args, ctx, call);
}

/** Names of every function the engine knows, for messages and tests. */
export function builtinNames(): string[] {
  return [...Object.keys(BUILTINS), ...Object.keys(STATEFUL)].sort();
}
