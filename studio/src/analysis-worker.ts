/// <reference lib="webworker" />
// The analysis worker: each draft made from its change list, checked, prepared and evaluated off
// the main thread, and what-if values evaluated on the last draft prepared (see logic/analyst.ts;
// what it sends back, logic/shipping.ts).
import type { Ecosystem, ModelDocument, Prepared } from '../../src/core/index.js';
import { applyModelChanges } from '../../src/engine/index.js';
import { analyse, reevaluate } from './logic/analyse.js';
import type { AnalystAnswer, AnalystRequest, WorkerReady } from './logic/analyst.js';
import { shipAnalysis, shipEvaluation, transferred, type Structure } from './logic/shipping.js';

let last: { draft: number; prepared: Prepared | undefined; recycle: Ecosystem | undefined } = { draft: 0, prepared: undefined, recycle: undefined };
/** The version's document the page's drafts are made on, and the structure sent last. */
let base: ModelDocument | undefined;
let sent: Structure | undefined;

const answer = (message: AnalystAnswer) => (self as unknown as { postMessage(m: AnalystAnswer, transfer: Transferable[]): void }).postMessage(message, message.ecosystem ? transferred(message.ecosystem) : []);

self.onmessage = (event: MessageEvent<AnalystRequest>) => {
  const request = event.data;
  if (request.kind === 'analyse') {
    base = request.base ?? base;
    if (!base) throw new Error('the page sent a change list before any document');
    const analysis = analyse(request.changes ? applyModelChanges(base, request.changes).document : base);
    last = { draft: request.job, prepared: analysis.prepared, recycle: undefined };
    let ecosystem;
    if (analysis.ecosystem) ({ shipped: ecosystem, sent } = shipAnalysis(analysis.ecosystem, sent));
    answer({ kind: 'analysed', job: request.job, ecosystem, issues: analysis.issues });
    return;
  }
  if (request.draft !== last.draft) return answer({ kind: 'evaluated', job: request.job, ecosystem: undefined, overtaken: true });
  if (!last.prepared) return answer({ kind: 'evaluated', job: request.job, ecosystem: undefined, overtaken: false });
  // The last answer's figures were transferred: only its dynamics' series are used again.
  const figures = reevaluate(last.prepared, new Map(request.overrides), last.recycle);
  if (figures) last.recycle = figures;
  answer({ kind: 'evaluated', job: request.job, ecosystem: figures && shipEvaluation(figures), overtaken: false });
};

// Heard by the page, which waits for it before drawing a model (logic/analyst.ts).
(self as unknown as { postMessage(m: WorkerReady): void }).postMessage({ kind: 'ready' });
