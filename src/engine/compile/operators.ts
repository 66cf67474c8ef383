/**
 * Arithmetic, comparison and logic of XMILE equations on numbers. Booleans are 1 and 0, and any
 * non-zero number is true (XMILE 1.0 §3.3.1).
 */
import type { BinaryOp } from '../equation/index.js';
import type { Thunk } from './program.js';

/**
 * MOD keeps the sign of the dividend (a truncated remainder, like C's fmod): the suite's
 * `rounding` test expects -10 mod 3 = -1.
 */
export function modulo(a: number, b: number): number {
  return a % b;
}

export function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '^': return Math.pow(a, b);
    case 'mod': return modulo(a, b);
    case '=': return a === b ? 1 : 0;
    case '<>': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case 'and': return a !== 0 && b !== 0 ? 1 : 0;
    case 'or': return a !== 0 || b !== 0 ? 1 : 0;
  }
}

/** A thunk for `op`, written out per operator so the hot path has no switch. */
export function binaryThunk(op: BinaryOp, f: Thunk, g: Thunk): Thunk {
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
