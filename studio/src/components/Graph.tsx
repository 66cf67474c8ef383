/**
 * The ecosystem graph (@xyflow/react): actors as nodes shaped by their kind, transfers as arrows
 * coloured by the nature of what they carry, each marked when an issue concerns it. Dragging a
 * node, drawing a connection and selecting are reported to the page, which turns them into edits.
 */
import { applyNodeChanges, Background, Controls, Handle, MarkerType, Position as Side, ReactFlow, useReactFlow, useStore, type Edge, type Node, type NodeChange, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Position } from '../../../src/core/index.js';
import { actorNodes, NATURE_COLOURS, transferArrows } from '../logic/graph.js';
import { placeKey } from '../logic/places.js';
import { arrowLabels, boundsOf, fitViewport, LABEL_ZOOM } from '../logic/viewport.js';
import type { ModelDocument, Issue } from '../../../src/core/index.js';
import { useWords } from '../words.js';

export type Selection = { kind: 'actor' | 'transaction'; id: string } | null;

interface ActorData extends Record<string, unknown> {
  name: string;
  kind: string;
  kindWord: string;
  faults: number;
}

const ActorBox = memo(function ActorBox({ data, selected }: NodeProps<Node<ActorData>>) {
  return (
    <div className={`actor kind-${data.kind}${selected ? ' selected' : ''}${data.faults > 0 ? ' faulty' : ''}`} data-kind={data.kind}>
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
      <Handle type="source" position={Side.Right} />
    </div>
  );
});
const nodeTypes = { actor: ActorBox };

export interface GraphProps {
  doc: ModelDocument;
  /** Positions computed by the layout for actors that have none saved. */
  laidOut: ReadonlyMap<string, Position>;
  /** Changes when the whole graph should be shown again (after a layout). */
  fitRound: number;
  issues: ReadonlyMap<string, Issue[]>;
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onMoved: (actor: string, position: Position) => void;
  onConnect: (from: string, to: string) => void;
}

export function Graph({ doc, laidOut, fitRound, issues, selection, onSelect, onMoved, onConnect }: GraphProps) {
  const words = useWords();
  const placed = useMemo<Node<ActorData>[]>(
    () =>
      actorNodes(doc).map((actor) => ({
        id: actor.id,
        type: 'actor',
        position: actor.position ?? laidOut.get(actor.id) ?? { x: 0, y: 0 },
        selected: selection?.kind === 'actor' && selection.id === actor.id,
        data: {
          name: actor.name,
          kind: actor.kind,
          kindWord: words.t(`actorKind.${actor.kind}`),
          faults: faults(issues.get(placeKey('actor', actor.id))),
        },
      })),
    [doc, laidOut, issues, selection, words.locale],
  );
  // React Flow moves a node while it is dragged; the model's position follows on release.
  const [nodes, setNodes] = useState(placed);
  useEffect(() => setNodes(placed), [placed]);
  // A new layout, or an actor more or fewer, shows the graph again: whole if it fits readably.
  const flow = useReactFlow();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const bounds = boundsOf(placed.map((n) => n.position));
      if (bounds && box.current) void flow.setViewport(fitViewport(bounds, box.current.clientWidth, box.current.clientHeight));
    });
    return () => cancelAnimationFrame(frame);
  }, [fitRound, placed.length]);
  const labelsShown = useStore((state) => state.transform[2] >= LABEL_ZOOM);
  const labels = useMemo(() => {
    const positions = new Map(actorNodes(doc).map((a) => [a.id, a.position ?? laidOut.get(a.id) ?? { x: 0, y: 0 }]));
    return arrowLabels(transferArrows(doc), positions, (o) => doc.valueObjects[o]?.name ?? o, words.t('list.separator'));
  }, [doc.actors, doc.transactions, doc.valueObjects, laidOut, words.locale]);
  const edges = useMemo<Edge[]>(
    () =>
      transferArrows(doc).map((arrow) => {
        const colour = arrow.nature ? NATURE_COLOURS[arrow.nature] : '#999';
        const faulty = faults(issues.get(placeKey('transaction', arrow.transaction))) > 0;
        const chosen = selection?.kind === 'transaction' && selection.id === arrow.transaction;
        return {
          id: arrow.id,
          source: arrow.from,
          target: arrow.to,
          data: { transaction: arrow.transaction },
          label: labels.get(arrow.id),
          className: `${faulty ? 'faulty' : ''}${chosen ? ' chosen' : ''}`,
          style: { stroke: faulty ? '#d32f2f' : colour, strokeWidth: chosen ? 3.5 : 2, strokeDasharray: faulty ? '6 3' : undefined },
          labelStyle: { fill: colour },
          markerEnd: { type: MarkerType.ArrowClosed, color: faulty ? '#d32f2f' : colour },
          ariaLabel: `${doc.transactions[arrow.transaction]?.name ?? arrow.transaction}: ${doc.valueObjects[arrow.object]?.name ?? arrow.object}`,
        };
      }),
    [doc, issues, selection, labels],
  );
  return (
    <div ref={box} className={`graph${labelsShown ? '' : ' no-labels'}`} data-testid="graph" data-ready={actorNodes(doc).every((a) => a.position || laidOut.has(a.id))}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={(changes: NodeChange<Node<ActorData>>[]) => setNodes((current) => applyNodeChanges(changes, current))}
        minZoom={0.05}
        onlyRenderVisibleElements
        deleteKeyCode={null}
        onNodeClick={(_, node) => onSelect({ kind: 'actor', id: node.id })}
        onEdgeClick={(_, edge) => onSelect({ kind: 'transaction', id: (edge.data as { transaction: string }).transaction })}
        onPaneClick={() => onSelect(null)}
        onNodeDragStop={(_, node) => onMoved(node.id, node.position)}
        onConnect={(c) => c.source && c.target && c.source !== c.target && onConnect(c.source, c.target)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        {/* Its fit button shows the whole graph, however small. */}
        <Controls showInteractive={false} fitViewOptions={{ maxZoom: 1, padding: 0.1 }} />
      </ReactFlow>
    </div>
  );
}

function faults(list: Issue[] | undefined): number {
  return list?.filter((i) => i.severity === 'error').length ?? 0;
}
