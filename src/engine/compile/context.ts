/**
 * What compiling one element's equation needs: the scope, the element being defined (its
 * position along each dimension), where issues point, and the sinks for what compiling creates
 * (slots read, hidden states for delays and smooths, pipelines).
 */
import { LIMITS, type LimitName } from '../../core/index.js';
import { engineIssue, type EngineIssue, type EngineIssueCode, type EngineParamsByCode } from '../issues.js';
import type { Table } from '../lookup.js';
import type { Expr } from './expr.js';
import { FIRST_FREE_SLOT, type Pipeline, type RandomSite } from './program.js';
import type { DimInfo, Scope } from './scope.js';
import type { Val } from './value.js';

/** A stock the engine adds for a stateful builtin (DELAY1, SMTH3, INIT…). */
export interface HiddenState {
  slot: number;
  initial: Expr;
  /** Slots the initial value reads, for the start-of-run order. */
  initialReads: Set<number>;
  rate: Expr;
}

export type Local = Val | (() => Val);

export function localValue(local: Local): Val {
  return typeof local === 'function' ? local() : local;
}

export interface Ctx {
  scope: Scope;
  /** The module instance whose names the equation uses (Variable.namespace); '' for the root. */
  namespace: string;
  variable: string;
  equation: string;
  /** The element being defined: canonical dimension name → position. */
  bindings: Map<string, number>;
  /** The defined variable's dimensions, in order. */
  dims: DimInfo[];
  reads: Set<number>;
  issues: EngineIssue[];
  states: HiddenState[];
  pipelines: Array<Pipeline & { initialReads: Set<number> }>;
  /** The random builtins' sites, in the order compilation meets them (random.ts). */
  randoms: RandomSite[];
  /** Macro parameters and macro variables in scope; a function compiles on first read. */
  locals: Map<string, Local>;
  /** Macros being expanded, to refuse recursion. */
  expanding: Set<string>;
  /** Graphical functions read so far; `table` nodes hold their number here. */
  tables: Tables;
  /** DELAYN/SMTHN orders that are not constants (see compile/index.ts). */
  orders: Orders;
  /** Nodes being compiled inside one another, macro bodies included (LIMITS.equationDepth). */
  depth: number;
}

/**
 * The orders of DELAYN and SMTHN calls whose order is an expression: each call, in the order
 * compilation meets them, records its order's tree; `given` holds their values at the start of
 * the run once a first compilation has computed them.
 */
export interface Orders {
  found: Expr[];
  given?: readonly number[];
}

export interface Tables {
  list: Table[];
  ids: Map<Table, number>;
}

/** The number of a table, registering it on first use. */
export function tableId(tables: Tables, table: Table): number {
  let id = tables.ids.get(table);
  if (id === undefined) {
    id = tables.list.length;
    tables.list.push(table);
    tables.ids.set(table, id);
  }
  return id;
}

/**
 * Adds an issue at `at` in the equation being compiled. An equation compiles once per element:
 * the same fault in an array of 10⁵ elements is said once, not 10⁵ times.
 */
export function report<C extends EngineIssueCode>(ctx: Ctx, code: C, params: EngineParamsByCode[C], at?: number): void {
  // Keyed by the equation text itself (its hash is kept), then by everything else said.
  const said = ctx.scope.budget.said;
  let forEquation = said.get(ctx.equation);
  if (!forEquation) said.set(ctx.equation, (forEquation = new Set()));
  const key = `${ctx.variable}\u0000${at ?? ''}\u0000${code}\u0000${JSON.stringify(params)}`;
  if (forEquation.has(key)) return;
  forEquation.add(key);
  ctx.issues.push(engineIssue(code, params, { variable: ctx.variable, equation: ctx.equation, ...(at === undefined ? {} : { offset: at }) }));
}

/** Runs `body` collecting the slots it reads apart, then also counts them as read by the caller. */
export function collectReads<T>(ctx: Ctx, body: () => T, keep = true): [T, Set<number>] {
  const outer = ctx.reads;
  const inner = new Set<number>();
  ctx.reads = inner;
  try {
    return [body(), inner];
  } finally {
    ctx.reads = outer;
    if (keep) for (const slot of inner) outer.add(slot);
  }
}

export function newSlot(ctx: Ctx, label: string): number {
  const slot = ctx.scope.nextSlot++;
  ctx.scope.slotLabels[slot] = label;
  return slot;
}

/**
 * Says that a limit is passed, once per model (the first place that passes it), and returns
 * false so the caller stops the work the limit bounds.
 */
export function passed(ctx: Ctx, limit: LimitName, found: number | undefined, at?: number): false {
  const { reported } = ctx.scope.budget;
  if (!reported.has(limit)) {
    reported.add(limit);
    report(ctx, 'limit', found === undefined ? { limit, max: LIMITS[limit] } : { limit, max: LIMITS[limit], found }, at);
  }
  return false;
}

/** Counts `nodes` more nodes of checked trees; false once the model's LIMITS.expandedNodes is passed. */
export function spend(ctx: Ctx, nodes: number, at?: number): boolean {
  const budget = ctx.scope.budget;
  budget.nodes += nodes;
  return budget.nodes <= LIMITS.expandedNodes || passed(ctx, 'expandedNodes', undefined, at);
}

/** Whether `slots` more hidden values fit within LIMITS.modelElements; says so once when not. */
export function hasRoom(ctx: Ctx, slots: number, at?: number): boolean {
  const used = ctx.scope.nextSlot - FIRST_FREE_SLOT + slots;
  return used <= LIMITS.modelElements || passed(ctx, 'modelElements', used, at);
}
