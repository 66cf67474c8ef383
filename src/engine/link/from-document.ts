/**
 * The dynamics section of a Symbiose model (YAML, equations in XMILE syntax) as an engine model,
 * and back. The model's constant parameters become auxiliaries the equations can read.
 */
import { LIMITS, type Dynamics, type ModelDocument } from '../../core/index.js';
import { engineIssue, type EngineIssue } from '../issues.js';
import type { Dimension, ElementEquation, GraphicalFunction, Model, Variable } from '../model.js';

type Gf = NonNullable<Exclude<NonNullable<Dynamics['variables']>[string], string | number>['gf']>;

/** Default integration step, in periods: four steps a period keeps Euler's error small. */
export const DEFAULT_DT = 0.25;

export function dynamicsModel(doc: ModelDocument, dynamics: Dynamics, constants: ReadonlyMap<string, number>): Model {
  const start = dynamics.start ?? 0;
  const dt = dynamics.dt ?? DEFAULT_DT;
  const variables: Variable[] = [];
  for (const [name, stock] of Object.entries(dynamics.stocks ?? {})) {
    variables.push({
      kind: 'stock',
      name,
      equation: String(stock.initial),
      dimensions: stock.dimensions ?? [],
      ...elements(stock.elements),
      ...(stock.inflows ? { inflows: stock.inflows } : {}),
      ...(stock.outflows ? { outflows: stock.outflows } : {}),
      ...(stock.nonNegative !== undefined ? { nonNegative: stock.nonNegative } : {}),
      ...described(stock),
    });
  }
  for (const [name, flow] of Object.entries(dynamics.flows ?? {})) {
    const long = typeof flow === 'object' ? flow : { equation: flow };
    variables.push({
      kind: 'flow',
      name,
      equation: String(long.equation),
      dimensions: 'dimensions' in long ? long.dimensions ?? [] : [],
      ...('elements' in long ? elements(long.elements) : {}),
      ...('nonNegative' in long && long.nonNegative !== undefined ? { nonNegative: long.nonNegative } : {}),
      ...('initial' in long && long.initial !== undefined ? { initialEquation: String(long.initial) } : {}),
      ...described(long),
    });
  }
  for (const [name, variable] of Object.entries(dynamics.variables ?? {})) {
    const long = typeof variable === 'object' ? variable : { equation: variable };
    const gf = 'gf' in long && long.gf ? graphicalFunction(long.gf) : undefined;
    variables.push({
      kind: gf && long.equation === undefined ? 'gf' : 'aux',
      name,
      ...(long.equation !== undefined ? { equation: String(long.equation) } : {}),
      dimensions: 'dimensions' in long ? long.dimensions ?? [] : [],
      ...('elements' in long ? elements(long.elements) : {}),
      ...(gf ? { gf } : {}),
      ...('initial' in long && long.initial !== undefined ? { initialEquation: String(long.initial) } : {}),
      ...described(long),
    });
  }
  for (const [name, value] of constants) variables.push({ kind: 'aux', name, equation: String(value), dimensions: [] });
  return {
    name: doc.name,
    specs: {
      start,
      stop: dynamics.stop ?? start + doc.horizon,
      dt,
      saveStep: dt,
      method: dynamics.method ?? 'euler',
      timeUnits: dynamics.timeUnits ?? doc.period,
    },
    dimensions: Object.entries(dynamics.dimensions ?? {}).map(([name, d]): Dimension =>
      typeof d === 'number' ? { name, elements: Array.from({ length: d }, (_, i) => String(i + 1)), sized: true } : { name, elements: d },
    ),
    variables,
    macros: [],
    ...(dynamics.nonNegativeStocks !== undefined || dynamics.nonNegativeFlows !== undefined
      ? { behavior: { stocksNonNegative: dynamics.nonNegativeStocks ?? false, flowsNonNegative: dynamics.nonNegativeFlows ?? false } }
      : {}),
  };
}

function elements(byElement: Record<string, string | number> | undefined): { elements?: ElementEquation[] } {
  if (!byElement) return {};
  return {
    elements: Object.entries(byElement).map(([key, equation]) => ({ subscript: key.split(',').map((s) => s.trim()), equation: String(equation) })),
  };
}

function described(v: { units?: string | undefined; doc?: string | undefined }): Pick<Variable, 'units' | 'doc'> {
  return { ...(v.units !== undefined ? { units: v.units } : {}), ...(v.doc !== undefined ? { doc: v.doc } : {}) };
}

function graphicalFunction(gf: Gf): GraphicalFunction {
  const out: GraphicalFunction = { type: gf.type ?? 'continuous', ys: gf.points ? gf.points.map(([, y]) => y) : gf.ys ?? [] };
  if (gf.points) out.xs = gf.points.map(([x]) => x);
  else if (gf.xscale) out.xscale = { min: gf.xscale[0], max: gf.xscale[1] };
  return out;
}

/**
 * What a model document cannot hold of an engine model, as issues (each naming what it is
 * about); empty when it holds it all. The XMILE file still simulates as it is.
 */
export function unrepresentable(model: Model): EngineIssue[] {
  const out: EngineIssue[] = [];
  const some = (reason: 'modules' | 'macros' | 'element-graphical-functions' | 'stock-initials', names: string[]) => {
    if (names.length > 0) out.push(engineIssue('import', { reason, names }));
  };
  some('modules', [...new Set(model.variables.filter((v) => v.namespace).map((v) => v.namespace!))]);
  some('macros', model.macros.map((m) => m.name));
  some('element-graphical-functions', model.variables.filter((v) => v.elements?.some((e) => e.gf)).map((v) => v.name));
  some('stock-initials', model.variables.filter((v) => v.kind === 'stock' && v.initialEquation !== undefined).map((v) => v.name));
  if (model.specs.saveStep !== model.specs.dt) out.push(engineIssue('import', { reason: 'save-step', saveStep: model.specs.saveStep, dt: model.specs.dt }));
  // Keys of the document: the format refuses __proto__ as one (core/source.ts).
  for (const v of model.variables) {
    if (v.name === RESERVED_KEY) out.push(engineIssue('import', { reason: 'reserved-name', name: v.name }, { variable: v.name }));
    for (const e of v.elements ?? []) {
      const key = elementKey(e);
      if (key === RESERVED_KEY) out.push(engineIssue('import', { reason: 'reserved-name', name: key }, { variable: v.name }));
    }
  }
  for (const d of model.dimensions) {
    if (d.name === RESERVED_KEY) out.push(engineIssue('import', { reason: 'reserved-name', name: d.name }, { dimension: d.name }));
  }
  const horizon = importedHorizon(model);
  if (horizon > LIMITS.horizon) out.push(engineIssue('limit', { limit: 'horizon', max: LIMITS.horizon, found: horizon }));
  return out;
}

const RESERVED_KEY = '__proto__';

/** The periods a document needs to hold the run from start to stop (at least one). */
export function importedHorizon(model: Model): number {
  return Math.max(1, Math.ceil(model.specs.stop - model.specs.start - 1e-9));
}

/** An element's key in a section's `elements`: its subscripts joined by commas. */
function elementKey(e: ElementEquation): string {
  return e.subscript.join(',');
}

/**
 * An engine model (read from XMILE) as a dynamics section, for `symbiose import`. Every mapping
 * is made from entries, so each name is an own key whatever it is.
 */
export function dynamicsSection(model: Model): Dynamics {
  const section: Dynamics = { start: model.specs.start, stop: model.specs.stop, dt: model.specs.dt, method: model.specs.method };
  if (model.specs.timeUnits) section.timeUnits = model.specs.timeUnits;
  if (model.behavior) {
    section.nonNegativeStocks = model.behavior.stocksNonNegative;
    section.nonNegativeFlows = model.behavior.flowsNonNegative;
  }
  if (model.dimensions.length > 0) {
    section.dimensions = Object.fromEntries(model.dimensions.map((d) => [d.name, d.sized ? d.elements.length : d.elements]));
  }
  const byElement = (list: ElementEquation[] | undefined) =>
    list ? { elements: Object.fromEntries(list.map((e) => [elementKey(e), e.equation])) } : {};
  const common = (v: Variable) => ({
    ...(v.dimensions.length > 0 ? { dimensions: v.dimensions } : {}),
    ...byElement(v.elements),
    ...(v.units ? { units: v.units } : {}),
    ...(v.doc ? { doc: v.doc } : {}),
  });
  const stocks: Array<[string, NonNullable<Dynamics['stocks']>[string]]> = [];
  const flows: Array<[string, NonNullable<Dynamics['flows']>[string]]> = [];
  const variables: Array<[string, NonNullable<Dynamics['variables']>[string]]> = [];
  for (const v of model.variables) {
    if (v.kind === 'stock') {
      stocks.push([v.name, {
        initial: v.equation ?? 0,
        ...(v.inflows?.length ? { inflows: v.inflows } : {}),
        ...(v.outflows?.length ? { outflows: v.outflows } : {}),
        ...(v.nonNegative !== undefined ? { nonNegative: v.nonNegative } : {}),
        ...common(v),
      }]);
    } else if (v.kind === 'flow') {
      const extra = common(v);
      const initial = v.initialEquation !== undefined ? { initial: v.initialEquation } : {};
      flows.push([v.name,
        Object.keys(extra).length === 0 && v.nonNegative === undefined && v.initialEquation === undefined
          ? v.equation ?? 0
          : { equation: v.equation ?? 0, ...initial, ...(v.nonNegative !== undefined ? { nonNegative: v.nonNegative } : {}), ...extra }]);
    } else {
      const extra = common(v);
      const gf = v.gf ? { gf: gfSection(v.gf) } : {};
      const initial = v.initialEquation !== undefined ? { initial: v.initialEquation } : {};
      variables.push([v.name,
        Object.keys(extra).length === 0 && !v.gf && v.equation !== undefined && v.initialEquation === undefined
          ? v.equation
          : { ...(v.equation !== undefined ? { equation: v.equation } : {}), ...initial, ...gf, ...extra }]);
    }
  }
  if (stocks.length > 0) section.stocks = Object.fromEntries(stocks);
  if (flows.length > 0) section.flows = Object.fromEntries(flows);
  if (variables.length > 0) section.variables = Object.fromEntries(variables);
  return section;
}

function gfSection(gf: GraphicalFunction): Gf {
  const out: Gf = { type: gf.type };
  if (gf.xs) out.points = gf.xs.map((x, i) => [x, gf.ys[i] ?? Number.NaN] as [number, number]);
  else {
    out.ys = gf.ys;
    if (gf.xscale) out.xscale = [gf.xscale.min, gf.xscale.max];
  }
  return out;
}
