/**
 * The size and depth of checked trees as they are run. Trees share nodes (a macro's argument is
 * compiled once and read wherever the body names it), and both kernels walk a shared node once
 * per reader: `M(M(M(…TIME)))` with M(x) = x + x is a short list of nodes but 2ⁿ operations a
 * step, and as deep as the sum of its layers. Counted here without recursion, each node once.
 */
import type { Expr } from './expr.js';

export interface TreeFigures {
  /** Nodes walked to compute the tree in full. */
  size: number;
  /** Its depth (a leaf is 1). */
  depth: number;
}

function children(e: Expr): readonly Expr[] {
  switch (e.k) {
    case 'num':
    case 'slot':
      return [];
    case 'neg':
    case 'not':
      return [e.a];
    case 'bin':
      return [e.a, e.b];
    case 'if':
      return [e.c, e.a, e.b];
    case 'fn':
    case 'fold':
      return e.args;
    case 'table':
      return [e.x];
    case 'dyn':
      return e.parts.map((p) => p.index);
  }
}

/** Figures of a number or a slot, shared: the most common nodes are never stored. */
const LEAF: TreeFigures = { size: 1, depth: 1 };

/** A measure of trees that remembers every node it has seen, so shared nodes are counted once. */
export function treeMeasure(): (root: Expr) => TreeFigures {
  const known = new Map<Expr, TreeFigures>();
  const figuresOf = (e: Expr): TreeFigures | undefined => (e.k === 'num' || e.k === 'slot' ? LEAF : known.get(e));
  return (root) => {
    const stack: Array<{ e: Expr; kids: readonly Expr[]; next: number }> = [];
    const enter = (e: Expr) => stack.push({ e, kids: children(e), next: 0 });
    if (!figuresOf(root)) enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.kids.length) {
        const kid = top.kids[top.next++]!;
        if (!figuresOf(kid)) enter(kid);
        continue;
      }
      stack.pop();
      let size = 1;
      let depth = 0;
      for (const kid of top.kids) {
        const figures = figuresOf(kid)!;
        size += figures.size;
        depth = Math.max(depth, figures.depth);
      }
      known.set(top.e, { size, depth: depth + 1 });
    }
    return figuresOf(root)!;
  };
}
