// The layout's graph and placement (logic/layout.ts), and ELK's answer for it: run here with
// elkjs's bundled build in Node, as layout-worker.ts runs it in the page's worker.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { Position } from '../../../src/core/index.js';
import { NODE_SIZE } from './graph.js';
import { backbone, besidePlaced, EDGES_PER_NODE, elkGraph, pairEdges, positionsOf, type LayoutRequest } from './layout.js';

/** bench/studio.mjs's generated ecosystem: the same seeded draw of each transaction's two actors. */
function generated(actors: number, transactions: number): LayoutRequest {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const edges: LayoutRequest['edges'] = [];
  for (let t = 0; t < transactions; t++) {
    const from = Math.floor(random() * actors);
    let to = Math.floor(random() * actors);
    if (to === from) to = (to + 1) % actors;
    edges.push({ source: `a${from}`, target: `a${to}` }, { source: `a${to}`, target: `a${from}` });
  }
  return { nodes: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, ...NODE_SIZE })), edges };
}

/** Whether two NODE_SIZE boxes at these top-left corners share any area. */
const overlap = (p: Position, q: Position) => p.x < q.x + NODE_SIZE.width && q.x < p.x + NODE_SIZE.width && p.y < q.y + NODE_SIZE.height && q.y < p.y + NODE_SIZE.height;

function overlapping(positions: ReadonlyArray<[string, Position]>): string[] {
  const found: string[] = [];
  for (let i = 0; i < positions.length; i++) for (let j = i + 1; j < positions.length; j++) if (overlap(positions[i]![1], positions[j]![1])) found.push(`${positions[i]![0]} ${positions[j]![0]}`);
  return found;
}

async function laidOut(request: LayoutRequest) {
  return positionsOf(await new ELK().layout(elkGraph(request)));
}

describe('the layout graph', () => {
  it('keeps one edge per pair of actors, in the direction first met, and none to itself or outside', () => {
    const edges = [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'a' },
      { source: 'a', target: 'a' },
      { source: 'c', target: 'b' },
      { source: 'c', target: 'z' },
      { source: 'b', target: 'c' },
    ];
    expect(pairEdges(edges, new Set(['a', 'b', 'c']))).toEqual([
      ['a', 'b'],
      ['c', 'b'],
    ]);
  });

  it('gives a large graph a spanning forest first, then the other edges in order up to the budget', () => {
    // a-b-c-a is a triangle, d-e a pair: the forest is a-b, b-c, d-e (c-a closes the triangle).
    const pairs: Array<[string, string]> = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['d', 'e'],
    ];
    expect(backbone(['a', 'b', 'c', 'd', 'e'], pairs, 3)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['d', 'e'],
    ]);
    expect(backbone(['a', 'b', 'c', 'd', 'e'], pairs, 4)).toEqual([
      ['a', 'b'],
      ['b', 'c'],
      ['d', 'e'],
      ['c', 'a'],
    ]);
  });

  it('lays out a small graph with every pair and ELK layered settings', () => {
    const graph = elkGraph(generated(20, 60));
    expect(graph.layoutOptions?.['elk.algorithm']).toBe('layered');
    expect(graph.layoutOptions?.['elk.layered.thoroughness']).toBeUndefined();
    expect(graph.children).toHaveLength(20);
  });

  it('gives a 150-actor ecosystem a backbone of 1.25 edges an actor, with ELK’s cheaper settings', () => {
    const request = generated(150, 500);
    const graph = elkGraph(request);
    expect(EDGES_PER_NODE.large).toBe(1.25);
    expect(graph.edges).toHaveLength(188); // 1.25 × 150 = 187.5, rounded
    expect(graph.layoutOptions?.['elk.layered.thoroughness']).toBe('1');
    expect(graph.layoutOptions?.['elk.layered.crossingMinimization.strategy']).toBeUndefined();
  });

  it('gives the 300-actor ecosystem a spanning tree and one edge more, without crossing minimisation', () => {
    const request = generated(300, 1000);
    const pairs = pairEdges(request.edges, new Set(request.nodes.map((n) => n.id)));
    const graph = elkGraph(request);
    expect(pairs.length).toBeGreaterThan(450);
    // Connected, so its spanning tree has 299 edges; the budget, 1 × 300, leaves room for one more.
    expect(graph.edges).toHaveLength(300);
    expect(graph.layoutOptions?.['elk.layered.crossingMinimization.strategy']).toBe('NONE');
  });
});

describe('ELK’s layout', () => {
  it('places every actor of a small ecosystem, no two overlapping', async () => {
    const request = generated(30, 100);
    const positions = await laidOut(request);
    expect(positions.map(([id]) => id).sort()).toEqual(request.nodes.map((n) => n.id).sort());
    expect(overlapping(positions)).toEqual([]);
  });

  it('places every actor of the 300-actor ecosystem, no two overlapping', async () => {
    const positions = await laidOut(generated(300, 1000));
    expect(positions).toHaveLength(300);
    expect(overlapping(positions)).toEqual([]);
  });

  it('lays a graph out left to right: an edge of a chain goes rightwards', async () => {
    const request: LayoutRequest = { nodes: ['a', 'b', 'c'].map((id) => ({ id, ...NODE_SIZE })), edges: [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }] };
    const at = new Map(await laidOut(request));
    expect(at.get('a')!.x).toBeLessThan(at.get('b')!.x);
    expect(at.get('b')!.x).toBeLessThan(at.get('c')!.x);
    // The 90 px between layers asked, beside 170 px wide actors.
    expect(at.get('b')!.x - at.get('a')!.x).toBeGreaterThanOrEqual(NODE_SIZE.width + 90);
  });
});

describe('actors laid out beside those that stand somewhere', () => {
  it('moves the laid-out block right of the standing actors, its top level with theirs', () => {
    // Standing: (0, 0) and (300, 100); their right edge is 300 + 170 = 470, their top 0. The block
    // starts at x = 0, y = 20: it moves by 470 + 120 − 0 = 590 across and 0 − 20 = −20 down.
    const block = new Map<string, Position>([
      ['p', { x: 0, y: 20 }],
      ['q', { x: 260, y: 124 }],
    ]);
    const standing = [
      { x: 0, y: 0 },
      { x: 300, y: 100 },
    ];
    const moved = besidePlaced(block, standing);
    expect([...moved]).toEqual([
      ['p', { x: 590, y: 0 }],
      ['q', { x: 850, y: 104 }],
    ]);
    for (const p of moved.values()) for (const q of standing) expect(overlap(p, q)).toBe(false);
  });

  it('leaves the block where it is when no actor stands anywhere', () => {
    const block = new Map<string, Position>([['p', { x: 5, y: 7 }]]);
    expect([...besidePlaced(block, [])]).toEqual([['p', { x: 5, y: 7 }]]);
  });
});
