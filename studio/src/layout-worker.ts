/// <reference lib="webworker" />
// The layout worker: dagre's layered layout off the main thread (see logic/layout.ts).
import dagre from '@dagrejs/dagre';
import type { LayoutAnswer, LayoutRequest } from './logic/layout.js';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of event.data.nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  event.data.edges.forEach((edge, i) => {
    if (edge.source !== edge.target) graph.setEdge(edge.source, edge.target, {}, String(i));
  });
  dagre.layout(graph);
  const answer: LayoutAnswer = {
    positions: event.data.nodes.map((node) => {
      const placed = graph.node(node.id);
      return [node.id, { x: Math.round(placed.x - node.width / 2), y: Math.round(placed.y - node.height / 2) }];
    }),
  };
  (self as unknown as { postMessage(answer: LayoutAnswer): void }).postMessage(answer);
};
