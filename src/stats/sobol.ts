/**
 * Sobol low-discrepancy points (Sobol', 1967), in Gray-code order as Antonov & Saleev (1979) and
 * Joe & Kuo generate them, 32 bits per coordinate, each point computed from its index alone (so a
 * chunk of points needs nothing from the chunks before it).
 *
 * Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, file
 * new-joe-kuo-6.21201 (web.maths.unsw.edu.au/~fkuo/sobol/), its dimensions 2 to 64; dimension 1
 * is van der Corput's (every m = 1). Rows 2–51 were written from the published file and checked
 * equal to scipy's copy of it (scipy/stats/_sobol_direction_numbers.npz, scipy 1.17.1); rows
 * 52–64 were taken from that copy.
 *
 * Licence of the direction numbers, as Joe & Kuo publish it beside the file (BSD-style, three
 * clauses; written here from memory of that page, not copied from it: compare before release):
 *   Copyright (c) 2008, Frances Y. Kuo and Stephen Joe. All rights reserved.
 *   Redistribution and use in source and binary forms, with or without modification, are
 *   permitted provided that the following conditions are met: (1) Redistributions of source code
 *   must retain the above copyright notice, this list of conditions and the following disclaimer.
 *   (2) Redistributions in binary form must reproduce the above copyright notice, this list of
 *   conditions and the following disclaimer in the documentation and/or other materials provided
 *   with the distribution. (3) Neither the names of the copyright holders nor the names of the
 *   University of New South Wales and the University of Waikato and its contributors may be used
 *   to endorse or promote products derived from this software without specific prior written
 *   permission.
 *   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
 *   IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY
 *   AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDERS
 *   OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR
 *   CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 *   SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
 *   THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR
 *   OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
 *   POSSIBILITY OF SUCH DAMAGE.
 */

/** Joe & Kuo's rows for dimensions 2, 3, …: [s (degree), a (inner coefficients as bits), m_1 … m_s]. */
const JOE_KUO: ReadonlyArray<readonly number[]> = [
  [1, 0, 1], [2, 1, 1, 3], [3, 1, 1, 3, 1], [3, 2, 1, 1, 1], [4, 1, 1, 1, 3, 3], [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17], [5, 4, 1, 1, 5, 5, 5], [5, 7, 1, 1, 7, 11, 19], [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11], [5, 14, 1, 3, 5, 5, 31], [6, 1, 1, 3, 3, 9, 7, 49], [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49], [6, 19, 1, 1, 1, 15, 7, 5], [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61], [7, 1, 1, 3, 7, 11, 23, 15, 103], [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63], [7, 8, 1, 3, 5, 9, 1, 25, 53], [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31], [7, 21, 1, 1, 5, 11, 19, 41, 61], [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1], [7, 32, 1, 3, 7, 5, 13, 19, 59], [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55], [7, 42, 1, 3, 7, 3, 13, 59, 17], [7, 50, 1, 3, 1, 3, 5, 53, 69],
  [7, 55, 1, 1, 5, 5, 23, 33, 13], [7, 56, 1, 1, 7, 7, 1, 61, 123], [7, 59, 1, 1, 7, 9, 13, 61, 49],
  [7, 62, 1, 3, 3, 5, 3, 55, 33], [8, 14, 1, 3, 1, 15, 31, 13, 49, 245],
  [8, 21, 1, 3, 5, 15, 31, 59, 63, 97], [8, 22, 1, 3, 1, 11, 11, 11, 77, 249],
  [8, 38, 1, 3, 1, 11, 27, 43, 71, 9], [8, 47, 1, 1, 7, 15, 21, 11, 81, 45],
  [8, 49, 1, 3, 7, 3, 25, 31, 65, 79], [8, 50, 1, 3, 1, 1, 19, 11, 3, 205],
  [8, 52, 1, 1, 5, 9, 19, 21, 29, 157], [8, 56, 1, 3, 7, 11, 1, 33, 89, 185],
  [8, 67, 1, 3, 3, 3, 15, 9, 79, 71], [8, 70, 1, 3, 7, 11, 15, 39, 119, 27],
  [8, 84, 1, 1, 3, 1, 11, 31, 97, 225], [8, 97, 1, 1, 1, 3, 23, 43, 57, 177],
  [8, 103, 1, 3, 7, 7, 17, 17, 37, 71], [8, 115, 1, 3, 1, 5, 27, 63, 123, 213],
  [8, 122, 1, 1, 3, 5, 11, 43, 53, 133], [9, 8, 1, 3, 5, 5, 29, 17, 47, 173, 479],
  [9, 13, 1, 3, 3, 11, 3, 1, 109, 9, 69], [9, 16, 1, 1, 1, 5, 17, 39, 23, 5, 343],
  [9, 22, 1, 3, 1, 5, 25, 15, 31, 103, 499], [9, 25, 1, 1, 1, 11, 11, 17, 63, 105, 183],
  [9, 44, 1, 1, 5, 11, 9, 29, 97, 231, 363], [9, 47, 1, 1, 5, 15, 19, 45, 41, 7, 383],
  [9, 52, 1, 3, 7, 7, 31, 19, 83, 137, 221], [9, 55, 1, 1, 1, 3, 23, 15, 111, 223, 83],
  [9, 59, 1, 1, 5, 13, 31, 15, 55, 25, 161], [9, 62, 1, 1, 3, 13, 25, 47, 39, 87, 257],
];

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
