/**
 * Sobol low-discrepancy points (Sobol', 1967), in Gray-code order as Antonov & Saleev (1979) and
 * Joe & Kuo generate them, 32 bits per coordinate, each point computed from its index alone (so a
 * chunk of points needs nothing from the chunks before it).
 *
 * Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, file
 * new-joe-kuo-6.21201 (web.maths.unsw.edu.au/~fkuo/sobol/), its dimensions 2 to 1024
 * (sobol-directions.ts, with their licence, BSD-style); dimension 1 is van der Corput's (every
 * m = 1).
 */
import { JOE_KUO_ROWS } from './sobol-directions.js';

/** Joe & Kuo's rows for dimensions 2, 3, …: [s (degree), a (inner coefficients as bits), m_1 … m_s], read once. */
const JOE_KUO: ReadonlyArray<readonly number[]> = JOE_KUO_ROWS.split('|').map((row) => row.split(' ').map(Number));

/** How many dimensions the table gives. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

const BITS = 32;

/** The 32 direction numbers V_1 … V_32 of a dimension (1-based), each m_k · 2^(32−k). */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 1) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dimension - 2]!;
  for (let k = 0; k < s!; k++) v[k] = m[k]! * 2 ** (BITS - 1 - k);
  // Joe & Kuo's recurrence: V_k = V_{k−s} ⊕ (V_{k−s} >> s) ⊕ ⊕_{i=1}^{s−1} a_i V_{k−i}, a_i bit s−1−i of a.
  for (let k = s!; k < BITS; k++) {
    let value = v[k - s!]! ^ (v[k - s!]! >>> s!);
    for (let i = 1; i < s!; i++) if ((a! >>> (s! - 1 - i)) & 1) value ^= v[k - i]!;
    v[k] = value >>> 0;
  }
  return v;
}

/** The direction numbers of dimensions 1 … `dimensions` (at most SOBOL_MAX_DIMENSIONS). */
export function sobolDirections(dimensions: number): Uint32Array[] {
  if (dimensions > SOBOL_MAX_DIMENSIONS) throw new RangeError(`Sobol points have at most ${SOBOL_MAX_DIMENSIONS} dimensions here`);
  return Array.from({ length: dimensions }, (_, j) => directionNumbers(j + 1));
}

/**
 * Coordinate `dimension` of Sobol point `index` (0, 1, 2, …) as a 32-bit integer: the XOR of the
 * direction numbers picked by the bits of the index's Gray code, index ⊕ (index >> 1).
 */
export function sobolBits(directions: Uint32Array, index: number): number {
  let gray = (index ^ Math.floor(index / 2)) >>> 0;
  let x = 0;
  for (let k = 0; gray !== 0; k++, gray >>>= 1) if (gray & 1) x ^= directions[k]!;
  return x >>> 0;
}

/**
 * Sobol point `index` in [0, 1)^d, unscrambled, as published: dimension 1 runs 0, 0.5, 0.75,
 * 0.25, 0.375, …
 *
 * @example
 * sobolPoint(sobolDirections(2), 2); // [0.75, 0.25]
 */
export function sobolPoint(directions: readonly Uint32Array[], index: number): number[] {
  return directions.map((v) => sobolBits(v, index) / 2 ** BITS);
}
