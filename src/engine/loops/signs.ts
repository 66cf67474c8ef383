/**
 * Signs as sets: which of negative, zero and positive a quantity can be. The same sets say what
 * a value can be (`Users` is never negative) and what a partial derivative can be (∂flow/∂Users is
 * never negative: the flow never falls when Users rises). Every operation gives every sign the
 * exact operation could give, so a set with one sign in it is a proof, and a set with both
 * negative and positive in it is "undetermined", never a guess.
 */

/** A set of signs, as bits; 0 is the empty set (nothing known yet, or nothing possible). */
export type Signs = number;

export const NEG = 1;
export const ZERO = 2;
export const POS = 4;
export const ANY = NEG | ZERO | POS;
export const NON_NEGATIVE = ZERO | POS;
export const NON_POSITIVE = ZERO | NEG;

export function signOf(x: number): Signs {
  if (Number.isNaN(x)) return ANY;
  return x > 0 ? POS : x < 0 ? NEG : ZERO;
}

export function negate(a: Signs): Signs {
  return (a & ZERO) | (a & NEG ? POS : 0) | (a & POS ? NEG : 0);
}

/** The signs of x + y for x in a and y in b. */
export function add(a: Signs, b: Signs): Signs {
  if (a === 0 || b === 0) return 0;
  let out = 0;
  for (const x of [NEG, ZERO, POS]) {
    if (!(a & x)) continue;
    for (const y of [NEG, ZERO, POS]) {
      if (!(b & y)) continue;
      if (x === ZERO) out |= y;
      else if (y === ZERO || x === y) out |= x;
      else out |= ANY;
    }
  }
  return out;
}

/** The signs of x · y (and of x / y, leaving out y = 0) for x in a and y in b. */
export function multiply(a: Signs, b: Signs): Signs {
  if (a === 0 || b === 0) return 0;
  let out = 0;
  if (a & ZERO || b & ZERO) out |= ZERO;
  if ((a & POS && b & POS) || (a & NEG && b & NEG)) out |= POS;
  if ((a & POS && b & NEG) || (a & NEG && b & POS)) out |= NEG;
  return out;
}

/** The signs of 1 / y: y's, without zero (a division by zero is a fault of the run, not a sign). */
export function reciprocal(b: Signs): Signs {
  const out = b & ~ZERO;
  return out === 0 && b !== 0 ? ANY : out;
}

/** The signs of max(x, y) (or min): signs are ordered, so the extreme of two is one of them. */
export function extreme(a: Signs, b: Signs, which: 'max' | 'min'): Signs {
  if (a === 0 || b === 0) return 0;
  let out = 0;
  const order = [NEG, ZERO, POS];
  for (const x of order) {
    if (!(a & x)) continue;
    for (const y of order) {
      if (!(b & y)) continue;
      const pick = which === 'max' ? Math.max(order.indexOf(x), order.indexOf(y)) : Math.min(order.indexOf(x), order.indexOf(y));
      out |= order[pick]!;
    }
  }
  return out;
}

/** With zero added: a step function's derivative is zero almost everywhere. */
export function weak(a: Signs): Signs {
  return a === 0 ? 0 : a | ZERO;
}

/**
 * The sign of a link read from a derivative's signs: + when never negative (and not always
 * zero), − when never positive, ? otherwise.
 */
export function linkSign(d: Signs): '+' | '-' | '?' {
  if (d === 0 || d === ZERO) return '?';
  if (!(d & NEG)) return '+';
  if (!(d & POS)) return '-';
  return '?';
}
