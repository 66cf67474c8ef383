/**
 * A seeded pseudo-random generator, so that every draw of a sampling run depends only on its seed
 * and chunk number: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", 2018; reference code at prng.di.unimi.it), its 128-bit state filled by splitmix32
 * from the seed. Pure: no clock, no Math.random.
 *
 * @example
 * const random = xoshiro128(42, 3); // chunk 3 of seed 42
 * random.next(); // a float in [0, 1)
 */
export interface Random {
  /** A float in [0, 1), 32 random bits. */
  next(): number;
  /** An integer in [0, n), n ≤ 2^32, without modulo bias. */
  below(n: number): number;
}

/** splitmix32 (Vigna's 32-bit variant of SplitMix): one step from `state`, and the next state. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [(z ^ (z >>> 16)) >>> 0, next];
}

/** The generator of chunk `chunk` of a run seeded with `seed` (both 32-bit integers). */
export function xoshiro128(seed: number, chunk = 0): Random {
  // The chunk is mixed into the seed so that chunks of one run draw unrelated streams.
  let state = (seed ^ Math.imul(chunk + 1, 0x9e3779b1)) | 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [word, next] = splitmix32(state);
    words.push(word);
    state = next;
  }
  return xoshiro128FromState(words[0]!, words[1]!, words[2]!, words[3]!);
}

/** xoshiro128** from its four 32-bit state words (not all zero), as the reference code takes them. */
export function xoshiro128FromState(a: number, b: number, c: number, d: number): Random {
  let s0 = a >>> 0, s1 = b >>> 0, s2 = c >>> 0, s3 = d >>> 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is the one forbidden
  const bits = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return {
    next: () => bits() / 4294967296,
    below(n: number): number {
      // Rejection: draws at or past the largest multiple of n below 2^32 are thrown back (no bias).
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const x = bits();
        if (x < limit) return x % n;
      }
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The seed of sub-run `index` of a run seeded with `seed` (a risk run's draw i gives its
 * dynamics' random builtins streamSeed(seed, i)): one splitmix32 output, so neighbouring indices
 * give unrelated seeds.
 */
export function streamSeed(seed: number, index: number): number {
  return splitmix32((seed ^ Math.imul(index + 1, 0x85ebca6b)) | 0)[0] | 0;
}
