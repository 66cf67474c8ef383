/**
 * The elementary circuits of a directed graph (no vertex twice), by Johnson's algorithm (D. B.
 * Johnson, "Finding all the elementary circuits of a directed graph", SIAM J. Comput. 4(1),
 * 1975): from each vertex s in turn, the circuits through s in the strongly connected component
 * of the vertices from s on that holds s, with the blocking lists that keep the search to
 * O((n + e)(c + 1)) for c circuits. Written with explicit stacks, so a long chain of variables
 * cannot overflow the call stack.
 */

export interface CircuitLimits {
  /** The most circuits listed; past it the search stops, truncated. */
  maxCircuits: number;
  /** The most arrows followed; past it the search stops, truncated. */
  maxSteps: number;
}

export interface Circuits {
  /** Each circuit as its vertices in order, the first being the least; the last leads back to it. */
  circuits: number[][];
  truncated: boolean;
}

export function elementaryCircuits(next: readonly (readonly number[])[], limits: CircuitLimits): Circuits {
  const n = next.length;
  const circuits: number[][] = [];
  let steps = 0;
  const blocked = new Uint8Array(n);
  const blockers: Array<Set<number>> = Array.from({ length: n }, () => new Set());
  const unblock = (u: number) => {
    const work = [u];
    while (work.length > 0) {
      const x = work.pop()!;
      if (!blocked[x]) continue;
      blocked[x] = 0;
      for (const w of blockers[x]!) work.push(w);
      blockers[x]!.clear();
    }
  };
  // Components of the whole graph first: a vertex on no circuit is passed over at once, and each
  // search from s stays inside the component that holds s.
  const whole = components(next, () => true, Array.from({ length: n }, (_, v) => v));
  const work = { steps: 0 };
  for (let s = 0; s < n; s++) {
    const outer = whole.of[s]!;
    if (whole.size[outer]! < 2 && !next[s]!.includes(s)) continue;
    const found = components(next, (w) => w >= s && whole.of[w] === outer, [s], work);
    steps += work.steps;
    work.steps = 0;
    if (steps > limits.maxSteps) return { circuits, truncated: true };
    const members = new Set<number>();
    found.of.forEach((c, v) => {
      if (c === found.of[s]) members.add(v);
    });
    const component = members.size > 1 || next[s]!.includes(s) ? members : undefined;
    if (!component) continue;
    for (const v of component) {
      blocked[v] = 0;
      blockers[v]!.clear();
    }
    const inside = (w: number) => w >= s && component.has(w);
    const path: number[] = [s];
    const frames: Array<{ v: number; i: number; found: boolean }> = [{ v: s, i: 0, found: false }];
    blocked[s] = 1;
    while (frames.length > 0) {
      const top = frames[frames.length - 1]!;
      const out = next[top.v]!;
      if (top.i < out.length) {
        const w = out[top.i++]!;
        if (!inside(w)) continue;
        if (++steps > limits.maxSteps) return { circuits, truncated: true };
        if (w === s) {
          if (circuits.length >= limits.maxCircuits) return { circuits, truncated: true };
          circuits.push([...path]);
          top.found = true;
        } else if (!blocked[w]) {
          path.push(w);
          blocked[w] = 1;
          frames.push({ v: w, i: 0, found: false });
        }
        continue;
      }
      if (top.found) unblock(top.v);
      else for (const w of out) if (inside(w)) blockers[w]!.add(top.v);
      frames.pop();
      path.pop();
      if (top.found && frames.length > 0) frames[frames.length - 1]!.found = true;
    }
  }
  return { circuits, truncated: false };
}

/** Each vertex's strongly connected component, numbered. */
export function componentIds(next: readonly (readonly number[])[]): Int32Array {
  return components(next, () => true, Array.from({ length: next.length }, (_, v) => v)).of;
}

/**
 * Strongly connected components (Tarjan's algorithm) of the vertices `allowed`, searched from
 * `roots`: `of` gives each reached vertex's component (−1 when not reached), `size` each
 * component's size. `work.steps` counts the arrows followed.
 */
function components(
  next: readonly (readonly number[])[],
  allowed: (v: number) => boolean,
  roots: readonly number[],
  work: { steps: number } = { steps: 0 },
): { of: Int32Array; size: number[] } {
  const n = next.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const of = new Int32Array(n).fill(-1);
  const size: number[] = [];
  const stack: number[] = [];
  let counter = 0;
  const frames: Array<{ v: number; i: number }> = [];
  const open = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frames.push({ v, i: 0 });
  };
  for (const root of roots) {
    if (index[root] !== -1 || !allowed(root)) continue;
    open(root);
    while (frames.length > 0) {
      const top = frames[frames.length - 1]!;
      const out = next[top.v]!;
      if (top.i < out.length) {
        const w = out[top.i++]!;
        work.steps++;
        if (!allowed(w)) continue;
        if (index[w] === -1) open(w);
        else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[top.v]!);
      }
      if (low[top.v] === index[top.v]) {
        const id = size.length;
        let count = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          of[w] = id;
          count++;
        } while (w !== top.v);
        size.push(count);
      }
    }
  }
  return { of, size };
}
