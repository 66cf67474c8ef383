/**
 * The parameters that set a timing: read in a comparison with the period `t` (`t == launch`,
 * `t <= test_months + discount_months`, `if(t - start > 0, …)`), directly or through the
 * parameters the comparison reads. A draw of such a parameter must be a whole period: 6.4 never
 * equals any period, so `t == launch` drawn at 6.4 would have no effect at all. Found from the
 * compiled trees, so a name that reaches a comparison through another parameter is followed.
 */
import type { CompiledModel, CompiledQuantity, CompiledStep } from './compile.js';
import type { Expr } from './expression/index.js';
import type { Path } from './issues.js';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Every parameter that sets a timing, with the path of the first quantity comparing it with `t`. */
export function timingParameters(model: CompiledModel): Map<string, Path> {
  const trees = new Map<string, Expr>();
  for (const { name, value } of model.parameters) if (value) trees.set(name, value.expr);
  const timed = timeDependent(model);
  const found = new Map<string, Path>();
  for (const quantity of quantitiesOf(model)) {
    for (const comparison of comparisonsIn(quantity.expr)) {
      const read = readThrough(comparison, trees);
      if (!read.has('t') && ![...read].some((name) => timed.has(name))) continue;
      for (const name of read) if (trees.has(name) && !found.has(name)) found.set(name, quantity.path);
    }
  }
  return found;
}

/** The parameters whose value changes with `t`, directly or through the parameters they read. */
function timeDependent(model: CompiledModel): Set<string> {
  const timed = new Set<string>();
  // model.parameters is in dependency order: each comes after every parameter it reads.
  for (const { name, value } of model.parameters) {
    if (value && value.names.some((n) => n === 't' || timed.has(n))) timed.add(name);
  }
  return timed;
}

/** Every name an expression reads, and every name read by the parameters it reads, and so on. */
function readThrough(expr: Expr, trees: ReadonlyMap<string, Expr>): Set<string> {
  const read = new Set<string>();
  const visit = (node: Expr): void => {
    switch (node.type) {
      case 'name':
        if (read.has(node.name)) return;
        read.add(node.name);
        if (trees.has(node.name)) visit(trees.get(node.name)!);
        return;
      case 'unary':
        return visit(node.operand);
      case 'binary':
        visit(node.left);
        return visit(node.right);
      case 'call':
        return node.args.forEach(visit);
      case 'number':
        return;
    }
  };
  visit(expr);
  return read;
}

/** The comparison nodes of a tree (a comparison inside another's operand is found as well). */
function comparisonsIn(expr: Expr, found: Expr[] = []): Expr[] {
  if (expr.type === 'binary') {
    if (COMPARISONS.has(expr.op)) found.push(expr);
    comparisonsIn(expr.left, found);
    comparisonsIn(expr.right, found);
  } else if (expr.type === 'unary') comparisonsIn(expr.operand, found);
  else if (expr.type === 'call') expr.args.forEach((arg) => comparisonsIn(arg, found));
  return found;
}

/** Every compiled quantity of the model: parameters, sizes, costs, valuations, amounts, counts, fractions. */
function* quantitiesOf(model: CompiledModel): Generator<CompiledQuantity> {
  const present = (q: CompiledQuantity | undefined): q is CompiledQuantity => q !== undefined;
  yield* model.parameters.map((p) => p.value).filter(present);
  yield* [...model.sizes.values()].filter(present);
  yield* model.costs.map((c) => c.amount).filter(present);
  for (const { byReceiver, other } of model.valuations.values()) yield* [...byReceiver.values(), other].filter(present);
  for (const amounts of model.amounts.values()) yield* amounts.filter(present);
  for (const scenario of model.scenarios) {
    if (scenario.count) yield scenario.count;
    yield* stepQuantities(scenario.steps);
  }
}

function* stepQuantities(steps: readonly CompiledStep[]): Generator<CompiledQuantity> {
  for (const step of steps) {
    if (step.kind === 'transaction') {
      if (step.count) yield step.count;
    } else if (step.kind === 'and') yield* stepQuantities(step.steps);
    else {
      for (const branch of step.branches) {
        if (branch.fraction) yield branch.fraction;
        yield* stepQuantities(branch.steps);
      }
    }
  }
}
