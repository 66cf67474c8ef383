/// <reference lib="webworker" />
// The experiments worker: the design check of a recorded experiment, its planned sizes and its
// test card's rates or those typed (planRecordedExperiment; Boschloo's exact power enumerates
// every table: about a second for two groups of 50) and the reading of counts typed (exact tests, Bayesian
// quadratures) off the main thread, so typing never waits for them (see logic/experiment-worker.ts).
import { recordedPlans, resultsOf } from './logic/experiments.js';
import type { ExperimentAnswer, ExperimentRequest } from './logic/experiment-worker.js';

self.onmessage = (event: MessageEvent<{ job: number; request: ExperimentRequest }>) => {
  const { job, request } = event.data;
  const answer = request.kind === 'recorded-plan' ? recordedPlans(request) : resultsOf(request.counts);
  (self as unknown as { postMessage(message: ExperimentAnswer): void }).postMessage({ job, answer });
};
