/**
 * Sampling designs over the unit cube: plain Monte Carlo, Latin hypercube and Sobol points, cut
 * into chunks. Draw i of chunk c depends only on (seed, c, i) and the design's size, so any number
 * of workers, each drawing the chunks it is given, gets the same bits as one worker drawing them
 * all. Every coordinate lies in the open interval (0, 1), so quantile functions with infinite
 * tails (normal, lognormal) never receive 0 or 1.
 *
 * - `mc`: independent uniforms from xoshiro128** (see random.ts), stream (seed, chunk).
 * - `lhs`: Latin hypercube (McKay, Beckman & Conover, Technometrics 21, 1979): in each dimension,
 *   the N strata [k/N, (k+1)/N) are dealt to the N draws by a seeded random permutation, and
 *   each draw falls uniformly inside its stratum. N is fixed in advance.
 * - `sobol`: Sobol points (sobol.ts) with a seeded random digital shift (each dimension XORed with
 *   one random 32-bit word, which keeps every dyadic interval's count; L'Ecuyer & Lemieux 2002),
 *   or unshifted when `shift` is false, then moved by half the last bit, 2^-33, off zero.
 */
import { xoshiro128, type Random } from './random.js';
import { SOBOL_MAX_DIMENSIONS, sobolBits, sobolDirections } from './sobol.js';

export type SamplingMethod = 'mc' | 'lhs' | 'sobol';

export interface DesignSpec {
  method: SamplingMethod;
  /** How many uncertain inputs each draw has. */
  dimensions: number;
  /** How many draws in all. */
  runs: number;
  seed: number;
  /** Draws per chunk (default 1024, a power of two so Sobol chunks are whole nets). */
  chunkSize?: number;
  /** Sobol only: a seeded digital shift (default true). */
  shift?: boolean;
}

export type DesignFault =
  | { code: 'not-positive-integer'; path: ['runs' | 'dimensions' | 'chunkSize' | 'seed']; value: number }
  | { code: 'too-many-dimensions'; path: ['dimensions']; method: 'sobol'; max: number; value: number };

export interface Design {
  readonly spec: Required<DesignSpec>;
  /** How many chunks the runs fill (the last may be shorter). */
  readonly chunks: number;
  /** The draws of chunk c, row after row: draw i's coordinate j is at i·dimensions + j. */
  chunk(c: number): Float64Array;
  /** How many draws chunk c holds. */
  chunkRuns(c: number): number;
}

const HALF_BIT = 2 ** -33;
const TWO_32 = 2 ** 32;
// Separate streams for the separate uses of one seed: draws use (seed, chunk) itself.
const PERMUTATION_STREAM = 0x4c485350; // "LHSP"
const SHIFT_STREAM = 0x53484654; // "SHFT"

/** Every fault of a design's size; an empty list when it can be planned. */
export function checkDesign(spec: DesignSpec): DesignFault[] {
  const faults: DesignFault[] = [];
  const whole = (field: 'runs' | 'dimensions' | 'chunkSize', value: number | undefined) => {
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) faults.push({ code: 'not-positive-integer', path: [field], value });
  };
  whole('runs', spec.runs);
  whole('dimensions', spec.dimensions);
  whole('chunkSize', spec.chunkSize);
  if (!Number.isInteger(spec.seed)) faults.push({ code: 'not-positive-integer', path: ['seed'], value: spec.seed });
  if (spec.method === 'sobol' && spec.dimensions > SOBOL_MAX_DIMENSIONS) {
    faults.push({ code: 'too-many-dimensions', path: ['dimensions'], method: 'sobol', max: SOBOL_MAX_DIMENSIONS, value: spec.dimensions });
  }
  return faults;
}

/**
 * Plans a design: whatever all chunks share (Latin hypercube permutations, Sobol directions and
 * shift) is computed once, from the spec alone. Throws a RangeError on a spec checkDesign refuses.
 *
 * @example
 * const design = planDesign({ method: 'lhs', dimensions: 3, runs: 10_000, seed: 7 });
 * const rows = design.chunk(0); // 1024 draws × 3 coordinates in (0, 1)
 */
export function planDesign(spec: DesignSpec): Design {
  const faults = checkDesign(spec);
  if (faults.length > 0) throw new RangeError(`design refused: ${faults.map((f) => `${f.code} ${f.path.join('.')}`).join(', ')}`);
  const full: Required<DesignSpec> = { chunkSize: 1024, shift: true, ...spec };
  const chunks = Math.ceil(full.runs / full.chunkSize);
  const chunkRuns = (c: number) => Math.max(0, Math.min(full.chunkSize, full.runs - c * full.chunkSize));
  const draw = drawer(full);
  return { spec: full, chunks, chunkRuns, chunk: (c) => draw(c, chunkRuns(c)) };
}

function drawer(spec: Required<DesignSpec>): (c: number, count: number) => Float64Array {
  switch (spec.method) {
    case 'mc': return (c, count) => monteCarloChunk(spec, c, count);
    case 'lhs': {
      const strata = latinStrata(spec);
      return (c, count) => latinChunk(spec, strata, c, count);
    }
    case 'sobol': {
      const directions = sobolDirections(spec.dimensions);
      const shifts = sobolShifts(spec);
      return (c, count) => sobolChunk(spec, directions, shifts, c, count);
    }
  }
}

/** A uniform in (0, 1): the generator's 32 bits, moved by half a bit off zero. */
function openUniform(random: Random): number {
  return random.next() + HALF_BIT;
}

function monteCarloChunk(spec: Required<DesignSpec>, c: number, count: number): Float64Array {
  const random = xoshiro128(spec.seed, c);
  const rows = new Float64Array(count * spec.dimensions);
  for (let k = 0; k < rows.length; k++) rows[k] = openUniform(random);
  return rows;
}

/** One Fisher–Yates permutation of the N strata per dimension, dimension j from stream (seed ⊕ LHSP, j). */
function latinStrata(spec: Required<DesignSpec>): Uint32Array[] {
  return Array.from({ length: spec.dimensions }, (_, j) => {
    const random = xoshiro128(spec.seed ^ PERMUTATION_STREAM, j);
    const strata = new Uint32Array(spec.runs);
    for (let k = 0; k < spec.runs; k++) strata[k] = k;
    for (let k = spec.runs - 1; k > 0; k--) {
      const pick = random.below(k + 1);
      const kept = strata[k]!;
      strata[k] = strata[pick]!;
      strata[pick] = kept;
    }
    return strata;
  });
}

function latinChunk(spec: Required<DesignSpec>, strata: Uint32Array[], c: number, count: number): Float64Array {
  const random = xoshiro128(spec.seed, c);
  const rows = new Float64Array(count * spec.dimensions);
  const first = c * spec.chunkSize;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < spec.dimensions; j++) {
      // The draw's place inside its stratum is in [0, 1); a stratum's width is 1/N.
      const stratum = strata[j]![first + i]!;
      rows[i * spec.dimensions + j] = (stratum + openUniform(random)) / spec.runs;
    }
  }
  return rows;
}

function sobolShifts(spec: Required<DesignSpec>): Uint32Array {
  const shifts = new Uint32Array(spec.dimensions);
  if (!spec.shift) return shifts;
  const random = xoshiro128(spec.seed ^ SHIFT_STREAM, 0);
  for (let j = 0; j < spec.dimensions; j++) shifts[j] = random.next() * TWO_32;
  return shifts;
}

function sobolChunk(spec: Required<DesignSpec>, directions: Uint32Array[], shifts: Uint32Array, c: number, count: number): Float64Array {
  const rows = new Float64Array(count * spec.dimensions);
  const first = c * spec.chunkSize;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < spec.dimensions; j++) {
      const bits = (sobolBits(directions[j]!, first + i) ^ shifts[j]!) >>> 0;
      rows[i * spec.dimensions + j] = bits / TWO_32 + HALF_BIT;
    }
  }
  return rows;
}
