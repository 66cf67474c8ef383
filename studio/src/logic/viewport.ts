/**
 * Where the graph is shown (pure): the whole graph when it fits at a readable size, else the
 * readable size from its top-left corner, so labels can always be read and the rest is a pan away.
 * Also which arrow labels are drawn: one per pair of actors, none that would cover another.
 */
import type { Position } from '../../../src/core/index.js';
import { NODE_SIZE, type TransferArrow } from './graph.js';

/** Below this zoom an actor's name (14 px) is under 11 px, an arrow's label (12 px) under 10 px: the fit never goes under it. */
export const READABLE_ZOOM = 0.8;
/** Below this zoom arrow labels are under 6.5 px, unreadable, and cover one another: they are hidden. */
export const LABEL_ZOOM = 0.55;
/** Never larger than life: one actor is not a page-wide box. */
const LARGEST_ZOOM = 1;
/** Room around the graph, in screen pixels. */
const MARGIN = 40;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The box around every actor, each NODE_SIZE from its position. */
export function boundsOf(positions: Iterable<Position>): Box | undefined {
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const p of positions) {
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + NODE_SIZE.width);
    bottom = Math.max(bottom, p.y + NODE_SIZE.height);
  }
  return left === Infinity ? undefined : { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The viewport that shows `bounds` on a screen area of `width` × `height`: centred when it fits
 * at a readable zoom, else at READABLE_ZOOM with its left (or top) edge at the margin, where a
 * layered layout starts, in each direction it overflows. Given `first` (the top actor of the
 * leftmost column), a graph taller than the screen starts at that actor's height instead: a
 * layered layout centres its columns, so the top-left corner of a large one is often empty.
 */
export function fitViewport(bounds: Box, width: number, height: number, first?: Position): Viewport {
  const room = { width: Math.max(1, width - 2 * MARGIN), height: Math.max(1, height - 2 * MARGIN) };
  const whole = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  const zoom = Math.min(LARGEST_ZOOM, Math.max(READABLE_ZOOM, whole));
  const place = (start: number, size: number, screen: number, from = start) => {
    const shown = size * zoom;
    return shown <= screen - 2 * MARGIN ? (screen - shown) / 2 - start * zoom : MARGIN - from * zoom;
  };
  return { x: place(bounds.x, bounds.width, width), y: place(bounds.y, bounds.height, height, first ? Math.max(bounds.y, first.y) : bounds.y), zoom };
}

/** The top actor of the leftmost column: where a layered layout starts. */
export function firstOf(positions: Iterable<Position>): Position | undefined {
  let first: Position | undefined;
  for (const p of positions) if (!first || p.x < first.x || (p.x === first.x && p.y < first.y)) first = p;
  return first;
}

/** The viewport that shows all of `bounds`, however small, never larger than life: the fit button's. */
export function wholeViewport(bounds: Box, width: number, height: number): Viewport {
  const room = { width: Math.max(1, width - 2 * MARGIN), height: Math.max(1, height - 2 * MARGIN) };
  const zoom = Math.min(LARGEST_ZOOM, room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  return { x: (width - bounds.width * zoom) / 2 - bounds.x * zoom, y: (height - bounds.height * zoom) / 2 - bounds.y * zoom, zoom };
}

/** Approximate size of an arrow label in canvas units (12 px sans-serif, with its background). */
const CHAR_WIDTH = 6.6;
const LABEL_HEIGHT = 18;
/** At most this many value objects are named on one label; the rest are counted. */
const NAMED_PER_LABEL = 2;

/**
 * The label of each arrow, by arrow id; arrows missing from the map carry none. Arrows between the
 * same two actors, either way, share a path midpoint, so the first of them carries one label for
 * all ("Premium, Claims +2"); a label that would cover an actor or a label already placed is left
 * out (the arrow's tooltip and the side panel still name it).
 */
export function arrowLabels(arrows: readonly TransferArrow[], positions: ReadonlyMap<string, Position>, nameOf: (object: string) => string, separator: string): Map<string, string> {
  const pairs = new Map<string, { first: TransferArrow; names: string[] }>();
  for (const arrow of arrows) {
    const key = [arrow.from, arrow.to].sort().join('\n');
    const pair = pairs.get(key) ?? { first: arrow, names: [] };
    const name = nameOf(arrow.object);
    if (!pair.names.includes(name)) pair.names.push(name);
    pairs.set(key, pair);
  }
  // Actors first: a label never covers one.
  const placed = new BoxGrid();
  for (const p of positions.values()) placed.add({ ...p, ...NODE_SIZE });
  const labels = new Map<string, string>();
  for (const { first, names } of pairs.values()) {
    const from = positions.get(first.from);
    const to = positions.get(first.to);
    if (!from || !to) continue;
    const extra = names.length - NAMED_PER_LABEL;
    const label = names.slice(0, NAMED_PER_LABEL).join(separator) + (extra > 0 ? ` +${extra}` : '');
    // A bezier from the source's right handle to the target's left one has its midpoint halfway.
    const centre = { x: (from.x + NODE_SIZE.width + to.x) / 2, y: (from.y + to.y) / 2 + NODE_SIZE.height / 2 };
    const width = label.length * CHAR_WIDTH + 8;
    const box = { x: centre.x - width / 2, y: centre.y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT };
    if (placed.covers(box)) continue;
    placed.add(box);
    labels.set(first.id, label);
  }
  return labels;
}

/** Boxes by the cells of a grid they touch, so a new box is checked only against its neighbours. */
class BoxGrid {
  static readonly CELL = 256;
  #cells = new Map<string, Box[]>();

  add(box: Box): void {
    for (const key of this.#keys(box)) {
      const cell = this.#cells.get(key);
      if (cell) cell.push(box);
      else this.#cells.set(key, [box]);
    }
  }

  covers(box: Box): boolean {
    return this.#keys(box).some((key) => this.#cells.get(key)?.some((other) => overlap(box, other)));
  }

  #keys(box: Box): string[] {
    const keys: string[] = [];
    const { CELL } = BoxGrid;
    for (let x = Math.floor(box.x / CELL); x <= Math.floor((box.x + box.width) / CELL); x++) {
      for (let y = Math.floor(box.y / CELL); y <= Math.floor((box.y + box.height) / CELL); y++) keys.push(`${x},${y}`);
    }
    return keys;
  }
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
