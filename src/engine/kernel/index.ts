/**
 * The kernel of a program, made once and kept: generated code unless asked otherwise, and the
 * closure interpreter when code cannot be generated (a host that forbids `new Function`, such as
 * a page under a strict Content-Security-Policy, or a model past CodegenLimit). A fallback is
 * never silent: its reason comes back with the kernel, and runs carry it in their results.
 */
import type { Program } from '../compile/program.js';
import { closureKernel } from './closures.js';
import { CodegenLimit, generatedKernel } from './codegen.js';
import type { Engine, Kernel } from './kernel.js';

export type { Engine, Kernel } from './kernel.js';
export { generateSource } from './codegen.js';

/**
 * Why generated code was not used: the host forbids it (`forbidden`), the model is past the
 * size limit (`too-large`), or generating it failed (`failed`, a bug; `detail` is the error's
 * own text, for a bug report).
 */
export interface KernelFallback {
  code: 'codegen-forbidden' | 'codegen-too-large' | 'codegen-failed';
  detail?: string;
}

export interface MadeKernel {
  kernel: Kernel;
  /** The engine the kernel really uses: closures when generation failed. */
  engine: Engine;
  /** Present when generated code was asked for and the closures run instead. */
  fallback?: KernelFallback;
}

const made = new WeakMap<Program, Map<Engine, MadeKernel>>();

/** The kernel for `engine`, the engine it really uses, and why it falls back when it does. */
export function kernelOf(program: Program, engine: Engine = 'generated'): MadeKernel {
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

function generatedOrClosures(program: Program): MadeKernel {
  try {
    return { kernel: generatedKernel(program), engine: 'generated' };
  } catch (error) {
    // The closures give the same numbers, more slowly: say why they run.
    return { kernel: closureKernel(program), engine: 'closures', fallback: fallbackOf(error) };
  }
}

function fallbackOf(error: unknown): KernelFallback {
  if (error instanceof CodegenLimit) return { code: 'codegen-too-large' };
  if (error instanceof EvalError) return { code: 'codegen-forbidden' };
  return { code: 'codegen-failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
