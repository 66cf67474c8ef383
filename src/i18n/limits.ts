/**
 * The table of limits as people read it: each bound of core/limits.ts with its value and what it
 * bounds, in their language (the words the `limit` issue uses). The CLI's `symbiose limits`, the
 * README's table, the server and the studio all show this one table.
 */
import type { LimitName } from '../core/index.js';
import { ISSUE_CATALOGUES } from './issues/index.js';
import type { Locale } from './locale.js';

export interface LimitRow {
  name: LimitName;
  value: number;
  /** What the limit bounds, in the reader's language ("bytes in a file"). */
  bounds: string;
}

/**
 * `limits` (core's LIMITS, in its order) in `locale`'s words. Given by the caller rather than
 * imported: the catalogue then loads none of the core, and the CLI starts faster.
 */
export function limitTable(locale: Locale, limits: Readonly<Record<LimitName, number>>): LimitRow[] {
  return (Object.keys(limits) as LimitName[]).map((name) => ({ name, value: limits[name], bounds: ISSUE_CATALOGUES[locale].words.limits[name] }));
}
