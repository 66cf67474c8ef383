import { describe, expect, it } from 'vitest';
import type { TransferArrow } from './graph.js';
import { arrowLabels, boundsOf, firstOf, fitViewport, READABLE_ZOOM, wholeViewport } from './viewport.js';

const arrow = (id: string, from: string, to: string, object: string): TransferArrow => ({ id, transaction: id, index: 0, from, to, object, nature: 'money' });

describe('the graph shown', () => {
  it('bounds every actor with its box (170 × 64)', () => {
    expect(boundsOf([{ x: 0, y: 0 }, { x: 300, y: -100 }])).toEqual({ x: 0, y: -100, width: 470, height: 164 });
    expect(boundsOf([])).toBeUndefined();
  });

  it('shows a whole graph for the fit button however small, never larger than life', () => {
    // 4,000 × 1,000 on 800 × 600: room 720 × 520, zoom 720 / 4,000 = 0.18; centred: (800 − 720) / 2 = 40, (600 − 180) / 2 = 210.
    expect(wholeViewport({ x: 0, y: 0, width: 4000, height: 1000 }, 800, 600)).toEqual({ x: 40, y: 210, zoom: 0.18 });
    expect(wholeViewport({ x: 0, y: 0, width: 100, height: 100 }, 800, 600).zoom).toBe(1);
  });

  it('centres a graph that fits at life size, never larger', () => {
    // 470 × 164 on 800 × 600: zoom 1 (it would fit at 2.4); centred: (800 − 470) / 2 = 165 from 0.
    expect(fitViewport({ x: 0, y: -100, width: 470, height: 164 }, 800, 600)).toEqual({ x: 165, y: 218 + 100, zoom: 1 });
  });

  it('shrinks a wider graph to fit, down to the readable zoom', () => {
    // 1,040 wide on 800 − 2 × 40 = 720: zoom 720 / 1,040 ≈ 0.692 is below the floor, so 0.8.
    const shown = fitViewport({ x: 0, y: 0, width: 1040, height: 100 }, 800, 600);
    expect(shown.zoom).toBe(READABLE_ZOOM);
    // Too wide at the floor (1,040 × 0.8 = 832 > 720): its left edge at the margin…
    expect(shown.x).toBe(40);
    // …and centred in height, where it fits: (600 − 80) / 2 = 260.
    expect(shown.y).toBeCloseTo(260, 9);
    // 900 wide: 720 / 900 = 0.8, the floor itself, so the whole graph, centred: (800 − 720) / 2.
    expect(fitViewport({ x: 0, y: 0, width: 900, height: 100 }, 800, 600)).toEqual({ x: 40, y: 260, zoom: 0.8 });
  });

  it('starts a graph taller than the screen at the top actor of its leftmost column', () => {
    // A layered layout 4,000 × 3,000 whose first column's top actor stands at (0, 1,200): at zoom
    // 0.8 that actor is put at the margin, y = 40 − 1,200 × 0.8 = −920; x at the margin too.
    const positions = [{ x: 400, y: 0 }, { x: 0, y: 1400 }, { x: 0, y: 1200 }, { x: 3830, y: 2936 }];
    expect(firstOf(positions)).toEqual({ x: 0, y: 1200 });
    const bounds = boundsOf(positions)!;
    expect(fitViewport(bounds, 800, 600, firstOf(positions))).toEqual({ x: 40, y: -920, zoom: 0.8 });
    // Without it, the bounds' top-left corner (y = 40), where no actor stands.
    expect(fitViewport(bounds, 800, 600).y).toBe(40);
  });
});

describe('arrow labels', () => {
  const name = (o: string) => o.toUpperCase();
  it('one label for the arrows between two actors, either way, naming two objects and counting the rest', () => {
    const positions = new Map([['a', { x: 0, y: 0 }], ['b', { x: 400, y: 0 }]]);
    const arrows = [arrow('t1', 'a', 'b', 'cash'), arrow('t2', 'b', 'a', 'help'), arrow('t3', 'a', 'b', 'data'), arrow('t4', 'a', 'b', 'cash'), arrow('t5', 'b', 'a', 'ads')];
    expect([...arrowLabels(arrows, positions, name, ', ')]).toEqual([['t1', 'CASH, HELP +2']]);
  });

  it('leaves out a label that would cover another label or an actor', () => {
    // a→b and c→d cross at the same midpoint (285, 82); e→f's midpoint is inside actor g.
    const positions = new Map([
      ['a', { x: 0, y: 0 }], ['b', { x: 400, y: 100 }], ['c', { x: 0, y: 100 }], ['d', { x: 400, y: 0 }],
      ['e', { x: 0, y: 600 }], ['f', { x: 400, y: 600 }], ['g', { x: 200, y: 600 }],
    ]);
    const labels = arrowLabels([arrow('ab', 'a', 'b', 'x'), arrow('cd', 'c', 'd', 'y'), arrow('ef', 'e', 'f', 'z')], positions, name, ', ');
    expect([...labels.keys()]).toEqual(['ab']);
  });
});
