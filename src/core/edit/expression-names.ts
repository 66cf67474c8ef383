/**
 * Renaming inside a model expression: the text is parsed, the names it reads are found in the
 * tree, and only those characters are replaced, so the rest of the text (spaces, brackets,
 * number forms) stays as the user wrote it.
 */
import { parseExpression, type Expr } from '../expression/index.js';

/** Every name node of a tree (calls name functions, never parameters). */
function names(expr: Expr, found: Array<{ name: string; at: number }> = []): Array<{ name: string; at: number }> {
  switch (expr.type) {
    case 'name':
      found.push({ name: expr.name, at: expr.at });
      break;
    case 'unary':
      names(expr.operand, found);
      break;
    case 'binary':
      names(expr.left, found);
      names(expr.right, found);
      break;
    case 'call':
      for (const arg of expr.args) names(arg, found);
      break;
    case 'number':
      break;
  }
  return found;
}

/**
 * `text` with every name for which `matches` holds written as `to`; `undefined` when the text does
 * not parse (it is then left as it is by the caller).
 */
export function renameInExpression(text: string, matches: (name: string) => boolean, to: string): string | undefined {
  let tree: Expr;
  try {
    tree = parseExpression(text);
  } catch {
    return undefined;
  }
  const hits = names(tree).filter((n) => matches(n.name)).sort((a, b) => b.at - a.at);
  let out = text;
  for (const hit of hits) out = out.slice(0, hit.at) + to + out.slice(hit.at + hit.name.length);
  return out;
}

/** Whether the text reads a name for which `matches` holds (false when it does not parse). */
export function readsName(text: string, matches: (name: string) => boolean): boolean {
  try {
    return names(parseExpression(text)).some((n) => matches(n.name));
  } catch {
    return false;
  }
}
