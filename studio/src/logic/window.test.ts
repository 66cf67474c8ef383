import { describe, expect, it } from 'vitest';
import type { Position } from '../../../src/core/index.js';
import type { TransferArrow } from './graph.js';
import { graphWindow, sameWindow, stillServes, viewBox, widened } from './window.js';

const arrow = (id: string, from: string, to: string): TransferArrow => ({ id, transaction: id, index: 0, from, to, object: 'o', nature: 'money' });

/** Actors a0… on a row, 200 apart: a0 at x 0, a1 at 200, … */
const row = (n: number) => new Map<string, Position>(Array.from({ length: n }, (_, i) => [`a${i}`, { x: i * 200, y: 0 }]));

describe('the window of the graph drawn as DOM', () => {
  it('is the view and half a view around it', () => {
    // At zoom 0.5 a 1,000 × 600 screen shows 2,000 × 1,200 of the graph, from (−100/0.5, −40/0.5).
    const view = viewBox({ x: 100, y: 40, zoom: 0.5 }, 1000, 600);
    expect(view).toEqual({ x: -200, y: -80, width: 2000, height: 1200 });
    expect(widened(view)).toEqual({ x: -1200, y: -680, width: 4000, height: 2400 });
  });

  it('holds the actors in it, and the arrows with an end among them with their far ends', () => {
    const positions = row(40);
    // View x 0 to 1,000: window −500 to 1,500, which reaches a0…a7 (a7's box starts at 1,400).
    const windowed = graphWindow(positions, [arrow('near', 'a1', 'a2'), arrow('out', 'a3', 'a30'), arrow('far', 'a20', 'a30')], { x: 0, y: 0, width: 1000, height: 600 });
    expect(windowed.mode).toBe('dom');
    expect([...windowed.actors].sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a30', 'a4', 'a5', 'a6', 'a7']);
    expect(windowed.arrows.map((a) => a.id)).toEqual(['near', 'out']);
  });

  it('goes to the canvas past the limit of actors in it', () => {
    const positions = row(40);
    // Zoomed out: the view is 8,000 wide, the window reaches all 40.
    expect(graphWindow(positions, [], { x: 0, y: 0, width: 8000, height: 600 }, 39).mode).toBe('canvas');
    expect(graphWindow(positions, [], { x: 0, y: 0, width: 8000, height: 600 }, 40).mode).toBe('dom');
  });

  it('is the same window when it holds the same actors and arrows', () => {
    const arrows = [arrow('near', 'a1', 'a2')];
    const one = graphWindow(row(40), arrows, { x: 0, y: 0, width: 1000, height: 600 });
    expect(sameWindow(one, graphWindow(row(40), arrows, { x: 10, y: 0, width: 1000, height: 600 }))).toBe(true);
    expect(sameWindow(one, graphWindow(row(40), arrows, { x: 300, y: 0, width: 1000, height: 600 }))).toBe(false);
    expect(sameWindow(one, graphWindow(row(40), [arrow('near', 'a1', 'a2')], { x: 0, y: 0, width: 1000, height: 600 }))).toBe(false);
  });

  it('is everything while the view is unknown, if the graph is small', () => {
    expect(graphWindow(row(3), [], undefined).actors.size).toBe(3);
    expect(graphWindow(row(3), [], undefined, 2).actors.size).toBe(0);
  });

  it('is made again when the view leaves it or the zoom moves by half or more', () => {
    const made = graphWindow(row(40), [], { x: 0, y: 0, width: 1000, height: 600 });
    expect(stillServes(made, { x: 400, y: 200, width: 1000, height: 600 })).toBe(true);
    expect(stillServes(made, { x: 600, y: 0, width: 1000, height: 600 })).toBe(false);
    expect(stillServes(made, { x: 0, y: 0, width: 600, height: 360 })).toBe(false);
    expect(stillServes(graphWindow(row(3), [], undefined), { x: 0, y: 0, width: 1000, height: 600 })).toBe(false);
  });
});
