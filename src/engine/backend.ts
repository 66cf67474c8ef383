/**
 * One way to run a simulation, whatever runs it: in this thread (in-process-backend.ts), in a
 * worker thread (runtime/), later on another machine. A surface asks a backend to run a model or
 * an already compiled program with inputs; it is told the stage and the fraction done, and stops
 * the run by aborting a signal. Every backend gives the same bits for the same request (one
 * contract test suite checks it against each).
 */
import type { EngineIssue } from './issues.js';
import type { Inputs } from './inputs.js';
import type { Model } from './model.js';
import type { Program } from './compile/program.js';
import type { Results, SimulateOptions } from './simulate.js';

/** How the run goes: method, dt, stop time, what is kept; inputs, signal and progress go apart. */
export type RunOptions = Omit<SimulateOptions, 'onProgress' | 'signal' | 'inputs'>;

/** What to run: a model (the backend compiles it) or a program compiled already. */
export type RunRequest = ({ model: Model } | { program: Program }) & {
  options?: RunOptions;
  /**
   * Constants given other values for this run (parameter overrides): written into a model
   * before it compiles; set in a program's input slots (Program.inputs), which must take them.
   */
  inputs?: Inputs;
};

/** Where a run is: compiling a model (skipped for a program), then stepping. */
export type RunProgress = { stage: 'compiling' } | { stage: 'running'; fraction: number };

export interface RunControl {
  /** Aborting it stops the run; the promise then rejects with a CancelledError. */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunResult extends Results {
  /** The compiler's warnings (unit hints…) for a model; none for a program. */
  issues: EngineIssue[];
}

/**
 * Runs simulations. `run` rejects with a CancelledError when the signal is aborted, a
 * ModelRefusedError when the model does not compile, a SimulationError when the options make
 * the run impossible (dt ≤ 0, an unknown variable, too many values to keep).
 */
export interface EngineBackend {
  run(request: RunRequest, control?: RunControl): Promise<RunResult>;
}

/** The model has errors: the compiler's issues, for the surface to show. */
export class ModelRefusedError extends Error {
  constructor(readonly issues: EngineIssue[]) {
    super('the model does not compile');
  }
}
