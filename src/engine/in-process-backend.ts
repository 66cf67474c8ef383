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
import { withInputs, type Inputs } from './inputs.js';
import { canonicalName } from './names.js';
import { CancelledError, simulate, SimulationError } from './simulate.js';

export const inProcessBackend: EngineBackend = {
  run: async (request, control) => runRequest(request, control),
};

/** Compiles the model if need be, applies the inputs and runs: what every backend does. */
export function runRequest(request: RunRequest, { signal, onProgress }: RunControl = {}): RunResult {
  if (signal?.aborted) throw new CancelledError();
  // A model is compiled with its inputs written in; a program takes them in its input slots.
  const { program, issues } = 'program' in request ? { program: request.program, issues: [] } : compiled(withInputs(request.model, request.inputs), onProgress);
  const results = simulate(program, {
    ...request.options,
    ...('program' in request && request.inputs ? { inputs: slotInputs(program, request.inputs) } : {}),
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress: (fraction: number) => onProgress({ stage: 'running', fraction }) } : {}),
  });
  return { ...results, issues };
}

/** Inputs by canonical name, each one the program takes (compiled with it in compile's `inputs`). */
function slotInputs(program: Program, inputs: Inputs): Map<string, number> {
  const taken = new Set(program.inputs.map((i) => i.canonical));
  const out = new Map<string, number>();
  for (const [name, value] of Object.entries(inputs)) {
    const canonical = canonicalName(name);
    if (!taken.has(canonical)) {
      throw new SimulationError({ reason: 'not-an-input', name });
    }
    if (!Number.isFinite(value)) throw new SimulationError({ reason: 'input-not-finite', name, value });
    out.set(canonical, value);
  }
  return out;
}

function compiled(model: Model, onProgress: RunControl['onProgress']): { program: Program; issues: EngineIssue[] } {
  onProgress?.({ stage: 'compiling' });
  const { program, issues } = compile(model);
  if (!program) throw new ModelRefusedError(issues);
  return { program, issues };
}
