/**
 * Runs a program with Euler or fourth-order Runge-Kutta. Time is start + i·dt (never accumulated,
 * so 0.1 steps do not drift), values are computed at each step from the stocks, and only the
 * requested series are kept, every save step.
 */
import { canonicalLabel } from './compile/index.js';
import { DT_SLOT, START_SLOT, STOP_SLOT, TIME_SLOT, type Program } from './compile/program.js';
import type { Method } from './model.js';

export interface SimulateOptions {
  method?: Method;
  dt?: number;
  /** Stop time; defaults to the model's. */
  until?: number;
  saveStep?: number;
  /** Names to keep (any XMILE spelling; an array name keeps every element); all when absent. */
  save?: readonly string[];
}

export interface Results {
  times: Float64Array;
  series: Map<string, Float64Array>;
}

export class SimulationError extends Error {
  constructor(readonly detail: string) {
    super(detail);
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
    if (elements.length === 0) throw new SimulationError(`no variable named "${name}"`);
    for (const [, label] of elements) out.push([label, program.series.get(label)!]);
  }
  return out;
}

export function simulate(program: Program, options: SimulateOptions = {}): Results {
  const specs = program.specs;
  const method = options.method ?? specs.method;
  const dt = options.dt ?? specs.dt;
  const start = specs.start;
  const stop = options.until ?? specs.stop;
  const saveStep = Math.max(options.saveStep ?? (options.dt !== undefined ? Math.max(specs.saveStep, dt) : specs.saveStep), dt);
  if (!(dt > 0)) throw new SimulationError(`dt must be positive (found ${dt})`);
  if (!(stop >= start)) throw new SimulationError(`stop (${stop}) is before start (${start})`);
  const kept = selectSeries(program, options.save);

  // A tiny tolerance so 30/0.125 steps is 240 even when the division lands just below.
  const steps = Math.floor((stop - start) / dt + 1e-9);
  const saveEvery = Math.max(1, Math.round(saveStep / dt));
  const saves = Math.floor(steps / saveEvery) + 1;
  const times = new Float64Array(saves);
  const series = new Map(kept.map(([label]) => [label, new Float64Array(saves)]));
  const columns = kept.map(([label, slot]) => ({ slot, out: series.get(label)! }));

  const s = new Float64Array(program.slotCount);
  s[TIME_SLOT] = start;
  s[DT_SLOT] = dt;
  s[START_SLOT] = start;
  s[STOP_SLOT] = stop;
  for (const a of program.initial) s[a.slot] = a.evaluate(s);

  const pipes = program.pipelines.map((p) => ({ ...p, history: [] as number[], initialValue: s[p.slot]! }));
  const record = () => {
    for (const p of pipes) p.history.push(p.input(s));
  };
  /** Pipeline outputs at the current time: the input `delay` earlier, interpolated between steps. */
  const setPipelines = () => {
    for (const p of pipes) {
      const back = (s[TIME_SLOT]! - p.delay(s) - start) / dt;
      if (back < 0) s[p.slot] = p.initialValue;
      else {
        const i = Math.floor(back + 1e-9);
        const frac = back - i;
        const h = p.history;
        const a = h[Math.min(i, h.length - 1)] ?? p.initialValue;
        const b = h[Math.min(i + 1, h.length - 1)] ?? a;
        s[p.slot] = frac < 1e-9 ? a : a + (b - a) * frac;
      }
    }
  };
  const update = () => {
    setPipelines();
    for (const a of program.update) s[a.slot] = a.evaluate(s);
  };
  // The start-of-run values may come from initial equations (<init_eqn>); what is reported at
  // the start time is the ordinary equation, computed from the initial stocks.
  update();
  record();

  let saved = 0;
  const save = () => {
    times[saved] = s[TIME_SLOT]!;
    for (const c of columns) c.out[saved] = s[c.slot]!;
    saved++;
  };
  save();

  const states = program.states;
  const n = states.length;
  const y0 = new Float64Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const rates = (into: Float64Array) => {
    for (let j = 0; j < n; j++) into[j] = states[j]!.rate(s);
  };
  const setStates = (base: Float64Array, k: Float64Array, h: number) => {
    for (let j = 0; j < n; j++) s[states[j]!.slot] = base[j]! + h * k[j]!;
  };

  for (let i = 0; i < steps; i++) {
    const t = start + i * dt;
    for (let j = 0; j < n; j++) y0[j] = s[states[j]!.slot]!;
    rates(k1);
    if (method === 'rk4') {
      s[TIME_SLOT] = t + dt / 2;
      setStates(y0, k1, dt / 2);
      update();
      rates(k2);
      setStates(y0, k2, dt / 2);
      update();
      rates(k3);
      s[TIME_SLOT] = t + dt;
      setStates(y0, k3, dt);
      update();
      rates(k4);
      for (let j = 0; j < n; j++) k1[j] = (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!) / 6;
    }
    setStates(y0, k1, dt);
    // A non-negative stock stops at zero: its outflow is cut to what the stock holds.
    for (let j = 0; j < n; j++) {
      const state = states[j]!;
      if (state.nonNegative && s[state.slot]! < 0) s[state.slot] = 0;
    }
    s[TIME_SLOT] = start + (i + 1) * dt;
    update();
    record();
    if ((i + 1) % saveEvery === 0 && saved < saves) save();
  }
  return { times: times.subarray(0, saved), series: new Map([...series].map(([k, v]) => [k, v.subarray(0, saved)])) };
}
