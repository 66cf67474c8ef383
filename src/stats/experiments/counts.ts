/** A variant's observed counts: how many of the trials converted. */
export interface Counts {
  readonly successes: number;
  readonly trials: number;
}

/**
 * Why counts cannot be analysed, as a code for the words layer; undefined when they can. Trials
 * are whole numbers ≥ 1 and successes whole numbers from 0 to the trials.
 */
export type CountsFault = 'not-whole' | 'no-trials' | 'successes-out-of-range';

export function countsFault(c: Counts): CountsFault | undefined {
  if (!Number.isInteger(c.successes) || !Number.isInteger(c.trials)) return 'not-whole';
  if (c.trials < 1) return 'no-trials';
  if (c.successes < 0 || c.successes > c.trials) return 'successes-out-of-range';
  return undefined;
}

/** Throws a RangeError naming the fault; callers at a surface check countsFault first. */
export function assertCounts(c: Counts, label: string): void {
  const fault = countsFault(c);
  if (fault) throw new RangeError(`${label}: ${fault} (${c.successes}/${c.trials})`);
}

export function rate(c: Counts): number {
  return c.successes / c.trials;
}
