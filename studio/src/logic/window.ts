/**
 * What of the graph is drawn as DOM (pure). React Flow draws every node and arrow as DOM elements,
 * and its work per change goes over every node and arrow it holds, which its maintainers put at
 * about 1,000 nodes before it slows down. So it is given only a window of the graph: the actors
 * in the view and half a view around it, and the arrows with an end among them (their other end
 * comes too, out of view). The window moves when the view leaves it. When the window would hold
 * more than DOM_ACTORS actors (a large graph zoomed out), the graph is drawn on a canvas instead
 * (components/GraphCanvas.tsx), and the actors come back as DOM nodes once zoomed in close.
 */
import type { Position } from '../../../src/core/index.js';
import { NODE_SIZE, type TransferArrow } from './graph.js';
import type { Box, Viewport } from './viewport.js';

/** Past this many actors in the window, the graph is drawn on a canvas. */
export const DOM_ACTORS = 150;

export interface GraphWindow {
  /** The area the window covers, in the graph's coordinates; undefined until the view is known. */
  box: Box | undefined;
  mode: 'dom' | 'canvas';
  /** The actors handed to React Flow (in the window, and the far ends of its arrows). */
  actors: ReadonlySet<string>;
  arrows: readonly TransferArrow[];
}

/** The part of the graph a viewport shows on a `width` × `height` screen area. */
export function viewBox(viewport: Viewport, width: number, height: number): Box {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: width / viewport.zoom, height: height / viewport.zoom };
}

/** The view and half of it on every side: the window's area. */
export function widened(view: Box): Box {
  return { x: view.x - view.width / 2, y: view.y - view.height / 2, width: view.width * 2, height: view.height * 2 };
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** Whether an actor standing at `p` (its box NODE_SIZE) is at least partly inside `box`. */
function inside(box: Box, p: Position): boolean {
  return p.x + NODE_SIZE.width >= box.x && p.x <= box.x + box.width && p.y + NODE_SIZE.height >= box.y && p.y <= box.y + box.height;
}

/**
 * Whether the window made for `current` still serves `view`: the view is inside it, and it was
 * made at about this zoom (within a factor of 1.5 either way), so it neither holds far too many
 * actors nor leaves the DOM for a canvas too late.
 */
export function stillServes(current: GraphWindow, view: Box): boolean {
  if (!current.box) return false;
  const made = current.box.width / 2;
  return contains(current.box, view) && view.width < made * 1.5 && view.width > made / 1.5;
}

/** The window around `view` (everything, while the view is unknown and the graph is small). */
export function graphWindow(positions: ReadonlyMap<string, Position>, arrows: readonly TransferArrow[], view: Box | undefined, limit = DOM_ACTORS): GraphWindow {
  if (!view) return positions.size <= limit ? { box: undefined, mode: 'dom', actors: new Set(positions.keys()), arrows } : { box: undefined, mode: 'dom', actors: new Set(), arrows: [] };
  const box = widened(view);
  const within = new Set<string>();
  for (const [id, p] of positions) {
    if (!inside(box, p)) continue;
    within.add(id);
    if (within.size > limit) return { box, mode: 'canvas', actors: new Set(), arrows: [] };
  }
  const actors = new Set(within);
  const kept = arrows.filter((a) => within.has(a.from) || within.has(a.to));
  for (const a of kept) actors.add(a.from).add(a.to);
  return { box, mode: 'dom', actors, arrows: kept };
}

/** Whether two windows hand React Flow the same actors and arrows. */
export function sameWindow(a: GraphWindow, b: GraphWindow): boolean {
  if (a.mode !== b.mode || a.actors.size !== b.actors.size || a.arrows.length !== b.arrows.length) return false;
  for (const id of a.actors) if (!b.actors.has(id)) return false;
  return a.arrows.every((arrow, i) => arrow === b.arrows[i]);
}
