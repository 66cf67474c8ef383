/**
 * A tree compiled once into closures that evaluate it over a block of draws at once: each name
 * reads a column of `capacity` numbers (one per draw), each node fills a column of its own, so a
 * block of draws costs one closure call per node instead of one per node and draw. Each draw's
 * number comes from the same operations in the same order as compileExpression's closures (the
 * shared helpers of evaluate.ts), so it is the same bits.
 *
 * Where a draw's evaluation would have thrown (an unknown name or one holding NaN, a zero
 * divisor, a function outside its domain, a result that is not finite), its lane is marked in
 * the shared `fault` column and its number is NaN: the caller decides what a fault means. The
 * lazy operators (`if`, `and`, `or`) evaluate each branch only for the draws that take it, so a
 * branch not taken faults nothing, as in one draw's evaluation.
 */
import type { Expr } from './ast.js';
import { arithmetic, callable, type FunctionSpec } from './evaluate.js';

/** A node over the first `n` lanes; `active` (1 per lane), when given, says which lanes evaluate it. */
type BlockNode = (n: number, active: Uint8Array | null) => Float64Array;

/** Evaluates the tree for lanes 0..n−1 into `out`; faulted lanes get NaN and are marked in the context's `fault`. */
export type BlockExpression = (n: number, out: Float64Array) => void;

/** Where a block expression reads and marks: the slot columns (slot s of lane d at s·capacity + d), and the fault of each lane. */
export interface BlockContext {
  capacity: number;
  slots: Float64Array;
  /** 1 where the last evaluation faulted; cleared by each evaluation, for lanes 0..n−1. */
  fault: Uint8Array;
  /**
   * Per slot, 0 when whoever fills it knows its lanes 0..n−1 hold no NaN (a read need not look
   * for one), 1 otherwise (the default).
   */
  unsure: Uint8Array;
}

export function blockContext(capacity: number, slotCount: number): BlockContext {
  return { capacity, slots: new Float64Array(slotCount * capacity), fault: new Uint8Array(capacity), unsure: new Uint8Array(slotCount).fill(1) };
}

/** Whether lanes 0..n−1 of a column hold a NaN. */
export function holdsNaN(column: Float64Array, n: number): boolean {
  for (let d = 0; d < n; d++) if (column[d] !== column[d]) return true;
  return false;
}

/**
 * Compiles `expr` over the context's slot columns, each name read from the slot `slotOf` gives
 * it (as compileExpression does).
 */
export function compileBlock(expr: Expr, slotOf: (name: string) => number | undefined, context: BlockContext): BlockExpression {
  const node = compileNode(expr, slotOf, context);
  const { fault } = context;
  return (n, out) => {
    fault.fill(0, 0, n);
    const v = node(n, null);
    for (let d = 0; d < n; d++) {
      const x = v[d]!;
      // finite(): what is not a finite number is refused.
      if (fault[d] || x - x !== 0) {
        fault[d] = 1;
        out[d] = Number.NaN;
      } else out[d] = x;
    }
  };
}

/** Marks every lane the node is evaluated for. */
function faultAll(fault: Uint8Array, n: number, active: Uint8Array | null): void {
  if (!active) fault.fill(1, 0, n);
  else for (let d = 0; d < n; d++) if (active[d]) fault[d] = 1;
}

function compileNode(expr: Expr, slotOf: (name: string) => number | undefined, context: BlockContext): BlockNode {
  const { capacity, fault } = context;
  switch (expr.type) {
    case 'number': {
      const column = new Float64Array(capacity).fill(expr.value);
      return () => column;
    }
    case 'name': {
      const slot = slotOf(expr.name);
      if (slot === undefined) {
        const column = new Float64Array(capacity).fill(Number.NaN);
        return (n, active) => {
          faultAll(fault, n, active);
          return column;
        };
      }
      const column = context.slots.subarray(slot * capacity, (slot + 1) * capacity);
      const { unsure } = context;
      // NaN is no value: reading it is the unknown name.
      return (n, active) => {
        if (unsure[slot]) for (let d = 0; d < n; d++) if (column[d] !== column[d] && (!active || active[d])) fault[d] = 1;
        return column;
      };
    }
    case 'unary': {
      const operand = compileNode(expr.operand, slotOf, context);
      const out = new Float64Array(capacity);
      const op = expr.op;
      if (op === '-') {
        return (n, active) => {
          const x = operand(n, active);
          for (let d = 0; d < n; d++) out[d] = -x[d]!;
          return out;
        };
      }
      if (op === '!') {
        return (n, active) => {
          const x = operand(n, active);
          for (let d = 0; d < n; d++) out[d] = x[d] === 0 ? 1 : 0;
          return out;
        };
      }
      return operand;
    }
    case 'binary':
      return binary(expr, slotOf, context);
    case 'call':
      return call(expr, slotOf, context);
  }
}

/**
 * The lanes of `active` (all when null) where the condition is non-zero (or zero), into `into`:
 * `into` itself, null when they are all of lanes 0..n−1, undefined when none is.
 */
function narrowed(n: number, active: Uint8Array | null, condition: Float64Array, nonZero: boolean, into: Uint8Array): Uint8Array | null | undefined {
  let taken = 0;
  for (let d = 0; d < n; d++) {
    const take = (!active || active[d] === 1) && (condition[d] !== 0) === nonZero;
    into[d] = take ? 1 : 0;
    taken += into[d]!;
  }
  return taken === 0 ? undefined : taken === n ? null : into;
}

function binary(expr: Extract<Expr, { type: 'binary' }>, slotOf: (name: string) => number | undefined, context: BlockContext): BlockNode {
  const { capacity, fault } = context;
  const left = compileNode(expr.left, slotOf, context);
  const right = compileNode(expr.right, slotOf, context);
  const out = new Float64Array(capacity);
  const { op, at } = expr;
  if (op === '&&' || op === '||') {
    // Short-circuit: the right side only for the lanes whose left side does not decide.
    const rest = new Uint8Array(capacity);
    const and = op === '&&';
    return (n, active) => {
      const a = left(n, active);
      const lanes = narrowed(n, active, a, and, rest);
      const b = lanes !== undefined ? right(n, lanes) : undefined;
      for (let d = 0; d < n; d++) {
        if (rest[d]) out[d] = b![d] !== 0 ? 1 : 0;
        else out[d] = and ? 0 : 1;
      }
      return out;
    };
  }
  const loop = (body: (a: Float64Array, b: Float64Array, n: number) => void): BlockNode => (n, active) => {
    const a = left(n, active);
    const b = right(n, active);
    body(a, b, n);
    return out;
  };
  switch (op) {
    case '+': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d]! + b[d]!; });
    case '-': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d]! - b[d]!; });
    case '*': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d]! * b[d]!; });
    case '<': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d]! < b[d]! ? 1 : 0; });
    case '<=': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d]! <= b[d]! ? 1 : 0; });
    case '>': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d]! > b[d]! ? 1 : 0; });
    case '>=': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d]! >= b[d]! ? 1 : 0; });
    case '==': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d] === b[d] ? 1 : 0; });
    case '!=': return loop((a, b, n) => { for (let d = 0; d < n; d++) out[d] = a[d] !== b[d] ? 1 : 0; });
    case '/':
    case '%':
      return (n, active) => {
        const a = left(n, active);
        const b = right(n, active);
        for (let d = 0; d < n; d++) {
          if (b[d] === 0) {
            if (!active || active[d]) fault[d] = 1;
            out[d] = Number.NaN;
          } else out[d] = op === '/' ? a[d]! / b[d]! : a[d]! % b[d]!;
        }
        return out;
      };
    case '^':
      return (n, active) => {
        const a = left(n, active);
        const b = right(n, active);
        for (let d = 0; d < n; d++) {
          const value = a[d]! ** b[d]!;
          // Not real (a NaN from numbers): refused, as arithmetic() does.
          if (Number.isNaN(value) && (!active || active[d])) fault[d] = 1;
          out[d] = value;
        }
        return out;
      };
  }
  // An operator arithmetic() does not know: its fault, in every lane evaluated.
  return (n, active) => {
    try {
      arithmetic(op, 0, 0, at);
    } catch {
      faultAll(fault, n, active);
    }
    out.fill(Number.NaN, 0, n);
    return out;
  };
}

function call(expr: Extract<Expr, { type: 'call' }>, slotOf: (name: string) => number | undefined, context: BlockContext): BlockNode {
  const { capacity, fault } = context;
  const { name, at } = expr;
  const out = new Float64Array(capacity);
  let spec: FunctionSpec;
  try {
    spec = callable(name, expr.args.length, at);
  } catch {
    // Unknown function or wrong arity: a fault wherever it is evaluated.
    return (n, active) => {
      faultAll(fault, n, active);
      out.fill(Number.NaN, 0, n);
      return out;
    };
  }
  const args = expr.args.map((arg) => compileNode(arg, slotOf, context));
  if (name === 'if') {
    // Each branch only for the lanes that take it.
    const [condition, then, otherwise] = args as [BlockNode, BlockNode, BlockNode];
    const yes = new Uint8Array(capacity);
    const no = new Uint8Array(capacity);
    return (n, active) => {
      const c = condition(n, active);
      const taken = narrowed(n, active, c, true, yes);
      const a = taken !== undefined ? then(n, taken) : undefined;
      const left = narrowed(n, active, c, false, no);
      const b = left !== undefined ? otherwise(n, left) : undefined;
      // Every lane evaluated takes one branch: all of them the first, or all the second, copy nothing.
      if (active === null && taken === null) return a!;
      if (active === null && left === null) return b!;
      for (let d = 0; d < n; d++) out[d] = c[d] !== 0 ? (a ? a[d]! : Number.NaN) : b ? b[d]! : Number.NaN;
      return out;
    };
  }
  const direct = directly(name, args, out);
  if (direct) return direct;
  const { domain } = spec;
  const applied = spec.apply;
  // The arguments of each lane in an array made once, applied as apply() does.
  const values = new Array<number>(args.length).fill(0);
  const columns = new Array<Float64Array>(args.length);
  return (n, active) => {
    for (let i = 0; i < args.length; i++) columns[i] = args[i]!(n, active);
    for (let d = 0; d < n; d++) {
      for (let i = 0; i < args.length; i++) values[i] = columns[i]![d]!;
      if (domain && domain(values)) {
        if (!active || active[d]) fault[d] = 1;
        out[d] = Number.NaN;
      } else out[d] = applied(values);
    }
    return out;
  };
}

/**
 * The functions most models call, over whole columns without an array per lane: each the
 * operation FUNCTIONS' apply does (Math.min(...[a, b]) is Math.min(a, b)). None has a domain.
 */
function directly(name: string, args: readonly BlockNode[], out: Float64Array): BlockNode | undefined {
  if ((name === 'min' || name === 'max') && args.length === 2) {
    const [left, right] = args as [BlockNode, BlockNode];
    const f = name === 'min' ? Math.min : Math.max;
    return (n, active) => {
      const a = left(n, active);
      const b = right(n, active);
      for (let d = 0; d < n; d++) out[d] = f(a[d]!, b[d]!);
      return out;
    };
  }
  const unaries: Record<string, (x: number) => number> = { abs: Math.abs, floor: Math.floor, ceil: Math.ceil, exp: Math.exp };
  const f = Object.hasOwn(unaries, name) && args.length === 1 ? unaries[name]! : undefined;
  if (!f) return undefined;
  const [operand] = args as [BlockNode];
  return (n, active) => {
    const x = operand(n, active);
    for (let d = 0; d < n; d++) out[d] = f(x[d]!);
    return out;
  };
}
