/**
 * Runs an XMILE model with SDEverywhere (@sdeverywhere/compile, MIT; a devDependency used only by
 * tests and benchmarks): its compiler turns the model into a JavaScript module, which is written
 * to a temporary file, imported, and driven here the way SDEverywhere's runtime drives it.
 *
 * The runtime package (@sdeverywhere/runtime) is not installed, so this file supplies the two
 * pieces of it that generated code needs, with the runtime's semantics (Vensim's, Euler only):
 * the model functions (`fns.STEP`, `fns.LOOKUP`, …, see its js-model-functions.ts) and the run
 * loop (its `runJsModel`: initConstants, initLevels, then evalAux / store / evalLevels /
 * `time += dt` until the final time).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Compiler = typeof import('@sdeverywhere/compile');

let compiler: Promise<Compiler> | undefined;

/**
 * SDEverywhere's compiler calls `XLSX.set_fs(fs)` when it loads. The xlsx package is replaced
 * by a local stub (package.json overrides; bench/stubs/xlsx) that lacks `set_fs`, so the stub's
 * exports get a no-op one first; Excel inputs stay unavailable, as intended.
 */
function loadCompiler(): Promise<Compiler> {
  compiler ??= (async () => {
    const xlsx = createRequire(import.meta.url)('xlsx') as Record<string, unknown>;
    xlsx.set_fs ??= () => {};
    return import('@sdeverywhere/compile');
  })();
  return compiler;
}

/** JavaScript for the model, or the compiler's complaint. */
export async function generateSde(xmile: string, modelDir: string): Promise<{ code: string } | { error: string }> {
  const { parseModel, generateCode, resetState } = await loadCompiler();
  // The compiler prints notes ("no var with name … in vensimName") to the console: keep them out.
  const { log, error, warn } = console;
  console.log = console.error = console.warn = () => {};
  try {
    resetState();
    const parsed = parseModel(xmile, 'xmile', modelDir);
    const code = generateCode(parsed, { spec: {}, operations: ['generateJS'], extData: new Map(), directData: new Map(), modelDirname: modelDir });
    return { code };
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0]! };
  } finally {
    Object.assign(console, { log, error, warn });
  }
}

interface JsModel {
  outputVarNames: string[];
  getInitialTime(): number;
  getFinalTime(): number;
  getTimeStep(): number;
  setModelFunctions(fns: unknown): void;
  setTime(time: number): void;
  initConstants(): void;
  initLevels(): void;
  evalAux(): void;
  evalLevels(): void;
  storeOutputs(store: (value: unknown) => void): void;
}

export interface SdeRun {
  /** The time of every step, start to stop. */
  times: number[];
  /** Every output (SDEverywhere outputs all variables but lookups and data), by Vensim name. */
  series: Map<string, number[]>;
}

/** Imports the generated code as an ES module (each import has its own module-level state). */
async function load(code: string): Promise<JsModel> {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-sde-'));
  const file = join(dir, 'model.mjs');
  writeFileSync(file, code);
  try {
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: () => Promise<JsModel> };
    return await module.default();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs generated code with Euler, storing every step. */
export async function runSde(code: string): Promise<SdeRun> {
  const model = await load(code);
  const context = { timeStep: 0, currentTime: 0 };
  model.setModelFunctions(modelFunctions(context));
  const initial = model.getInitialTime();
  const final = model.getFinalTime();
  const dt = model.getTimeStep();
  context.timeStep = dt;

  let time = initial;
  model.setTime(time);
  context.currentTime = time;
  model.initConstants();
  model.initLevels();
  const names = model.outputVarNames;
  const columns = names.map(() => [] as number[]);
  const times: number[] = [];
  const lastStep = Math.round((final - initial) / dt);
  for (let step = 0; ; step++) {
    model.evalAux();
    times.push(time);
    let k = 0;
    // The runtime stores outputs in a Float64Array, which turns `false` into 0 and a lookup
    // object into NaN: Number() does the same here.
    model.storeOutputs((value) => columns[k++]!.push(Number(value)));
    if (step === lastStep) break;
    model.evalLevels();
    time += dt; // as SDEverywhere's runtime does (accumulated, not start + i·dt)
    model.setTime(time);
    context.currentTime = time;
  }
  return { times, series: new Map(names.map((name, i) => [name, columns[i]!])) };
}

/** A lookup table as SDEverywhere's runtime reads it: flat at both ends, exact hits unchanged. */
class Lookup {
  constructor(
    private readonly n: number,
    private readonly data: number[],
  ) {}

  value(input: number, mode: 'interpolate' | 'forward' | 'backward', inverted = false): number {
    const d = inverted ? this.data.map((_, i) => this.data[i % 2 === 0 ? i + 1 : i - 1]!) : this.data;
    const max = this.n * 2;
    for (let xi = 0; xi < max; xi += 2) {
      const x = d[xi]!;
      if (x >= input) {
        if (xi === 0 || x === input) return d[xi + 1]!;
        if (mode === 'forward') return d[xi + 1]!;
        if (mode === 'backward') return d[xi - 1]!;
        const lastX = d[xi - 2]!;
        const lastY = d[xi - 1]!;
        return lastY + ((d[xi + 1]! - lastY) / (x - lastX)) * (input - lastX);
      }
    }
    return d[max - 1]!;
  }
}

const NA = -Number.MAX_VALUE;

/** The model functions generated code calls as `fns.NAME`, with SDEverywhere's runtime semantics. */
function modelFunctions(ctx: { timeStep: number; currentTime: number }) {
  const pulse = (start: number, width: number) => {
    const t = ctx.currentTime + ctx.timeStep / 2;
    const w = width === 0 ? ctx.timeStep : width;
    return t > start && t < start + w ? 1 : 0;
  };
  return {
    setContext(context: { timeStep: number; currentTime: number }) {
      Object.assign(ctx, context);
    },
    ABS: Math.abs,
    ARCCOS: Math.acos,
    ARCSIN: Math.asin,
    ARCTAN: Math.atan,
    COS: Math.cos,
    EXP: Math.exp,
    GAME: (x: number) => x,
    INTEG: (value: number, rate: number) => value + rate * ctx.timeStep,
    INTEGER: Math.trunc,
    LN: Math.log,
    MAX: Math.max,
    MIN: Math.min,
    MODULO: (x: number, y: number) => x % y,
    POW: Math.pow,
    POWER: Math.pow,
    PULSE: pulse,
    PULSE_TRAIN(start: number, width: number, interval: number, end: number) {
      const n = Math.floor((end - start) / interval);
      for (let k = 0; k <= n; k++) if (ctx.currentTime <= end && pulse(start + k * interval, width)) return 1;
      return 0;
    },
    QUANTUM: (x: number, y: number) => (y <= 0 ? x : y * Math.trunc(x / y)),
    RAMP(slope: number, startTime: number, endTime: number) {
      const t = ctx.currentTime;
      if (t <= startTime) return 0;
      return t < endTime || startTime > endTime ? slope * (t - startTime) : slope * (endTime - startTime);
    },
    SIN: Math.sin,
    SQRT: Math.sqrt,
    STEP: (height: number, stepTime: number) => (ctx.currentTime + ctx.timeStep / 2 > stepTime ? height : 0),
    TAN: Math.tan,
    XIDZ: (a: number, b: number, x: number) => (Math.abs(b) < 1e-6 ? x : a / b),
    ZIDZ: (a: number, b: number) => (Math.abs(b) < 1e-6 ? 0 : a / b),
    createLookup: (size: number, data: number[]) => new Lookup(size, data),
    LOOKUP: (l: Lookup | undefined, x: number) => (l ? l.value(x, 'interpolate') : NA),
    LOOKUP_FORWARD: (l: Lookup | undefined, x: number) => (l ? l.value(x, 'forward') : NA),
    LOOKUP_BACKWARD: (l: Lookup | undefined, x: number) => (l ? l.value(x, 'backward') : NA),
    LOOKUP_INVERT: (l: Lookup | undefined, y: number) => (l ? l.value(y, 'interpolate', true) : NA),
    WITH_LOOKUP: (x: number, l: Lookup | undefined) => (l ? l.value(x, 'interpolate') : NA),
    VECTOR_SORT_ORDER(vector: number[], size: number, direction: number) {
      const order = vector.slice(0, size).map((x, ind) => ({ x, ind }));
      order.sort((a, b) => (a.x < b.x ? -1 : a.x > b.x ? 1 : 0) * (direction > 0 ? 1 : -1));
      return order.map((o) => o.ind);
    },
  };
}
