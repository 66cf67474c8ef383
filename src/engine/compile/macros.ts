/**
 * Macro calls, expanded in place: the parameters become local names bound to the arguments, and
 * each of the macro's own variables is compiled once per call (its stocks become hidden stocks),
 * so two calls never share state.
 */
import type { Equation } from '../equation/index.js';
import { parseEquation } from '../equation/index.js';
import { LIMITS } from '../../core/index.js';
import type { Variable } from '../model.js';
import type { MacroPlan } from './macro-plans.js';
import { parseFaultIssue } from '../issues.js';
import { canonicalName } from '../names.js';
import { hasRoom, localValue, newSlot, passed, report, type Ctx, type Local } from './context.js';
import { compileExpr, compileScalar } from './expression.js';
import { netFlow, num, slot, type Expr } from './expr.js';
import { constant, scalar, type Val } from './value.js';

type Call = Extract<Equation, { kind: 'call' }>;

export function expandMacro(plan: MacroPlan, call: Call, ctx: Ctx): Val {
  const macro = plan.macro;
  if (call.args.length !== macro.parameters.length) {
    report(ctx, 'arity', { name: macro.name, min: macro.parameters.length, max: macro.parameters.length, found: call.args.length }, call.at);
    return constant(NaN);
  }
  if (ctx.expanding.has(macro.name)) {
    report(ctx, 'unsupported', { reason: 'macro-recursive', macro: macro.name }, call.at);
    return constant(NaN);
  }
  // Sized before it is expanded: a call that would pass the model's nodes is refused unexpanded.
  if (ctx.scope.budget.nodes + plan.size > LIMITS.expandedNodes) return (passed(ctx, 'expandedNodes', plan.size, call.at), constant(NaN));
  const locals = new Map<string, Local>(ctx.locals);
  macro.parameters.forEach((p, i) => locals.set(canonicalName(p), compileExpr(call.args[i]!, ctx)));
  const outerLocals = ctx.locals;
  ctx.expanding.add(macro.name);
  ctx.locals = locals;
  try {
    bindVariables(plan, locals, ctx);
    const body = plan.body;
    if (!body.ok) {
      ctx.issues.push(parseFaultIssue(body.fault, { variable: ctx.variable, equation: ctx.equation, offset: call.at }, { macro: macro.name }));
      return constant(NaN);
    }
    return compileExpr(body.equation, ctx);
  } finally {
    ctx.locals = outerLocals;
    ctx.expanding.delete(macro.name);
  }
}

/**
 * Makes each macro variable a local name. Auxiliaries compile when first read; stocks get a
 * hidden slot at once so loops through them are not algebraic.
 */
function bindVariables(plan: MacroPlan, locals: Map<string, Local>, ctx: Ctx): void {
  const macro = plan.macro;
  const byName = new Map<string, Variable>();
  for (const v of macro.variables) byName.set(canonicalName(v.name), v);
  const parameters = new Set(macro.parameters.map(canonicalName));
  const equationOf = (v: Variable): Equation | undefined => {
    const parsed = plan.variables.get(v) ?? parseEquation('');
    if (parsed.ok) return parsed.equation;
    ctx.issues.push(parseFaultIssue(parsed.fault, { variable: ctx.variable, equation: ctx.equation }, { macro: macro.name, macroVariable: v.name }));
    return undefined;
  };
  // Stocks first: their slots exist before any auxiliary reads them.
  const stocks: Array<{ v: Variable; slot: number }> = [];
  for (const [name, v] of byName) {
    if (parameters.has(name) || v.kind !== 'stock') continue;
    if (!hasRoom(ctx, 1)) return;
    const at = newSlot(ctx, `${ctx.variable}·${macro.name}.${v.name}`);
    stocks.push({ v, slot: at });
    locals.set(name, scalar(slot(at)));
  }
  for (const [name, v] of byName) {
    if (parameters.has(name) || v.kind === 'stock' || v.equation === undefined) continue;
    let value: Val | undefined;
    let compiling = false;
    locals.set(name, () => {
      if (value) return value;
      if (compiling) {
        report(ctx, 'algebraic-loop', { cycle: [v.name], macro: macro.name });
        return constant(NaN);
      }
      compiling = true;
      const tree = equationOf(v);
      value = tree ? scalar(compileScalar(tree, ctx)) : constant(NaN);
      return value;
    });
  }
  for (const stock of stocks) {
    const tree = equationOf(stock.v);
    const initialReads = new Set<number>();
    const outer = ctx.reads;
    ctx.reads = initialReads;
    const initial = tree ? compileScalar(tree, ctx) : num(NaN);
    ctx.reads = outer;
    const flow = (name: string): Expr => {
      const local = locals.get(canonicalName(name));
      return local ? localValue(local).es[0]! : num(NaN);
    };
    const rate = netFlow((stock.v.inflows ?? []).map(flow), (stock.v.outflows ?? []).map(flow));
    ctx.states.push({ slot: stock.slot, initial, initialReads, rate });
    ctx.reads.add(stock.slot);
  }
}
