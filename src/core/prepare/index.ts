/**
 * A model made ready once and quantified again and again: prepare() checks the references,
 * compiles every expression and scenario path, and has the engine compile the dynamics with the
 * constants as inputs; evaluate() quantifies with other parameter values, without reading text,
 * parsing or compiling again. loadModel is source → document → prepare → evaluate: one pipeline.
 *
 * @example
 * const { prepared } = prepare(doc, { dynamics: prepareDynamics });
 * const { ecosystem, issues } = evaluate(prepared!, { churn_rate: 0.05 });
 */
import { checkReferences } from '../check-references.js';
import { checkUncertainty } from '../check-uncertainty.js';
import { timingParameters } from '../timing.js';
import type { Structured } from '../check-structure.js';
import { compile, type CompiledModel } from '../compile.js';
import { hasErrors, issue, type Issue } from '../issues.js';
import { SECTIONS, type ColumnReader, type ModelDocument, type SectionName } from '../model/index.js';
import { constantsOf, prepareQuantities, type Ledger, type PeriodSeries, type PreparedQuantities } from '../quantify.js';
import { runQuantities } from '../run-quantities.js';
import type { PathFigures } from './paths.js';
import { LIMITS } from '../limits.js';
import { recordsOf } from '../records.js';

export type { ScenarioPath, PathFlow, PathCost, PathFigures } from './paths.js';
export { blockEvaluator, type BlockEvaluator, type BlockLedger, type BlockRun, type DrawLedger } from './block.js';

/** A model that passed every check, with its quantities worked out period by period. */
export interface Ecosystem {
  doc: ModelDocument;
  model: CompiledModel;
  ledger: Ledger;
  /** The dynamics' variables per period, when the model has dynamics. */
  series: PeriodSeries;
  /** Every scenario path with its occurrences, valued flows and variable costs per period. */
  paths: PathFigures;
}

/** Why the engine ran its closures rather than generated code (see engine/kernel). */
export interface DynamicsFallback {
  code: string;
  detail?: string;
}

/** One run of prepared dynamics: each variable per period, or the issues that stop it. */
export interface DynamicsRun {
  series: PeriodSeries | undefined;
  issues: Issue[];
  fallback?: DynamicsFallback;
}

/** A model's dynamics compiled once by the engine, run with any values of its constants. */
export interface PreparedDynamics {
  /** The constants of the dynamics section itself (a variable whose equation is a number), by name. */
  constants: ReadonlyMap<string, number>;
  /** Canonical names of the series every run gives. */
  names: ReadonlySet<string>;
  /**
   * Runs with these values, by name: the model's constant parameters and any of `constants`.
   * Names the program takes as inputs cost nothing more; any other is compiled in again.
   */
  run(values: ReadonlyMap<string, number>, options?: DynamicsRunOptions): DynamicsRun;
  /**
   * Runs many value sets at once (a block of draws), each as run() would with a map of these
   * names to its values and `read`: value j of set i at values[j × stride + i], series r of set i
   * in period p written to into[(r × (horizon + 1) + p) × stride + i]. Only the sets whose `lanes`
   * entry is 1 run; a set whose run() would give issues or no series is set to 0 (run it alone to
   * hear why). False, having run nothing, when the names are not all inputs of the compiled
   * dynamics: run() each set then. Optional: a backend without it is run set by set.
   */
  runBlock?(names: readonly string[], values: Float64Array, count: number, options: DynamicsBlockOptions): boolean;
}

export interface DynamicsBlockOptions {
  /** Canonical names of the series to give (as DynamicsRunOptions.read). */
  read: readonly string[];
  stride: number;
  into: Float64Array;
  lanes: Uint8Array;
  /** Set i's seed of the random builtins (as DynamicsRunOptions.seed). */
  seedOf?: (set: number) => number | undefined;
}

export interface DynamicsRunOptions {
  /**
   * Canonical names of the series the caller reads (the same array, run after run): their means
   * are worked out by the run, the others' only when first asked for. Every series still gives
   * the same numbers, and one that stops being finite still stops the run.
   */
  read?: readonly string[];
  /** The series of an earlier run of the same dynamics that nobody reads any more, to overwrite. */
  recycle?: PeriodSeries;
  /** The seed of the dynamics' random builtins (RANDOM, NORMAL…); the engine's default when absent. */
  seed?: number;
}

/**
 * Compiles a document's dynamics (the engine does; the core only knows this signature).
 * `constants` are the model's parameters that depend on neither time nor dynamics, which the
 * dynamics may read.
 */
export type DynamicsPreparer = (doc: ModelDocument, constants: ReadonlyMap<string, number>) => { dynamics: PreparedDynamics | undefined; issues: Issue[] };

export interface PrepareOptions {
  dynamics?: DynamicsPreparer;
  /** Ids declared in each section, even of records that failed their checks (checkStructure). */
  declared?: Structured['declared'];
  /** How the surface reads an empirical distribution's CSV column (the core reads no file). */
  readColumn?: ColumnReader;
}

/** A document made ready to evaluate: its compiled quantities and dynamics, and what they found. */
export interface Prepared {
  doc: ModelDocument;
  model: CompiledModel;
  quantities: PreparedQuantities;
  /** Absent when the model has no dynamics or when they could not be compiled (see issues). */
  dynamics: PreparedDynamics | undefined;
  /** Issues found while preparing; evaluate() adds those of each evaluation. */
  issues: Issue[];
  /** Canonical names of the dynamics' series the quantities read. */
  reads: readonly string[];
  /** Whether quantities can be worked out at all (sound references, dynamics that compiled). */
  quantifiable: boolean;
  /** The numbers read for each empirical distribution, by parameter (none without a column reader). */
  columns: ReadonlyMap<string, readonly number[]>;
}

/** New values by parameter id, or by the name of a constant of the dynamics section. */
export type Overrides = Readonly<Record<string, number>> | ReadonlyMap<string, number>;

export interface EvaluateOptions {
  /**
   * An ecosystem from an earlier evaluation of the same prepared model that the caller no longer
   * needs (the last Monte Carlo draw, the last position of a slider): its ledger's and paths'
   * arrays are overwritten with the new figures instead of new ones being made. Anything else
   * still reading it then reads the new figures.
   */
  recycle?: Ecosystem;
  /** The seed of the dynamics' random builtins for this evaluation (a risk run gives each draw its own). */
  seed?: number;
}

export interface Evaluation {
  /** Present only when neither preparing nor evaluating found an error (warnings allowed). */
  ecosystem: Ecosystem | undefined;
  /** Issues of the evaluation alone (an override that names nothing, figures out of range…). */
  issues: Issue[];
  /** Why the dynamics ran as closures, when they did. */
  fallback?: DynamicsFallback;
}

/** Compiles a document once: references, expressions, scenario paths, dynamics. */
export function prepare(doc: ModelDocument, options: PrepareOptions = {}): Prepared {
  // Each section listed once, for every step below (see records.ts).
  const records = recordsOf(doc);
  const issues = checkReferences(doc, options.declared ?? declaredIn(doc), records);
  const compiled = compile(doc, records);
  issues.push(...compiled.issues);
  const model = compiled.model;
  const uncertainty = checkUncertainty(doc, timingParameters(model), options.readColumn);
  issues.push(...uncertainty.issues);
  let dynamics: PreparedDynamics | undefined;
  let dynamicsReady = true;
  const quantitiesBefore = prepareQuantities(model, new Set(), records.transactions);
  if (doc.dynamics) {
    if (options.dynamics) {
      const made = options.dynamics(doc, constantsOf(quantitiesBefore));
      issues.push(...made.issues);
      dynamics = made.dynamics;
      dynamicsReady = dynamics !== undefined;
    } else {
      issues.push(issue('dynamics-engine', ['dynamics'], {}, { atKey: true }));
      dynamicsReady = false;
    }
  }
  // Quantifying needs sound references (a transfer to an unknown actor has nowhere to go) and
  // the dynamics' series when the model reads them.
  const quantifiable = dynamicsReady && !issues.some((i) => i.code === 'unknown-reference' && i.severity === 'error');
  const quantities = dynamics ? prepareQuantities(model, dynamics.names, records.transactions) : quantitiesBefore;
  for (const id of quantities.paths.tooMany) {
    issues.push(issue('scenario-paths', ['scenarios', id], { scenario: id, limit: LIMITS.scenarioPaths }, { severity: 'warning', atKey: true }));
  }
  const reads = quantities.dynamics.map((d) => d.name);
  return { doc, model, quantities, dynamics, issues, quantifiable, reads, columns: uncertainty.columns };
}

/**
 * Quantifies a prepared model with `overrides` in place of the values the document gives: the
 * same figures as loading the document with those numbers written in, without parsing or
 * compiling again.
 */
export function evaluate(prepared: Prepared, overrides: Overrides = {}, options: EvaluateOptions = {}): Evaluation {
  const issues: Issue[] = [];
  // A copy: the document is written from them later (ecosystemOf), whatever the caller does with `overrides`.
  const entries = overrides instanceof Map ? [...overrides] : Object.entries(overrides);
  const { values, dynamicsValues } = splitOverrides(prepared, entries, issues);
  if (!prepared.quantifiable || hasErrors(issues)) return { ecosystem: undefined, issues };
  let series: PeriodSeries = new Map();
  let fallback: DynamicsFallback | undefined;
  if (prepared.dynamics) {
    const constants = constantsOf(prepared.quantities, values);
    for (const [name, value] of dynamicsValues) constants.set(name, value);
    const run = prepared.dynamics.run(constants, { read: prepared.reads, ...(options.recycle ? { recycle: options.recycle.series } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
    issues.push(...run.issues);
    fallback = run.fallback;
    if (!run.series) return { ecosystem: undefined, issues, ...(fallback ? { fallback } : {}) };
    series = run.series;
  }
  const quantified = runQuantities(prepared.quantities, series, values, options.recycle);
  issues.push(...quantified.issues);
  const valid = !hasErrors(prepared.issues) && !hasErrors(issues);
  const ecosystem = valid ? ecosystemOf(prepared, entries, quantified, series) : undefined;
  return { ecosystem, issues, ...(fallback ? { fallback } : {}) };
}

/**
 * An evaluation's ecosystem. Its document, the prepared one with the overridden numbers written
 * in, is made when first read: a Monte Carlo draw or a Shapley coalition reads only figures.
 */
function ecosystemOf(prepared: Prepared, entries: ReadonlyArray<[string, number]>, quantified: { ledger: Ledger; paths: PathFigures }, series: PeriodSeries): Ecosystem {
  let doc: ModelDocument | undefined;
  return {
    get doc() {
      return (doc ??= withValues(prepared.doc, entries));
    },
    set doc(value) {
      doc = value;
    },
    model: prepared.model,
    ledger: quantified.ledger,
    series,
    paths: quantified.paths,
  };
}

/** Parameter overrides by slot order (NaN for none) and dynamics constants by name. */
function splitOverrides(prepared: Prepared, entries: ReadonlyArray<[string, number]>, issues: Issue[]): { values: number[] | undefined; dynamicsValues: Map<string, number> } {
  const dynamicsValues = new Map<string, number>();
  if (entries.length === 0) return { values: undefined, dynamicsValues };
  const { parameters } = prepared.quantities;
  const values = new Array<number>(parameters.length).fill(Number.NaN);
  const position = prepared.quantities.parameterPositions;
  for (const [name, value] of entries) {
    const at = position.get(name);
    const dynamic = at === undefined && prepared.dynamics?.constants.has(name);
    if (at === undefined && !dynamic) {
      issues.push(issue('unknown-override', ['parameters', name], { name }));
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push(issue('override-value', ['parameters', name], { name, value: String(value) }));
      continue;
    }
    if (at !== undefined) values[at] = value;
    else dynamicsValues.set(name, value);
  }
  return { values, dynamicsValues };
}

/**
 * The document with the overridden numbers written in, as loading it would have read them (what
 * an evaluation's ecosystem holds as its document); it shares every part but those with `doc`.
 */
export function withValues(doc: ModelDocument, entries: ReadonlyArray<[string, number]>): ModelDocument {
  if (entries.length === 0) return doc;
  const parameters = { ...doc.parameters };
  // The dynamics' variables are copied only when an override names one of them.
  let variables: NonNullable<ModelDocument['dynamics']>['variables'] | undefined;
  for (const [name, value] of entries) {
    const parameter = parameters[name];
    if (parameter !== undefined) parameters[name] = typeof parameter === 'object' ? { ...parameter, value } : value;
    else if (doc.dynamics?.variables && name in doc.dynamics.variables) {
      variables ??= { ...doc.dynamics.variables };
      const variable = variables[name];
      variables[name] = typeof variable === 'object' ? { ...variable, equation: value } : value;
    }
  }
  return { ...doc, parameters, ...(doc.dynamics && variables ? { dynamics: { ...doc.dynamics, variables } } : {}) };
}

/** The ids of every section of a document, as checkStructure declares them. */
function declaredIn(doc: ModelDocument): Structured['declared'] {
  const sections = doc as unknown as Record<SectionName, Record<string, unknown> | undefined>;
  return Object.fromEntries((Object.keys(SECTIONS) as SectionName[]).map((s) => [s, new Set(Object.keys(sections[s] ?? {}))])) as Structured['declared'];
}
