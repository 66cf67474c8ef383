/**
 * A tree compiled once into nested closures that read names from numbered slots of a
 * Float64Array: what re-evaluating a model thousands of times runs, instead of walking the tree
 * and looking names up in a Map. No text is turned into code (no eval, no Function). Each closure
 * does the operations evaluate() does, in the same order and with the same faults (the shared
 * helpers of evaluate.ts), so both give the same bits and the same errors.
 */
import type { Expr } from './ast.js';
import { apply, arithmetic, callable, finite, unary, unknownName } from './evaluate.js';

/** A compiled expression over a table of slot values. Throws EvaluationError as evaluate() does. */
export type CompiledExpression = (values: Float64Array) => number;

/**
 * Compiles `expr`, each name read from the slot `slotOf` gives it; a name without a slot, or
 * whose slot holds NaN, throws "unknown name" when read, as evaluate() does when its scope has
 * no value.
 *
 * @example
 * const f = compileExpression(parseExpression('price * (1 - discount)'), (n) => ({ price: 0, discount: 1 })[n]);
 * f(Float64Array.of(20, 0.3)); // 14
 */
export function compileExpression(expr: Expr, slotOf: (name: string) => number | undefined): CompiledExpression {
  const node = compileNode(expr, slotOf);
  const at = expr.at;
  return (values) => finite(node(values), at);
}

function compileNode(expr: Expr, slotOf: (name: string) => number | undefined): CompiledExpression {
  switch (expr.type) {
    case 'number': {
      const value = expr.value;
      return () => value;
    }
    case 'name': {
      const slot = slotOf(expr.name);
      const { name, at } = expr;
      if (slot === undefined) {
        return () => {
          throw unknownName(name, at);
        };
      }
      // NaN is no value: what a quantity holds once its evaluation failed, that failure
      // reported at it. Reading it is the name without a value, so the quantities that read it
      // stay quiet rather than each report NaN again.
      return (values) => {
        const value = values[slot]!;
        if (value !== value) throw unknownName(name, at);
        return value;
      };
    }
    case 'unary': {
      const operand = compileNode(expr.operand, slotOf);
      const op = expr.op;
      if (op === '-') return (values) => -operand(values);
      return (values) => unary(op, operand(values));
    }
    case 'binary':
      return binary(expr, slotOf);
    case 'call':
      return call(expr, slotOf);
  }
}

function binary(expr: Extract<Expr, { type: 'binary' }>, slotOf: (name: string) => number | undefined): CompiledExpression {
  const left = compileNode(expr.left, slotOf);
  const right = compileNode(expr.right, slotOf);
  const { op, at } = expr;
  // Short-circuit, as evaluate() does.
  if (op === '&&') return (values) => (left(values) !== 0 ? Number(right(values) !== 0) : 0);
  if (op === '||') return (values) => (left(values) !== 0 ? 1 : Number(right(values) !== 0));
  // The common operators without faults, written out; the others through the shared helper.
  if (op === '+') return (values) => left(values) + right(values);
  if (op === '-') return (values) => left(values) - right(values);
  if (op === '*') return (values) => left(values) * right(values);
  // Division goes through the helper only for its fault (a zero divisor).
  if (op === '/') {
    return (values) => {
      const a = left(values);
      const b = right(values);
      return b === 0 ? arithmetic(op, a, b, at) : a / b;
    };
  }
  return (values) => {
    const a = left(values);
    return arithmetic(op, a, right(values), at);
  };
}

function call(expr: Extract<Expr, { type: 'call' }>, slotOf: (name: string) => number | undefined): CompiledExpression {
  const { name, at } = expr;
  let spec: ReturnType<typeof callable>;
  try {
    spec = callable(name, expr.args.length, at);
  } catch (error) {
    // Unknown function or wrong arity: the same error, when (and each time) it is evaluated.
    return () => {
      throw error;
    };
  }
  const args = expr.args.map((arg) => compileNode(arg, slotOf));
  if (name === 'if') {
    // Only the chosen branch is evaluated, as evaluate() does.
    const [condition, then, otherwise] = args as [CompiledExpression, CompiledExpression, CompiledExpression];
    return (values) => (condition(values) !== 0 ? then(values) : otherwise(values));
  }
  const found = spec;
  if (args.length === 1) {
    const [a] = args as [CompiledExpression];
    return (values) => apply(found, [a(values)], at);
  }
  // The usual arities written out: the arguments in order, in an array made once per call.
  if (args.length === 2) {
    const [a, b] = args as [CompiledExpression, CompiledExpression];
    return (values) => apply(found, [a(values), b(values)], at);
  }
  if (args.length === 3) {
    const [a, b, c] = args as [CompiledExpression, CompiledExpression, CompiledExpression];
    return (values) => apply(found, [a(values), b(values), c(values)], at);
  }
  return (values) => apply(found, args.map((arg) => arg(values)), at);
}
