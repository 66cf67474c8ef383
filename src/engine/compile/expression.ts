/**
 * Compiles an equation tree into checked trees over slot indices (expr.ts). Names are resolved
 * here, once: the result holds slot numbers and constants, never names or model text.
 */
import type { Equation, Index } from '../equation/index.js';
import { canonicalName } from '../names.js';
import { applyBinary } from './operators.js';
import { compileCall } from './builtins.js';
import { LIMITS } from '../../core/index.js';
import { localValue, passed, report, spend, type Ctx } from './context.js';
import { bin, num, slot, type DynamicPart, type Expr } from './expr.js';
import { DT_SLOT, START_SLOT, STOP_SLOT, TIME_SLOT } from './program.js';
import { lookupVar, markStructural, type DimInfo, type VarInfo } from './scope.js';
import { constant, scalar, zip, type Val } from './value.js';

const NAN = constant(NaN);

/** Names XMILE gives the run itself, used when no variable of that name exists. */
const RUN_NAMES = new Map([['time', TIME_SLOT], ['dt', DT_SLOT], ['starttime', START_SLOT], ['stoptime', STOP_SLOT]]);

/**
 * The values of an equation node for the element being defined. Compiling nests as deep as the
 * tree, and macro bodies nest inside the calls that expand them: the depth is bounded by
 * LIMITS.equationDepth, and the nodes made by LIMITS.expandedNodes (an array read makes one per
 * element), so no model overflows the stack or compiles without end.
 */
export function compileExpr(node: Equation, ctx: Ctx): Val {
  if (ctx.depth >= LIMITS.equationDepth) return (passed(ctx, 'equationDepth', undefined, node.at), NAN);
  if (ctx.scope.budget.reported.has('expandedNodes')) return NAN;
  ctx.depth++;
  try {
    const value = compileNode(node, ctx);
    return spend(ctx, value.es.length, node.at) ? value : NAN;
  } finally {
    ctx.depth--;
  }
}

function compileNode(node: Equation, ctx: Ctx): Val {
  switch (node.kind) {
    case 'number':
      return constant(node.value);
    case 'name':
      return compileName(node.name, node.text, node.at, ctx);
    case 'subscript': {
      const v = lookupVar(ctx.scope, ctx.namespace, node.name);
      if (!v) {
        report(ctx, 'unknown-name', { name: node.text }, node.at);
        return NAN;
      }
      return readVar(v, node.indices, node.at, ctx);
    }
    case 'call':
      return compileCall(node, ctx);
    case 'unary': {
      const operand = compileExpr(node.operand, ctx);
      const op = node.op;
      if (op === '+') return operand;
      const result = op === '-'
        ? zip([operand], ([a]) => -a!, ([e]) => ({ k: 'neg', a: e! }))
        : zip([operand], ([a]) => (a === 0 ? 1 : 0), ([e]) => ({ k: 'not', a: e! }));
      return result!;
    }
    case 'binary': {
      const left = compileExpr(node.left, ctx);
      const right = compileExpr(node.right, ctx);
      const op = node.op;
      const result = zip([left, right], ([a, b]) => applyBinary(op, a!, b!), ([a, b]) => bin(op, a!, b!));
      if (!result) {
        report(ctx, 'dimension', { reason: 'operand-sizes', operator: op }, node.at);
        return NAN;
      }
      return result;
    }
    case 'if': {
      const condition = compileExpr(node.condition, ctx);
      const then = compileExpr(node.then, ctx);
      const otherwise = compileExpr(node.otherwise, ctx);
      const result = zip(
        [condition, then, otherwise],
        ([c, a, b]) => (c !== 0 ? a! : b!),
        ([c, a, b]) => ({ k: 'if', c: c!, a: a!, b: b! }),
      );
      if (!result) {
        report(ctx, 'dimension', { reason: 'branch-sizes' }, node.at);
        return NAN;
      }
      return result;
    }
  }
}

/** Compiles an equation that must give one number for the element being defined. */
export function compileScalar(node: Equation, ctx: Ctx): Expr {
  const v = compileExpr(node, ctx);
  if (v.es.length !== 1) {
    report(ctx, 'dimension', { reason: 'many-values', count: v.es.length }, node.at);
    return num(NaN);
  }
  return v.es[0]!;
}

function compileName(name: string, text: string, at: number, ctx: Ctx): Val {
  const local = ctx.locals.get(name);
  if (local) return localValue(local);
  const v = lookupVar(ctx.scope, ctx.namespace, name);
  if (v) return readVar(v, undefined, at, ctx);
  const run = RUN_NAMES.get(name);
  if (run !== undefined) {
    ctx.reads.add(run);
    return scalar(slot(run));
  }
  if (name === 'pi') return constant(Math.PI);
  // A dimension name stands for the position (from 1) of the element being defined.
  const position = ctx.bindings.get(name);
  if (position !== undefined) return constant(position + 1);
  report(ctx, 'unknown-name', { name: text }, at);
  return NAN;
}

/** How one dimension of a read variable is chosen. */
type Selector =
  | { kind: 'fixed'; index: number }
  | { kind: 'all'; dim: DimInfo; from: number; to: number }
  | { kind: 'dynamic'; index: Expr; reads: Set<number> };

/** Reads a variable, subscripted or not, as a scalar or as the array its free dimensions span. */
export function readVar(v: VarInfo, indices: Index[] | undefined, at: number, ctx: Ctx): Val {
  if (v.def.kind === 'gf' && v.def.equation === undefined) {
    report(ctx, 'unsupported', { reason: 'gf-without-input', name: v.def.name }, at);
    return NAN;
  }
  if (indices && indices.length !== v.dims.length) {
    report(ctx, 'dimension', { reason: 'subscript-count', name: v.def.name, dimensions: v.dims.length, subscripts: indices.length }, at);
    return NAN;
  }
  const selectors: Selector[] = [];
  for (let d = 0; d < v.dims.length; d++) {
    const dim = v.dims[d]!;
    const selector = indices ? selectIndex(dim, d, indices[d]!, ctx) : selectImplicit(dim, d, ctx);
    if (!selector) return NAN;
    selectors.push(selector);
  }
  const strides: number[] = new Array(v.dims.length);
  let stride = 1;
  for (let d = v.dims.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= v.dims[d]!.elements.length;
  }
  const shape: DimInfo[] = [];
  for (const sel of selectors) {
    if (sel.kind === 'all') {
      const all = sel.from === 0 && sel.to === sel.dim.elements.length - 1;
      shape.push(all ? sel.dim : subDim(sel.dim, sel.from, sel.to));
    }
  }
  const dynamic = selectors.some((s) => s.kind === 'dynamic');
  // An input is read from its slot, so the run may change it; other literals fold.
  const known = ctx.scope.inputs.vars.has(v) ? undefined : literalOf(v);
  const es: Expr[] = [];
  const knownValues: number[] = [];
  // Enumerate the output elements row-major over the free (`all`) selectors.
  const walk = (d: number, offset: number): void => {
    if (d === selectors.length) {
      es.push(dynamic ? dynamicRead(v, selectors, strides, offset, ctx) : staticRead(v.base + offset, ctx));
      if (known !== undefined) knownValues.push(known);
      return;
    }
    const sel = selectors[d]!;
    if (sel.kind === 'fixed') walk(d + 1, offset + sel.index * strides[d]!);
    else if (sel.kind === 'dynamic') walk(d + 1, offset);
    else for (let i = sel.from; i <= sel.to; i++) walk(d + 1, offset + i * strides[d]!);
  };
  walk(0, 0);
  if (known !== undefined && !dynamic) return { shape, es: knownValues.map(num), known: knownValues };
  return { shape, es };
}

function staticRead(at: number, ctx: Ctx): Expr {
  ctx.reads.add(at);
  return slot(at);
}

function dynamicRead(v: VarInfo, selectors: Selector[], strides: number[], offset: number, ctx: Ctx): Expr {
  // A subscript known only during the run reads every element: each is a dependency, counted
  // like a node so that 10⁵ elements each reading 10⁵ others stop at the limit.
  spend(ctx, v.size);
  for (let k = 0; k < v.size; k++) ctx.reads.add(v.base + k);
  const parts = selectors
    .map((sel, d) => ({ sel, d }))
    .filter((p): p is { sel: Extract<Selector, { kind: 'dynamic' }>; d: number } => p.sel.kind === 'dynamic')
    .map(({ sel, d }): DynamicPart => {
      for (const r of sel.reads) ctx.reads.add(r);
      return { index: sel.index, stride: strides[d]!, size: v.dims[d]!.elements.length };
    });
  return { k: 'dyn', base: v.base + offset, parts };
}

/** The value of a variable fixed at compile time: a non-stock whose equation is a plain number. */
function literalOf(v: VarInfo): number | undefined {
  if (v.def.kind === 'stock' || v.def.elements || v.def.gf || v.def.equation === undefined) return undefined;
  const text = v.def.equation.trim();
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
}

function subDim(dim: DimInfo, from: number, to: number): DimInfo {
  const elements = dim.elements.slice(from, to + 1);
  const index = new Map<string, number>();
  [...dim.index].filter(([, i]) => i >= from && i <= to).forEach(([n, i]) => index.set(n, i - from));
  return { name: dim.name, canonical: dim.canonical, elements, index };
}

/** An unsubscripted arrayed variable: the element being defined, matched by dimension name. */
function selectImplicit(dim: DimInfo, position: number, ctx: Ctx): Selector {
  const bound = ctx.bindings.get(dim.canonical);
  if (bound !== undefined) return { kind: 'fixed', index: bound };
  const mapped = mapFromContext(dim, position, ctx);
  if (mapped !== undefined) return { kind: 'fixed', index: mapped };
  return { kind: 'all', dim, from: 0, to: dim.elements.length - 1 };
}

/**
 * A dimension of the read variable that the defined one does not have by name: take the defined
 * element of the same name (a subrange) or, failing that, of the same position in an equal-size
 * dimension (Vensim-style mapping).
 */
function mapFromContext(dim: DimInfo, position: number, ctx: Ctx): number | undefined {
  for (const other of ctx.dims) {
    const i = ctx.bindings.get(other.canonical);
    if (i === undefined) continue;
    const byName = dim.index.get(canonicalName(other.elements[i]!));
    if (byName !== undefined) return byName;
  }
  const same = ctx.dims[position];
  if (same && same.elements.length === dim.elements.length && !ctx.scope.vars.has(dim.canonical)) {
    const i = ctx.bindings.get(same.canonical);
    if (i !== undefined && ctx.dims.filter((d) => d.elements.length === dim.elements.length).length === 1) return i;
  }
  return undefined;
}

function selectIndex(dim: DimInfo, position: number, index: Index, ctx: Ctx): Selector | undefined {
  const last = dim.elements.length - 1;
  if (index.kind === 'wildcard') return { kind: 'all', dim, from: 0, to: last };
  if (index.kind === 'range') {
    const from = constantIndex(dim, index.from, ctx);
    const to = constantIndex(dim, index.to, ctx);
    if (from === undefined || to === undefined) return undefined;
    return { kind: 'all', dim, from: Math.min(from, to), to: Math.max(from, to) };
  }
  if (index.kind === 'name') {
    if (index.name === dim.canonical) {
      const bound = ctx.bindings.get(dim.canonical);
      if (bound !== undefined) return { kind: 'fixed', index: bound };
      const mapped = mapFromContext(dim, position, ctx);
      return mapped !== undefined ? { kind: 'fixed', index: mapped } : { kind: 'all', dim, from: 0, to: last };
    }
    const element = dim.index.get(index.name);
    if (element !== undefined) return { kind: 'fixed', index: element };
    const other = ctx.scope.dims.get(index.name);
    if (other) {
      const bound = ctx.bindings.get(other.canonical);
      if (bound === undefined) return { kind: 'all', dim, from: 0, to: last };
      const byName = dim.index.get(canonicalName(other.elements[bound]!));
      if (byName !== undefined) return { kind: 'fixed', index: byName };
      if (bound <= last) return { kind: 'fixed', index: bound };
      report(ctx, 'dimension', { reason: 'no-counterpart', element: other.elements[bound]!, from: other.name, to: dim.name }, index.at);
      return undefined;
    }
  }
  const [value, reads] = collectIndexReads(index, ctx);
  markStructural(ctx.scope, reads);
  if (value.es.length !== 1) {
    report(ctx, 'dimension', { reason: 'subscript-size' }, index.at);
    return undefined;
  }
  const known = value.known?.[0];
  if (known !== undefined) {
    const i = Math.round(known) - 1;
    if (i < 0 || i > last) {
      report(ctx, 'dimension', { reason: 'subscript-range', index: known, dimension: dim.name, size: last + 1 }, index.at);
      return undefined;
    }
    return { kind: 'fixed', index: i };
  }
  return { kind: 'dynamic', index: value.es[0]!, reads };
}

function collectIndexReads(index: Equation, ctx: Ctx): [Val, Set<number>] {
  const outer = ctx.reads;
  const inner = new Set<number>();
  ctx.reads = inner;
  try {
    return [compileExpr(index, ctx), inner];
  } finally {
    ctx.reads = outer;
  }
}

function constantIndex(dim: DimInfo, node: Equation, ctx: Ctx): number | undefined {
  if (node.kind === 'name') {
    const element = dim.index.get(node.name);
    if (element !== undefined) return element;
  }
  const [value, reads] = collectIndexReads(node, ctx);
  for (const r of reads) ctx.reads.add(r);
  markStructural(ctx.scope, reads);
  const known = value.known?.[0];
  if (known === undefined || value.es.length !== 1) {
    report(ctx, 'not-constant', { reason: 'range-bound' }, node.at);
    return undefined;
  }
  const i = Math.round(known) - 1;
  if (i < 0 || i >= dim.elements.length) {
    report(ctx, 'dimension', { reason: 'subscript-range', index: known, dimension: dim.name, size: dim.elements.length }, node.at);
    return undefined;
  }
  return i;
}
