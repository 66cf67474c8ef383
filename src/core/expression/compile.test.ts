/**
 * The compiled form of an expression against the tree-walking evaluator: on random trees, the
 * same bits or the same error (message and offset), so re-evaluation changes no figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, evaluate, EvaluationError, FUNCTIONS, parseExpression, type Expr } from './index.js';

const NAMES = ['a', 'b', 'c', 'missing'];
const values: Record<string, number> = { a: 2.5, b: -3, c: 0 };
const slots = new Map([['a', 0], ['b', 1], ['c', 2]]);
const table = Float64Array.of(values.a!, values.b!, values.c!);

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((value): Expr => ({ type: 'number', value, at: 0 })),
  fc.constantFrom(0, 1, 2, 0.5).map((value): Expr => ({ type: 'number', value, at: 0 })),
  fc.constantFrom(...NAMES).map((name): Expr => ({ type: 'name', name, at: 1 })),
);
const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ op: fc.constantFrom('-', '+', '!'), operand: tie('e') }).map(({ op, operand }): Expr => ({ type: 'unary', op, operand, at: 2 })),
    fc
      .record({ op: fc.constantFrom('+', '-', '*', '/', '%', '^', '==', '!=', '<', '<=', '>', '>=', '&&', '||'), left: tie('e'), right: tie('e') })
      .map(({ op, left, right }): Expr => ({ type: 'binary', op, left, right, at: 3 })),
    fc
      .record({ name: fc.constantFrom(...Object.keys(FUNCTIONS), 'nope'), args: fc.array(tie('e'), { minLength: 0, maxLength: 3 }) })
      .map(({ name, args }): Expr => ({ type: 'call', name, args, at: 4 })),
  ),
})).e;

/** The value, or the error's fault and offset. */
function outcome(run: () => number): number | string {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    return `${JSON.stringify(error.fault)} @${error.offset}`;
  }
}

describe('compiled expressions', () => {
  it('give the bits or the error of evaluate() on random trees', () => {
    fc.assert(
      fc.property(tree, (expr) => {
        const compiled = outcome(() => compileExpression(expr, (n) => slots.get(n))(table));
        const walked = outcome(() => evaluate(expr, (n) => values[n]));
        expect(Object.is(compiled, walked) || compiled === walked, `${JSON.stringify(expr)}: ${compiled} against ${walked}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('read names from their slots', () => {
    const f = compileExpression(parseExpression('if(a > b, a * 2, b) + max(a, c)'), (n) => slots.get(n));
    // a = 2.5 > b = −3, so 2.5 × 2 = 5, plus max(2.5, 0) = 2.5.
    expect(f(table)).toBe(7.5);
    expect(f(Float64Array.of(-4, 1, 0))).toBe(1);
  });
});
