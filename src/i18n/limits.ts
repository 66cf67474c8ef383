/**
 * The table of limits as people read it: each bound of core/limits.ts with its value and what it
 * bounds, in their language (the words the `limit` issue uses). The CLI's `symbiose limits`, the
 * README's table, the server and the studio all show this one table.
 */
import { LIMIT_NAMES, LIMITS, type LimitName } from '../core/index.js';
import { ISSUE_CATALOGUES } from './issues/index.js';
import type { Locale } from './locale.js';

export interface LimitRow {
  name: LimitName;
  value: number;
  /** What the limit bounds, in the reader's language ("bytes in a file"). */
  bounds: string;
}

export function limitTable(locale: Locale): LimitRow[] {
  return LIMIT_NAMES.map((name) => ({ name, value: LIMITS[name], bounds: ISSUE_CATALOGUES[locale].words.limits[name] }));
}
