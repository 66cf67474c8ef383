/**
 * Automatic layout: ELK's layered algorithm (elkjs), computed by layout-worker.ts, with a
 * deadline: past it the worker is stopped, its answer never read, and the grid layout used
 * instead, so a large graph never freezes the page (the page says so). Manual positions stay:
 * only the actors given here are placed, and when some actors already stand somewhere the others
 * are laid out among themselves and put beside them (besidePlaced), moving none of them.
 *
 * The graph given to ELK (elkGraph) has one edge per pair of actors that trade (the payment and
 * the service of a transaction go opposite ways: two arrows would make every exchange a cycle
 * for the layering to break). A large graph is given a backbone of its edges: a spanning forest
 * first, then the others in the document's order up to EDGES_PER_NODE per actor, with ELK's
 * cheaper settings, and past VERY_LARGE_FROM actors without crossing minimisation. On a dense
 * graph the layered algorithm's cost is in the long edges it routes through every layer between
 * their ends, then in the crossing minimisation (measured on bench/studio.mjs's 300 actors and
 * 990 pairs, in Node on the loaded machine: 3.5–4.8 s with every edge, 0.7–2 s with 1.5 edges an
 * actor, 0.6–0.8 s with 1.25; in one run, warm, 0.88 s with crossing minimisation, 0.42 s
 * without).
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Position } from '../../../src/core/index.js';
import { gridLayout, NODE_SIZE } from './graph.js';

export interface LayoutRequest {
  nodes: Array<{ id: string; width: number; height: number }>;
  edges: Array<{ source: string; target: string }>;
}
export interface LayoutAnswer {
  positions: Array<[string, Position]>;
  /** Milliseconds ELK took in the worker for this layout. */
  took: number;
}

export interface LayoutResult {
  positions: Map<string, Position>;
  /** Milliseconds from the request to the answer. */
  elapsed: number;
  /** True when the deadline passed (or the worker failed) and the grid was used. */
  timedOut: boolean;
  /** Of `elapsed`, the milliseconds ELK itself took (the rest is the wait for the worker); NaN on the grid. */
  computing: number;
}

/** Past these sizes the graph is laid out with ELK's cheaper settings, on a backbone of its edges. */
export const LARGE_FROM = { nodes: 100, edges: 300 };
/** Past this many actors, the cheapest: no crossing minimisation (the document's order kept in each column). */
export const VERY_LARGE_FROM = 200;
/** The edges kept per actor in a large graph, and in a very large one (a spanning forest first). */
export const EDGES_PER_NODE = { large: 1.25, veryLarge: 1 };
/** The layout's deadline (ms): past it the grid. */
export const LAYOUT_DEADLINE = 3000;

const SPACING: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.componentComponent': '60',
  // React Flow draws its own arrows: ELK's routes are not used, the cheapest will do.
  'elk.edgeRouting': 'POLYLINE',
};
const FAST: LayoutOptions = {
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
};
const FASTEST: LayoutOptions = { ...FAST, 'elk.layered.crossingMinimization.strategy': 'NONE' };

/** One edge per pair of distinct actors, in the direction first met. */
export function pairEdges(edges: LayoutRequest['edges'], nodes: ReadonlySet<string>): Array<[string, string]> {
  const seen = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const { source, target } of edges) {
    if (source === target || !nodes.has(source) || !nodes.has(target)) continue;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([source, target]);
  }
  return pairs;
}

/** At most `budget` edges: a spanning forest of the graph first, then the others in order. */
export function backbone(nodes: readonly string[], pairs: ReadonlyArray<[string, string]>, budget: number): Array<[string, string]> {
  const parent = new Map(nodes.map((n) => [n, n]));
  const root = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) {
      const up = parent.get(x)!;
      parent.set(x, r);
      x = up;
    }
    return r;
  };
  const forest: Array<[string, string]> = [];
  const rest: Array<[string, string]> = [];
  for (const pair of pairs) {
    const a = root(pair[0]);
    const b = root(pair[1]);
    if (a === b) rest.push(pair);
    else {
      parent.set(a, b);
      forest.push(pair);
    }
  }
  return [...forest, ...rest.slice(0, Math.max(0, budget - forest.length))];
}

/** The graph ELK lays out for `request`, with its settings by size. */
export function elkGraph(request: LayoutRequest): ElkNode {
  const ids = request.nodes.map((n) => n.id);
  const pairs = pairEdges(request.edges, new Set(ids));
  const large = ids.length > LARGE_FROM.nodes || pairs.length > LARGE_FROM.edges;
  const veryLarge = ids.length > VERY_LARGE_FROM;
  const kept = large ? backbone(ids, pairs, Math.round((veryLarge ? EDGES_PER_NODE.veryLarge : EDGES_PER_NODE.large) * ids.length)) : pairs;
  const edges: ElkExtendedEdge[] = kept.map(([source, target], i) => ({ id: `e${i}`, sources: [source], targets: [target] }));
  return {
    id: 'root',
    layoutOptions: { ...SPACING, ...(veryLarge ? FASTEST : large ? FAST : {}) },
    children: request.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges,
  };
}

/** Each node's top-left corner as ELK placed it, in whole pixels. */
export function positionsOf(laidOut: ElkNode): Array<[string, Position]> {
  return (laidOut.children ?? []).map((node) => [node.id, { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0) }]);
}

/** The gap left between the actors that stand somewhere and those laid out beside them. */
const BESIDE_GAP = 120;

/**
 * `laidOut` moved as one block to the right of the actors that already stand at `placed`, its
 * top level with theirs, so that no new one covers an old one; unchanged when nothing stands.
 */
export function besidePlaced(laidOut: ReadonlyMap<string, Position>, placed: Iterable<Position>, size = NODE_SIZE): Map<string, Position> {
  let right = -Infinity;
  let top = Infinity;
  for (const p of placed) {
    right = Math.max(right, p.x + size.width);
    top = Math.min(top, p.y);
  }
  if (!Number.isFinite(right) || laidOut.size === 0) return new Map(laidOut);
  const left = Math.min(...[...laidOut.values()].map((p) => p.x));
  const high = Math.min(...[...laidOut.values()].map((p) => p.y));
  const dx = right + BESIDE_GAP - left;
  const dy = top - high;
  return new Map([...laidOut].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
}

/** The layout worker, started with the studio (startLayoutWorker) so that ELK is loaded before a model opens. */
let worker: Worker | undefined;
/** Whether the worker has loaded ELK (its first message), and who waits for that. */
let loaded = false;
let onLoaded: Array<() => void> = [];
const waiting = new Map<number, (answer: LayoutAnswer | undefined) => void>();
let asked = 0;

/** How long the worker may take to load elkjs (ms), on top of the layout's own deadline. */
export const LOADING_DEADLINE = 5000;

/**
 * Starts the layout worker if none runs: loading elkjs (1.5 MB) and compiling its first layout
 * took a fresh worker 0.4–1.6 s in chromium on the loaded machine, which it then spends while
 * the page loads the model.
 */
export function startLayoutWorker(): Worker {
  if (worker) return worker;
  const made = new Worker(new URL('../layout-worker.ts', import.meta.url), { type: 'module' });
  made.onmessage = (event: MessageEvent<LayoutReply | { loaded: true }>) => {
    const reply = event.data;
    if ('loaded' in reply) {
      loaded = true;
      for (const go of onLoaded.splice(0)) go();
      return;
    }
    waiting.get(reply.id)?.('positions' in reply ? reply : undefined);
  };
  made.onerror = () => stopLayoutWorker();
  worker = made;
  loaded = false;
  onLoaded = [];
  return made;
}

/** Stops the worker and its work; every layout still waited for gets the grid. */
function stopLayoutWorker() {
  worker?.terminate();
  worker = undefined;
  loaded = false;
  onLoaded = [];
  for (const finish of [...waiting.values()]) finish(undefined);
}

/** What the worker answers a request: the positions, or why ELK failed. */
export type LayoutReply = { id: number } & (LayoutAnswer | { failed: string });

/**
 * The layout of `request` by the layout worker: the grid (timedOut) when it has not answered
 * within `deadline` ms of layout work, or failed. The deadline runs from when the worker has
 * loaded ELK (at once when it has, as it usually has by the time a model opens); the loading has
 * its own bound, LOADING_DEADLINE. Past either, the worker is terminated, so its work stops too,
 * its answer is never read, and a fresh one is started for the next layout.
 */
export function layoutInWorker(request: LayoutRequest, deadline = LAYOUT_DEADLINE): Promise<LayoutResult> {
  const started = performance.now();
  const id = ++asked;
  return new Promise((resolve) => {
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const finish = (answer: LayoutAnswer | undefined) => {
      if (!waiting.delete(id)) return;
      timers.forEach(clearTimeout);
      const elapsed = performance.now() - started;
      resolve(answer ? { positions: new Map(answer.positions), elapsed, timedOut: false, computing: answer.took } : { positions: gridLayout(request.nodes.map((n) => n.id)), elapsed, timedOut: true, computing: NaN });
    };
    const late = () => {
      stopLayoutWorker();
      startLayoutWorker();
    };
    waiting.set(id, finish);
    const laying = startLayoutWorker();
    if (loaded) timers.push(setTimeout(late, deadline));
    else {
      timers.push(setTimeout(late, LOADING_DEADLINE + deadline));
      onLoaded.push(() => waiting.has(id) && timers.push(setTimeout(late, deadline)));
    }
    laying.postMessage({ id, request });
  });
}
