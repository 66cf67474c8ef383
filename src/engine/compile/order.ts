/**
 * Dependency order of assignments, and the cycle when there is none: a depth-first topological
 * sort that reports the first loop it meets as the chain of names around it.
 */
export interface Node {
  slot: number;
  /** Slots this one reads that must be computed first. */
  deps: Iterable<number>;
}

export type OrderResult = { ok: true; order: number[] } | { ok: false; cycle: number[] };

export function orderNodes(nodes: readonly Node[]): OrderResult {
  const bySlot = new Map<number, Node>();
  for (const node of nodes) bySlot.set(node.slot, node);
  // 0 unvisited, 1 on the current path, 2 done.
  const state = new Map<number, number>();
  const order: number[] = [];
  const path: number[] = [];
  for (const root of nodes) {
    if (state.get(root.slot) === 2) continue;
    // Iterative depth-first search so long chains do not overflow the call stack.
    const stack: Array<{ slot: number; deps: Iterator<number> }> = [];
    const enter = (slot: number) => {
      state.set(slot, 1);
      path.push(slot);
      stack.push({ slot, deps: bySlot.get(slot)!.deps[Symbol.iterator]() });
    };
    enter(root.slot);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.deps.next();
      if (next.done) {
        stack.pop();
        path.pop();
        state.set(top.slot, 2);
        order.push(top.slot);
        continue;
      }
      const dep = next.value;
      if (!bySlot.has(dep)) continue;
      const seen = state.get(dep) ?? 0;
      if (seen === 1) return { ok: false, cycle: [...path.slice(path.indexOf(dep)), dep] };
      if (seen === 0) enter(dep);
    }
  }
  return { ok: true, order };
}
