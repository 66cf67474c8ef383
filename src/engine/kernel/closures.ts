/**
 * The closure interpreter: each checked-tree node becomes a small function of the slot array.
 * Used where generated code is not available (a host that forbids `new Function`, or a model
 * whose code would be too large), and as the reference the generated code is tested against.
 */
import type { Expr } from '../compile/expr.js';
import { FOLDS, FUNCTIONS } from '../compile/functions.js';
import { modulo } from '../compile/operators.js';
import { TIME_SLOT, type Program } from '../compile/program.js';
import { readTable, type Table } from '../lookup.js';
import type { Kernel } from './kernel.js';

/** Reads the current values and returns one number. */
export type Thunk = (s: Float64Array) => number;

export function closureKernel(program: Program): Kernel {
  // Trees may share nodes (a delay time read by every stage): one closure per node.
  const memo = new Map<Expr, Thunk>();
  const f = (e: Expr) => thunk(e, program.tables, memo);
  const assign = (list: Program['initial']) => {
    const slots = list.map((a) => a.slot);
    const fs = list.map((a) => f(a.expr));
    return (s: Float64Array) => {
      for (let i = 0; i < fs.length; i++) s[slots[i]!] = fs[i]!(s);
    };
  };
  const each = (fs: Thunk[]) => (s: Float64Array, out: Float64Array) => {
    for (let i = 0; i < fs.length; i++) out[i] = fs[i]!(s);
  };
  const update = assign(program.update);
  const rates = each(program.states.map((st) => f(st.rate)));
  const evaluate = (s: Float64Array, d: Float64Array) => {
    update(s);
    rates(s, d);
  };
  const slots = Int32Array.from(program.states.map((st) => st.slot));
  const nonNegative = Int32Array.from(program.states.filter((st) => st.nonNegative).map((st) => st.slot));
  return {
    initial: assign(program.initial),
    evaluate,
    euler(s, d, i0, n, start, dt, every, keep, columns, row) {
      for (let i = i0; i < i0 + n; i++) {
        for (let j = 0; j < slots.length; j++) {
          const at = slots[j]!;
          s[at] = s[at]! + dt * d[j]!;
        }
        // A non-negative stock stops at zero: its outflow is cut to what the stock holds.
        for (let j = 0; j < nonNegative.length; j++) if (s[nonNegative[j]!]! < 0) s[nonNegative[j]!] = 0;
        s[TIME_SLOT] = start + (i + 1) * dt;
        evaluate(s, d);
        if ((i + 1) % every === 0) {
          for (let c = 0; c < keep.length; c++) columns[c]![row] = s[keep[c]!]!;
          row++;
        }
      }
      return row;
    },
    pipeDelays: each(program.pipelines.map((p) => f(p.delay))),
    pipeInputs: each(program.pipelines.map((p) => f(p.input))),
  };
}

/** The values of some trees over the slots `s` (used by compile/ for values fixed at the start). */
export function valuesOf(exprs: readonly Expr[], tables: readonly Table[], s: Float64Array): number[] {
  const memo = new Map<Expr, Thunk>();
  return exprs.map((e) => thunk(e, tables, memo)(s));
}

/** One closure per tree, made once, to evaluate again and again (loop dominance re-evaluates equations). */
export function thunksOf(exprs: readonly Expr[], tables: readonly Table[]): Thunk[] {
  const memo = new Map<Expr, Thunk>();
  return exprs.map((e) => thunk(e, tables, memo));
}

function thunk(e: Expr, tables: readonly Table[], memo: Map<Expr, Thunk>): Thunk {
  let made = memo.get(e);
  if (!made) {
    made = make(e, (x) => thunk(x, tables, memo), tables);
    memo.set(e, made);
  }
  return made;
}

function make(e: Expr, f: (e: Expr) => Thunk, tables: readonly Table[]): Thunk {
  switch (e.k) {
    case 'num': {
      const value = e.value;
      return () => value;
    }
    case 'slot': {
      const at = e.slot;
      return (s) => s[at]!;
    }
    case 'neg': {
      const a = f(e.a);
      return (s) => -a(s);
    }
    case 'not': {
      const a = f(e.a);
      return (s) => (a(s) === 0 ? 1 : 0);
    }
    case 'bin':
      return binary(e.op, f(e.a), f(e.b));
    case 'if': {
      const c = f(e.c);
      const a = f(e.a);
      const b = f(e.b);
      return (s) => (c(s) !== 0 ? a(s) : b(s));
    }
    case 'fn': {
      const fn = FUNCTIONS[e.fn];
      const args = e.args.map(f);
      if (args.length === 1) {
        const [a] = args as [Thunk];
        return (s) => fn(a(s));
      }
      if (args.length === 2) {
        const [a, b] = args as [Thunk, Thunk];
        return (s) => fn(a(s), b(s));
      }
      if (args.length === 3) {
        const [a, b, c] = args as [Thunk, Thunk, Thunk];
        return (s) => fn(a(s), b(s), c(s));
      }
      return (s) => fn(...args.map((g) => g(s)));
    }
    case 'fold': {
      const fold = FOLDS[e.fn];
      const args = e.args.map(f);
      const buffer = new Float64Array(args.length);
      return (s) => {
        for (let i = 0; i < args.length; i++) buffer[i] = args[i]!(s);
        return fold(buffer);
      };
    }
    case 'table': {
      const table = tables[e.table]!;
      const x = f(e.x);
      return (s) => readTable(table, x(s));
    }
    case 'dyn': {
      const base = e.base;
      const parts = e.parts.map((p) => ({ index: f(p.index), stride: p.stride, size: p.size }));
      return (s) => {
        let at = base;
        for (const part of parts) {
          // Subscript values count from 1; out of range reads NaN rather than a neighbour.
          const i = Math.round(part.index(s)) - 1;
          if (!(i >= 0 && i < part.size)) return NaN;
          at += i * part.stride;
        }
        return s[at]!;
      };
    }
  }
}

/** A closure per operator, so the hot path has no switch. */
function binary(op: Extract<Expr, { k: 'bin' }>['op'], f: Thunk, g: Thunk): Thunk {
  switch (op) {
    case '+': return (s) => f(s) + g(s);
    case '-': return (s) => f(s) - g(s);
    case '*': return (s) => f(s) * g(s);
    case '/': return (s) => f(s) / g(s);
    case '^': return (s) => Math.pow(f(s), g(s));
    case 'mod': return (s) => modulo(f(s), g(s));
    case '=': return (s) => (f(s) === g(s) ? 1 : 0);
    case '<>': return (s) => (f(s) !== g(s) ? 1 : 0);
    case '<': return (s) => (f(s) < g(s) ? 1 : 0);
    case '<=': return (s) => (f(s) <= g(s) ? 1 : 0);
    case '>': return (s) => (f(s) > g(s) ? 1 : 0);
    case '>=': return (s) => (f(s) >= g(s) ? 1 : 0);
    // Short-circuit, so the unused side of AND/OR is not evaluated.
    case 'and': return (s) => (f(s) !== 0 && g(s) !== 0 ? 1 : 0);
    case 'or': return (s) => (f(s) !== 0 || g(s) !== 0 ? 1 : 0);
  }
}
