/**
 * How an ecosystem crosses from the analysis worker to the page (pure). The page pays for every
 * object it receives (a structured clone is rebuilt object by object on the receiving thread), so
 * an ecosystem is sent in two parts:
 *   - its figures: typed arrays, cheap to copy whatever their length;
 *   - its structure: what each flow, cost line and path is, and the compiled model. A keystroke in
 *     a name changes none of it, yet at 300 actors it is some 5,000 objects, about 17 ms of the
 *     page's time to receive. So each part of the structure goes only when it differs from the
 *     one sent with the analysis before; the page keeps the last one it received.
 * The figures of a model all stand in one buffer (core's run-quantities), which is transferred
 * rather than copied. The document is never sent back: the page holds the draft it asked about,
 * and writes what-if values into it as the core does (withValues).
 */
import { withValues, type CompiledModel, type CostColumns, type Ecosystem, type FlowColumns, type Ledger, type ModelDocument, type OccurrenceColumns, type PathFigures, type PeriodSeries } from '../../../src/core/index.js';

export interface Structure {
  lines: FlowColumns['lines'];
  rows: CostColumns['rows'];
  transactions: OccurrenceColumns['transactions'];
  index: OccurrenceColumns['index'];
  paths: PathFigures['paths'];
  model: Omit<CompiledModel, 'doc'>;
}
const PARTS = ['lines', 'rows', 'transactions', 'index', 'paths', 'model'] as const satisfies ReadonlyArray<keyof Structure>;

export interface Figures {
  horizon: number;
  flows: Omit<FlowColumns, 'lines'>;
  costs: Omit<CostColumns, 'rows'>;
  counts: OccurrenceColumns['counts'];
  sizes: Ledger['sizes'];
  /** The dynamics' series as a plain map (the engine's own is a class that works them out lazily). */
  series: PeriodSeries;
  paths: Omit<PathFigures, 'paths'>;
}

export interface ShippedEcosystem {
  figures: Figures;
  /** With an analysis: the parts of its structure that differ from the last analysis sent. */
  structure?: Partial<Structure>;
}

export function structureOf(ecosystem: Ecosystem): Structure {
  const { ledger, paths } = ecosystem;
  const { doc: _, ...model } = ecosystem.model;
  return { lines: ledger.flows.lines, rows: ledger.costs.rows, transactions: ledger.occurrences.transactions, index: ledger.occurrences.index, paths: paths.paths, model };
}

export function figuresOf(ecosystem: Ecosystem): Figures {
  const { horizon, flows, costs, occurrences, sizes } = ecosystem.ledger;
  const { lines: _l, ...flowFigures } = flows;
  const { rows: _r, ...costFigures } = costs;
  const { paths: _p, ...pathFigures } = ecosystem.paths;
  return { horizon, flows: flowFigures, costs: costFigures, counts: occurrences.counts, sizes, series: new Map(ecosystem.series), paths: pathFigures };
}

/**
 * The worker's side: what to send of an analysis's ecosystem, given the structure sent last, and
 * the structure to remember for next time (each unchanged part the very object sent before).
 */
export function shipAnalysis(ecosystem: Ecosystem, sent: Structure | undefined): { shipped: ShippedEcosystem; sent: Structure } {
  const structure = structureOf(ecosystem);
  const changed: Partial<Structure> = {};
  const kept = { ...structure };
  for (const part of PARTS) {
    if (sent && sameValue(structure[part], sent[part])) (kept as Record<string, unknown>)[part] = sent[part];
    else (changed as Record<string, unknown>)[part] = structure[part];
  }
  return { shipped: { figures: figuresOf(ecosystem), structure: changed }, sent: kept };
}

export function shipEvaluation(ecosystem: Ecosystem): ShippedEcosystem {
  return { figures: figuresOf(ecosystem) };
}

/**
 * The buffers under the ledger's and the paths' figures, to transfer with the message: the worker
 * does not read them again (an evaluation that would reuse them finds them gone and makes new ones).
 */
export function transferred(shipped: ShippedEcosystem): ArrayBuffer[] {
  const { flows, costs, counts, paths } = shipped.figures;
  const views = [flows.occurrences, flows.perOccurrence, flows.money, flows.value, costs.row, costs.period, costs.amount, counts, paths.occurrences, paths.money, paths.value, paths.variableCosts];
  return [...new Set(views.map((v) => v.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/**
 * The page's side, for an analysis: its ecosystem, from what was shipped, the structure received
 * last and the draft the page asked about; and the structure to remember.
 */
export function receiveAnalysis(shipped: ShippedEcosystem, received: Structure | undefined, draft: ModelDocument): { ecosystem: Ecosystem; received: Structure } {
  const structure = { ...received, ...shipped.structure } as Structure;
  for (const part of PARTS) if (structure[part] === undefined) throw new Error(`the analysis worker did not send the ${part} of the first ecosystem`);
  return { ecosystem: assemble(shipped, structure, draft), received: structure };
}

/** For an evaluation: the figures on the structure of the analysis they evaluate, with its values. */
export function receiveEvaluation(shipped: ShippedEcosystem, base: Ecosystem, overrides: ReadonlyMap<string, number>): Ecosystem {
  return assemble(shipped, structureOf(base), withValues(base.doc, [...overrides]), base.model);
}

function assemble(shipped: ShippedEcosystem, structure: Structure, doc: ModelDocument, model: CompiledModel = { ...structure.model, doc }): Ecosystem {
  const { figures } = shipped;
  const ledger: Ledger = {
    horizon: figures.horizon,
    flows: { ...figures.flows, lines: structure.lines },
    costs: { ...figures.costs, rows: structure.rows },
    occurrences: { transactions: structure.transactions, index: structure.index, counts: figures.counts },
    sizes: figures.sizes,
  };
  return { doc, model, ledger, series: figures.series, paths: { ...figures.paths, paths: structure.paths } };
}

/**
 * Deep equality of what a structured clone carries: plain objects and arrays, maps, sets, typed
 * arrays and primitives (numbers by Object.is, so 0 and −0 differ as they do in an expression).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    for (const [key, value] of a) if (!other.has(key) || !sameValue(value, other.get(key))) return false;
    return true;
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>;
    return a.size === other.size && [...a].every((item) => other.has(item));
  }
  if (ArrayBuffer.isView(a)) {
    const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
