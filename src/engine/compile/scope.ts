/**
 * The names a model defines, resolved once: dimensions with their elements, and each variable with
 * its shape and first slot. Every later step looks names up here by canonical form.
 */
import { LIMITS, type LimitName } from '../../core/index.js';
import { engineIssue, type EngineIssue } from '../issues.js';
import type { Dimension, Model, Variable } from '../model.js';
import { macroPlans, type MacroPlan } from './macro-plans.js';
import { canonicalName, elementLabel } from '../names.js';
import { FIRST_FREE_SLOT } from './program.js';

export interface DimInfo {
  name: string;
  canonical: string;
  elements: string[];
  /** Canonical element name → position. */
  index: Map<string, number>;
}

export interface VarInfo {
  def: Variable;
  canonical: string;
  dims: DimInfo[];
  /** Elements in row-major order; 1 for a scalar. */
  size: number;
  /** First slot; element k is at base + k. */
  base: number;
}

export interface Scope {
  dims: Map<string, DimInfo>;
  vars: Map<string, VarInfo>;
  /** Each macro by macroKey, read and sized once (macro-plans.ts). */
  macros: Map<string, MacroPlan>;
  /** Next free slot; compilation allocates hidden states after the variables. */
  nextSlot: number;
  /** Display label of every slot that holds a model value. */
  slotLabels: string[];
  /** Constants read from their slot rather than folded in (see compile/index.ts inputs). */
  inputs: Inputs;
  /** What compiling has spent of the model's limits, and the limits already reported. */
  budget: Budget;
}

export interface Budget {
  /** Nodes of checked trees made so far (LIMITS.expandedNodes). */
  nodes: number;
  /** Each limit is reported once per model, where it is first passed. */
  reported: Set<LimitName>;
  /** Issues already said, by equation (see context.ts report). */
  said: Map<string, Set<string>>;
}

export interface Inputs {
  vars: Set<VarInfo>;
  slots: Set<number>;
  /**
   * Set when an input decides the program's structure (a subscript, a range bound, a DELAYN
   * order): such a program would freeze the input's value, so compile() builds it without inputs.
   */
  structural: boolean;
}

/** Whether anything among `reads` is an input: its value would shape the program. */
export function markStructural(scope: Scope, reads: Iterable<number>): void {
  for (const slot of reads) if (scope.inputs.slots.has(slot)) scope.inputs.structural = true;
}

export function dimInfo(dim: Dimension): DimInfo {
  const index = new Map<string, number>();
  dim.elements.forEach((e, i) => index.set(canonicalName(e), i));
  return { name: dim.name, canonical: canonicalName(dim.name), elements: dim.elements, index };
}

/** Element names of element k of a shape, row-major. */
export function elementNames(dims: readonly DimInfo[], k: number): string[] {
  const names: string[] = new Array(dims.length);
  for (let d = dims.length - 1; d >= 0; d--) {
    const n = dims[d]!.elements.length;
    names[d] = dims[d]!.elements[k % n]!;
    k = Math.floor(k / n);
  }
  return names;
}

export function elementPositions(dims: readonly DimInfo[], k: number): number[] {
  const out: number[] = new Array(dims.length);
  for (let d = dims.length - 1; d >= 0; d--) {
    const n = dims[d]!.elements.length;
    out[d] = k % n;
    k = Math.floor(k / n);
  }
  return out;
}

/**
 * The variable a name means where an equation is written: in a module instance (XMILE 1.0 §3.7)
 * its own variables, else the root model's. Names are canonical; a qualified name
 * (`instance.name`) reaches into a module from the model that holds it.
 */
export function lookupVar(scope: Scope, namespace: string | undefined, name: string): VarInfo | undefined {
  if (namespace) return scope.vars.get(`${namespace}.${name}`);
  return scope.vars.get(name);
}

export function buildScope(model: Model, issues: EngineIssue[]): Scope {
  const dims = new Map<string, DimInfo>();
  for (const dim of model.dimensions) {
    const info = dimInfo(dim);
    if (dims.has(info.canonical)) issues.push(engineIssue('duplicate-name', { name: dim.name }));
    dims.set(info.canonical, info);
  }
  const budget: Budget = { nodes: 0, reported: new Set(), said: new Map() };
  const scope: Scope = {
    dims, vars: new Map(), macros: macroPlans(model.macros), nextSlot: FIRST_FREE_SLOT, slotLabels: [],
    inputs: { vars: new Set(), slots: new Set(), structural: false }, budget,
  };
  const seen = new Set<string>();
  const shapes = model.variables.map((def) => shapeOf(def, dims, seen, issues));
  // Every element gets a slot and a label: count them all before making any.
  const elements = shapes.reduce((n, shape) => n + (shape ? sizeOf(shape) : 0), 0);
  if (elements > LIMITS.modelElements) {
    issues.push(engineIssue('limit', { limit: 'modelElements', max: LIMITS.modelElements, found: elements }));
    budget.reported.add('modelElements');
    return scope;
  }
  model.variables.forEach((def, i) => {
    const shape = shapes[i];
    if (!shape) return;
    const size = sizeOf(shape);
    scope.vars.set(canonicalName(def.name), { def, canonical: canonicalName(def.name), dims: shape, size, base: scope.nextSlot });
    for (let k = 0; k < size; k++) scope.slotLabels[scope.nextSlot + k] = elementLabel(def.name, elementNames(shape, k));
    scope.nextSlot += size;
  });
  return scope;
}

/** A variable's dimensions, or undefined when its name is taken already (said as an issue). */
function shapeOf(def: Variable, dims: ReadonlyMap<string, DimInfo>, seen: Set<string>, issues: EngineIssue[]): DimInfo[] | undefined {
  const canonical = canonicalName(def.name);
  if (seen.has(canonical)) {
    issues.push(engineIssue('duplicate-name', { name: def.name }, { variable: def.name }));
    return undefined;
  }
  seen.add(canonical);
  const shape: DimInfo[] = [];
  for (const d of def.dimensions) {
    const info = dims.get(canonicalName(d));
    if (info) shape.push(info);
    else issues.push(engineIssue('dimension', { reason: 'unknown-dimension', dimension: d }, { variable: def.name }));
  }
  return shape;
}

function sizeOf(shape: readonly DimInfo[]): number {
  return shape.reduce((n, d) => n * d.elements.length, 1);
}
