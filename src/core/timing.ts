/**
 * The parameters that set a timing: added to or subtracted from the period `t` in a comparison
 * (`t == launch`, `t <= test_months + discount_months`, `t - start > 0`), directly or through
 * the parameters the comparison reads so (`launch: "start + delay"`). A draw of such a parameter
 * must be a whole period: 6.4 never equals any period, so `t == launch` drawn at 6.4 would have
 * no effect at all. A name scaled or passed to a function (`users * growth > capacity`, even when
 * users grow with t) is a threshold, not a period, and is not one. Found from the compiled trees.
 */
import type { CompiledModel, CompiledQuantity, CompiledStep } from './compile.js';
import type { Expr } from './expression/index.js';
import type { Path } from './issues.js';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Every parameter that sets a timing, with the path of the first quantity comparing it with `t`. */
export function timingParameters(model: CompiledModel): Map<string, Path> {
  const trees = new Map<string, Expr>();
  for (const { name, value } of model.parameters) if (value) trees.set(name, value.expr);
  const found = new Map<string, Path>();
  for (const quantity of quantitiesOf(model)) {
    for (const comparison of comparisonsIn(quantity.expr)) {
      if (comparison.type !== 'binary') continue;
      const terms = new Set([...periodTerms(comparison.left, trees), ...periodTerms(comparison.right, trees)]);
      if (!terms.has('t')) continue;
      for (const name of terms) if (trees.has(name) && !found.has(name)) found.set(name, quantity.path);
    }
  }
  return found;
}

/**
 * The names a side of a comparison adds or subtracts (`t - start + 2` reads t and start so),
 * and through each parameter so read, the names its own expression adds or subtracts.
 */
function periodTerms(expr: Expr, trees: ReadonlyMap<string, Expr>, found = new Set<string>()): Set<string> {
  if (expr.type === 'name') {
    if (found.has(expr.name)) return found;
    found.add(expr.name);
    const tree = trees.get(expr.name);
    if (tree) periodTerms(tree, trees, found);
  } else if (expr.type === 'binary' && (expr.op === '+' || expr.op === '-')) {
    periodTerms(expr.left, trees, found);
    periodTerms(expr.right, trees, found);
  } else if (expr.type === 'unary' && (expr.op === '-' || expr.op === '+')) {
    periodTerms(expr.operand, trees, found);
  }
  return found;
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
