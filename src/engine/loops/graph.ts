/**
 * The causal graph of a system-dynamics model, read from its equations: a link from x to z when
 * z's equation reads x (a flow into a stock is a link of sign +, out of it of sign −), each
 * link's sign that of ∂z/∂x derived symbolically (signs.ts). Constants are left out: they never
 * change, so no feedback runs through them, but their values say what sign a product takes.
 *
 * The derivative's sign needs the signs of the values around x (∂(a·x)/∂x = a), so the values'
 * signs are worked out first, as the least fixed point over the model: a stock keeps the sign of
 * its start when what flows in and out cannot move it across zero, a non-negative stock or flow
 * is never negative, and every other variable takes the signs its equation can give.
 */
import { parseEquation, type Equation, type Index } from '../equation/index.js';
import type { GraphicalFunction, Model, Variable } from '../model.js';
import { canonicalName } from '../names.js';
import {
  add, ANY, extreme, linkSign, multiply, negate, NEG, NON_NEGATIVE, POS, reciprocal, signOf, weak, ZERO, type Signs,
} from './signs.js';

export type LinkSign = '+' | '-' | '?';
export type NodeKind = 'stock' | 'flow' | 'aux';

export interface CausalLink {
  /** Variable names as the model writes them. */
  cause: string;
  effect: string;
  sign: LinkSign;
}

export interface CausalGraph {
  /** The variables that can change during a run, in the model's order. */
  nodes: Array<{ name: string; kind: NodeKind }>;
  links: CausalLink[];
}

/** Functions whose output is their input some time later (or smoothed): a positive link from the input. */
const LAGGED = new Set(['SMTH1', 'SMTH3', 'SMTHN', 'SMOOTH', 'SMOOTH3', 'DELAY1', 'DELAY3', 'DELAYN', 'DELAY']);
/** Increasing functions of one argument. */
const INCREASING = new Set(['SQRT', 'EXP', 'LN', 'LOG10', 'ARCTAN', 'ARCSIN']);
/** Non-decreasing step functions of one argument. */
const STEPS = new Set(['INT', 'ROUND', 'SIGN']);
/** What makes a variable change with time though it reads no stock. */
const TIMED = new Set(['STEP', 'RAMP', 'PULSE', 'TIME']);
/** The other builtins that are functions of their arguments only (and run constants). */
const PLAIN = new Set([
  'ABS', 'MIN', 'MAX', 'SUM', 'MEAN', 'PROD', 'STDDEV', 'SIZE', 'ZIDZ', 'XIDZ', 'SAFEDIV', 'IF_THEN_ELSE', 'LOOKUP', 'INIT', 'INITIAL',
  'PI', 'DT', 'STARTTIME', 'STOPTIME', 'SIN', 'COS', 'TAN', 'ARCCOS', 'MOD', 'MODULO', 'TREND',
]);
const RUN_NAMES = new Set(['time', 'dt', 'starttime', 'stoptime']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '=', '<>']);

interface Info {
  v: Variable;
  canonical: string;
  equations: Equation[];
  /** A scalar whose equation is a number. */
  constant?: number;
  /** The graphical function its equation's value is read through, when it has one. */
  gf?: GraphicalFunction;
}

export function causalGraph(model: Model): CausalGraph {
  const infos = new Map<string, Info>();
  for (const v of model.variables) {
    if (v.namespace) continue;
    const texts = [v.equation, ...(v.elements ?? []).map((e) => e.equation)].filter((t): t is string => t !== undefined && t.trim() !== '');
    const equations: Equation[] = [];
    for (const text of texts) {
      const parsed = parseEquation(text);
      if (parsed.ok) equations.push(parsed.equation);
    }
    const info: Info = { v, canonical: canonicalName(v.name), equations };
    const only = equations.length === 1 && v.dimensions.length === 0 ? numberIn(equations[0]!) : undefined;
    if (v.kind === 'aux' && !v.gf && only !== undefined) info.constant = only;
    if (v.kind !== 'stock' && v.gf && equations.length > 0) info.gf = v.gf;
    infos.set(info.canonical, info);
  }
  const analysis = new Analysis(model, infos);
  return analysis.graph();
}

/** The number an equation is, when it is one (`3`, `-0.5`). */
function numberIn(e: Equation): number | undefined {
  if (e.kind === 'number') return e.value;
  if (e.kind === 'unary' && e.operand.kind === 'number') return e.op === '-' ? -e.operand.value : e.op === '+' ? e.operand.value : undefined;
  return undefined;
}

class Analysis {
  /** Each variable's value signs, grown to the least fixed point. */
  private readonly values = new Map<string, Signs>();
  private readonly varying = new Set<string>();

  constructor(private readonly model: Model, private readonly infos: Map<string, Info>) {
    this.findVarying();
    this.solveValues();
  }

  graph(): CausalGraph {
    const nodes: CausalGraph['nodes'] = [];
    const links: CausalLink[] = [];
    for (const info of this.infos.values()) {
      if (!this.varying.has(info.canonical)) continue;
      const kind: NodeKind = info.v.kind === 'stock' ? 'stock' : info.v.kind === 'flow' ? 'flow' : 'aux';
      nodes.push({ name: info.v.name, kind });
      if (kind === 'stock') {
        for (const [flows, sign] of [[info.v.inflows ?? [], '+'], [info.v.outflows ?? [], '-']] as const) {
          for (const flow of flows) {
            const from = this.infos.get(canonicalName(flow));
            if (from && this.varying.has(from.canonical)) links.push({ cause: from.v.name, effect: info.v.name, sign });
          }
        }
        continue;
      }
      for (const x of this.readsOf(info)) {
        if (!this.varying.has(x)) continue;
        let d = 0;
        for (const e of info.equations) d |= this.derivative(e, x);
        if (info.gf) d = throughTable(info.gf, d);
        links.push({ cause: this.infos.get(x)!.v.name, effect: info.v.name, sign: linkSign(d) });
      }
    }
    return { nodes, links };
  }

  /** The variables an equation reads, in the order first met (INIT's argument and table names are not reads). */
  private readsOf(info: Info): string[] {
    const out = new Set<string>();
    const visit = (node: Equation | Index): void => {
      if (node.kind === 'name' || node.kind === 'subscript') {
        if (this.infos.has(node.name) && !this.isTable(node.name)) out.add(node.name);
        if (node.kind === 'subscript') for (const i of node.indices) visit(i);
      } else if (node.kind === 'call') {
        if (node.fn === 'INIT' || node.fn === 'INITIAL') return;
        const args = node.fn === 'LOOKUP' ? node.args.slice(1) : node.args;
        for (const a of args) visit(a);
      } else if (node.kind === 'unary') visit(node.operand);
      else if (node.kind === 'binary') {
        visit(node.left);
        visit(node.right);
      } else if (node.kind === 'if') {
        visit(node.condition);
        visit(node.then);
        visit(node.otherwise);
      } else if (node.kind === 'range') {
        visit(node.from);
        visit(node.to);
      }
    };
    for (const e of info.equations) visit(e);
    return [...out];
  }

  private isTable(name: string): boolean {
    const info = this.infos.get(name);
    return info !== undefined && info.v.kind === 'gf';
  }

  /** Stocks, what reads time, and whatever reads those: the variables a run can change. */
  private findVarying(): void {
    const timed = (e: Equation): boolean => {
      let found = false;
      const visit = (node: Equation | Index): void => {
        if (found) return;
        if (node.kind === 'name' && RUN_NAMES.has(node.name) && !this.infos.has(node.name)) found = node.name === 'time';
        else if (node.kind === 'call' && (TIMED.has(node.fn) || LAGGED.has(node.fn) || node.fn === 'TREND' || !this.knownFunction(node.fn))) found = true;
        else walkChildren(node, visit);
      };
      visit(e);
      return found;
    };
    for (const info of this.infos.values()) {
      if (info.v.kind === 'stock' || (info.v.kind !== 'gf' && info.equations.some(timed))) this.varying.add(info.canonical);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const info of this.infos.values()) {
        if (this.varying.has(info.canonical) || info.v.kind === 'gf') continue;
        if (this.readsOf(info).some((x) => this.varying.has(x))) {
          this.varying.add(info.canonical);
          changed = true;
        }
      }
    }
  }

  /** A builtin that is a plain function of its arguments; anything else (a macro, a random draw) is taken to vary. */
  private knownFunction(fn: string): boolean {
    return LAGGED.has(fn) || INCREASING.has(fn) || STEPS.has(fn) || TIMED.has(fn) || PLAIN.has(fn) || this.isTable(canonicalName(fn));
  }

  /** Value signs to the least fixed point: start from nothing known and grow until nothing changes. */
  private solveValues(): void {
    for (const info of this.infos.values()) this.values.set(info.canonical, info.constant !== undefined ? signOf(info.constant) : 0);
    // The sets only grow and each has three bits, so this ends; the bound is a guard only.
    const bound = 3 * this.infos.size + 2;
    for (let pass = 0; pass <= bound; pass++) {
      let changed = false;
      for (const info of this.infos.values()) {
        if (info.constant !== undefined) continue;
        const before = this.values.get(info.canonical)!;
        const after = before | this.valueOfVariable(info);
        if (after !== before) {
          this.values.set(info.canonical, after);
          changed = true;
        }
      }
      if (!changed) return;
    }
    for (const info of this.infos.values()) if (info.constant === undefined) this.values.set(info.canonical, ANY);
  }

  private valueOfVariable(info: Info): Signs {
    const v = info.v;
    if (v.kind === 'gf') return v.gf ? tableValues(v.gf) : ANY;
    const behavior = this.model.behavior;
    if (v.kind === 'stock') {
      if (v.nonNegative ?? behavior?.stocksNonNegative) return NON_NEGATIVE;
      let start = 0;
      for (const e of info.equations) start |= this.value(e);
      // A flow with no sign yet adds nothing yet: it will, once it has one, and the stock grows then.
      const flowSigns = (f: string) => this.values.get(canonicalName(f)) ?? ANY;
      let net = ZERO;
      for (const f of v.inflows ?? []) if (flowSigns(f) !== 0) net = add(net, flowSigns(f));
      for (const f of v.outflows ?? []) if (flowSigns(f) !== 0) net = add(net, negate(flowSigns(f)));
      if (start === 0) return 0;
      // Never negative when it starts at or above zero and nothing can take it down; the same below.
      if (!(start & NEG) && !(net & NEG)) return start | (net & POS);
      if (!(start & POS) && !(net & POS)) return start | (net & NEG);
      return ANY;
    }
    let out = 0;
    for (const e of info.equations) out |= this.value(e);
    if (info.gf) out = out === 0 ? 0 : tableValues(info.gf);
    if (v.kind === 'flow' && (v.nonNegative ?? behavior?.flowsNonNegative)) out = out === 0 ? 0 : out & NON_NEGATIVE || ZERO;
    return out;
  }

  /** The signs an expression's value can take. */
  private value(e: Equation | Index): Signs {
    switch (e.kind) {
      case 'number':
        return signOf(e.value);
      case 'name':
        if (!this.infos.has(e.name) && RUN_NAMES.has(e.name)) return this.runName(e.name);
        return this.values.get(e.name) ?? ANY;
      case 'subscript':
        return this.values.get(e.name) ?? ANY;
      case 'unary':
        return e.op === '-' ? negate(this.value(e.operand)) : e.op === '+' ? this.value(e.operand) : NON_NEGATIVE;
      case 'binary':
        return this.binaryValue(e.op, e.left, e.right);
      case 'if':
        return this.value(e.then) | this.value(e.otherwise);
      case 'call':
        return this.callValue(e.fn, e.args);
      default:
        return ANY;
    }
  }

  private runName(name: string): Signs {
    const { start, stop, dt } = this.model.specs;
    if (name === 'dt') return signOf(dt);
    if (name === 'starttime') return signOf(start);
    if (name === 'stoptime') return signOf(stop);
    return start >= 0 ? signOf(start) | (stop > start ? POS : 0) : ANY;
  }

  private binaryValue(op: string, left: Equation, right: Equation): Signs {
    if (COMPARISONS.has(op) || op === 'and' || op === 'or') return NON_NEGATIVE;
    const a = this.value(left);
    const b = this.value(right);
    switch (op) {
      case '+':
        return add(a, b);
      case '-':
        return add(a, negate(b));
      case '*':
        return multiply(a, b);
      case '/':
        return multiply(a, reciprocal(b));
      case '^': {
        const n = this.literal(right);
        if (n !== undefined && Number.isInteger(n)) return n === 0 ? POS : n % 2 === 0 ? (a === 0 ? 0 : a & ZERO ? NON_NEGATIVE : POS) : a;
        // A non-integer power is defined on non-negative bases only.
        return a === 0 ? 0 : a & ZERO ? NON_NEGATIVE : POS;
      }
      default:
        return ANY;
    }
  }

  private callValue(fn: string, args: Equation[]): Signs {
    const table = this.tableOf(fn);
    if (table) return tableValues(table);
    const a = args[0] ? this.value(args[0]) : ANY;
    switch (fn) {
      case 'MAX':
      case 'MIN':
        return args.length === 1 ? a : args.slice(1).reduce((acc, x) => extreme(acc, this.value(x), fn === 'MAX' ? 'max' : 'min'), a);
      case 'ABS':
      case 'SQRT':
        return a === 0 ? 0 : a & ZERO || fn === 'SQRT' ? NON_NEGATIVE : POS;
      case 'EXP':
        return POS;
      case 'ARCTAN':
      case 'ARCSIN':
      case 'SIGN':
        return a;
      case 'INT':
      case 'ROUND':
        return weak(a);
      case 'SUM':
      case 'MEAN':
        return args.reduce((acc, x) => add(acc, this.value(x)), ZERO);
      case 'PROD':
        return args.reduce((acc, x) => multiply(acc, this.value(x)), POS);
      case 'ZIDZ':
        return weak(multiply(a, reciprocal(args[1] ? this.value(args[1]) : ANY)));
      case 'XIDZ':
      case 'SAFEDIV':
        return multiply(a, reciprocal(args[1] ? this.value(args[1]) : ANY)) | (args[2] ? this.value(args[2]) : ZERO);
      case 'IF_THEN_ELSE':
        return (args[1] ? this.value(args[1]) : ANY) | (args[2] ? this.value(args[2]) : ANY);
      case 'STEP':
      case 'PULSE':
        return weak(a);
      case 'INIT':
      case 'INITIAL':
        return a;
      case 'LOOKUP': {
        const named = args[0];
        const gf = named && (named.kind === 'name' || named.kind === 'subscript') ? this.infos.get(named.name)?.v.gf : undefined;
        return gf ? tableValues(gf) : ANY;
      }
      case 'PI':
        return POS;
      // Random draws (XMILE 1.0 §3.5.5, Stella's TRIANGULAR): what each distribution can give.
      case 'RANDOM':
      case 'UNIFORM':
        return hull(a, args[1] ? this.value(args[1]) : ANY);
      case 'TRIANGULAR':
        return hull(a, args[2] ? this.value(args[2]) : ANY);
      case 'LOGNORMAL':
        return POS;
      case 'EXPRND':
      case 'POISSON':
      case 'BETA':
      case 'BINOMIAL':
      case 'GAMMA':
      case 'WEIBULL':
        return NON_NEGATIVE;
      default:
        // Smooths and delays stay within what their input and start value have been.
        if (LAGGED.has(fn)) return a | (args[fn === 'SMTHN' || fn === 'DELAYN' ? 3 : 2] ? this.value(args[fn === 'SMTHN' || fn === 'DELAYN' ? 3 : 2]!) : 0);
        return ANY;
    }
  }

  private tableOf(fn: string): GraphicalFunction | undefined {
    const info = this.infos.get(canonicalName(fn));
    return info && info.v.kind === 'gf' ? info.v.gf : undefined;
  }

  /** A number written out, or the value of a scalar constant. */
  private literal(e: Equation): number | undefined {
    const n = numberIn(e);
    if (n !== undefined) return n;
    return e.kind === 'name' ? this.infos.get(e.name)?.constant : undefined;
  }

  /** The signs ∂e/∂x can take, other variables held. */
  private derivative(e: Equation | Index, x: string): Signs {
    switch (e.kind) {
      case 'number':
        return ZERO;
      case 'name':
        return e.name === x ? POS : ZERO;
      case 'subscript': {
        if (e.indices.some((i) => this.derivative(i, x) !== ZERO)) return ANY;
        return e.name === x ? POS : ZERO;
      }
      case 'unary': {
        const d = this.derivative(e.operand, x);
        if (e.op === '-') return negate(d);
        if (e.op === '+') return d;
        return d === ZERO ? ZERO : isBoolean(e.operand) ? negate(weak(d)) : ANY;
      }
      case 'binary':
        return this.binaryDerivative(e.op, e.left, e.right, x);
      case 'if': {
        if (this.derivative(e.condition, x) !== ZERO) return ANY;
        return this.derivative(e.then, x) | this.derivative(e.otherwise, x);
      }
      case 'call':
        return this.callDerivative(e.fn, e.args, x);
      case 'wildcard':
        return ZERO;
      case 'range':
        return this.derivative(e.from, x) === ZERO && this.derivative(e.to, x) === ZERO ? ZERO : ANY;
    }
  }

  private binaryDerivative(op: string, left: Equation, right: Equation, x: string): Signs {
    const da = this.derivative(left, x);
    const db = this.derivative(right, x);
    if (da === ZERO && db === ZERO) return ZERO;
    switch (op) {
      case '+':
        return add(da, db);
      case '-':
        return add(da, negate(db));
      case '*':
        return add(multiply(da, this.value(right)), multiply(this.value(left), db));
      case '/': {
        // d(a/b) = da/b − a·db/b²: the second term has the sign of −a·db.
        const b = reciprocal(this.value(right));
        return add(multiply(da, b), negate(multiply(this.value(left), db)));
      }
      case '^':
        return this.powerDerivative(left, right, da, db);
      case '>':
      case '>=':
        return add(weak(da), negate(weak(db)));
      case '<':
      case '<=':
        return add(negate(weak(da)), weak(db));
      case 'and':
      case 'or':
        return isBoolean(left) && isBoolean(right) ? add(weak(da), weak(db)) : ANY;
      default:
        return ANY;
    }
  }

  private powerDerivative(base: Equation, exponent: Equation, da: Signs, db: Signs): Signs {
    const n = this.literal(exponent);
    if (db === ZERO && n !== undefined) {
      // d(aⁿ) = n·aⁿ⁻¹·da.
      if (n === 0) return ZERO;
      const a = this.value(base);
      const power = Number.isInteger(n) ? ((n - 1) % 2 === 0 ? (a & ZERO ? NON_NEGATIVE : POS) : a) : a & ZERO ? NON_NEGATIVE : POS;
      return multiply(multiply(signOf(n), power), da);
    }
    const a = this.literal(base);
    if (da === ZERO && a !== undefined && a > 0) {
      // d(aᵇ) = ln(a)·aᵇ·db.
      return multiply(signOf(Math.log(a)), db);
    }
    return ANY;
  }

  private callDerivative(fn: string, args: Equation[], x: string): Signs {
    const ds = args.map((a) => this.derivative(a, x));
    if (ds.every((d) => d === ZERO)) return ZERO;
    const table = this.tableOf(fn);
    if (table) return throughTable(table, ds[0] ?? ANY);
    const [d0 = ZERO, d1 = ZERO] = ds;
    if (INCREASING.has(fn)) return d0;
    if (fn === 'ARCCOS') return negate(d0);
    if (STEPS.has(fn)) return weak(d0);
    if (LAGGED.has(fn)) return ds.slice(1).every((d) => d === ZERO) ? d0 : ANY;
    switch (fn) {
      case 'MAX':
      case 'MIN':
        // Where one argument is the extreme, the derivative is that argument's.
        return ds.reduce((acc, d) => acc | d, 0);
      case 'SUM':
      case 'MEAN':
        return ds.reduce((acc, d) => add(acc, d), ZERO);
      case 'ABS':
        return multiply(d0, args[0] ? this.value(args[0]) : ANY);
      case 'ZIDZ':
      case 'XIDZ':
      case 'SAFEDIV': {
        const quotient = this.binaryDerivative('/', args[0]!, args[1]!, x);
        return weak(quotient) | (ds[2] ?? ZERO);
      }
      case 'IF_THEN_ELSE':
        return d0 !== ZERO ? ANY : d1 | (ds[2] ?? ZERO);
      case 'STEP':
        // STEP(h, t) is h from time t on: it grows with h, and falls as t moves later when h ≥ 0.
        return add(weak(d0), weak(multiply(negate(d1), args[0] ? this.value(args[0]) : ANY)));
      case 'LOOKUP': {
        const named = args[0];
        const gf = named && (named.kind === 'name' || named.kind === 'subscript') ? this.infos.get(named.name)?.v.gf : undefined;
        return gf && ds[0] === ZERO ? throughTable(gf, d1) : ANY;
      }
      default:
        return ANY;
    }
  }
}

function walkChildren(node: Equation | Index, visit: (n: Equation | Index) => void): void {
  switch (node.kind) {
    case 'subscript':
      node.indices.forEach(visit);
      break;
    case 'call':
      node.args.forEach(visit);
      break;
    case 'unary':
      visit(node.operand);
      break;
    case 'binary':
      visit(node.left);
      visit(node.right);
      break;
    case 'if':
      visit(node.condition);
      visit(node.then);
      visit(node.otherwise);
      break;
    case 'range':
      visit(node.from);
      visit(node.to);
      break;
    default:
      break;
  }
}

/** Whether an expression is 0 or 1 (a comparison, AND, OR, NOT): monotone logic applies to it. */
function isBoolean(e: Equation): boolean {
  if (e.kind === 'number') return e.value === 0 || e.value === 1;
  if (e.kind === 'unary') return e.op === 'not';
  return e.kind === 'binary' && (COMPARISONS.has(e.op) || e.op === 'and' || e.op === 'or');
}

/** The signs of every number between one of a and one of b (a uniform draw between them, say). */
function hull(a: Signs, b: Signs): Signs {
  const both = a | b;
  return both & NEG && both & POS ? both | ZERO : both;
}

/** The signs a graphical function's output can take: its points' (and zero between a negative and a positive one). */
function tableValues(gf: GraphicalFunction): Signs {
  if (gf.type === 'extrapolate') return ANY;
  let out = 0;
  for (const y of gf.ys) out |= signOf(y);
  if (out & NEG && out & POS) out |= ZERO;
  return out || ANY;
}

/** ∂ through a graphical function: its points rising, falling or neither, times the input's derivative. */
function throughTable(gf: GraphicalFunction, d: Signs): Signs {
  if (d === ZERO) return ZERO;
  let rises = false;
  let falls = false;
  for (let i = 1; i < gf.ys.length; i++) {
    if (gf.ys[i]! > gf.ys[i - 1]!) rises = true;
    if (gf.ys[i]! < gf.ys[i - 1]!) falls = true;
  }
  if (rises && falls) return ANY;
  const slope = rises ? NON_NEGATIVE : falls ? ZERO | NEG : ZERO;
  return multiply(slope, d);
}
