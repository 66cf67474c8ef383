/**
 * When generated code cannot be made, the kernel falls back to the closures and says why, and
 * every run carries the reason: the fallback is data, never silent.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, simulate, type Model } from '../index.js';
import { kernelOf } from './index.js';

const model = (): Model => ({
  specs: { start: 0, stop: 4, dt: 1, saveStep: 1, method: 'euler' },
  dimensions: [],
  variables: [
    { kind: 'stock', name: 'S', equation: '1', dimensions: [], inflows: ['growth'] },
    { kind: 'flow', name: 'growth', equation: 'S * 0.5', dimensions: [] },
  ],
  macros: [],
});

/** `new Function` made to throw `error`, as a host that forbids it, or a bug in the source, would. */
function functionThrowing(error: Error): void {
  vi.stubGlobal('Function', function () {
    throw error;
  });
}

describe('a kernel that cannot be generated', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the host forbids code generation, and the run gives the same figures', () => {
    const expected = simulate(compile(model()).program!).series;
    functionThrowing(new EvalError('Code generation from strings disallowed for this context'));
    const program = compile(model()).program!;
    expect(kernelOf(program).fallback).toEqual({ code: 'codegen-forbidden' });
    const results = simulate(program);
    expect(results.engine).toBe('closures');
    expect(results.fallback).toEqual({ code: 'codegen-forbidden' });
    expect(results.series).toEqual(expected);
  });

  it('gives the error of any other failure, for a bug report', () => {
    functionThrowing(new SyntaxError('Unexpected token'));
    expect(simulate(compile(model()).program!).fallback).toEqual({ code: 'codegen-failed', detail: 'SyntaxError: Unexpected token' });
  });

  it('says nothing when generated code runs, or when the closures were asked for', () => {
    const program = compile(model()).program!;
    expect(simulate(program).fallback).toBeUndefined();
    expect(simulate(program, { engine: 'closures' }).fallback).toBeUndefined();
  });
});
