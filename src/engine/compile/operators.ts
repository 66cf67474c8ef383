/**
 * Arithmetic, comparison and logic of XMILE equations on numbers. Booleans are 1 and 0, and any
 * non-zero number is true (XMILE 1.0 §3.3.1).
 */
import type { BinaryOp } from '../equation/index.js';

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
