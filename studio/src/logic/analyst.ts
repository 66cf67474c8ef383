/**
 * Who analyses the drafts (logic/analyse.ts: check, prepare, evaluate) and evaluates what-if values
 * on the last draft prepared: analysis-worker.ts off the main thread, or the page itself, in a
 * task after each keystroke. The worker is the default: measured by bench/studio.mjs (README), it
 * takes the core's time off the main thread. What crosses between the threads is kept small,
 * since the page pays for each object it sends or receives: a draft goes as the change list on
 * the version it edits (the version's document once), and an ecosystem comes back as figures,
 * with only the parts of its structure that changed (logic/shipping.ts). The page is where no
 * worker starts, and `?analyse-in-page` for measuring. In both, of the drafts waiting only the
 * newest is analysed: a burst of keystrokes costs one analysis.
 */
import type { Change, Ecosystem, Issue, ModelDocument, Prepared } from '../../../src/core/index.js';
import { analyse, reevaluate } from './analyse.js';
import { receiveAnalysis, receiveEvaluation, type ShippedEcosystem, type Structure } from './shipping.js';

/** What the page shows of a draft: its issues and, when it has no error, its figures. */
export interface DraftAnalysis {
  /** Which draft this is the analysis of (the number analyse() gave it). */
  draft: number;
  ecosystem: Ecosystem | undefined;
  issues: Issue[];
}

export interface Evaluated {
  ecosystem: Ecosystem | undefined;
}

/** A draft: the changes being typed (null: none) on the version's document, and what they give. */
export interface Draft {
  base: ModelDocument;
  changes: readonly Change[] | null;
  /** `changes` applied to `base` (the engine's applyModelChanges), which the page draws. */
  document: ModelDocument;
}

/** A request; an analysis's `base` is left out when it is the one the worker was sent last. */
export type AnalystRequest =
  | { kind: 'analyse'; job: number; base?: ModelDocument; changes: readonly Change[] | null }
  | { kind: 'evaluate'; job: number; draft: number; overrides: Array<[string, number]> };
export type AnalystAnswer =
  | { kind: 'analysed'; job: number; ecosystem: ShippedEcosystem | undefined; issues: Issue[] }
  | { kind: 'evaluated'; job: number; ecosystem: ShippedEcosystem | undefined; overtaken: boolean };
/** What the worker says once its script has run, before any request. */
export type WorkerReady = { kind: 'ready' };

export interface Analyst {
  /**
   * Asks for a draft's analysis, heard by `onAnalysed` unless a newer draft overtakes it; returns
   * the draft's number. The same changes on the same base as the draft asked last are not asked
   * again (the page asks for a version's figures as soon as it has it, and again once it drew it).
   */
  analyse(draft: Draft): number;
  /**
   * The figures of draft `draft` with these parameter values (ecosystem undefined when they fail),
   * or null when newer values or a newer draft overtook them.
   */
  evaluate(draft: number, overrides: ReadonlyMap<string, number>): Promise<Evaluated | null>;
  /** Settled once the analysis can start at once (the worker's script has run). */
  ready: Promise<void>;
  stop(): void;
}

/** `where`: a worker (the default) or the page (where no worker starts; bench/studio.mjs --in-page). */
export function startAnalyst(onAnalysed: (analysis: DraftAnalysis) => void, where: 'page' | 'worker' = 'worker'): Analyst {
  return askedOnce(where === 'page' ? inPage(onAnalysed) : inWorker(onAnalysed));
}

function askedOnce(analyst: Analyst): Analyst {
  let last: { draft: Draft; number: number } | undefined;
  return {
    analyse(draft) {
      if (last && last.draft.base === draft.base && last.draft.changes === draft.changes) return last.number;
      last = { draft, number: analyst.analyse(draft) };
      return last.number;
    },
    evaluate: (draft, overrides) => analyst.evaluate(draft, overrides),
    ready: analyst.ready,
    stop: () => analyst.stop(),
  };
}

/**
 * A worker started before a model page asks for one, and when each worker said it is ready. A
 * message posted to a worker whose script has not run yet waits for the page's thread to hand it
 * over once it has, and a model's first drawing held the first figures there (at 300 actors, a
 * second or more): so the page asks for them first, and waits for the worker before drawing.
 */
let spare: Worker | undefined;
const readiness = new WeakMap<Worker, Promise<void>>();

function newWorker(): Worker {
  const worker = new Worker(new URL('../analysis-worker.ts', import.meta.url), { type: 'module' });
  readiness.set(
    worker,
    new Promise((resolve) => {
      const heard = (event: MessageEvent<WorkerReady | AnalystAnswer>) => {
        if (event.data.kind !== 'ready') return;
        worker.removeEventListener('message', heard);
        resolve();
      };
      worker.addEventListener('message', heard);
      worker.addEventListener('error', () => resolve());
    }),
  );
  return worker;
}

/** Starts the spare worker (main.tsx, as the studio opens), unless one is waiting already. */
export function startSpareWorker(): void {
  try {
    spare ??= newWorker();
  } catch {
    spare = undefined;
  }
}

/** The spare worker, or a new one. The next spare starts when this one stops (the next page's). */
function takeWorker(): Worker {
  const taken = spare ?? newWorker();
  spare = undefined;
  return taken;
}

function inWorker(onAnalysed: (analysis: DraftAnalysis) => void): Analyst {
  let worker: Worker;
  try {
    worker = takeWorker();
  } catch {
    return inPage(onAnalysed);
  }
  let jobs = 0;
  const evaluations = new Map<number, { overrides: ReadonlyMap<string, number>; resolve: (evaluated: Evaluated | null) => void }>();
  // The drafts asked about, until their answer; the last analysis, which evaluations build on;
  // the base document the worker holds, and the structure of the last ecosystem received.
  const drafts = new Map<number, Draft>();
  let analysed: DraftAnalysis | undefined;
  let baseSent: ModelDocument | undefined;
  let structure: Structure | undefined;
  const queue = new Jobs(
    (request) => {
      if (request.kind === 'analyse') {
        const { base } = drafts.get(request.job)!;
        worker.postMessage({ ...request, base: base === baseSent ? undefined : base } satisfies AnalystRequest);
        baseSent = base;
      } else worker.postMessage(request);
    },
    // An evaluation overtaken while it waits answers nothing.
    (dropped) => {
      evaluations.get(dropped.job)?.resolve(null);
      evaluations.delete(dropped.job);
      drafts.delete(dropped.job);
    },
  );
  worker.onmessage = (event: MessageEvent<AnalystAnswer | WorkerReady>) => {
    const answer = event.data;
    if (answer.kind === 'ready') return;
    if (answer.kind === 'analysed') {
      const draft = drafts.get(answer.job)!;
      drafts.delete(answer.job);
      let ecosystem: Ecosystem | undefined;
      if (answer.ecosystem) ({ ecosystem, received: structure } = receiveAnalysis(answer.ecosystem, structure, draft.document));
      analysed = { draft: answer.job, ecosystem, issues: answer.issues };
      onAnalysed(analysed);
    } else {
      const base = analysed?.ecosystem;
      const asked = evaluations.get(answer.job);
      const ecosystem = answer.ecosystem && base && asked ? receiveEvaluation(answer.ecosystem, base, asked.overrides) : undefined;
      asked?.resolve(answer.overtaken ? null : { ecosystem });
      evaluations.delete(answer.job);
    }
    queue.done();
  };
  return {
    analyse(draft) {
      jobs += 1;
      drafts.set(jobs, draft);
      queue.ask({ kind: 'analyse', job: jobs, changes: draft.changes });
      return jobs;
    },
    evaluate(draft, overrides) {
      jobs += 1;
      const job = jobs;
      return new Promise((resolve) => {
        evaluations.set(job, { overrides: new Map(overrides), resolve });
        queue.ask({ kind: 'evaluate', job, draft, overrides: [...overrides] });
      });
    },
    ready: readiness.get(worker) ?? Promise.resolve(),
    stop: () => {
      worker.terminate();
      startSpareWorker();
    },
  };
}

/**
 * The jobs sent to the worker, one at a time. Of the waiting ones only the newest of each kind
 * stays, and a new draft drops the evaluations waiting on older ones.
 */
export class Jobs {
  #busy = false;
  #waiting: AnalystRequest[] = [];
  constructor(
    private readonly send: (request: AnalystRequest) => void,
    private readonly dropped: (request: AnalystRequest) => void,
  ) {}

  ask(request: AnalystRequest): void {
    const kept: AnalystRequest[] = [];
    for (const waiting of this.#waiting) {
      if (waiting.kind === request.kind || request.kind === 'analyse') this.dropped(waiting);
      else kept.push(waiting);
    }
    this.#waiting = [...kept, request];
    this.#next();
  }

  done(): void {
    this.#busy = false;
    this.#next();
  }

  #next(): void {
    const request = this.#busy ? undefined : this.#waiting.shift();
    if (!request) return;
    this.#busy = true;
    this.send(request);
  }
}

/**
 * The same work in the page: each draft analysed in a task of its own after the keystroke that
 * made it (so that keystroke's frame never waits for the core), and of the drafts waiting only the
 * newest; what-if values evaluated at once on the last draft prepared.
 */
function inPage(onAnalysed: (analysis: DraftAnalysis) => void): Analyst {
  let drafts = 0;
  let waiting: { draft: number; document: ModelDocument } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: { draft: number; prepared: Prepared | undefined; recycle: Ecosystem | undefined } = { draft: 0, prepared: undefined, recycle: undefined };
  const run = () => {
    timer = undefined;
    if (!waiting) return;
    const { draft, document } = waiting;
    waiting = undefined;
    const analysis = analyse(document);
    last = { draft, prepared: analysis.prepared, recycle: undefined };
    onAnalysed({ draft, ecosystem: analysis.ecosystem, issues: analysis.issues });
  };
  return {
    analyse({ document }) {
      drafts += 1;
      waiting = { draft: drafts, document };
      timer ??= setTimeout(run, 0);
      return drafts;
    },
    async evaluate(draft, overrides) {
      if (draft !== last.draft || waiting) return null;
      if (!last.prepared) return { ecosystem: undefined };
      // The last step's figures, which the page is about to replace, are overwritten.
      const ecosystem = reevaluate(last.prepared, overrides, last.recycle);
      if (ecosystem) last.recycle = ecosystem;
      return { ecosystem };
    },
    ready: Promise.resolve(),
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
    },
  };
}
