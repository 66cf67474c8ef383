/**
 * The backend that runs in the caller's thread. The run is synchronous: the signal is checked
 * between chunks of steps (simulate.ts), so it stops a run when aborted before it or from the
 * progress callback. A worker backend runs this same function in its thread, so both give the
 * same bits.
 */
import type { EngineBackend, RunControl, RunRequest, RunResult } from './backend.js';
import { ModelRefusedError } from './backend.js';
import { compile } from './compile/index.js';
import type { Program } from './compile/program.js';
import type { Model } from './model.js';
import type { EngineIssue } from './issues.js';
import { withInputs } from './inputs.js';
import { CancelledError, simulate, SimulationError } from './simulate.js';

export const inProcessBackend: EngineBackend = {
  run: async (request, control) => runRequest(request, control),
};

/** Compiles the model if need be, applies the inputs and runs: what every backend does. */
export function runRequest(request: RunRequest, { signal, onProgress }: RunControl = {}): RunResult {
  if (signal?.aborted) throw new CancelledError();
  if ('program' in request && Object.keys(request.inputs ?? {}).length > 0) {
    // A program's constants are literals in its code: inputs must come before compiling.
    throw new SimulationError('inputs are given with a model, which the backend compiles with them, not with a compiled program');
  }
  const { program, issues } = 'program' in request ? { program: request.program, issues: [] } : compiled(withInputs(request.model, request.inputs), onProgress);
  const results = simulate(program, {
    ...request.options,
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (fraction: number) => onProgress({ stage: 'running', fraction }) } : {}),
  });
  return { ...results, issues };
}

function compiled(model: Model, onProgress: RunControl['onProgress']): { program: Program; issues: EngineIssue[] } {
  onProgress?.({ stage: 'compiling' });
  const { program, issues } = compile(model);
  if (!program) throw new ModelRefusedError(issues);
  return { program, issues };
}
