/**
 * Runs a program with Euler or fourth-order Runge-Kutta. Time is start + i·dt (never accumulated,
 * so 0.1 steps do not drift), values are computed at each step from the stocks, and only the
 * requested series are kept, every save step. The equations run as a kernel (kernel/): generated
 * code by default, the closure interpreter on request or where code cannot be generated.
 */
import { canonicalLabel } from './compile/index.js';
import { DT_SLOT, setInputs, START_SLOT, STOP_SLOT, TIME_SLOT, type Program } from './compile/program.js';
import type { RunRefusal } from './issues.js';
import { kernelOf, type Engine, type KernelFallback } from './kernel/index.js';
import type { Method } from './model.js';
import { LIMITS } from '../core/index.js';
import { xoshiro128, type Random } from '../stats/index.js';

export interface SimulateOptions {
  method?: Method;
  dt?: number;
  /** Stop time; defaults to the model's. */
  until?: number;
  saveStep?: number;
  /** Names to keep (any XMILE spelling; an array name keeps every element); all when absent. */
  save?: readonly string[];
  /** Generated code (the default) or the closure interpreter; both give the same bits. */
  engine?: Engine;
  /** Values of the program's inputs by canonical name (Program.inputs); the model's otherwise. */
  inputs?: ReadonlyMap<string, number>;
  /**
   * The seed of the random builtins' streams (compile/random.ts), a 32-bit integer; default
   * DEFAULT_SEED, so a run without one is reproduced too.
   */
  seed?: number;
  /**
   * Told the fraction done (0 to 1) about a hundred times a run, for a progress bar. It runs
   * between chunks of steps, so it may also abort `signal` to stop the run there.
   */
  onProgress?: (fraction: number) => void;
  /**
   * Checked between chunks of steps (about a hundred a run): once aborted, the run stops there
   * with a CancelledError. The run is synchronous, so only what runs between chunks (the
   * progress callback) or another thread can abort it midway.
   */
  signal?: AbortSignal;
}

/** The random builtins' seed when a run gives none. */
export const DEFAULT_SEED = 1;

/** How many progress reports a run makes at most. */
const PROGRESS_REPORTS = 100;

/** Most steps one run may take: step indices stay exact small integers in the kernels. */
export const MAX_STEPS = LIMITS.simulationSteps;

/** Most numbers one run may keep (8 bytes each): 1 GB of series and delay histories. */
export const MAX_SAVED_VALUES = LIMITS.savedValues;

export interface Results {
  times: Float64Array;
  series: Map<string, Float64Array>;
  /** What ran: `closures` when asked, or when code could not be generated. */
  engine: Engine;
  /** Why generated code did not run, when it was asked for and could not be made. */
  fallback?: KernelFallback;
}

/** A run the options make impossible; the message is rendered from `refusal` (src/i18n). */
export class SimulationError extends Error {
  constructor(readonly refusal: RunRefusal) {
    super(`run: ${refusal.reason}`);
  }
}

/** A run stopped because its AbortSignal was aborted. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Display labels to keep and their slots. */
function selectSeries(program: Program, save: readonly string[] | undefined): Array<[string, number]> {
  if (!save) return [...program.series];
  const out: Array<[string, number]> = [];
  for (const name of save) {
    const key = canonicalLabel(name);
    const exact = program.labels.get(key);
    if (exact !== undefined) {
      out.push([exact, program.series.get(exact)!]);
      continue;
    }
    const prefix = `${key}[`;
    const elements = [...program.labels].filter(([k]) => k.startsWith(prefix));
    if (elements.length === 0) throw new SimulationError({ reason: 'no-variable', name });
    for (const [, label] of elements) out.push([label, program.series.get(label)!]);
  }
  return out;
}

/** What changes from one run of a Simulation to the next. */
export type RunEach = Pick<SimulateOptions, 'inputs' | 'onProgress' | 'signal' | 'seed'>;

/**
 * A program made ready to run again and again with the same method, times and saved series:
 * its buffers (saved values, slots, rates, delay histories) are made once. Each run overwrites
 * them, so the arrays of a run's results hold its numbers only until the next run.
 */
export interface Simulation {
  run(each?: RunEach): Results;
  /** Labels of the series no step changes (inputs, constants): one value along the whole run. */
  constants: ReadonlySet<string>;
}

/** The slots a step writes: time, the states, what each evaluation computes, the delays' outputs. */
function varyingSlots(program: Program): Set<number> {
  return new Set([TIME_SLOT, ...program.states.map((st) => st.slot), ...program.update.map((a) => a.slot), ...program.pipelines.map((p) => p.slot), ...(program.randoms ?? []).map((r) => r.slot)]);
}

/** One run into buffers of its own (simulation(program, options), run once). */
export function simulate(program: Program, options: SimulateOptions = {}): Results {
  return simulation(program, options).run(options);
}

/** Checks the options and makes the buffers of every run (throws SimulationError as simulate does). */
export function simulation(program: Program, options: Omit<SimulateOptions, keyof RunEach> = {}): Simulation {
  const specs = program.specs;
  const method = options.method ?? specs.method;
  const dt = options.dt ?? specs.dt;
  const start = specs.start;
  const stop = options.until ?? specs.stop;
  const saveStep = Math.max(options.saveStep ?? (options.dt !== undefined ? Math.max(specs.saveStep, dt) : specs.saveStep), dt);
  if (!(dt > 0)) throw new SimulationError({ reason: 'dt', dt });
  if (!(stop >= start)) throw new SimulationError({ reason: 'stop-before-start', start, stop });
  const kept = selectSeries(program, options.save);
  const { kernel, engine, fallback } = kernelOf(program, options.engine);

  // A tiny tolerance so 30/0.125 steps is 240 even when the division lands just below.
  const exactSteps = (stop - start) / dt;
  if (!(exactSteps < MAX_STEPS)) {
    throw new SimulationError({ reason: 'too-many-steps', steps: exactSteps, start, stop, dt, max: MAX_STEPS });
  }
  const steps = Math.floor(exactSteps + 1e-9);
  const saveEvery = Math.max(1, Math.round(saveStep / dt));
  const saves = Math.floor(steps / saveEvery) + 1;
  // A pipeline delay keeps its input at every step (steps + 1 values), whatever is saved.
  const historyValues = program.pipelines.length * (steps + 1);
  const keptValues = saves * (kept.length + 1) + historyValues;
  if (keptValues > MAX_SAVED_VALUES) {
    throw new SimulationError({
      reason: 'too-many-values',
      series: kept.length,
      saves,
      delays: program.pipelines.length,
      steps: steps + 1,
      values: keptValues,
      max: MAX_SAVED_VALUES,
    });
  }
  const times = new Float64Array(saves);
  const series = new Map(kept.map(([label]) => [label, new Float64Array(saves)]));
  // Only what a step can change is saved step by step; a slot that only the start of the run
  // sets (an input, a constant) holds one value, written along its whole series at the end.
  const varying = varyingSlots(program);
  const stepwise = kept.filter(([, slot]) => varying.has(slot));
  const fixed = kept.filter(([, slot]) => !varying.has(slot));
  const columnSlots = Int32Array.from(stepwise.map(([, slot]) => slot));
  const columns = stepwise.map(([label]) => series.get(label)!);
  const fixedSlots = Int32Array.from(fixed.map(([, slot]) => slot));
  const fixedColumns = fixed.map(([label]) => series.get(label)!);
  const keep = Int32Array.from([TIME_SLOT, ...columnSlots]);
  const saving = [times, ...columns];
  // Every run saves every step it keeps (saves rows), so the results are the buffers themselves.
  const whole: Results = { times, series, engine, ...(fallback ? { fallback } : {}) };

  const s = new Float64Array(program.slotCount);
  const pipes = program.pipelines.map((p) => ({ slot: p.slot, history: new Float64Array(steps + 1), initialValue: 0 }));
  /** Steps recorded in every pipeline's history so far. */
  let recorded = 0;
  const pipeValues = new Float64Array(pipes.length);
  /** Pipeline outputs at the current time: the input `delay` earlier, interpolated between steps. */
  const setPipelines = () => {
    kernel.pipeDelays(s, pipeValues);
    for (let i = 0; i < pipes.length; i++) {
      const p = pipes[i]!;
      const back = (s[TIME_SLOT]! - pipeValues[i]! - start) / dt;
      if (back < 0 || recorded === 0) s[p.slot] = p.initialValue;
      else {
        const at = Math.floor(back + 1e-9);
        const frac = back - at;
        const h = p.history;
        const a = h[Math.min(at, recorded - 1)]!;
        const b = h[Math.min(at + 1, recorded - 1)]!;
        s[p.slot] = frac < 1e-9 ? a : a + (b - a) * frac;
      }
    }
  };
  const record = () => {
    kernel.pipeInputs(s, pipeValues);
    for (let i = 0; i < pipes.length; i++) pipes[i]!.history[recorded] = pipeValues[i]!;
    recorded++;
  };
  const randoms = program.randoms ?? [];
  const randomSlots = Int32Array.from(randoms.map((r) => r.slot));
  let streams: Random[] = [];
  /** A new uniform in (0, 1) for every random builtin's site: at the start, then once per step. */
  const draw = () => {
    for (let i = 0; i < streams.length; i++) s[randomSlots[i]!] = streams[i]!.next() + 2 ** -33;
  };
  /** Auxiliaries and flows at the current stocks and time, and the states' rates into `into`. */
  const evaluate = (into: Float64Array) => {
    if (pipes.length > 0) setPipelines();
    kernel.evaluate(s, into);
  };

  let saved = 0;
  const results = (): Results => {
    for (let c = 0; c < fixedColumns.length; c++) fixedColumns[c]!.fill(s[fixedSlots[c]!]!, 0, saved);
    return saved === saves ? whole : { ...whole, times: times.subarray(0, saved), series: new Map([...series].map(([k, v]) => [k, v.subarray(0, saved)])) };
  };
  const save = () => {
    times[saved] = s[TIME_SLOT]!;
    for (let c = 0; c < columns.length; c++) columns[c]![saved] = s[columnSlots[c]!]!;
    saved++;
  };

  const slots = Int32Array.from(program.states.map((st) => st.slot));
  const nonNegative = Int32Array.from(program.states.filter((st) => st.nonNegative).map((st) => st.slot));
  const n = slots.length;
  const y0 = new Float64Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const setStates = (k: Float64Array, h: number) => {
    for (let j = 0; j < n; j++) s[slots[j]!] = y0[j]! + h * k[j]!;
  };

  const run = (each: RunEach = {}): Results => {
    // Every slot starts at zero, as in a new array, whatever the last run left.
    s.fill(0);
    k1.fill(0);
    s[TIME_SLOT] = start;
    s[DT_SLOT] = dt;
    s[START_SLOT] = start;
    s[STOP_SLOT] = stop;
    setInputs(program, s, each.inputs);
    // Site i draws from stream i of the run's seed, or of its own seed when the call gives one.
    streams = randoms.map((r, i) => xoshiro128(r.seed ?? each.seed ?? DEFAULT_SEED, i));
    draw();
    kernel.initial(s);
    for (const p of pipes) p.initialValue = s[p.slot]!;
    recorded = 0;
    saved = 0;

    // The start-of-run values may come from initial equations (<init_eqn>); what is reported at
    // the start time is the ordinary equation, computed from the initial stocks. Each evaluation
    // also gives the rates the next step starts from (k1).
    evaluate(k1);
    if (pipes.length > 0) record();
    save();

    const { onProgress, signal } = each;
    /** Between chunks: stop if cancelled, else report how far the run is. */
    const checkpoint = (fraction: number) => {
      if (signal?.aborted) throw new CancelledError();
      onProgress?.(fraction);
    };
    checkpoint(0);
    // Steps between checkpoints: the whole run in one go when nobody listens or can cancel.
    const chunk = onProgress || signal ? Math.max(1, Math.ceil(steps / PROGRESS_REPORTS)) : Math.max(1, steps);

    if (method === 'euler' && pipes.length === 0 && randoms.length === 0) {
      // The whole step loop runs inside the kernel, saving as it goes, chunk by chunk.
      for (let i0 = 0; i0 < steps; i0 += chunk) {
        saved = kernel.euler(s, k1, i0, Math.min(chunk, steps - i0), start, dt, saveEvery, keep, saving, saved);
        checkpoint(Math.min(1, (i0 + chunk) / steps));
      }
      if (steps === 0) checkpoint(1);
      return results();
    }

    for (let i = 0; i < steps; i++) {
      if (i > 0 && i % chunk === 0) checkpoint(i / steps);
      const t = start + i * dt;
      if (method === 'rk4') {
        for (let j = 0; j < n; j++) y0[j] = s[slots[j]!]!;
        s[TIME_SLOT] = t + dt / 2;
        setStates(k1, dt / 2);
        evaluate(k2);
        setStates(k2, dt / 2);
        evaluate(k3);
        s[TIME_SLOT] = t + dt;
        setStates(k3, dt);
        evaluate(k4);
        for (let j = 0; j < n; j++) k1[j] = (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!) / 6;
        setStates(k1, dt);
      } else {
        for (let j = 0; j < n; j++) {
          const at = slots[j]!;
          s[at] = s[at]! + dt * k1[j]!;
        }
      }
      // A non-negative stock stops at zero: its outflow is cut to what the stock holds.
      for (let j = 0; j < nonNegative.length; j++) if (s[nonNegative[j]!]! < 0) s[nonNegative[j]!] = 0;
      s[TIME_SLOT] = start + (i + 1) * dt;
      if (randoms.length > 0) draw();
      evaluate(k1);
      if (pipes.length > 0) record();
      if ((i + 1) % saveEvery === 0 && saved < saves) save();
    }
    checkpoint(1);
    return results();
  };
  return { run, constants: new Set(fixed.map(([label]) => label)) };
}
