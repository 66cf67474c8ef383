/**
 * The tree of an XMILE equation. `at` is the offset of the node's first character in the
 * equation text, so every later check can point at the fault.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | 'mod' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';
export type UnaryOp = '-' | '+' | 'not';

export type Equation =
  | { kind: 'number'; value: number; at: number }
  /** `name` is canonical (names.ts); `text` is as written. */
  | { kind: 'name'; name: string; text: string; at: number }
  | { kind: 'subscript'; name: string; text: string; indices: Index[]; at: number }
  /** `fn` is the upper-case function name as written (`SMTH1`, `DELAY_N` stays as written). */
  | { kind: 'call'; fn: string; args: Equation[]; at: number }
  | { kind: 'unary'; op: UnaryOp; operand: Equation; at: number }
  | { kind: 'binary'; op: BinaryOp; left: Equation; right: Equation; at: number }
  | { kind: 'if'; condition: Equation; then: Equation; otherwise: Equation; at: number };

/** One position inside `name[...]`: an expression, `*` (every element) or `lo:hi` (a range). */
export type Index =
  | Equation
  | { kind: 'wildcard'; at: number }
  | { kind: 'range'; from: Equation; to: Equation; at: number };

/** Calls `visit` on every node, parents before children. */
export function walk(node: Equation | Index, visit: (node: Equation | Index) => void): void {
  visit(node);
  switch (node.kind) {
    case 'subscript':
      for (const index of node.indices) walk(index, visit);
      break;
    case 'call':
      for (const arg of node.args) walk(arg, visit);
      break;
    case 'unary':
      walk(node.operand, visit);
      break;
    case 'binary':
      walk(node.left, visit);
      walk(node.right, visit);
      break;
    case 'if':
      walk(node.condition, visit);
      walk(node.then, visit);
      walk(node.otherwise, visit);
      break;
    case 'range':
      walk(node.from, visit);
      walk(node.to, visit);
      break;
    default:
      break;
  }
}
