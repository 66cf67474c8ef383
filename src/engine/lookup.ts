/**
 * Graphical functions (XMILE 1.0 §3.1.4): a table of points read at any x.
 * continuous: linear between points, the end value beyond them; extrapolate: the end segments
 * continued; discrete: the value of the last point at or before x.
 */
import type { EngineParamsByCode } from './issues.js';
import type { GraphicalFunction, GraphicalFunctionType } from './model.js';

/** Why points do not make a table. */
export type TableFault = EngineParamsByCode['graphical-function'];

export interface Table {
  type: GraphicalFunctionType;
  xs: Float64Array;
  ys: Float64Array;
}

/** The x of each point: explicit, or spread evenly over xscale (Stella writes only ypts then). */
export function tableOf(gf: GraphicalFunction): Table | TableFault {
  const n = gf.ys.length;
  if (n === 0) return { reason: 'no-points' };
  let xs: number[];
  if (gf.xs) {
    if (gf.xs.length !== n) return { reason: 'length-mismatch', xs: gf.xs.length, ys: n };
    xs = gf.xs;
  } else if (gf.xscale) {
    const { min, max } = gf.xscale;
    xs = gf.ys.map((_, i) => (n === 1 ? min : min + ((max - min) * i) / (n - 1)));
  } else return { reason: 'no-x' };
  for (let i = 1; i < n; i++) {
    if (!(xs[i]! >= xs[i - 1]!)) return { reason: 'decreasing', point: i + 1 };
  }
  return { type: gf.type, xs: Float64Array.from(xs), ys: Float64Array.from(gf.ys) };
}

export function isTable(table: Table | TableFault): table is Table {
  return !('reason' in table);
}

export function readTable(table: Table, x: number): number {
  const { xs, ys } = table;
  const n = xs.length;
  if (Number.isNaN(x)) return NaN;
  const last = n - 1;
  if (x <= xs[0]!) {
    if (table.type === 'extrapolate' && n > 1 && x < xs[0]!) return line(xs[0]!, ys[0]!, xs[1]!, ys[1]!, x);
    return ys[0]!;
  }
  if (x >= xs[last]!) {
    if (table.type === 'extrapolate' && n > 1 && x > xs[last]!) return line(xs[last - 1]!, ys[last - 1]!, xs[last]!, ys[last]!, x);
    return ys[last]!;
  }
  // Binary search for the segment [xs[lo], xs[hi]] holding x.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  if (table.type === 'discrete') return ys[lo]!;
  return line(xs[lo]!, ys[lo]!, xs[hi]!, ys[hi]!, x);
}

function line(x0: number, y0: number, x1: number, y1: number, x: number): number {
  if (x1 === x0) return y1;
  return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}
