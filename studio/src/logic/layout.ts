/**
 * Automatic layout (dagre, a layered layout) computed by layout-worker.ts, with a deadline: past
 * it the worker is stopped and the grid layout used instead, so a large graph never freezes the
 * page. Manual positions stay: only the actors given here are placed.
 */
import type { Position } from '../../../src/core/index.js';
import { gridLayout } from './graph.js';

export interface LayoutRequest {
  nodes: Array<{ id: string; width: number; height: number }>;
  edges: Array<{ source: string; target: string }>;
}
export interface LayoutAnswer {
  positions: Array<[string, Position]>;
}

export interface LayoutResult {
  positions: Map<string, Position>;
  /** Milliseconds from the request to the answer. */
  elapsed: number;
  /** True when the deadline passed and the grid was used. */
  timedOut: boolean;
}

export function layoutInWorker(request: LayoutRequest, deadline = 3000): Promise<LayoutResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../layout-worker.ts', import.meta.url), { type: 'module' });
    const fallback = () => resolve({ positions: gridLayout(request.nodes.map((n) => n.id)), elapsed: performance.now() - started, timedOut: true });
    const timer = setTimeout(() => {
      worker.terminate();
      fallback();
    }, deadline);
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ positions: new Map(event.data.positions), elapsed: performance.now() - started, timedOut: false });
    };
    worker.onerror = () => {
      clearTimeout(timer);
      worker.terminate();
      fallback();
    };
    worker.postMessage(request);
  });
}
