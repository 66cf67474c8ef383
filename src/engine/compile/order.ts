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

export interface GroupedNode extends Node {
  /** The variable the slot belongs to: its elements run together when nothing forbids it. */
  group: number;
}

/**
 * Reorders a valid order so that each variable's elements are consecutive, in element order,
 * wherever that stays valid: variables are ordered by their dependencies (strongly connected
 * components, Tarjan 1972), and only variables caught in a cycle among themselves (an element
 * reading another element of its own variable, or two arrays reading each other's elements) keep
 * the element-level order. Consecutive elements are what lets generated code run them as a loop.
 */
export function groupedOrder(nodes: readonly GroupedNode[], order: readonly number[]): number[] {
  const groupOf = new Map<number, number>();
  for (const node of nodes) groupOf.set(node.slot, node.group);
  const members = new Map<number, number[]>();
  const deps = new Map<number, Set<number>>();
  const tangled = new Set<number>();
  for (const slot of order) {
    const group = groupOf.get(slot)!;
    if (!members.has(group)) {
      members.set(group, []);
      deps.set(group, new Set());
    }
    members.get(group)!.push(slot);
  }
  for (const node of nodes) {
    for (const dep of node.deps) {
      const other = groupOf.get(dep);
      if (other === undefined) continue;
      if (other === node.group) tangled.add(node.group);
      else deps.get(node.group)!.add(other);
    }
  }
  const out: number[] = [];
  for (const component of components([...members.keys()], deps)) {
    if (component.length === 1 && !tangled.has(component[0]!)) {
      // One by one: spreading a variable's 10⁵ elements as arguments would overflow the stack.
      for (const slot of members.get(component[0]!)!.sort((a, b) => a - b)) out.push(slot);
      continue;
    }
    const inside = new Set(component);
    for (const slot of order) if (inside.has(groupOf.get(slot)!)) out.push(slot);
  }
  return out;
}

/**
 * Strongly connected components, each after the components it depends on (Tarjan's algorithm,
 * iterative so long chains do not overflow the call stack).
 */
function components(vertices: readonly number[], deps: ReadonlyMap<number, Set<number>>): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const root of vertices) {
    if (index.has(root)) continue;
    const frames: Array<{ v: number; next: Iterator<number> }> = [];
    const open = (v: number) => {
      index.set(v, counter);
      low.set(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      frames.push({ v, next: deps.get(v)![Symbol.iterator]() });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const step = frame.next.next();
      if (!step.done) {
        const w = step.value;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(frame.v)!));
      if (low.get(frame.v) === index.get(frame.v)) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.v);
        out.push(component);
      }
    }
  }
  return out;
}
