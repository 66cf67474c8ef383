/**
 * A model document's dynamics for the core (a DynamicsPreparer): build the engine model with the
 * model's constants and the dynamics' own constants as inputs, check and compile it once; each
 * run then simulates with the values it is given, and gives each variable per period. Engine
 * issues are placed at the dynamics entry they concern, so they are located in the model file
 * like any other.
 */
import {
  canonicalName,
  dynamicsNames,
  issue,
  LIMITS,
  type DynamicsBlockOptions,
  type DynamicsPreparer,
  type DynamicsRun,
  type DynamicsRunOptions,
  type Issue,
  type ModelDocument,
  type Path,
} from '../../core/index.js';
import { compile } from '../compile/index.js';
import type { Program } from '../compile/program.js';
import { engineIssue, type EngineIssue } from '../issues.js';
import type { Model } from '../model.js';
import { simulate, simulation, SimulationError, type Results, type Simulation } from '../simulate.js';
import { dynamicsModel } from './from-document.js';
import { DynamicsSeries, meansInto, periodMeans, periodsOf, type Periods } from './series.js';

/**
 * A document's dynamics as an engine model, and the issues that stop it running for the core: a
 * stop before the horizon ends, or a dt that does not divide a period when quantities read it.
 */
function checkedModel(doc: ModelDocument, constants: ReadonlyMap<string, number>): { model: Model | undefined; issues: Issue[] } {
  // A dimension given by size is made element by element: refuse a size past the limit first.
  for (const [name, d] of Object.entries(doc.dynamics!.dimensions ?? {})) {
    const size = typeof d === 'number' ? d : d.length;
    if (size > LIMITS.dimensionSize) {
      const found = engineIssue('limit', { limit: 'dimensionSize', max: LIMITS.dimensionSize, found: size }, { dimension: name });
      return { model: undefined, issues: [placed(doc, found)] };
    }
  }
  const model = dynamicsModel(doc, doc.dynamics!, constants);
  const start = model.specs.start;
  if (model.specs.stop < start + doc.horizon) {
    return { model, issues: [issue('dynamics-stop', ['dynamics', 'stop'], { stop: model.specs.stop, end: start + doc.horizon })] };
  }
  // When model quantities read the dynamics, every period must hold the same steps, or period
  // means would weigh periods differently (a pure system-dynamics model has no such readers).
  const perPeriod = 1 / model.specs.dt;
  if (readsDynamics(doc) && (model.specs.dt > 1 || Math.abs(perPeriod - Math.round(perPeriod)) > 1e-9)) {
    return { model, issues: [issue('dynamics-dt', ['dynamics', 'dt'], { dt: model.specs.dt, period: doc.period })] };
  }
  return { model, issues: [] };
}

/**
 * A document's dynamics checked and compiled for one run elsewhere (`simulate`, in a worker),
 * the constants written in. The issues are placed in the document; the program exists only when
 * none is an error.
 */
export function compileDynamics(
  doc: ModelDocument,
  constants: ReadonlyMap<string, number>,
): { model: Model; program: Program | undefined; issues: Issue[] } | { model: undefined; program: undefined; issues: Issue[] } {
  const { model, issues } = checkedModel(doc, constants);
  if (!model) return { model, program: undefined, issues };
  if (issues.length > 0) return { model, program: undefined, issues };
  const compiled = compile(model);
  return { model, program: compiled.program, issues: compiled.issues.map((found) => placed(doc, found)) };
}

export const prepareDynamics: DynamicsPreparer = (doc, constants) => {
  const { model, issues: refused } = checkedModel(doc, constants);
  if (!model || refused.length > 0) return { dynamics: undefined, issues: refused };
  const own = sectionConstants(model, doc);
  const compiled = compile(model, { inputs: [...constants.keys(), ...own.keys()] });
  const issues = compiled.issues.map((found) => placed(doc, found));
  const program = compiled.program;
  if (!program) return { dynamics: undefined, issues };
  const inputs = new Set(program.inputs.map((i) => i.canonical));
  const keys = new Map([...program.series.keys()].map((label) => [label, canonicalName(label)]));
  const canonical = new Map<string, string>();
  const names = new Set(keys.values());
  const labels = new Map([...keys].map(([label, key]) => [key, label]));
  const prepared: Prepared = {
    doc, program, inputs, own, keys, names, labels,
    canonicalOf: (name) => canonical.get(name) ?? canonical.set(name, canonicalName(name)).get(name)!,
  };
  return {
    dynamics: {
      constants: own, names,
      run: (values, options) => runWith(prepared, values, options),
      runBlock: (given, values, count, options) => runBlockWith(prepared, given, values, count, options),
    },
    issues,
  };
};

/** What every run of one model's dynamics shares. */
interface Prepared {
  doc: ModelDocument;
  program: Program;
  /** Canonical names the program takes as inputs. */
  inputs: ReadonlySet<string>;
  /** The dynamics section's own constants. */
  own: ReadonlyMap<string, number>;
  /** The canonical key of each series label. */
  keys: ReadonlyMap<string, string>;
  /** Every key, and the label whose series it names (the last one, as periodMeans keeps). */
  names: ReadonlySet<string>;
  labels: ReadonlyMap<string, string>;
  canonicalOf: (name: string) => string;
  /** Made by the first run that reads some series: the buffers every such run fills, and their periods. */
  reused?: { simulation: Simulation; columns?: Float64Array[]; periods?: Periods };
}

/**
 * One run with these values by name. Inputs of the program are set in its slots; a value for any
 * other name (an input that would have shaped the program) compiles the model again with it.
 * With `read`, the run fills reused buffers and averages only those series (DynamicsSeries).
 */
function runWith(prepared: Prepared, values: ReadonlyMap<string, number>, options: DynamicsRunOptions = {}): DynamicsRun {
  const { doc, program, inputs, own, keys } = prepared;
  const byCanonical = new Map<string, number>();
  let literal = false;
  for (const [name, value] of values) {
    const canonical = prepared.canonicalOf(name);
    byCanonical.set(canonical, value);
    if (!inputs.has(canonical)) literal = true;
  }
  let run = program;
  if (literal) {
    const rebuilt = recompiled(doc, own, values);
    if (!rebuilt.program) return { series: undefined, issues: rebuilt.issues };
    run = rebuilt.program;
  }
  const start = run.specs.start;
  const until = start + doc.horizon;
  const { read, seed } = options;
  const seeded = seed !== undefined ? { seed } : {};
  // Runs with the model's own program and a reader of some series fill the same buffers.
  const reuse = !literal && read !== undefined;
  let results: Results;
  try {
    if (!reuse) results = simulate(run, { until, inputs: byCanonical, ...seeded });
    else {
      prepared.reused ??= { simulation: simulation(program, { until }) };
      results = prepared.reused.simulation.run({ inputs: byCanonical, ...seeded });
    }
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
    return { series: undefined, issues: [placed(doc, engineIssue('run', error.refusal))] };
  }
  const fallback = results.fallback ? { fallback: results.fallback } : {};
  if (!reuse) {
    const broken = notFinite(doc, results);
    if (broken.length > 0) return { series: undefined, issues: broken, ...fallback };
    return { series: periodMeans(results, start, doc.horizon, keys), issues: [], ...fallback };
  }
  const reused = prepared.reused!;
  // The buffers and the saved times (start + i·dt) are the same every run: found once.
  // A series no step changes holds one number: its first says whether it is finite.
  reused.columns ??= [...results.series].map(([label, values]) => (reused.simulation.constants.has(label) ? values.subarray(0, 1) : values));
  reused.periods ??= periodsOf(results.times, start, doc.horizon);
  const broken = notFinite(doc, results, reused.columns);
  if (broken.length > 0) return { series: undefined, issues: broken, ...fallback };
  // The series not read come from the same run made again, only when asked for.
  const rest = () => periodMeans(simulate(program, { until, inputs: byCanonical, ...seeded }), start, doc.horizon, keys);
  const series = DynamicsSeries.of(options.recycle, prepared, read) ?? new DynamicsSeries(prepared, prepared.names, read, doc.horizon, rest);
  const saved = (name: string) => {
    const label = prepared.labels.get(name);
    return label === undefined ? undefined : results.series.get(label);
  };
  return { series: series.fill(saved, reused.periods, rest), issues: [], ...fallback };
}

/**
 * Many runs with the model's own program, each what runWith gives for a map of `names` to its
 * values with `read` (the same reused simulation and buffers, the same checks), without a map,
 * a series object or the canonical names made again for each run.
 */
function runBlockWith(prepared: Prepared, names: readonly string[], values: Float64Array, count: number, options: DynamicsBlockOptions): boolean {
  const { doc, program, inputs } = prepared;
  const canonical = names.map(prepared.canonicalOf);
  // Another name would compile the model again (runWith's literal case); two names of one
  // canonical name would be the last one's value: run one by one.
  if (!canonical.every((name) => inputs.has(name)) || new Set(canonical).size !== canonical.length) return false;
  const { read, stride, into, lanes, seedOf } = options;
  const start = program.specs.start;
  const width = doc.horizon + 1;
  prepared.reused ??= { simulation: simulation(program, { until: start + doc.horizon }) };
  const reused = prepared.reused;
  const given = new Map<string, number>();
  const labels = read.map((name) => prepared.labels.get(name));
  const means = new Float64Array(width);
  for (let i = 0; i < count; i++) {
    if (!lanes[i]) continue;
    for (let j = 0; j < canonical.length; j++) given.set(canonical[j]!, values[j * stride + i]!);
    const seed = seedOf?.(i);
    let results: Results;
    try {
      results = reused.simulation.run({ inputs: given, ...(seed !== undefined ? { seed } : {}) });
    } catch (error) {
      if (!(error instanceof SimulationError)) throw error;
      lanes[i] = 0;
      continue;
    }
    reused.columns ??= [...results.series].map(([label, column]) => (reused.simulation.constants.has(label) ? column.subarray(0, 1) : column));
    reused.periods ??= periodsOf(results.times, start, doc.horizon);
    if (!allFinite(reused.columns)) {
      lanes[i] = 0;
      continue;
    }
    for (let r = 0; r < read.length; r++) {
      const label = labels[r];
      const saved = label === undefined ? undefined : results.series.get(label);
      if (saved) meansInto(saved, reused.periods, means);
      else means.fill(Number.NaN);
      for (let p = 0; p < width; p++) into[(r * width + p) * stride + i] = means[p]!;
    }
  }
  return true;
}

/**
 * A variable that stops being a number is the dynamics' fault: said there, not where a model
 * quantity reads it. Every series is checked, read or not; `columns` (views of the results'
 * arrays, holding every number that can differ) lets the usual case, all finite, be one pass.
 */
function notFinite(doc: ModelDocument, results: Results, columns?: readonly Float64Array[]): Issue[] {
  if (columns && allFinite(columns)) return [];
  const broken: Issue[] = [];
  for (const [label, values] of results.series) {
    for (let i = 0; i < values.length; i++) {
      if (Number.isFinite(values[i]!)) continue;
      const params = { label, time: results.times[i]!, value: String(values[i]!) };
      broken.push(placed(doc, engineIssue('not-finite', params, { variable: label.replace(/\[.*$/, '') })));
      break;
    }
  }
  return broken;
}

function allFinite(columns: readonly Float64Array[]): boolean {
  for (let c = 0; c < columns.length; c++) {
    const values = columns[c]!;
    // x − x is 0 for a finite x and NaN otherwise, and a NaN stays in a sum: no branch per value.
    let a = 0, b = 0, i = 0;
    for (; i + 1 < values.length; i += 2) {
      a += values[i]! - values[i]!;
      b += values[i + 1]! - values[i + 1]!;
    }
    if (i < values.length) a += values[i]! - values[i]!;
    if (a + b !== 0) return false;
  }
  return true;
}

/** The model compiled with these values written in as numbers, as loading its text would. */
function recompiled(doc: ModelDocument, own: ReadonlyMap<string, number>, values: ReadonlyMap<string, number>): { program: Program | undefined; issues: Issue[] } {
  const parameters = new Map([...values].filter(([name]) => !own.has(name)));
  const variables = { ...doc.dynamics!.variables };
  for (const [name, value] of values) {
    if (!own.has(name)) continue;
    const variable = variables[name];
    variables[name] = typeof variable === 'object' ? { ...variable, equation: value } : value;
  }
  const dynamics = { ...doc.dynamics!, variables };
  const compiled = compile(dynamicsModel({ ...doc, dynamics }, dynamics, parameters));
  return { program: compiled.program, issues: compiled.issues.map((found) => placed(doc, found)) };
}

/** The dynamics section's own constants: scalar variables whose equation is a number. */
function sectionConstants(model: Model, doc: ModelDocument): Map<string, number> {
  const declared = new Set(Object.keys(doc.dynamics?.variables ?? {}));
  const out = new Map<string, number>();
  for (const v of model.variables) {
    if (!declared.has(v.name) || v.kind !== 'aux' || v.dimensions.length > 0 || v.elements || v.gf || v.initialEquation !== undefined) continue;
    const text = v.equation?.trim() ?? '';
    if (NUMBER.test(text)) out.set(v.name, Number(text));
  }
  return out;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether any quantity outside the dynamics names one of its variables. */
function readsDynamics(doc: ModelDocument): boolean {
  const names = dynamicsNames(doc.dynamics);
  let found = false;
  const scan = (value: unknown): void => {
    if (found) return;
    if (typeof value === 'string') found = (value.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).some((w) => names.has(canonicalName(w)));
    else if (Array.isArray(value)) value.forEach(scan);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(scan);
  };
  scan([doc.parameters, doc.actors, doc.valueObjects, doc.transactions, doc.scenarios]);
  return found;
}

/**
 * The parameter an unknown name of the dynamics is, if it is one: the model has it, but it
 * depends on t or on the dynamics, so the dynamics cannot read it (only constants reach them).
 */
function varyingParameter(doc: ModelDocument, found: EngineIssue): string | undefined {
  const name = found.params.name;
  if (found.code !== 'unknown-name' || typeof name !== 'string') return undefined;
  return Object.keys(doc.parameters ?? {}).find((p) => canonicalName(p) === canonicalName(name));
}

/**
 * An engine issue at the dynamics entry (or parameter) it concerns, keeping the engine's code
 * and parameters so its message is rendered in any language.
 */
function placed(doc: ModelDocument, found: EngineIssue): Issue {
  const { path, ...where } = placeOf(doc, found);
  const extra = { severity: found.severity, ...where };
  const parameter = varyingParameter(doc, found);
  if (parameter !== undefined && found.variable !== undefined) {
    return issue('dynamics-varying-parameter', path, { variable: found.variable, parameter }, extra);
  }
  // A non-finite value names its variable (with its element) already.
  const variable = found.variable === undefined || found.code === 'not-finite' ? {} : { variable: found.variable };
  return issue('dynamics', path, { ...found.params, ...variable, engineCode: found.code }, extra);
}

/** Where an engine issue sits in the document: its entry, field or element, and the offset there. */
function placeOf(doc: ModelDocument, found: EngineIssue): { path: Path; offset?: number; atKey?: boolean } {
  const offset = found.offset !== undefined ? { offset: found.offset } : {};
  if (found.variable === undefined && found.dimension !== undefined && Object.hasOwn(doc.dynamics?.dimensions ?? {}, found.dimension)) {
    return { path: ['dynamics', 'dimensions', found.dimension], atKey: true };
  }
  if (found.variable === undefined) return { path: ['dynamics'], atKey: true };
  const entry = dynamicsNames(doc.dynamics).get(canonicalName(found.variable));
  if (!entry) {
    const parameter = Object.keys(doc.parameters ?? {}).find((p) => canonicalName(p) === canonicalName(found.variable!));
    return { path: parameter ? ['parameters', parameter] : ['dynamics'], atKey: true };
  }
  const path: Path = ['dynamics', entry.section, entry.name];
  const record = doc.dynamics?.[entry.section]?.[entry.name];
  // The short form `name: "equation"`: the offset points into that very scalar.
  if (typeof record !== 'object' || record === null) return { path, ...offset };
  const field = 'initial' in record ? 'initial' : 'equation';
  const fieldText = (record as Record<string, unknown>)[field];
  const element = Object.entries((record as { elements?: Record<string, unknown> }).elements ?? {}).find(([, e]) => String(e) === found.equation);
  if (element) return { path: [...path, 'elements', element[0]], ...offset };
  if (fieldText !== undefined && String(fieldText) === found.equation) return { path: [...path, field], ...offset };
  return { path, atKey: true };
}
