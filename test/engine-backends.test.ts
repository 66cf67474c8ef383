/**
 * One contract, every engine backend: the in-process one and the worker-thread one must give the
 * same bits, report the same stages, apply inputs and stop on an aborted signal the same way.
 * The worker runs the compiled engine (dist/, built by `npm test` before vitest runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CancelledError, compile, inProcessBackend, ModelRefusedError, parseXmile, simulate, SimulationError,
  type EngineBackend, type Model, type RunProgress,
} from '../src/engine/index.js';
import { EngineWorkerStopped, workerBackend, workerPool } from '../src/runtime/index.js';
import { SUITE } from './engine/suite.js';

const teacup = parseXmile(readFileSync(join(SUITE, 'samples/teacup/teacup.xmile'), 'utf8'), 'teacup.xmile').model!;

/** A fixed delay and a smooth: the run keeps a history and hidden stocks. */
const delayed: Model = {
  specs: { start: 0, stop: 40, dt: 0.25, saveStep: 0.25, method: 'rk4' },
  dimensions: [],
  macros: [],
  variables: [
    { kind: 'aux', name: 'input', equation: '10 + STEP(5, 4)', dimensions: [] },
    { kind: 'aux', name: 'late', equation: 'DELAY(input, 2.5, 10)', dimensions: [] },
    { kind: 'aux', name: 'smooth', equation: 'SMTH3(input, 4)', dimensions: [] },
  ],
};

const bits = (values: Float64Array) => [...new Uint8Array(values.buffer, values.byteOffset, values.byteLength)];

const WORKER = new URL('../dist/runtime/engine-worker.js', import.meta.url);
const pool = workerPool({ script: WORKER });
afterAll(() => pool.close());

const backends: Array<[string, EngineBackend]> = [
  ['in-process', inProcessBackend],
  ['worker thread', workerBackend(WORKER)],
  ['warm worker pool', pool],
];

describe.each(backends)('the %s backend', (_name, backend) => {
  it.each([
    ['teacup, Euler', teacup, 'euler'],
    ['teacup, RK4', teacup, 'rk4'],
    ['a delay and a smooth, RK4', delayed, 'rk4'],
  ] as const)('gives the same bits as a direct run (%s)', async (_case, model, method) => {
    const direct = simulate(compile(model).program!, { method });
    const result = await backend.run({ model, options: { method } });
    expect(bits(result.times)).toEqual(bits(direct.times));
    expect([...result.series.keys()]).toEqual([...direct.series.keys()]);
    for (const [label, values] of direct.series) expect(bits(result.series.get(label)!)).toEqual(bits(values));
  });

  it('runs a compiled program and a model alike', async () => {
    const fromProgram = await backend.run({ program: compile(teacup).program!, options: { save: ['Teacup Temperature'] } });
    // Euler, dt 0.125: 180 − 0.125 × (180 − 70) / 10 = 178.625 after one step.
    expect(fromProgram.series.get('Teacup Temperature')![1]).toBe(178.625);
    expect(fromProgram.issues).toEqual([]);
  });

  it('reports compiling, then the fraction run, rising to 1', async () => {
    const seen: RunProgress[] = [];
    await backend.run({ model: teacup }, { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ stage: 'compiling' });
    const fractions = seen.slice(1).map((p) => (p.stage === 'running' ? p.fraction : Number.NaN));
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('applies inputs: constants given other values for the run', async () => {
    const run = await backend.run({ model: teacup, inputs: { 'room temperature': 20 }, options: { save: ['Teacup Temperature'] } });
    // 180 − 0.125 × (180 − 20) / 10 = 178 after one step.
    expect(run.series.get('Teacup Temperature')![1]).toBe(178);
    await expect(backend.run({ model: teacup, inputs: { nope: 1 } })).rejects.toThrow(SimulationError);
    await expect(backend.run({ model: teacup, inputs: { 'Heat Loss to Room': 1 } })).rejects.toMatchObject({ refusal: { reason: 'input-not-constant' } });
    // A program takes inputs in the slots it was compiled with; other constants are in its code.
    const slots = compile(teacup, { inputs: ['Room Temperature'] }).program!;
    const fromSlots = await backend.run({ program: slots, inputs: { 'room temperature': 20 }, options: { save: ['Teacup Temperature'] } });
    expect(bits(fromSlots.series.get('Teacup Temperature')!)).toEqual(bits(run.series.get('Teacup Temperature')!));
    await expect(backend.run({ program: compile(teacup).program!, inputs: { 'room temperature': 20 } })).rejects.toMatchObject({ refusal: { reason: 'not-an-input', name: 'room temperature' } });
  });

  it('rejects with a cancelled error when the signal is aborted, before or during the run', async () => {
    const before = new AbortController();
    before.abort();
    await expect(backend.run({ model: teacup }, { signal: before.signal })).rejects.toBeInstanceOf(CancelledError);
    const during = new AbortController();
    let reports = 0;
    const stopped = backend.run(
      { model: teacup, options: { dt: 1 / 1024 } },
      { signal: during.signal, onProgress: (p) => p.stage === 'running' && p.fraction > 0 && ++reports === 1 && during.abort() },
    );
    await expect(stopped).rejects.toBeInstanceOf(CancelledError);
    expect(reports).toBe(1);
  });

  it('refuses a model that does not compile, with its issues, and options that cannot run', async () => {
    const broken: Model = { ...delayed, variables: [{ kind: 'aux', name: 'x', equation: 'y + 1', dimensions: [] }] };
    const refused = await backend.run({ model: broken }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ModelRefusedError);
    expect((refused as ModelRefusedError).issues.map((i) => i.code)).toEqual(['unknown-name']);
    const impossible = await backend.run({ model: teacup, options: { dt: 0 } }).catch((error: unknown) => error);
    expect(impossible).toBeInstanceOf(SimulationError);
    expect((impossible as SimulationError).refusal).toEqual({ reason: 'dt', dt: 0 });
  });
});

describe('the worker backend, when its worker dies', () => {
  it('says the worker stopped, with its exit code, as data the surfaces put in words', async () => {
    const dying = workerBackend(new URL('data:text/javascript,process.exit(7)'));
    const error = await dying.run({ model: teacup }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineWorkerStopped);
    expect(error).toMatchObject({ reason: 'exit', exitCode: 7 });
  });
});

describe('the warm worker pool', () => {
  it('runs one request after another on the same worker, and a failed model does not cost it', async () => {
    const warm = workerPool({ script: WORKER });
    try {
      warm.warm();
      for (let i = 0; i < 3; i++) await warm.run({ model: teacup, options: { save: ['Teacup Temperature'] } });
      await expect(warm.run({ model: teacup, options: { dt: 0 } })).rejects.toBeInstanceOf(SimulationError);
      await warm.run({ model: teacup });
      expect(warm.started).toBe(1);
    } finally {
      await warm.close();
    }
  });

  it('gives runs at the same time a worker each, keeps one, and replaces a worker stopped by a cancel', async () => {
    const warm = workerPool({ script: WORKER, size: 1 });
    try {
      const [a, b] = await Promise.all([warm.run({ model: teacup }), warm.run({ model: teacup })]);
      expect(bits(a.times)).toEqual(bits(b.times));
      expect(warm.started).toBe(2);
      // One of the two was kept: the next run starts nothing.
      await warm.run({ model: teacup });
      expect(warm.started).toBe(2);
      const stop = new AbortController();
      const cancelled = warm.run({ model: teacup, options: { dt: 1 / 1024 } }, { signal: stop.signal, onProgress: (p) => p.stage === 'running' && stop.abort() });
      await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
      // The cancelled run's worker was terminated: the next run gets a new one, and the same bits.
      const again = await warm.run({ model: teacup });
      expect(warm.started).toBe(3);
      expect(bits(again.times)).toEqual(bits(a.times));
    } finally {
      await warm.close();
    }
  });
});
