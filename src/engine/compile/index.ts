/**
 * Model → program: parse every equation, resolve names to slots, expand arrays element by element,
 * turn stateful builtins into hidden stocks, and order the assignments. Every problem found is
 * returned with its variable and equation; the program exists only when there are none.
 */
import type { Equation } from '../equation/index.js';
import { parseEquation } from '../equation/index.js';
import { engineIssue, hasEngineErrors, parseFaultIssue, type EngineIssue, type EngineParamsByCode } from '../issues.js';
import { unitHints } from '../units.js';
import type { ElementEquation, Model, Variable } from '../model.js';
import { canonicalName } from '../names.js';
import { tablesOf } from './builtins.js';
import { tableId, type Ctx, type HiddenState, type Orders, type Tables } from './context.js';
import { closureKernel, valuesOf } from '../kernel/closures.js';
import { compileScalar } from './expression.js';
import { call, netFlow, num, slot as slotOf, type Expr } from './expr.js';
import { groupedOrder, orderNodes, type GroupedNode } from './order.js';
import { DT_SLOT, setInputs, START_SLOT, STOP_SLOT, TIME_SLOT, type Assignment, type Pipeline, type Program, type ProgramInput, type State } from './program.js';
import { isTable, tableOf } from '../lookup.js';
import { LIMITS } from '../../core/index.js';
import { treeMeasure } from './tree-size.js';
import { buildScope, elementNames, elementPositions, lookupVar, type Scope, type VarInfo } from './scope.js';

interface Computed {
  slot: number;
  /** Number of the variable, so its elements can be ordered together. */
  group: number;
  expr: Expr;
  reads: Set<number>;
  /** A different equation for the start of the run (`<init_eqn>`). */
  initial?: { expr: Expr; reads: Set<number> };
}

interface StockElement {
  v: VarInfo;
  group: number;
  k: number;
  slot: number;
  initial: Expr;
  reads: Set<number>;
}

export interface CompileResult {
  program: Program | undefined;
  issues: EngineIssue[];
}

export interface CompileOptions {
  /**
   * Variables the run takes as inputs (any XMILE spelling): scalar auxiliaries whose equation is
   * a number. Their slot is set before each run (Program.inputs) instead of the number being
   * folded into the equations that read it, so one program runs with any values. A name that is
   * not such a variable is compiled as usual. When an input would decide the program's shape (a
   * subscript, a range bound, a DELAYN order), the program takes no inputs at all.
   */
  inputs?: Iterable<string>;
}

export function compile(model: Model, options: CompileOptions = {}): CompileResult {
  const wanted = new Set([...(options.inputs ?? [])].map(canonicalName));
  if (wanted.size > 0) {
    const orders: Orders = { found: [] };
    const withInputs = compileWith(model, orders, wanted);
    // Inputs that shape the program, or that shape an order computed at the start of the run,
    // or a failure that literals might not have: the program as it always was.
    if (withInputs.program && !withInputs.structural && orders.found.length === 0) return { program: withInputs.program, issues: withInputs.issues };
  }
  return compileOrdered(model);
}

function compileOrdered(model: Model): CompileResult {
  const orders: Orders = { found: [] };
  const { program: compiled, issues: found } = compileWith(model, orders, new Set());
  const first = { program: compiled, issues: found };
  if (!first.program || orders.found.length === 0) return first;
  // DELAYN/SMTHN orders given by expressions (stateful.ts): their values at the start of the run,
  // from the first program's initial values (each such delay had one stage), then the program
  // again with those orders. The order expressions do not read the delays they size, so the
  // values do not depend on the placeholder stage.
  const program = first.program;
  const s = new Float64Array(program.slotCount);
  s[TIME_SLOT] = program.specs.start;
  s[DT_SLOT] = program.specs.dt;
  s[START_SLOT] = program.specs.start;
  s[STOP_SLOT] = program.specs.stop;
  setInputs(program, s);
  closureKernel(program).initial(s);
  const again = compileWith(model, { found: [], given: valuesOf(orders.found, program.tables, s) }, new Set());
  return { program: again.program, issues: again.issues };
}

function compileWith(model: Model, orders: Orders, inputNames: ReadonlySet<string>): CompileResult & { structural?: boolean } {
  const issues: EngineIssue[] = [];
  checkSpecs(model, issues);
  for (const hint of unitHints(model)) issues.push(hint);
  const scope = buildScope(model, issues);
  const inputs = inputsOf(scope, inputNames);
  const computed: Computed[] = [];
  const stocks: StockElement[] = [];
  const states: HiddenState[] = [];
  const pipelines: Ctx['pipelines'] = [];
  const randoms: Ctx['randoms'] = [];
  const tables: Tables = { list: [], ids: new Map() };

  let group = -1;
  for (const v of scope.vars.values()) {
    group++;
    const def = v.def;
    if (def.kind === 'gf' && def.equation === undefined && !def.elements?.some((e) => e.equation.trim() !== '')) continue;
    for (const g of [def.gf, ...(def.elements ?? []).map((e) => e.gf)]) {
      const table = g ? tableOf(g) : undefined;
      if (table && !isTable(table)) issues.push(engineIssue('graphical-function', table, { variable: def.name }));
    }
    const trees = parseAll(withListedElements(def, v), issues);
    for (let k = 0; k < v.size; k++) {
      const names = elementNames(v.dims, k);
      const source = equationFor(v, names);
      if (source === undefined) {
        issues.push(engineIssue('missing-equation', { element: names.join(',') }, { variable: def.name }));
        continue;
      }
      const tree = trees.get(source);
      if (!tree) continue; // a syntax issue was already reported
      const bindings = new Map<string, number>();
      elementPositions(v.dims, k).forEach((p, d) => bindings.set(v.dims[d]!.canonical, p));
      const ctx: Ctx = {
        scope, namespace: def.namespace ?? '', variable: def.name, equation: source, bindings, dims: v.dims, reads: new Set(), issues,
        states, pipelines, randoms, locals: new Map(), expanding: new Set(), tables, orders, depth: 0,
      };
      let expr = compileScalar(tree, ctx);
      const table = tablesOf(v)[k];
      if (table) expr = { k: 'table', table: tableId(tables, table), x: expr };
      const slot = v.base + k;
      if (scope.inputs.vars.has(v)) continue;
      if (def.kind === 'stock') stocks.push({ v, group, k, slot, initial: expr, reads: ctx.reads });
      else {
        // A uniflow (non-negative flow) is cut at zero, as Stella's uniflows are.
        if (def.kind === 'flow' && (def.nonNegative ?? model.behavior?.flowsNonNegative ?? false)) {
          expr = call('max', num(0), expr);
        }
        const node: Computed = { slot, group, expr, reads: ctx.reads };
        if (def.initialEquation !== undefined) {
          const parsed = parseEquation(def.initialEquation);
          if (!parsed.ok) {
            issues.push(parseFaultIssue(parsed.fault, { variable: def.name, equation: def.initialEquation, offset: parsed.offset }));
          } else {
            const initCtx: Ctx = { ...ctx, equation: def.initialEquation, reads: new Set() };
            node.initial = { expr: compileScalar(parsed.equation, initCtx), reads: initCtx.reads };
          }
        }
        computed.push(node);
      }
    }
  }

  const stockStates = stocks.map((stock) => stockState(stock, scope, issues, model.behavior));
  if (hasEngineErrors(issues)) return { program: undefined, issues };

  // Start of run: everything that has an initial value, stocks included, in dependency order.
  // Hidden states and pipelines each form their own group, numbered after the variables.
  const initialNodes: Array<GroupedNode & { expr: Expr }> = [
    ...computed.map((c) => ({ slot: c.slot, group: c.group, deps: c.initial?.reads ?? c.reads, expr: c.initial?.expr ?? c.expr })),
    ...stocks.map((s) => ({ slot: s.slot, group: s.group, deps: s.reads, expr: s.initial })),
    ...states.map((h, i) => ({ slot: h.slot, group: scope.vars.size + i, deps: h.initialReads, expr: h.initial })),
    ...pipelines.map((p, i) => ({ slot: p.slot, group: scope.vars.size + states.length + i, deps: p.initialReads, expr: p.initial })),
  ];
  const initial = ordered(initialNodes, scope, issues, 'start');
  // Each step: auxiliaries and flows only; stocks, hidden stocks and pipelines are given, and so
  // are constants (what reads only inputs and other constants), which keep the value the start
  // of the run gave them.
  const constant = constantSlots(initial ?? [], computed, inputs);
  const varying = computed.filter((c) => !constant.has(c.slot));
  const updateSlots = new Set(varying.map((c) => c.slot));
  const update = ordered(
    varying.map((c) => ({ slot: c.slot, group: c.group, deps: [...c.reads].filter((r) => updateSlots.has(r)), expr: c.expr })),
    scope,
    issues,
    'run',
  );
  if (!initial || !update) return { program: undefined, issues };

  const stateRates = [...stockStates, ...states].filter((st) => st !== undefined).map((st) => ({ slot: st.slot, expr: st.rate }));
  const pipelineTrees = pipelines.flatMap((p) => [p.input, p.delay, p.initial].map((expr) => ({ slot: p.slot, expr })));
  // The start of the run, and each step: each within the limits on its own.
  const runLimit = treeLimit(initial, scope) ?? treeLimit([...update, ...stateRates, ...pipelineTrees], scope);
  if (runLimit) return { program: undefined, issues: [...issues, runLimit] };

  const allStates: State[] = [
    ...stockStates.filter((s): s is State => s !== undefined),
    ...states.map((h) => ({ slot: h.slot, rate: h.rate, nonNegative: false })),
  ];
  const series = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const v of scope.vars.values()) {
    if (v.def.kind === 'gf' && v.def.equation === undefined) continue;
    for (let k = 0; k < v.size; k++) {
      const label = scope.slotLabels[v.base + k]!;
      series.set(label, v.base + k);
      labels.set(canonicalLabel(label), label);
    }
  }
  const program: Program = {
    specs: model.specs,
    slotCount: scope.nextSlot,
    initial,
    update,
    states: allStates,
    pipelines: pipelines.map(({ initialReads: _, ...p }): Pipeline => p),
    tables: tables.list,
    series,
    labels,
    inputs,
    ...(randoms.length > 0 ? { randoms } : {}),
  };
  return { program, issues, structural: scope.inputs.structural };
}

/**
 * The limit the trees a run computes pass, if any: the nodes a start and a step walk (shared
 * nodes walked once per reader) within LIMITS.expandedNodes, each tree within
 * LIMITS.equationDepth, so both kernels stay fast and inside the stack.
 */
function treeLimit(trees: ReadonlyArray<{ slot: number; expr: Expr }>, scope: Scope): EngineIssue | undefined {
  const measure = treeMeasure();
  let size = 0;
  for (const { slot, expr } of trees) {
    const figures = measure(expr);
    size += figures.size;
    const variable = scope.slotLabels[slot] ?? `#${slot}`;
    if (figures.depth > LIMITS.equationDepth) {
      return engineIssue('limit', { limit: 'equationDepth', max: LIMITS.equationDepth, found: figures.depth }, { variable });
    }
    if (size > LIMITS.expandedNodes) return engineIssue('limit', { limit: 'expandedNodes', max: LIMITS.expandedNodes, found: size }, { variable });
  }
  return undefined;
}

/**
 * The input variables among `names`: scalar auxiliaries of the root model whose equation is a
 * plain number (the only ones whose value nothing else shapes). Registers them in the scope.
 */
function inputsOf(scope: Scope, names: ReadonlySet<string>): ProgramInput[] {
  const inputs: ProgramInput[] = [];
  for (const name of names) {
    const v = scope.vars.get(name);
    if (!v || v.size !== 1 || v.def.kind !== 'aux' || v.def.namespace || v.def.elements || v.def.gf || v.def.initialEquation !== undefined) continue;
    const text = v.def.equation?.trim() ?? '';
    if (!NUMBER.test(text)) continue;
    scope.inputs.vars.add(v);
    scope.inputs.slots.add(v.base);
    inputs.push({ name: v.def.name, canonical: v.canonical, slot: v.base, value: Number(text) });
  }
  return inputs;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Slots whose value is fixed for the whole run: the run's dt, start and stop, the inputs, and
 * each auxiliary or flow (without an initial equation of its own) that reads only such slots.
 * One pass in start-of-run order sees every dependency before what reads it.
 */
function constantSlots(initial: readonly Assignment[], computed: readonly Computed[], inputs: readonly ProgramInput[]): Set<number> {
  const constant = new Set<number>([DT_SLOT, START_SLOT, STOP_SLOT, ...inputs.map((i) => i.slot)]);
  const bySlot = new Map(computed.map((c) => [c.slot, c]));
  for (const { slot } of initial) {
    const c = bySlot.get(slot);
    if (c && c.initial === undefined && [...c.reads].every((r) => constant.has(r))) constant.add(slot);
  }
  return constant;
}

/** `Name[A, B]` in canonical form, so any XMILE spelling of a name or element finds the series. */
export function canonicalLabel(label: string): string {
  const open = label.indexOf('[');
  if (open < 0 || !label.endsWith(']')) return canonicalName(label);
  const elements = label.slice(open + 1, -1).split(',').map(canonicalName);
  return `${canonicalName(label.slice(0, open))}[${elements.join(',')}]`;
}

function checkSpecs(model: Model, issues: EngineIssue[]): void {
  const { start, stop, dt, saveStep } = model.specs;
  const fault = (params: EngineParamsByCode['sim-specs']) => issues.push(engineIssue('sim-specs', params));
  if (!Number.isFinite(start) || !Number.isFinite(stop)) fault({ reason: 'start-stop' });
  else if (stop < start) fault({ reason: 'stop-before-start', start, stop });
  if (!(dt > 0) || !Number.isFinite(dt)) fault({ reason: 'dt', dt });
  if (!(saveStep > 0)) fault({ reason: 'save-step', saveStep });
}

/** Parses the variable's equation(s) once; syntax faults become issues. */
function parseAll(def: Variable, issues: EngineIssue[]): Map<string, Equation> {
  const texts = def.elements
    ? [...def.elements.filter((e) => !inheritsEquation(def, e)).map((e) => e.equation), ...(def.equation === undefined ? [] : [def.equation])]
    : [def.equation ?? ''];
  const trees = new Map<string, Equation>();
  for (const text of new Set(texts)) {
    const parsed = parseEquation(text);
    if (parsed.ok) trees.set(text, parsed.equation);
    else {
      const where = { variable: def.name, equation: text, offset: parsed.offset };
      issues.push(text.trim() === '' ? engineIssue('missing-equation', {}, where) : parseFaultIssue(parsed.fault, where));
    }
  }
  return trees;
}

/**
 * Stella writes constant arrays as one list, `1, 2, 3`, in element order; spread it into
 * per-element equations so the rest of the compiler sees the usual form.
 */
function withListedElements(def: Variable, v: VarInfo): Variable {
  if (v.size < 2 || def.elements || def.equation === undefined || !def.equation.includes(',')) return def;
  const parts = def.equation.split(',').map((p) => p.trim());
  if (parts.length !== v.size || !parts.every((p) => /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(p))) return def;
  const elements = parts.map((equation, k) => ({ subscript: elementNames(v.dims, k), equation }));
  const { equation: _, ...rest } = def;
  v.def = { ...rest, elements };
  return v.def;
}

/**
 * An element that brings only its own graphical function, with no equation, takes the variable's
 * equation as the function's input: Stella's arrayed graphical function whose elements each have
 * a table ("apply gf to each element"), the input written once on the variable.
 */
function inheritsEquation(def: Variable, element: ElementEquation): boolean {
  return element.gf !== undefined && element.equation.trim() === '' && def.equation !== undefined;
}

/** Each variable's `<element>` equations by canonical subscripts, made once (not a search per element). */
const ownEquations = new WeakMap<VarInfo, Map<string, ElementEquation>>();

/** The equation of one element: its own `<element>` when given, else the variable's. */
function equationFor(v: VarInfo, names: string[]): string | undefined {
  let own = ownEquations.get(v);
  if (!own) {
    own = new Map();
    // The first equation given for an element is the one it keeps.
    for (const e of v.def.elements ?? []) {
      const key = subscriptKey(e.subscript);
      if (!own.has(key)) own.set(key, e);
    }
    ownEquations.set(v, own);
  }
  const found = names.length === v.dims.length ? own.get(subscriptKey(names)) : undefined;
  if (found && !inheritsEquation(v.def, found)) return found.equation;
  return v.def.elements && v.def.equation === undefined ? undefined : v.def.equation;
}

/** Subscripts as one key: canonical element names, joined by a character no name holds after canonicalName. */
function subscriptKey(subscript: readonly string[]): string {
  return subscript.map(canonicalName).join('\u0000');
}

/** A stock element's rate: its inflows minus its outflows, matched element by element. */
function stockState(stock: StockElement, scope: Scope, issues: EngineIssue[], behavior: Model['behavior']): State | undefined {
  const def = stock.v.def;
  const slotsOf = (names: string[] | undefined): number[] => {
    const slots: number[] = [];
    for (const name of names ?? []) {
      const flow = lookupVar(scope, def.namespace, canonicalName(name));
      if (!flow) {
        issues.push(engineIssue('unknown-name', { name }, { variable: def.name }));
        continue;
      }
      if (flow.size === 1) slots.push(flow.base);
      else if (flow.size === stock.v.size) slots.push(flow.base + stock.k);
      else issues.push(engineIssue('dimension', { reason: 'flow-elements', flow: name }, { variable: def.name }));
    }
    return slots;
  };
  const rate = netFlow(slotsOf(def.inflows).map(slotOf), slotsOf(def.outflows).map(slotOf));
  return { slot: stock.slot, rate, nonNegative: def.nonNegative ?? behavior?.stocksNonNegative ?? false };
}

function ordered(
  nodes: Array<GroupedNode & { expr: Expr }>,
  scope: Scope,
  issues: EngineIssue[],
  when: 'start' | 'run',
): Assignment[] | undefined {
  const result = orderNodes(nodes);
  if (!result.ok) {
    const names = result.cycle.map((slot) => scope.slotLabels[slot] ?? `#${slot}`);
    issues.push(engineIssue('algebraic-loop', { cycle: names, when }, { variable: names[0]! }));
    return undefined;
  }
  const bySlot = new Map(nodes.map((n) => [n.slot, n]));
  return groupedOrder(nodes, result.order).map((slot) => ({ slot, expr: bySlot.get(slot)!.expr }));
}
