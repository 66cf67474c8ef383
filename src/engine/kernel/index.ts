/**
 * The kernel of a program, made once and kept: generated code unless asked otherwise, and the
 * closure interpreter when code cannot be generated (a host that forbids `new Function`, such as
 * a page under a strict Content-Security-Policy, or a model past CodegenLimit).
 */
import type { Program } from '../compile/program.js';
import { closureKernel } from './closures.js';
import { generatedKernel } from './codegen.js';
import type { Engine, Kernel } from './kernel.js';

export type { Engine, Kernel } from './kernel.js';
export { generateSource } from './codegen.js';

const made = new WeakMap<Program, Map<Engine, { kernel: Kernel; engine: Engine }>>();

/** The kernel for `engine`, and the engine it really uses (closures when generation failed). */
export function kernelOf(program: Program, engine: Engine = 'generated'): { kernel: Kernel; engine: Engine } {
  let byEngine = made.get(program);
  if (!byEngine) {
    byEngine = new Map();
    made.set(program, byEngine);
  }
  let found = byEngine.get(engine);
  if (!found) {
    found = engine === 'generated' ? generatedOrClosures(program) : { kernel: closureKernel(program), engine: 'closures' };
    byEngine.set(engine, found);
  }
  return found;
}

function generatedOrClosures(program: Program): { kernel: Kernel; engine: Engine } {
  try {
    return { kernel: generatedKernel(program), engine: 'generated' };
  } catch {
    // EvalError (code generation forbidden) or CodegenLimit: the closures give the same numbers.
    return { kernel: closureKernel(program), engine: 'closures' };
  }
}
