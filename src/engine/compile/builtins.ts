/**
 * The builtin functions of XMILE 1.0 §3.5 (and the Vensim names xmutil keeps, such as MODULO,
 * XIDZ and ZIDZ), each with its argument counts and how it compiles. Stateful ones (delays,
 * smooths, TREND, INIT) live in stateful.ts because they create hidden stocks.
 */
import type { Equation } from '../equation/index.js';
import { readTable, tableOf, type Table } from '../lookup.js';
import { canonicalName } from '../names.js';
import { collectReads, report, type Ctx } from './context.js';
import { compileExpr, compileScalar } from './expression.js';
import { expandMacro } from './macros.js';
import { modulo } from './operators.js';
import { DT_SLOT, START_SLOT, STOP_SLOT, TIME_SLOT, type Thunk } from './program.js';
import type { VarInfo } from './scope.js';
import { STATEFUL } from './stateful.js';
import { constant, scalar, zip, type Val } from './value.js';

type Call = Extract<Equation, { kind: 'call' }>;

export interface Builtin {
  /** Fewest and most arguments; `Infinity` for variadic. */
  arity: [number, number];
  compile(args: Equation[], ctx: Ctx, call: Call): Val;
}

const NAN = constant(NaN);

/** A function of numbers applied element by element. */
function elementwise(arity: number, f: (...xs: number[]) => number): Builtin {
  return {
    arity: [arity, arity],
    compile(args, ctx, call) {
      const vals = args.map((a) => compileExpr(a, ctx));
      const lifted = (fs: Thunk[]): Thunk => {
        if (fs.length === 1) {
          const [a] = fs as [Thunk];
          return (s) => f(a(s));
        }
        if (fs.length === 2) {
          const [a, b] = fs as [Thunk, Thunk];
          return (s) => f(a(s), b(s));
        }
        return (s) => f(...fs.map((g) => g(s)));
      };
      const out = zip(vals, (xs) => f(...xs), lifted);
      if (!out) {
        report(ctx, 'dimension', { detail: `the arguments of ${call.fn} have different numbers of elements` }, call.at);
        return NAN;
      }
      return out;
    },
  };
}

/** Every element of every argument, for the array functions (SUM, MEAN, MIN and MAX of one array). */
function reduction(arity: [number, number], f: (xs: Float64Array) => number): Builtin {
  return {
    arity,
    compile(args, ctx) {
      const fs = args.flatMap((a) => compileExpr(a, ctx).fs);
      const buffer = new Float64Array(fs.length);
      return scalar((s) => {
        for (let i = 0; i < fs.length; i++) buffer[i] = fs[i]!(s);
        return f(buffer);
      });
    },
  };
}

/** MIN/MAX: over the elements of one array, or element by element over two or more arguments. */
function extremum(pick: (a: number, b: number) => number): Builtin {
  const over = reduction([1, 1], (xs) => xs.reduce((a, b) => pick(a, b)));
  const pairwise = elementwise(2, pick);
  return {
    arity: [1, Infinity],
    compile(args, ctx, call) {
      if (args.length === 1) return over.compile(args, ctx, call);
      let acc = pairwise.compile(args.slice(0, 2), ctx, call);
      for (const arg of args.slice(2)) {
        const next = compileExpr(arg, ctx);
        acc = zip([acc, next], ([a, b]) => pick(a!, b!), ([f, g]) => (s) => pick(f!(s), g!(s))) ?? NAN;
      }
      return acc;
    },
  };
}

const time = (ctx: Ctx): Thunk => {
  ctx.reads.add(TIME_SLOT);
  return (s) => s[TIME_SLOT]!;
};

/** Rounds half away from zero, as Stella and Vensim do (Math.round sends -2.5 to -2). */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

function mean(xs: Float64Array): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

const BUILTINS: Record<string, Builtin> = {
  ABS: elementwise(1, Math.abs),
  SQRT: elementwise(1, Math.sqrt),
  EXP: elementwise(1, Math.exp),
  LN: elementwise(1, Math.log),
  LOG10: elementwise(1, Math.log10),
  SIN: elementwise(1, Math.sin),
  COS: elementwise(1, Math.cos),
  TAN: elementwise(1, Math.tan),
  ARCSIN: elementwise(1, Math.asin),
  ARCCOS: elementwise(1, Math.acos),
  ARCTAN: elementwise(1, Math.atan),
  SIGN: elementwise(1, Math.sign),
  // INT is the largest integer not above x (XMILE 1.0 §3.5.1; the suite's builtin_int expects
  // INT(-19.875) = -20). Vensim's INTEGER truncates instead, hence the `rounding` test's -9.
  INT: elementwise(1, Math.floor),
  ROUND: elementwise(1, roundHalfAway),
  MOD: elementwise(2, modulo),
  MODULO: elementwise(2, modulo),
  MIN: extremum(Math.min),
  MAX: extremum(Math.max),
  // ZIDZ/XIDZ (Vensim) and SAFEDIV (XMILE): a division that gives a fallback when the divisor is 0.
  ZIDZ: elementwise(2, (a, b) => (b === 0 ? 0 : a / b)),
  XIDZ: elementwise(3, (a, b, x) => (b === 0 ? x : a / b)),
  SAFEDIV: {
    arity: [2, 3],
    compile(args, ctx, call) {
      const three = args.length === 3 ? args : [...args, { kind: 'number', value: 0, at: call.at } as Equation];
      return elementwise(3, (a, b, x) => (b === 0 ? x : a / b)).compile(three, ctx, call);
    },
  },
  PI: { arity: [0, 0], compile: () => constant(Math.PI) },
  TIME: { arity: [0, 0], compile: (_, ctx) => scalar(time(ctx)) },
  DT: { arity: [0, 0], compile: (_, ctx) => (ctx.reads.add(DT_SLOT), scalar((s) => s[DT_SLOT]!)) },
  STARTTIME: { arity: [0, 0], compile: () => scalar((s) => s[START_SLOT]!) },
  STOPTIME: { arity: [0, 0], compile: () => scalar((s) => s[STOP_SLOT]!) },
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
      return scalar((s) => (t(s) >= at(s) ? height(s) : 0));
    },
  },
  RAMP: {
    arity: [2, 3],
    compile(args, ctx) {
      const t = time(ctx);
      const slope = compileScalar(args[0]!, ctx);
      const start = compileScalar(args[1]!, ctx);
      const end = args[2] ? compileScalar(args[2], ctx) : () => Infinity;
      return scalar((s) => {
        const from = start(s);
        const now = t(s);
        return now > from ? slope(s) * (Math.min(now, end(s)) - from) : 0;
      });
    },
  },
  // XMILE PULSE(volume, first, interval): volume/DT during the one step at each pulse time, so
  // a stock receiving it grows by `volume`. No interval (or 0) means a single pulse.
  PULSE: {
    arity: [2, 3],
    compile(args, ctx) {
      const t = time(ctx);
      ctx.reads.add(DT_SLOT);
      const volume = compileScalar(args[0]!, ctx);
      const first = compileScalar(args[1]!, ctx);
      const interval = args[2] ? compileScalar(args[2], ctx) : () => 0;
      return scalar((s) => {
        const dt = s[DT_SLOT]!;
        const since = t(s) - first(s);
        if (since < -dt / 2) return 0;
        const every = interval(s);
        const offset = every > 0 ? modulo(since + dt / 2, every) - dt / 2 : since;
        return Math.abs(offset) < dt / 2 ? volume(s) / dt : 0;
      });
    },
  },
  SUM: reduction([1, 1], (xs) => xs.reduce((a, b) => a + b, 0)),
  PROD: reduction([1, 1], (xs) => xs.reduce((a, b) => a * b, 1)),
  MEAN: reduction([1, Infinity], mean),
  // Population standard deviation, as Stella's STDDEV.
  STDDEV: reduction([1, 1], (xs) => {
    const m = mean(xs);
    let sq = 0;
    for (const x of xs) sq += (x - m) * (x - m);
    return Math.sqrt(sq / xs.length);
  }),
  SIZE: {
    arity: [1, 1],
    compile(args, ctx) {
      // Only the shape matters: the elements are not read, so they add no dependency.
      const [v] = collectReads(ctx, () => compileExpr(args[0]!, ctx), false);
      return constant(v.fs.length);
    },
  },
  LOOKUP: {
    arity: [2, 2],
    compile(args, ctx, call) {
      const table = args[0]!;
      if (table.kind !== 'name' && table.kind !== 'subscript') {
        report(ctx, 'unsupported', { detail: 'LOOKUP needs the name of a graphical function first' }, call.at);
        return NAN;
      }
      const v = ctx.scope.vars.get(table.name);
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
    return typeof t === 'string' ? undefined : t;
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
function applyTable(v: VarInfo, input: Equation, ctx: Ctx, call: Call): Val {
  const tables = tablesOf(v);
  let k = 0;
  for (const dim of v.dims) {
    const i = ctx.bindings.get(dim.canonical) ?? 0;
    k = k * dim.elements.length + i;
  }
  const table = tables[k];
  if (!table) {
    report(ctx, 'unsupported', { detail: `"${v.def.name}" has no graphical function to read` }, call.at);
    return NAN;
  }
  const x = compileExpr(input, ctx);
  return zip([x], ([a]) => readTable(table, a!), ([f]) => (s) => readTable(table, f!(s)))!;
}

export function compileCall(call: Call, ctx: Ctx): Val {
  const macro = ctx.scope.macros.get(call.fn);
  if (macro) return expandMacro(macro, call, ctx);
  const table = ctx.scope.vars.get(call.fn.toLowerCase());
  if (table && (table.def.gf || table.def.elements?.some((e) => e.gf))) {
    if (call.args.length !== 1) {
      report(ctx, 'arity', { name: table.def.name, expected: 1, found: call.args.length }, call.at);
      return NAN;
    }
    return applyTable(table, call.args[0]!, ctx, call);
  }
  const builtin = BUILTINS[call.fn] ?? STATEFUL[call.fn];
  if (!builtin) {
    report(ctx, 'unknown-function', { name: call.fn }, call.at);
    return NAN;
  }
  const [min, max] = builtin.arity;
  if (call.args.length < min || call.args.length > max) {
    const expected = min === max ? String(min) : max === Infinity ? `${min} or more` : `${min} to ${max}`;
    report(ctx, 'arity', { name: call.fn, expected, found: call.args.length }, call.at);
    return NAN;
  }
  return builtin.compile(call.args, ctx, call);
}

/** Names of every function the engine knows, for messages and tests. */
export function builtinNames(): string[] {
  return [...Object.keys(BUILTINS), ...Object.keys(STATEFUL)].sort();
}
