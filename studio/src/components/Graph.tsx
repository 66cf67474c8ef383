/**
 * The ecosystem graph (@xyflow/react): actors as nodes shaped by their kind, transfers as arrows
 * coloured by the nature of what they carry, each marked when an issue concerns it. Dragging a
 * node, drawing a connection and selecting are reported to the page, which turns them into edits.
 */
import { applyNodeChanges, Background, Controls, Handle, MarkerType, Position as Side, ReactFlow, useReactFlow, useStore, useStoreApi, type Connection, type Edge, type Node, type NodeChange, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { Position } from '../../../src/core/index.js';
import { NATURE_COLOURS, NODE_SIZE, transferArrows } from '../logic/graph.js';
import type { Severity } from '../../../src/analyses/index.js';
import { findingText } from '../../../src/tables/index.js';
import type { ActorFindings } from '../logic/findings.js';
import { pairKey, type GraphMarks } from '../logic/marks.js';
import { placeKey } from '../logic/places.js';
import { arrowLabels, boundsOf, firstOf, fitViewport, LABEL_ZOOM, wholeViewport, type Box } from '../logic/viewport.js';
import { graphWindow, sameWindow, stillServes, viewBox, type GraphWindow } from '../logic/window.js';
import { useStableCallback } from './common.js';
import { GraphCanvas } from './GraphCanvas.js';
import type { ModelDocument, Issue } from '../../../src/core/index.js';
import { useWords } from '../words.js';

export type Selection = { kind: 'actor' | 'transaction'; id: string } | null;

interface ActorData extends Record<string, unknown> {
  name: string;
  kind: string;
  kindWord: string;
  faults: number;
  /** The worst severity of the sustainability checks' findings on it, and their words. */
  check: Severity | undefined;
  checkText: string;
  /** Marked by the analysis shown (a cycle, the data flows), or dimmed beside what it marks. */
  mark: 'marked' | 'dimmed' | undefined;
}

const ActorBox = memo(function ActorBox({ data, selected }: NodeProps<Node<ActorData>>) {
  return (
    <div className={`actor kind-${data.kind}${selected ? ' selected' : ''}${data.faults > 0 ? ' faulty' : ''}${data.mark ? ` ${data.mark}` : ''}`} data-kind={data.kind} data-mark={data.mark}>
      <Handle type="target" position={Side.Left} />
      <div className="actor-name" data-user-text>
        {data.name}
      </div>
      <div className="actor-kind">{data.kindWord}</div>
      {data.faults > 0 && (
        <span className="badge" aria-hidden="true">
          {data.faults}
        </span>
      )}
      {data.check && (
        <span className={`check ${data.check}`} title={data.checkText} data-check={data.check}>
          !
        </span>
      )}
      <Handle type="source" position={Side.Right} />
    </div>
  );
});
const nodeTypes = { actor: ActorBox };
const PRO_OPTIONS = { hideAttribution: true };
const ORIGIN = { x: 0, y: 0 };

export interface GraphProps {
  doc: ModelDocument;
  /** Positions computed by the layout for actors that have none saved. */
  laidOut: ReadonlyMap<string, Position>;
  /** Where actors with neither stand until the layout answers (a large model's first picture). */
  provisional: ReadonlyMap<string, Position>;
  /** Changes when the whole graph should be shown again (after a layout). */
  fitRound: number;
  issues: ReadonlyMap<string, Issue[]>;
  /** The sustainability checks' findings by actor, while they are shown. */
  findings: ReadonlyMap<string, ActorFindings> | undefined;
  /** What the analysis shown marks (a cycle of value, the data flows), while it is shown. */
  marks: GraphMarks | undefined;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onMoved: (actor: string, position: Position) => void;
  onConnect: (from: string, to: string) => void;
}

/** Drawn again when one of its props changes: not when the figures of a keystroke's draft come. */
export const Graph = memo(function Graph({ doc, laidOut, provisional, fitRound, issues, findings, marks, selection, onSelect, onMoved, onConnect }: GraphProps) {
  const words = useWords();
  const ready = useMemo(() => Object.entries(doc.actors).every(([id, a]) => a.position || laidOut.has(id)), [doc.actors, laidOut]);
  const arrows = useMemo(() => transferArrows(doc), [doc.transactions, doc.valueObjects]);
  // An actor drawn as before keeps its node object: at 300 actors a keystroke changes one, and
  // working out the others' words again cost the page milliseconds an edit.
  const drawnNodes = useRef(new Map<string, { inputs: unknown[]; node: Node<ActorData> }>());
  const placed = useMemo<Node<ActorData>[]>(
    () =>
      Object.entries(doc.actors).map(([id, actor]) => {
        const position = actor.position ?? laidOut.get(id) ?? provisional.get(id) ?? ORIGIN;
        const selected = selection?.kind === 'actor' && selection.id === id;
        const found = findings?.get(id);
        const faultCount = faults(issues.get(placeKey('actor', id)));
        const mark = marks ? (marks.actors.has(id) ? 'marked' : 'dimmed') : undefined;
        // A finding's words name other actors, which the document holds.
        const inputs = [actor, position, selected, faultCount, found, mark, words.locale, found && doc.actors];
        const before = drawnNodes.current.get(id);
        if (before && sameItems(before.inputs, inputs)) return before.node;
        const node: Node<ActorData> = {
          id,
          type: 'actor',
          position,
          selected,
          data: {
            name: actor.name ?? id,
            kind: actor.kind,
            kindWord: words.t(`actorKind.${actor.kind}`),
            faults: faultCount,
            check: found?.severity,
            checkText: (found?.findings ?? []).map((f) => findingText(doc, f, words.locale)).join('\n'),
            mark,
          },
        };
        drawnNodes.current.set(id, { inputs, node });
        return node;
      }),
    [doc.actors, laidOut, provisional, issues, findings, marks, selection, words.locale],
  );
  const positions = useMemo(() => new Map(placed.map((n) => [n.id, n.position])), [placed]);
  // React Flow holds only the window of the graph around the view (logic/window.ts), made again
  // when the view leaves it; past DOM_ACTORS actors in it, the graph is drawn on a canvas.
  const store = useStoreApi();
  const [view, setView] = useState<Box>();
  // The same window object while it holds the same actors and arrows, as at most keystrokes.
  const lastWindow = useRef<GraphWindow | undefined>(undefined);
  const windowed = useMemo(() => {
    const next = graphWindow(positions, arrows, view);
    const last = lastWindow.current;
    if (last && sameWindow(last, next)) return last;
    return (lastWindow.current = next);
  }, [positions, arrows, view]);
  const currentWindow = useRef(windowed);
  currentWindow.current = windowed;
  useEffect(() => {
    const follow = (state: ReturnType<typeof store.getState>) => {
      if (state.width === 0 || state.height === 0) return;
      const seen = viewBox({ x: state.transform[0], y: state.transform[1], zoom: state.transform[2] }, state.width, state.height);
      if (!stillServes(currentWindow.current, seen)) setView(seen);
    };
    follow(store.getState());
    return store.subscribe(follow);
  }, [store]);
  const shownNodes = useMemo(() => (windowed.mode === 'dom' ? placed.filter((n) => windowed.actors.has(n.id)) : []), [placed, windowed]);
  // React Flow moves a node while it is dragged; the model's position follows on release.
  const [nodes, setNodes] = useState(shownNodes);
  useEffect(() => setNodes((current) => keptNodes(shownNodes, current)), [shownNodes]);
  // For bench/studio.mjs: when the graph's actors were first on the page (as nodes or on the canvas).
  const shown = useStableCallback(() => {
    if (performance.getEntriesByName('studio:nodes').length === 0) performance.mark('studio:nodes');
  });
  useEffect(() => {
    if (nodes.length > 0) shown();
  }, [nodes.length > 0]);
  // A new layout, or an actor more or fewer, shows the graph again: whole if it fits readably.
  const flow = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const bounds = boundsOf(positions.values());
      if (bounds && box.current) void flow.setViewport(fitViewport(bounds, box.current.clientWidth, box.current.clientHeight, firstOf(positions.values())));
    });
    return () => cancelAnimationFrame(frame);
  }, [fitRound, placed.length]);
  const labelsShown = useStore((state) => state.transform[2] >= LABEL_ZOOM);
  // Labels are placed again only when a position or a carried object's name moved: a draft is a
  // new document at each keystroke, and placing a thousand labels is not free.
  const placedLabels = useRef<{ positionsKey: string; arrowsKey: string; labels: Map<string, string> }>({ positionsKey: '', arrowsKey: '', labels: new Map() });
  const nameOf = (o: string) => doc.valueObjects[o]?.name ?? o;
  const arrowsKey = useMemo(() => [words.locale, ...windowed.arrows.map((a) => `${a.id}:${a.from}>${a.to}:${nameOf(a.object)}`)].join('\n'), [windowed.arrows, doc.valueObjects, words.locale]);
  const labels = useMemo(() => {
    const near = new Map(shownNodes.map((n) => [n.id, n.position]));
    const positionsKey = [...near].map(([id, p]) => `${id}@${p.x},${p.y}`).join('\n');
    const last = placedLabels.current;
    if (positionsKey !== last.positionsKey || arrowsKey !== last.arrowsKey) placedLabels.current = { positionsKey, arrowsKey, labels: arrowLabels(windowed.arrows, near, nameOf, words.t('list.separator')) };
    return placedLabels.current.labels;
  }, [shownNodes, arrowsKey]);
  // The handlers keep their identity from one draft to the next: React Flow keeps several in its
  // store, and a new one is a store update that every drawn node and arrow hears.
  const latest = useRef({ onSelect, onMoved, onConnect, positions, canvas: windowed.mode === 'canvas' });
  latest.current = { onSelect, onMoved, onConnect, positions, canvas: windowed.mode === 'canvas' };
  const handlers = useMemo(
    () => ({
      onNodesChange: (changes: NodeChange<Node<ActorData>>[]) => setNodes((current) => applyNodeChanges(changes, current)),
      onNodeClick: (_: unknown, node: Node) => latest.current.onSelect({ kind: 'actor', id: node.id }),
      onEdgeClick: (_: unknown, edge: Edge) => latest.current.onSelect({ kind: 'transaction', id: (edge.data as { transaction: string }).transaction }),
      // On the canvas, a click on an actor's box selects it.
      onPaneClick: (event: ReactMouseEvent) => {
        const { canvas, positions: at, onSelect: select } = latest.current;
        const hit = canvas ? actorAt(at, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })) : undefined;
        select(hit ? { kind: 'actor', id: hit } : null);
      },
      onNodeDragStop: (_: unknown, node: Node) => latest.current.onMoved(node.id, node.position),
      onConnect: (c: Connection) => {
        if (c.source && c.target && c.source !== c.target) latest.current.onConnect(c.source, c.target);
      },
    }),
    [],
  );
  // A marked pair of actors says what the marks say (a data flow's value) on its first marked
  // arrow, which stands where the pair's label does (the other arrows are dimmed).
  const markedLabels = useMemo(() => {
    const on = new Map<string, string>();
    if (!marks || marks.labels.size === 0) return on;
    const done = new Set<string>();
    for (const a of windowed.arrows) {
      const key = pairKey(a.from, a.to);
      const text = marks.labels.get(key);
      if (text === undefined || done.has(key) || !marks.arrows.has(a.id)) continue;
      done.add(key);
      on.set(a.id, text);
    }
    return on;
  }, [marks, windowed.arrows]);
  const drawnEdges = useRef(new Map<string, Edge>());
  const previousEdges = useRef<Edge[]>([]);
  const edges = useMemo<Edge[]>(() => {
    const next = windowed.arrows.map((arrow) => {
      const colour = arrow.nature ? NATURE_COLOURS[arrow.nature] : '#999';
      const faulty = faults(issues.get(placeKey('transaction', arrow.transaction))) > 0;
      const chosen = selection?.kind === 'transaction' && selection.id === arrow.transaction;
      const mark = marks ? (marks.arrows.has(arrow.id) ? (marks.chosen.has(arrow.id) ? 'marked strongest' : 'marked') : 'dimmed') : '';
      const edge: Edge = {
        id: arrow.id,
        source: arrow.from,
        target: arrow.to,
        data: { transaction: arrow.transaction },
        label: markedLabels.get(arrow.id) ?? (marks?.labels.has(pairKey(arrow.from, arrow.to)) ? undefined : labels.get(arrow.id)),
        className: [faulty ? 'faulty' : '', chosen ? 'chosen' : '', mark].filter(Boolean).join(' '),
        style: { stroke: faulty ? '#d32f2f' : colour, strokeWidth: chosen || mark === 'marked strongest' ? 4.5 : mark === 'marked' ? 3.5 : 2, strokeDasharray: faulty ? '6 3' : undefined },
        labelStyle: { fill: colour },
        markerEnd: { type: MarkerType.ArrowClosed, color: faulty ? '#d32f2f' : colour },
        ariaLabel: `${doc.transactions[arrow.transaction]?.name ?? arrow.transaction}: ${doc.valueObjects[arrow.object]?.name ?? arrow.object}`,
      };
      // An arrow drawn the same keeps its object, so React Flow leaves it alone.
      const before = drawnEdges.current.get(arrow.id);
      const kept = before && sameEdge(before, edge) ? before : edge;
      drawnEdges.current.set(arrow.id, kept);
      return kept;
    });
    // Every arrow drawn the same: the same array, so React Flow has nothing to look at again.
    return sameItems(next, previousEdges.current) ? previousEdges.current : (previousEdges.current = next);
  }, [windowed.arrows, issues, selection, labels, marks, markedLabels]);
  const faulty = useMemo(() => new Set(placed.filter((n) => n.data.faults > 0).map((n) => n.id)), [placed]);
  const fitAll = () => {
    const bounds = boundsOf(positions.values());
    if (bounds && box.current) void flow.setViewport(wholeViewport(bounds, box.current.clientWidth, box.current.clientHeight));
  };
  return (
    <div ref={box} className={`graph${labelsShown ? '' : ' no-labels'}`} data-testid="graph" data-ready={ready} data-drawn={windowed.mode}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={handlers.onNodesChange}
        minZoom={0.05}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        onNodeClick={handlers.onNodeClick}
        onEdgeClick={handlers.onEdgeClick}
        onPaneClick={handlers.onPaneClick}
        onNodeDragStop={handlers.onNodeDragStop}
        onConnect={handlers.onConnect}
        proOptions={PRO_OPTIONS}
      >
        <Background />
        {/* Its fit button shows the whole graph, however small (React Flow's would fit the window's nodes only). */}
        <Controls showInteractive={false} onFitView={fitAll} />
      </ReactFlow>
      {windowed.mode === 'canvas' && <GraphCanvas doc={doc} positions={positions} arrows={arrows} selected={selection?.kind === 'actor' ? selection.id : undefined} faulty={faulty} marks={marks} onDrawn={shown} />}
    </div>
  );
});

/**
 * The nodes to draw: an actor drawn the same keeps its node object, and a changed one keeps the
 * size React Flow measured. A node without a measured size is hidden until measured again, so
 * without this every keystroke unmounted and remounted the whole graph.
 */
function keptNodes(next: Node<ActorData>[], current: Node<ActorData>[]): Node<ActorData>[] {
  const before = new Map(current.map((n) => [n.id, n]));
  const kept = next.map((node) => {
    const old = before.get(node.id);
    if (!old) return node;
    const same = old.position.x === node.position.x && old.position.y === node.position.y && old.selected === node.selected && sameData(old.data, node.data);
    return same ? old : { ...node, measured: old.measured };
  });
  return sameItems(kept, current) ? current : kept;
}

/** The actor whose box holds `p`, the last drawn (on top) first. */
function actorAt(positions: ReadonlyMap<string, Position>, p: Position): string | undefined {
  let hit: string | undefined;
  for (const [id, q] of positions) if (p.x >= q.x && p.x <= q.x + NODE_SIZE.width && p.y >= q.y && p.y <= q.y + NODE_SIZE.height) hit = id;
  return hit;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameData(a: ActorData, b: ActorData): boolean {
  return a.name === b.name && a.kind === b.kind && a.kindWord === b.kindWord && a.faults === b.faults && a.check === b.check && a.checkText === b.checkText && a.mark === b.mark;
}

/** The fields arrows are drawn from (their style follows from className, colour and nature). */
function sameEdge(a: Edge, b: Edge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.label === b.label &&
    a.className === b.className &&
    a.ariaLabel === b.ariaLabel &&
    a.style?.stroke === b.style?.stroke &&
    a.style?.strokeWidth === b.style?.strokeWidth &&
    a.labelStyle?.fill === b.labelStyle?.fill
  );
}

function faults(list: Issue[] | undefined): number {
  return list?.filter((i) => i.severity === 'error').length ?? 0;
}
