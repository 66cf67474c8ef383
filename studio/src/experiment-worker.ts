/// <reference lib="webworker" />
// The experiments worker: the design check (Boschloo's exact power enumerates every table: about
// a second for two groups of 50) and the reading of counts typed (exact tests, Bayesian
// quadratures) off the main thread, so typing never waits for them (see logic/experiment-worker.ts).
import { designCheck, resultsOf } from './logic/experiments.js';
import type { ExperimentAnswer, ExperimentRequest } from './logic/experiment-worker.js';

self.onmessage = (event: MessageEvent<{ job: number; request: ExperimentRequest }>) => {
  const { job, request } = event.data;
  const answer = request.kind === 'plan' ? designCheck(request.control, request.variant, request.trialsA, request.trialsB) : resultsOf(request.counts);
  (self as unknown as { postMessage(message: ExperimentAnswer): void }).postMessage({ job, answer });
};
