/// <reference lib="webworker" />
/*! This worker bundles ELK (elkjs 0.12, https://github.com/kieler/elkjs), copyright Kiel University and
    others, unchanged, under the Eclipse Public License 2.0 (https://www.eclipse.org/legal/epl-2.0/) or,
    at your choice, GPL-3.0-or-later. Its source: https://github.com/kieler/elkjs */
// The layout worker: ELK's layered layout off the main thread (see logic/layout.ts). elkjs's
// bundled build runs ELK in this thread (a worker already); importing it in a worker sets its own
// message handler, which the one below replaces. A first layout of two actors as soon as it is
// loaded compiles ELK's code before a model's layout is asked.
import ELK from 'elkjs/lib/elk.bundled.js';
import { elkGraph, positionsOf, type LayoutReply, type LayoutRequest } from './logic/layout.js';

const elk = new ELK();
const answer = (reply: LayoutReply) => (self as unknown as { postMessage(message: unknown): void }).postMessage(reply);
const two = [{ id: 'a', width: 170, height: 64 }, { id: 'b', width: 170, height: 64 }];
const warm = elk.layout(elkGraph({ nodes: two, edges: [{ source: 'a', target: 'b' }] })).catch(() => undefined);
// Loaded: the page's deadlines count the layouts' work from here (logic/layout.ts).
void warm.then(() => (self as unknown as { postMessage(message: unknown): void }).postMessage({ loaded: true }));

self.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = event.data;
  let started = 0;
  void warm
    .then(() => ((started = performance.now()), elk.layout(elkGraph(request))))
    .then(
      (laidOut) => answer({ id, positions: positionsOf(laidOut), took: performance.now() - started }),
      (reason: unknown) => answer({ id, failed: String(reason) }),
    );
};
