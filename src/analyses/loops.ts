/**
 * Cycles of value in an ecosystem's graph (issue 16, item 4): the circles along which what one
 * actor gives comes back to it through others (the virtuous circles of seed 000's Apple figure).
 * The graph has an arrow from one actor to another when some scenario puts a transfer through
 * between them; a cycle is an elementary circuit of it (no actor twice), listed shortest first.
 * Along each arrow, what moves over the horizon: its objects, the money and the worth to the
 * receiver; the value that flows around a cycle is its narrowest arrow (money plus worth), since
 * no more than that can go all the way round.
 *
 * Two-actor cycles are every exchange of a transaction (the payer pays, the other serves), so by
 * default cycles start at three actors. Circuits are found depth-first from each actor through
 * later actors only (each circuit once, from its first actor in the document's order), up to
 * `maxLength` actors, `maxFound` circuits and `maxSteps` arrows followed (a large graph is
 * searched that far and said truncated).
 */
import type { Ecosystem } from '../core/index.js';
import { periodFactors } from './game.js';

export interface Arrow {
  from: string;
  to: string;
  /** The objects carried, in the order first met. */
  objects: string[];
  money: number;
  worth: number;
}

export interface ValueCycle {
  /** The actors in order; the last gives to the first. */
  actors: string[];
  arrows: Arrow[];
  /** The narrowest arrow's money plus worth. */
  around: number;
}

export interface CycleOptions {
  minLength?: number;
  maxLength?: number;
  maxFound?: number;
  /** The most arrows followed in the search (default 5,000,000): past it the search stops, truncated. */
  maxSteps?: number;
  npv?: boolean;
}

export interface ValueCycles {
  currency: string;
  scale: 'total' | 'npv';
  minLength: number;
  maxLength: number;
  cycles: ValueCycle[];
  /** Whether the search stopped at maxFound circuits or maxSteps arrows (there may be more). */
  truncated: boolean;
}

export function valueCycles(ecosystem: Ecosystem, options: CycleOptions = {}): ValueCycles {
  const minLength = options.minLength ?? 3;
  const maxLength = options.maxLength ?? 8;
  const maxFound = options.maxFound ?? 10_000;
  let steps = options.maxSteps ?? 5_000_000;
  const arrows = arrowsOf(ecosystem, options.npv === true);
  const actors = Object.keys(ecosystem.doc.actors);
  const number = new Map(actors.map((a, i) => [a, i]));
  const next: number[][] = actors.map(() => []);
  const arrowOf = new Map<string, Arrow>();
  for (const arrow of arrows.values()) {
    const from = number.get(arrow.from)!;
    const to = number.get(arrow.to)!;
    if (from === to) continue;
    next[from]!.push(to);
    arrowOf.set(`${from},${to}`, arrow);
  }
  const found: number[][] = [];
  let truncated = false;
  const path: number[] = [];
  const onPath = new Uint8Array(actors.length);
  const visit = (start: number, node: number): void => {
    if (truncated) return;
    for (const to of next[node]!) {
      if (--steps < 0) {
        truncated = true;
        return;
      }
      if (to === start && path.length >= minLength) {
        if (found.length >= maxFound) {
          truncated = true;
          return;
        }
        found.push([...path]);
      } else if (to > start && !onPath[to] && path.length < maxLength) {
        path.push(to);
        onPath[to] = 1;
        visit(start, to);
        onPath[to] = 0;
        path.pop();
      }
    }
  };
  for (let start = 0; start < actors.length && !truncated; start++) {
    path.push(start);
    onPath[start] = 1;
    visit(start, start);
    onPath[start] = 0;
    path.pop();
  }
  const cycles = found.map((circuit): ValueCycle => {
    const along = circuit.map((from, i) => arrowOf.get(`${from},${circuit[(i + 1) % circuit.length]}`)!);
    return { actors: circuit.map((i) => actors[i]!), arrows: along, around: Math.min(...along.map((a) => a.money + a.worth)) };
  });
  cycles.sort((a, b) => a.actors.length - b.actors.length || b.around - a.around);
  return { currency: ecosystem.doc.currency, scale: options.npv ? 'npv' : 'total', minLength, maxLength, cycles, truncated };
}

/** Every arrow of the graph with what it carries over the horizon, from the ledger's flows. */
function arrowsOf(ecosystem: Ecosystem, npv: boolean): Map<string, Arrow> {
  const { lines, money, value, occurrences } = ecosystem.ledger.flows;
  const factors = periodFactors(ecosystem, npv);
  const arrows = new Map<string, Arrow>();
  lines.forEach((line, l) => {
    let moved = 0;
    let worth = 0;
    let occurred = false;
    for (let p = 1; p <= ecosystem.ledger.horizon; p++) {
      const at = (p - 1) * lines.length + l;
      if (occurrences[at] !== 0) occurred = true;
      moved += money[at]! * factors[p]!;
      worth += value[at]! * factors[p]!;
    }
    if (!occurred) return;
    const key = `${line.from}\u0000${line.to}`;
    let arrow = arrows.get(key);
    if (!arrow) arrows.set(key, (arrow = { from: line.from, to: line.to, objects: [], money: 0, worth: 0 }));
    if (!arrow.objects.includes(line.object)) arrow.objects.push(line.object);
    arrow.money += moved;
    arrow.worth += worth;
  });
  return arrows;
}
