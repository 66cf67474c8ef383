/// <reference lib="webworker" />
// The analysis worker: each draft checked, prepared and evaluated off the main thread, and
// what-if values evaluated on the last draft prepared (see logic/analyst.ts).
import type { Ecosystem, Prepared } from '../../src/core/index.js';
import { analyse, reevaluate } from './logic/analyse.js';
import { shipped, type AnalystAnswer, type AnalystRequest } from './logic/analyst.js';

let last: { draft: number; prepared: Prepared | undefined; recycle: Ecosystem | undefined } = { draft: 0, prepared: undefined, recycle: undefined };

const answer = (message: AnalystAnswer) => (self as unknown as { postMessage(m: AnalystAnswer): void }).postMessage(message);

self.onmessage = (event: MessageEvent<AnalystRequest>) => {
  const request = event.data;
  if (request.kind === 'analyse') {
    const analysis = analyse(request.document);
    last = { draft: request.job, prepared: analysis.prepared, recycle: undefined };
    answer({ kind: 'analysed', job: request.job, ecosystem: analysis.ecosystem && shipped(analysis.ecosystem, 'analysis'), issues: analysis.issues });
    return;
  }
  if (request.draft !== last.draft) return answer({ kind: 'evaluated', job: request.job, ecosystem: undefined, overtaken: true });
  if (!last.prepared) return answer({ kind: 'evaluated', job: request.job, ecosystem: undefined, overtaken: false });
  // The last answer was a copy: its arrays here can be overwritten.
  const figures = reevaluate(last.prepared, new Map(request.overrides), last.recycle);
  if (figures) last.recycle = figures;
  answer({ kind: 'evaluated', job: request.job, ecosystem: figures && shipped(figures, 'evaluation'), overtaken: false });
};
