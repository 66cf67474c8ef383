/**
 * What one draw leaves per actor, read straight from the ledger's columns: the figures the
 * profitability sheet gives (profitability.ts, same conventions and order of sums within a
 * period), without making the sheet's lines, which a run of 10⁵ draws would make 10⁵ times.
 *
 * - a business: its operating net cash flow per period (money in less money out and costs,
 *   financing apart), the cumulative position, NPV, break-even period and deepest position;
 * - a segment (a population, not a business): what its members gain, value received plus money
 *   in less money out and costs, financing included, as `profit` and `compare` show it; no NPV,
 *   break-even or deepest position.
 */
import { annualDiscountRate, type BlockLedger, type DrawLedger, type Ledger, type ModelDocument } from '../core/index.js';
import { periodRate } from './profitability.js';

export type ActorRole = 'business' | 'segment';

/** Where each flow line and cost row goes, worked out once per prepared model. */
export interface FigureLayout {
  actors: readonly string[];
  roles: readonly ActorRole[];
  horizon: number;
  /** 1 / (1 + r)^p, p = 0..horizon. */
  discount: Float64Array;
  /** Per flow line: the receiving and giving actor's index (−1 when not an actor of the model). */
  to: Int32Array;
  from: Int32Array;
  /** Per flow line: 0 money, 1 financing money, 2 a valued object. */
  kind: Uint8Array;
  /** Per cost row: its actor's index. */
  costActor: Int32Array;
}

const MONEY = 0, FINANCING = 1, VALUE = 2;

/** The layout of an ecosystem's ledger (the first draw's: every draw of a prepared model shares its lines and rows). */
export function figureLayout(doc: ModelDocument, ledger: Ledger): FigureLayout {
  const actors = Object.keys(doc.actors);
  const index = new Map(actors.map((a, i) => [a, i]));
  const { lines } = ledger.flows;
  const rate = periodRate(annualDiscountRate(doc.discountRate), doc.period);
  return {
    actors,
    roles: actors.map((a) => (doc.actors[a]?.kind === 'segment' ? 'segment' : 'business')),
    horizon: ledger.horizon,
    discount: Float64Array.from({ length: ledger.horizon + 1 }, (_, p) => (1 + rate) ** p),
    to: Int32Array.from(lines, (l) => index.get(l.to) ?? -1),
    from: Int32Array.from(lines, (l) => index.get(l.from) ?? -1),
    kind: Uint8Array.from(lines, (l) => (l.nature !== 'money' ? VALUE : doc.transactions[l.transaction]?.financing === true ? FINANCING : MONEY)),
    costActor: Int32Array.from(ledger.costs.rows, (r) => index.get(r.actor) ?? -1),
  };
}

/** One draw's figures, every actor: arrays the caller owns and reuses from draw to draw. */
export interface DrawFigures {
  /** Per actor: a business's NPV, a segment's total gain. */
  headline: Float64Array;
  /** Per actor: the break-even period, NaN when below zero at the horizon (and for segments). */
  breakEven: Float64Array;
  /** Per actor: the deepest cumulative position (0 or below; 0 for segments). */
  deepest: Float64Array;
  /** Per actor, per period 0..horizon: the cumulative position (a segment's cumulative gain); actor a's at a·(horizon + 1). */
  cumulative: Float64Array;
}

export function drawFigures(layout: FigureLayout): DrawFigures {
  const n = layout.actors.length;
  return { headline: new Float64Array(n), breakEven: new Float64Array(n), deepest: new Float64Array(n), cumulative: new Float64Array(n * (layout.horizon + 1)) };
}

/**
 * Scratch arrays per actor and period: revenue, payments, costs, financing and value received,
 * summed in the ledger's order as the sheet sums them.
 */
interface Scratch { revenue: Float64Array; payments: Float64Array; costs: Float64Array; financing: Float64Array; value: Float64Array; series: number[] }

const scratches = new WeakMap<FigureLayout, Scratch>();

function scratchOf(layout: FigureLayout): Scratch {
  let scratch = scratches.get(layout);
  if (!scratch) {
    const size = layout.actors.length * (layout.horizon + 1);
    scratch = { revenue: new Float64Array(size), payments: new Float64Array(size), costs: new Float64Array(size), financing: new Float64Array(size), value: new Float64Array(size), series: new Array<number>(layout.horizon + 1).fill(0) };
    scratches.set(layout, scratch);
  }
  return scratch;
}

/** Fills `out` with the figures of the evaluated ecosystem (or of a block's draw: only its ledger's money, value and cost entries are read). */
export function readFigures(layout: FigureLayout, ecosystem: { readonly ledger: DrawLedger }, out: DrawFigures): void {
  const s = scratchOf(layout);
  s.revenue.fill(0);
  s.payments.fill(0);
  s.costs.fill(0);
  s.financing.fill(0);
  s.value.fill(0);
  sumFlows(layout, ecosystem.ledger, s);
  sumCosts(layout, ecosystem.ledger, s);
  const width = layout.horizon + 1;
  for (let a = 0; a < layout.actors.length; a++) {
    const base = a * width;
    let cumulative = 0, npv = 0;
    for (let p = 0; p < width; p++) {
      const net = s.revenue[base + p]! - s.payments[base + p]! - s.costs[base + p]!;
      if (layout.roles[a] === 'segment') cumulative += net + s.value[base + p]! + s.financing[base + p]!;
      else {
        cumulative += net;
        npv += net / layout.discount[p]!;
      }
      out.cumulative[base + p] = cumulative;
      s.series[p] = cumulative;
    }
    if (layout.roles[a] === 'segment') {
      out.headline[a] = cumulative;
      out.breakEven[a] = NaN;
      out.deepest[a] = 0;
    } else {
      out.headline[a] = npv;
      const { breakEven, deepest } = positions(s.series);
      out.breakEven[a] = breakEven;
      out.deepest[a] = deepest;
    }
  }
}

/** A block's figures, every lane: lane d of actor a at a × stride + d, of its period p at (a × (horizon + 1) + p) × stride + d. */
export interface BlockFigures {
  stride: number;
  headline: Float64Array;
  breakEven: Float64Array;
  deepest: Float64Array;
  cumulative: Float64Array;
}

export function blockFigures(layout: FigureLayout, stride: number): BlockFigures {
  const n = layout.actors.length * stride;
  return { stride, headline: new Float64Array(n), breakEven: new Float64Array(n), deepest: new Float64Array(n), cumulative: new Float64Array(n * (layout.horizon + 1)) };
}

const blockScratches = new WeakMap<FigureLayout, Map<number, Scratch>>();

/**
 * readFigures for lanes 0..n−1 of a block's ledger at once: each lane's sums in the ledger's
 * order, as readFigures makes them for that draw alone, so each lane's figures are its bits.
 */
export function readBlockFigures(layout: FigureLayout, ledger: BlockLedger, n: number, out: BlockFigures): void {
  const B = ledger.stride;
  const width = layout.horizon + 1;
  const actors = layout.actors.length;
  let byStride = blockScratches.get(layout);
  if (!byStride) blockScratches.set(layout, (byStride = new Map()));
  let s = byStride.get(B);
  if (!s) {
    const size = actors * width * B;
    s = { revenue: new Float64Array(size), payments: new Float64Array(size), costs: new Float64Array(size), financing: new Float64Array(size), value: new Float64Array(size), series: new Array<number>(width).fill(0) };
    byStride.set(B, s);
  }
  s.revenue.fill(0);
  s.payments.fill(0);
  s.costs.fill(0);
  s.financing.fill(0);
  s.value.fill(0);
  const { money, value } = ledger;
  const lines = layout.to.length;
  for (let p = 1; p <= layout.horizon; p++) {
    const row = (p - 1) * lines;
    for (let l = 0; l < lines; l++) {
      const to = layout.to[l]!, from = layout.from[l]!;
      const at = (row + l) * B;
      const into = (to * width + p) * B, outOf = (from * width + p) * B;
      if (layout.kind[l] === VALUE) {
        if (to >= 0) for (let d = 0; d < n; d++) s.value[into + d]! += value[at + d]!;
        continue;
      }
      const financing = layout.kind[l] === FINANCING;
      for (let d = 0; d < n; d++) {
        const amount = money[at + d]!;
        if (amount === 0) continue;
        if (financing) {
          if (to >= 0) s.financing[into + d]! += amount;
          if (from >= 0) s.financing[outOf + d]! -= amount;
        } else {
          if (to >= 0) s.revenue[into + d]! += amount;
          if (from >= 0) s.payments[outOf + d]! += amount;
        }
      }
    }
  }
  let entries = 0;
  for (let d = 0; d < n; d++) entries = Math.max(entries, ledger.costCount[d]!);
  for (let i = 0; i < entries; i++) {
    for (let d = 0; d < n; d++) {
      if (i >= ledger.costCount[d]!) continue;
      const at = i * B + d;
      const a = layout.costActor[ledger.costRow[at]!]!;
      if (a >= 0) s.costs[(a * width + ledger.costPeriod[at]!) * B + d]! += ledger.costAmount[at]!;
    }
  }
  // Period by period over the lanes (each lane's sums in its own order of periods, as readFigures
  // makes them); then profitability's tolerance, deepest position and break-even per lane.
  const { cumulative, npv, scale, deepest, open, breakEven } = laneScratchOf(s, B);
  for (let a = 0; a < actors; a++) {
    const segment = layout.roles[a] === 'segment';
    cumulative.fill(0, 0, n);
    npv.fill(0, 0, n);
    scale.fill(1, 0, n);
    for (let p = 0; p < width; p++) {
      const cell = (a * width + p) * B;
      const discount = layout.discount[p]!;
      for (let d = 0; d < n; d++) {
        const net = s.revenue[cell + d]! - s.payments[cell + d]! - s.costs[cell + d]!;
        if (segment) cumulative[d]! += net + s.value[cell + d]! + s.financing[cell + d]!;
        else {
          cumulative[d]! += net;
          npv[d]! += net / discount;
        }
        out.cumulative[cell + d] = cumulative[d]!;
        scale[d] = Math.max(scale[d]!, Math.abs(cumulative[d]!));
      }
    }
    const at = a * B;
    if (segment) {
      for (let d = 0; d < n; d++) {
        out.headline[at + d] = cumulative[d]!;
        out.breakEven[at + d] = NaN;
        out.deepest[at + d] = 0;
      }
      continue;
    }
    deepest.fill(0, 0, n);
    open.fill(1, 0, n);
    for (let d = 0; d < n; d++) {
      scale[d] = 1e-9 * scale[d]!;
      breakEven[d] = width - 1;
    }
    // scale now holds each lane's tolerance (EPS).
    for (let p = 0; p < width; p++) {
      const cell = (a * width + p) * B;
      for (let d = 0; d < n; d++) {
        const x = out.cumulative[cell + d]!;
        if (x < deepest[d]! && x < -scale[d]!) deepest[d] = x;
      }
    }
    for (let p = width - 2; p >= 0; p--) {
      const cell = (a * width + p) * B;
      for (let d = 0; d < n; d++) {
        if (!open[d]) continue;
        if (out.cumulative[cell + d]! >= -scale[d]!) breakEven[d] = p;
        else open[d] = 0;
      }
    }
    const last = (a * width + width - 1) * B;
    for (let d = 0; d < n; d++) {
      out.headline[at + d] = npv[d]!;
      out.breakEven[at + d] = out.cumulative[last + d]! < -scale[d]! ? NaN : breakEven[d]!;
      out.deepest[at + d] = deepest[d]!;
    }
  }
}

const laneScratches = new WeakMap<Scratch, { cumulative: Float64Array; npv: Float64Array; scale: Float64Array; deepest: Float64Array; open: Uint8Array; breakEven: Float64Array }>();

function laneScratchOf(s: Scratch, B: number) {
  let found = laneScratches.get(s);
  if (!found) laneScratches.set(s, (found = { cumulative: new Float64Array(B), npv: new Float64Array(B), scale: new Float64Array(B), deepest: new Float64Array(B), open: new Uint8Array(B), breakEven: new Float64Array(B) }));
  return found;
}

/**
 * profitability's breakEvenPeriod (NaN for none) and deepestPosition's amount, worked out as they
 * do (the same tolerance, the same comparisons) without the records they make.
 */
function positions(cumulative: readonly number[]): { breakEven: number; deepest: number } {
  let scale = 1;
  for (let p = 0; p < cumulative.length; p++) scale = Math.max(scale, Math.abs(cumulative[p]!));
  const EPS = 1e-9 * scale;
  let deepest = 0;
  for (let p = 0; p < cumulative.length; p++) {
    const x = cumulative[p]!;
    if (x < deepest && x < -EPS) deepest = x;
  }
  if (cumulative.length === 0 || cumulative[cumulative.length - 1]! < -EPS) return { breakEven: NaN, deepest };
  let p = cumulative.length - 1;
  while (p > 0 && cumulative[p - 1]! >= -EPS) p--;
  return { breakEven: p, deepest };
}

function sumFlows(layout: FigureLayout, ledger: DrawLedger, s: Scratch): void {
  const { money, value } = ledger.flows;
  const lines = layout.to.length;
  const width = layout.horizon + 1;
  for (let p = 1; p <= layout.horizon; p++) {
    const row = (p - 1) * lines;
    for (let l = 0; l < lines; l++) {
      const to = layout.to[l]!, from = layout.from[l]!;
      if (layout.kind[l] === VALUE) {
        if (to >= 0) s.value[to * width + p]! += value[row + l]!;
        continue;
      }
      const amount = money[row + l]!;
      if (amount === 0) continue;
      if (layout.kind[l] === FINANCING) {
        if (to >= 0) s.financing[to * width + p]! += amount;
        if (from >= 0) s.financing[from * width + p]! -= amount;
      } else {
        if (to >= 0) s.revenue[to * width + p]! += amount;
        if (from >= 0) s.payments[from * width + p]! += amount;
      }
    }
  }
}

function sumCosts(layout: FigureLayout, ledger: DrawLedger, s: Scratch): void {
  const { row, period, amount } = ledger.costs;
  const width = layout.horizon + 1;
  for (let i = 0; i < row.length; i++) {
    const a = layout.costActor[row[i]!]!;
    if (a >= 0) s.costs[a * width + period[i]!]! += amount[i]!;
  }
}
