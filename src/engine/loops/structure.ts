/**
 * The feedback loops of a model's dynamics, read from its equations: every elementary circuit of
 * the causal graph (graph.ts, circuits.ts), with its polarity, the product of its links' signs —
 * reinforcing when even in negative links, balancing when odd, undetermined when a link's sign
 * cannot be derived (it is never guessed). Loops are numbered as Stella and Simlin do, R1, B1,
 * U1, shortest first, and each belongs to a partition: the strongly connected part of the graph
 * it lies in, whose loops are the ones compared with each other (dominance.ts).
 */
import type { Model } from '../model.js';
import { componentIds, elementaryCircuits, type CircuitLimits } from './circuits.js';
import { causalGraph, type CausalGraph, type CausalLink, type NodeKind } from './graph.js';

export type Polarity = 'reinforcing' | 'balancing' | 'undetermined';

export interface FeedbackLoop {
  /** R1, B2, U1: the polarity's letter and the loop's number among those of its polarity. */
  id: string;
  polarity: Polarity;
  /** The variables in order, from a stock; the last leads back to the first. */
  variables: string[];
  links: CausalLink[];
  /** Which strongly connected part of the graph the loop lies in (numbered from 1, in the loops' order). */
  partition: number;
}

export interface FeedbackStructure {
  variables: Array<{ name: string; kind: NodeKind }>;
  links: CausalLink[];
  loops: FeedbackLoop[];
  /** Whether the search stopped at `limits` (there are more loops than listed). */
  truncated: boolean;
  limits: CircuitLimits;
  /** Module instances (XMILE) whose variables are left out of the graph: loops through them are not listed. */
  modules: string[];
}

export const DEFAULT_LOOP_LIMITS: CircuitLimits = { maxCircuits: 1000, maxSteps: 2_000_000 };

export function feedbackStructure(model: Model, limits: CircuitLimits = DEFAULT_LOOP_LIMITS): FeedbackStructure {
  const graph = causalGraph(model);
  const number = new Map(graph.nodes.map((node, i) => [node.name, i]));
  const next: number[][] = graph.nodes.map(() => []);
  const linkOf = new Map<string, CausalLink>();
  for (const link of graph.links) {
    const from = number.get(link.cause)!;
    const to = number.get(link.effect)!;
    if (!next[from]!.includes(to)) next[from]!.push(to);
    linkOf.set(`${from},${to}`, link);
  }
  const found = elementaryCircuits(next, limits);
  const component = componentIds(next);
  const partitions = new Map<number, number>();
  const circuits = found.circuits.map((c) => fromAStock(c, graph));
  circuits.sort((a, b) => a.length - b.length || compareOrder(a, b));
  const counts = { reinforcing: 0, balancing: 0, undetermined: 0 };
  const loops = circuits.map((c): FeedbackLoop => {
    const links = c.map((from, i) => linkOf.get(`${from},${c[(i + 1) % c.length]}`)!);
    const polarity = polarityOf(links);
    counts[polarity]++;
    return {
      id: `${polarity === 'reinforcing' ? 'R' : polarity === 'balancing' ? 'B' : 'U'}${counts[polarity]}`,
      polarity,
      variables: c.map((v) => graph.nodes[v]!.name),
      links,
      partition: partitions.get(component[c[0]!]!) ?? partitions.set(component[c[0]!]!, partitions.size + 1).size,
    };
  });
  const modules = [...new Set(model.variables.filter((v) => v.namespace).map((v) => v.namespace!))];
  return { variables: graph.nodes, links: graph.links, loops, truncated: found.truncated, limits, modules };
}

export function polarityOf(links: readonly CausalLink[]): Polarity {
  if (links.some((l) => l.sign === '?')) return 'undetermined';
  return links.filter((l) => l.sign === '-').length % 2 === 0 ? 'reinforcing' : 'balancing';
}

/** The circuit turned to start at its first stock in the model's order (a loop reads best from a stock). */
function fromAStock(circuit: number[], graph: CausalGraph): number[] {
  let start = -1;
  circuit.forEach((v, i) => {
    if (graph.nodes[v]!.kind === 'stock' && (start < 0 || v < circuit[start]!)) start = i;
  });
  return start <= 0 ? circuit : [...circuit.slice(start), ...circuit.slice(0, start)];
}

function compareOrder(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
