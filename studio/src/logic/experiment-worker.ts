/**
 * The design check and the results of the Experiments tab, worked out by experiment-worker.ts off
 * the main thread as the user types. Only the latest request matters: one still being worked on
 * when a newer one comes is dropped with its worker (a computation cannot be interrupted
 * otherwise), and the newer one starts at once on a fresh worker. Until it answers, the last
 * answer stays shown, marked as pending.
 */
import { useEffect, useRef, useState } from 'react';
import type { PlanInput, recordedPlans, resultsOf } from './experiments.js';

export type ExperimentRequest =
  | ({ kind: 'recorded-plan' } & PlanInput)
  | { kind: 'results'; counts: { name: string; exposed: number | undefined; converted: number | undefined }[] };
export interface ExperimentAnswer {
  job: number;
  answer: ReturnType<typeof recordedPlans> | ReturnType<typeof resultsOf>;
}

export function useOffThread<A>(request: ExperimentRequest): { answer: A | undefined; pending: boolean } {
  const key = JSON.stringify(request);
  const [state, setState] = useState<{ answer: A | undefined; key: string | undefined }>({ answer: undefined, key: undefined });
  const worker = useRef<{ worker: Worker; busy: boolean } | undefined>(undefined);
  const job = useRef(0);
  useEffect(() => {
    const mine = ++job.current;
    if (worker.current?.busy) {
      worker.current.worker.terminate();
      worker.current = undefined;
    }
    const current = (worker.current ??= { worker: new Worker(new URL('../experiment-worker.ts', import.meta.url), { type: 'module' }), busy: false });
    current.busy = true;
    current.worker.onmessage = (event: MessageEvent<ExperimentAnswer>) => {
      current.busy = false;
      if (event.data.job === mine) setState({ answer: event.data.answer as A, key });
    };
    current.worker.postMessage({ job: mine, request });
  }, [key]);
  useEffect(() => () => worker.current?.worker.terminate(), []);
  return { answer: state.answer, pending: state.key !== key };
}
