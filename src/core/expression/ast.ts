/** The tree of a parsed expression. `at` is the offset of the node's first character. */
export type Expr =
  | { type: 'number'; value: number; at: number }
  | { type: 'name'; name: string; at: number }
  | { type: 'unary'; op: string; operand: Expr; at: number }
  | { type: 'binary'; op: string; left: Expr; right: Expr; at: number }
  | { type: 'call'; name: string; args: Expr[]; at: number };

/** Every name an expression reads, in order of first appearance, with the offset of each first use. */
export function namesIn(expr: Expr, found = new Map<string, number>()): Map<string, number> {
  switch (expr.type) {
    case 'name':
      if (!found.has(expr.name)) found.set(expr.name, expr.at);
      break;
    case 'unary':
      namesIn(expr.operand, found);
      break;
    case 'binary':
      namesIn(expr.left, found);
      namesIn(expr.right, found);
      break;
    case 'call':
      for (const arg of expr.args) namesIn(arg, found);
      break;
    case 'number':
      break;
  }
  return found;
}

/** Every function call in an expression, for arity and name checks before evaluation. */
export function callsIn(expr: Expr, found: Array<Extract<Expr, { type: 'call' }>> = []) {
  if (expr.type === 'call') {
    found.push(expr);
    for (const arg of expr.args) callsIn(arg, found);
  } else if (expr.type === 'unary') callsIn(expr.operand, found);
  else if (expr.type === 'binary') {
    callsIn(expr.left, found);
    callsIn(expr.right, found);
  }
  return found;
}
