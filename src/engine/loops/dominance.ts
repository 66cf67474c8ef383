/**
 * Which loop drives the behaviour when: the Loops that Matter method (Schoenberg, Davidsen &
 * Eberlein 2020, "Understanding model behavior using the Loops that Matter method", System
 * Dynamics Review 36(2); the flow-to-stock score as corrected by Schoenberg, Hayward & Eberlein
 * 2023, "Improving Loops that Matter", SDR 39(2); as Simlin documents both), from one run, step
 * by step:
 *
 * - link score of x → z (z an auxiliary or a flow): |Δₓz / Δz| · sign(Δₓz / Δx), where Δₓz is
 *   z's equation evaluated with x at its new value and every other input at its previous one,
 *   minus z's previous value; 0 when x or z does not change;
 * - link score of a flow into (out of) a stock: +|Δflow / Δnet| (−|…|), net being the stock's
 *   inflows minus its outflows: the flow's change over the change of the stock's net flow;
 * - loop score: the product of its link scores; relative loop score: the loop score over the sum
 *   of the absolute loop scores of the loops in its partition (between −1 and 1, the sign its
 *   polarity in the run).
 *
 * The scores of the step from t − dt to t are labelled t, as Simlin labels them. At each step the
 * leading loop of a partition is the one with the largest absolute relative score; the periods
 * are the runs of steps with the same leader, and a leader is dominant, in the method's sense,
 * when it accounts for at least half of the change at every step of its period.
 */
import { canonicalLabel } from '../compile/index.js';
import type { Expr } from '../compile/expr.js';
import { DT_SLOT, setInputs, START_SLOT, STOP_SLOT, TIME_SLOT, type Program } from '../compile/program.js';
import { thunksOf, type Thunk } from '../kernel/closures.js';
import type { Model } from '../model.js';
import { canonicalName } from '../names.js';
import { simulate } from '../simulate.js';
import type { CausalLink } from './graph.js';
import type { FeedbackStructure, Polarity } from './structure.js';

export interface LoopScores {
  loop: string;
  /** The relative loop score of each step, at `times`. */
  relative: number[];
  /** What the run showed: the sign of every non-zero loop score, or both. */
  observed: Polarity | 'both' | 'inactive';
}

export interface DominancePeriod {
  partition: number;
  from: number;
  to: number;
  /** The leading loop, or null while no loop of the partition is active (nothing changes). */
  loop: string | null;
  /** The leader's mean absolute relative score over the period. */
  share: number;
  /** Whether the leader accounts for at least half the change at every step of the period. */
  dominant: boolean;
}

/**
 * Why a loop has no scores: a variable on it is arrayed, or reads a value held inside a builtin
 * (the memory of a DELAY, SMTH, TREND or INIT, or a random draw), which one step's re-evaluation
 * cannot set.
 */
export interface Unscored {
  loop: string;
  reason: 'array' | 'memory';
  variable: string;
}

export interface Dominance {
  method: string;
  dt: number;
  /** The end of each step. */
  times: number[];
  scores: LoopScores[];
  periods: DominancePeriod[];
  unscored: Unscored[];
  /**
   * Each link of the scored loops with the signs its score took in the run: a check on the sign
   * read from the equations (a + link never scores below zero), and what a ? link did.
   */
  links: Array<CausalLink & { observed: '+' | '-' | 'both' | 'none' }>;
}

export interface DominanceLimits {
  /** The most link-score evaluations a run may take (steps × links); past it, no dominance. */
  maxEvaluations: number;
}

export const DEFAULT_DOMINANCE_LIMITS: DominanceLimits = { maxEvaluations: 20_000_000 };

/** The run would take more evaluations than the limit allows. */
export interface DominanceRefusal {
  refused: 'too-large';
  evaluations: number;
  max: number;
}

export function loopDominance(
  model: Model,
  program: Program,
  structure: FeedbackStructure,
  limits: DominanceLimits = DEFAULT_DOMINANCE_LIMITS,
): Dominance | DominanceRefusal {
  const slotOf = (name: string) => {
    const label = program.labels.get(canonicalLabel(name));
    return label === undefined ? undefined : program.series.get(label);
  };
  const slots = new Map<string, number>();
  for (const node of structure.variables) {
    const slot = slotOf(node.name);
    if (slot !== undefined) slots.set(node.name, slot);
  }
  const exprs = new Map(program.update.map((a) => [a.slot, a.expr]));
  const known = knownSlots(program);
  const byName = new Map(model.variables.map((v) => [canonicalName(v.name), v]));
  const kinds = new Map(structure.variables.map((v) => [v.name, v.kind]));

  // Which loops can be scored, and the links they need.
  const unscored: Unscored[] = [];
  const scored = structure.loops.filter((loop) => {
    for (const name of loop.variables) {
      const slot = slots.get(name);
      const expr = slot === undefined ? undefined : exprs.get(slot);
      if (slot === undefined) unscored.push({ loop: loop.id, reason: 'array', variable: name });
      else if (kinds.get(name) !== 'stock' && (!expr || !readsOnly(expr, known))) unscored.push({ loop: loop.id, reason: 'memory', variable: name });
      else continue;
      return false;
    }
    return true;
  });
  const links = new Map<string, CausalLink>();
  for (const loop of scored) for (const link of loop.links) links.set(key(link), link);

  const dt = program.specs.dt;
  if (scored.length === 0) return { method: program.specs.method, dt, times: [], scores: [], periods: [], unscored, links: [] };
  const steps = Math.floor((program.specs.stop - program.specs.start) / dt + 1e-9);
  const evaluations = steps * (links.size + scored.reduce((n, l) => n + l.links.length, 0));
  if (evaluations > limits.maxEvaluations) return { refused: 'too-large', evaluations, max: limits.maxEvaluations };

  // Only what the scores read is kept, every step: the loops' variables, what their equations
  // read, and the flows of their stocks.
  const wanted = new Set<number>();
  for (const loop of scored) {
    for (const name of loop.variables) {
      wanted.add(slots.get(name)!);
      const expr = exprs.get(slots.get(name)!);
      if (expr) collectSlots(expr, wanted);
      const v = byName.get(canonicalName(name));
      if (v?.kind === 'stock') for (const f of [...(v.inflows ?? []), ...(v.outflows ?? [])]) if (slotOf(f) !== undefined) wanted.add(slotOf(f)!);
    }
  }
  const labels = [...program.series].filter(([, slot]) => wanted.has(slot)).map(([label]) => label);
  const run = simulate(program, { saveStep: dt, engine: 'closures', save: labels });
  const values = new Map<number, Float64Array>();
  for (const label of labels) values.set(program.series.get(label)!, run.series.get(label)!);
  const rows = run.times.length;

  // The slots as they were at the previous step, one array rewritten step by step.
  const previous = new Float64Array(program.slotCount);
  previous[DT_SLOT] = dt;
  previous[START_SLOT] = program.specs.start;
  previous[STOP_SLOT] = program.specs.stop;
  setInputs(program, previous);
  const series = [...values];

  const targets = [...new Set([...links.values()].filter((l) => kinds.get(l.effect) !== 'stock').map((l) => l.effect))];
  const thunks = new Map<string, Thunk>();
  const made = thunksOf(targets.map((t) => exprs.get(slots.get(t)!)!), program.tables);
  targets.forEach((t, i) => thunks.set(t, made[i]!));
  const netOf = new Map<string, (row: number) => number>();
  for (const link of links.values()) {
    if (kinds.get(link.effect) !== 'stock' || netOf.has(link.effect)) continue;
    const stock = byName.get(canonicalName(link.effect))!;
    const flows = (names: string[] | undefined) => (names ?? []).map((f) => values.get(slotOf(f) ?? -1)).filter((s): s is Float64Array => s !== undefined);
    const ins = flows(stock.inflows);
    const outs = flows(stock.outflows);
    netOf.set(link.effect, (row) => ins.reduce((a, s) => a + s[row]!, 0) - outs.reduce((a, s) => a + s[row]!, 0));
  }

  const relative = scored.map(() => new Array<number>(Math.max(0, rows - 1)).fill(0));
  const loopScore = new Float64Array(scored.length);
  const linkScore = new Map<string, number>();
  const seen = new Map<string, { positive: boolean; negative: boolean }>([...links.keys()].map((k) => [k, { positive: false, negative: false }]));
  const times: number[] = [];
  for (let row = 1; row < rows; row++) {
    times.push(run.times[row]!);
    for (const [slot, column] of series) previous[slot] = column[row - 1]!;
    previous[TIME_SLOT] = run.times[row - 1]!;
    const base = new Map<string, number>();
    for (const [name, f] of thunks) base.set(name, f(previous));
    for (const link of links.values()) {
      const from = values.get(slots.get(link.cause)!)!;
      const to = values.get(slots.get(link.effect)!)!;
      const dx = from[row]! - from[row - 1]!;
      let score = 0;
      if (kinds.get(link.effect) === 'stock') {
        const net = netOf.get(link.effect)!;
        const dNet = net(row) - net(row - 1);
        if (dx !== 0 && dNet !== 0) score = (link.sign === '-' ? -1 : 1) * Math.abs(dx / dNet);
      } else {
        const dz = to[row]! - to[row - 1]!;
        if (dx !== 0 && dz !== 0) {
          const slot = slots.get(link.cause)!;
          const kept = previous[slot]!;
          previous[slot] = from[row]!;
          const partial = thunks.get(link.effect)!(previous) - base.get(link.effect)!;
          previous[slot] = kept;
          if (partial !== 0) score = Math.abs(partial / dz) * Math.sign(partial / dx);
        }
      }
      linkScore.set(key(link), score);
      if (score > 0) seen.get(key(link))!.positive = true;
      else if (score < 0) seen.get(key(link))!.negative = true;
    }
    scored.forEach((loop, i) => {
      let product = 1;
      for (const link of loop.links) product *= linkScore.get(key(link))!;
      loopScore[i] = product;
    });
    normalise(scored.map((l) => l.partition), loopScore, (i, r) => (relative[i]![row - 1] = r));
  }
  const scores = scored.map((loop, i): LoopScores => ({ loop: loop.id, relative: relative[i]!, observed: observedPolarity(relative[i]!) }));
  return {
    method: program.specs.method,
    dt,
    times,
    scores,
    periods: periodsOf(scored.map((l) => [l.id, l.partition] as const), relative, [program.specs.start, ...times]),
    unscored,
    links: [...links.values()].map((link) => {
      const { positive, negative } = seen.get(key(link))!;
      const observed = positive && negative ? 'both' : positive ? '+' : negative ? '-' : 'none';
      return { ...link, observed };
    }),
  };
}

const key = (link: CausalLink) => `${link.cause}\u0000${link.effect}`;

/** Every loop score over the sum of the absolute scores in its partition (an infinite score takes its share of the infinite ones). */
function normalise(partitions: number[], scores: Float64Array, set: (i: number, relative: number) => void): void {
  const totals = new Map<number, { sum: number; infinite: number }>();
  partitions.forEach((p, i) => {
    const total = totals.get(p) ?? { sum: 0, infinite: 0 };
    const s = Math.abs(scores[i]!);
    if (s === Infinity || Number.isNaN(s)) total.infinite++;
    else total.sum += s;
    totals.set(p, total);
  });
  partitions.forEach((p, i) => {
    const { sum, infinite } = totals.get(p)!;
    const s = scores[i]!;
    if (infinite > 0) set(i, Math.abs(s) === Infinity ? Math.sign(s) / infinite : 0);
    else set(i, sum === 0 ? 0 : s / sum);
  });
}

function observedPolarity(relative: readonly number[]): LoopScores['observed'] {
  const positive = relative.some((r) => r > 0);
  const negative = relative.some((r) => r < 0);
  return positive && negative ? 'both' : positive ? 'reinforcing' : negative ? 'balancing' : 'inactive';
}

/** Runs of steps with the same leading loop, partition by partition; `edges[i]` is where step i starts, `edges[i + 1]` where it ends. */
function periodsOf(loops: ReadonlyArray<readonly [string, number]>, relative: number[][], edges: number[]): DominancePeriod[] {
  const out: DominancePeriod[] = [];
  const partitions = [...new Set(loops.map(([, p]) => p))];
  const steps = edges.length - 1;
  for (const partition of partitions) {
    const members = loops.map(([, p], i) => (p === partition ? i : -1)).filter((i) => i >= 0);
    let current: DominancePeriod | undefined;
    let count = 0;
    let total = 0;
    let least = Infinity;
    const close = () => {
      if (!current) return;
      current.share = current.loop === null ? 0 : total / count;
      current.dominant = current.loop !== null && least >= 0.5;
      out.push(current);
    };
    for (let step = 0; step < steps; step++) {
      let leader = -1;
      let best = 0;
      for (const i of members) {
        const r = Math.abs(relative[i]![step]!);
        if (r > best) {
          best = r;
          leader = i;
        }
      }
      const loop = leader < 0 ? null : loops[leader]![0];
      if (!current || current.loop !== loop) {
        close();
        current = { partition, from: edges[step]!, to: edges[step + 1]!, loop, share: 0, dominant: false };
        count = 0;
        total = 0;
        least = Infinity;
      }
      current.to = edges[step + 1]!;
      count++;
      total += best;
      least = Math.min(least, best);
    }
    close();
  }
  return out;
}

/** The slots a re-evaluation can set from the saved series: time, the run's constants, inputs, every model variable. */
function knownSlots(program: Program): Set<number> {
  return new Set([TIME_SLOT, DT_SLOT, START_SLOT, STOP_SLOT, ...program.inputs.map((i) => i.slot), ...program.series.values()]);
}

/** Whether a tree reads only `known` slots (not a DELAY's or SMTH's hidden stocks). */
function readsOnly(e: Expr, known: ReadonlySet<number>): boolean {
  switch (e.k) {
    case 'num':
      return true;
    case 'slot':
      return known.has(e.slot);
    case 'neg':
    case 'not':
      return readsOnly(e.a, known);
    case 'bin':
      return readsOnly(e.a, known) && readsOnly(e.b, known);
    case 'if':
      return readsOnly(e.c, known) && readsOnly(e.a, known) && readsOnly(e.b, known);
    case 'fn':
    case 'fold':
      return e.args.every((a) => readsOnly(a, known));
    case 'table':
      return readsOnly(e.x, known);
    case 'dyn':
      return false;
  }
}

/** Adds every slot a tree reads to `into`. */
function collectSlots(e: Expr, into: Set<number>): void {
  switch (e.k) {
    case 'slot':
      into.add(e.slot);
      return;
    case 'neg':
    case 'not':
      collectSlots(e.a, into);
      return;
    case 'bin':
      collectSlots(e.a, into);
      collectSlots(e.b, into);
      return;
    case 'if':
      collectSlots(e.c, into);
      collectSlots(e.a, into);
      collectSlots(e.b, into);
      return;
    case 'fn':
    case 'fold':
      for (const a of e.args) collectSlots(a, into);
      return;
    case 'table':
      collectSlots(e.x, into);
      return;
    default:
      return;
  }
}
