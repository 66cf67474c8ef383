/**
 * The graph drawn on a canvas, for when the view holds more actors than the DOM should
 * (logic/window.ts): every actor as a box of its kind's border, every transfer as a line of its
 * nature's colour, names once they can be read, and what an analysis marks over the rest. It follows React Flow's viewport (the pane still
 * pans and zooms, and a click on an actor selects it: Graph.tsx), and is drawn again once a frame
 * at most, with only what is in view.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { ActorKind, ModelDocument, Position } from '../../../src/core/index.js';
import { NATURE_COLOURS, NODE_SIZE, type TransferArrow } from '../logic/graph.js';
import type { GraphMarks } from '../logic/marks.js';
import type { Viewport } from '../logic/viewport.js';
import { viewBox } from '../logic/window.js';

/** The kinds' borders as the DOM nodes draw them (studio.css). */
const KIND_BORDERS: Record<ActorKind, string> = {
  organisation: '#455a64',
  'public-body': '#455a64',
  individual: '#455a64',
  segment: '#78909c',
  machine: '#607d8b',
  platform: '#1565c0',
};
/** Marked actors and arrows, as the DOM nodes' outline (studio.css .actor.marked). */
const MARK_COLOUR = '#ff8f00';
/** Names are written from this zoom on (a 14 px name is then 5 px or more). */
const NAMES_FROM = 0.35;

export interface GraphCanvasProps {
  doc: ModelDocument;
  positions: ReadonlyMap<string, Position>;
  arrows: readonly TransferArrow[];
  selected: string | undefined;
  /** Actors with an error, outlined in red as the DOM nodes are. */
  faulty: ReadonlySet<string>;
  /** What the analysis shown marks (a cycle, the data flows): drawn over the rest, which is dimmed. */
  marks: GraphMarks | undefined;
  /** Called once the canvas first shows the actors (bench/studio.mjs's first render). */
  onDrawn: () => void;
}

export function GraphCanvas({ doc, positions, arrows, selected, faulty, marks, onDrawn }: GraphCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const props = useRef({ doc, positions, arrows, selected, faulty, marks });
  props.current = { doc, positions, arrows, selected, faulty, marks };
  useEffect(() => {
    let frame = 0;
    const request = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    const draw = () => {
      frame = 0;
      const element = canvas.current;
      if (!element) return;
      const { transform, width, height } = store.getState();
      const ratio = devicePixelRatio || 1;
      if (element.width !== Math.round(width * ratio) || element.height !== Math.round(height * ratio)) {
        element.width = Math.round(width * ratio);
        element.height = Math.round(height * ratio);
      }
      const context = element.getContext('2d');
      if (!context) return;
      drawGraph(context, props.current, { x: transform[0], y: transform[1], zoom: transform[2] }, width, height, ratio);
      onDrawn();
    };
    request();
    const unsubscribe = store.subscribe(request);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, doc, positions, arrows, selected, faulty, marks]);
  return <canvas ref={canvas} className="graph-canvas" data-testid="graph-canvas" aria-hidden="true" />;
}

function drawGraph(context: CanvasRenderingContext2D, { doc, positions, arrows, selected, faulty, marks }: Omit<GraphCanvasProps, 'onDrawn'>, viewport: Viewport, width: number, height: number, ratio: number) {
  const view = viewBox(viewport, width, height);
  const seen = (x: number, y: number, w: number, h: number) => x + w >= view.x && x <= view.x + view.width && y + h >= view.y && y <= view.y + view.height;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.setTransform(ratio * viewport.zoom, 0, 0, ratio * viewport.zoom, ratio * viewport.x, ratio * viewport.y);
  // Transfers, one path per colour: from the right edge of the payer's box to the left of the receiver's.
  const byColour = new Map<string, Path2D>();
  const marked = new Path2D();
  for (const arrow of arrows) {
    const from = positions.get(arrow.from), to = positions.get(arrow.to);
    if (!from || !to) continue;
    const x1 = from.x + NODE_SIZE.width, y1 = from.y + NODE_SIZE.height / 2, x2 = to.x, y2 = to.y + NODE_SIZE.height / 2;
    if (!seen(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1))) continue;
    const colour = arrow.nature ? NATURE_COLOURS[arrow.nature] : '#999999';
    if (marks?.arrows.has(arrow.id)) {
      marked.moveTo(x1, y1);
      marked.lineTo(x2, y2);
      continue;
    }
    let path = byColour.get(colour);
    if (!path) byColour.set(colour, (path = new Path2D()));
    path.moveTo(x1, y1);
    path.lineTo(x2, y2);
  }
  context.globalAlpha = marks ? 0.12 : 0.45;
  context.lineWidth = 1.5 / viewport.zoom;
  for (const [colour, path] of byColour) {
    context.strokeStyle = colour;
    context.stroke(path);
  }
  context.globalAlpha = 1;
  if (marks) {
    context.strokeStyle = MARK_COLOUR;
    context.lineWidth = 3 / viewport.zoom;
    context.stroke(marked);
  }
  // Actors: white boxes with their kind's border, faulty ones red, the selected one thicker.
  const names = viewport.zoom >= NAMES_FROM;
  context.font = '600 14px sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const [id, p] of positions) {
    if (!seen(p.x, p.y, NODE_SIZE.width, NODE_SIZE.height)) continue;
    const actor = doc.actors[id];
    context.globalAlpha = marks && !marks.actors.has(id) ? 0.35 : 1;
    context.fillStyle = actor?.kind === 'machine' ? '#eceff1' : '#ffffff';
    context.fillRect(p.x, p.y, NODE_SIZE.width, NODE_SIZE.height);
    context.strokeStyle = faulty.has(id) ? '#d32f2f' : marks?.actors.has(id) ? MARK_COLOUR : actor ? KIND_BORDERS[actor.kind] : '#455a64';
    context.lineWidth = (id === selected ? 6 : 2) / Math.min(1, viewport.zoom * 2);
    context.strokeRect(p.x, p.y, NODE_SIZE.width, NODE_SIZE.height);
    if (names) {
      context.fillStyle = '#1b1f24';
      context.fillText(actor?.name ?? id, p.x + NODE_SIZE.width / 2, p.y + NODE_SIZE.height / 2, NODE_SIZE.width - 12);
    }
  }
  context.globalAlpha = 1;
}
