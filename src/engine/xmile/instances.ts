/**
 * What flattening a model's module instances (XMILE 1.0 §3.7) would make, counted before any is
 * made: each instance copies its model's variables, and an instance may hold instances, so a
 * small file can ask for 2²⁵ copies. The count walks the graph of models once (each model's
 * figures computed once, however many instances use it), without recursion.
 */
import { canonicalName } from '../names.js';

export interface InstanceCount {
  /** Variables of the flattened model, instances' copies included. */
  variables: number;
  /** Instances nested inside one another at the deepest (0 without modules). */
  depth: number;
}

/** The figures of flattening `root`, whose `<module>`s name models of `models`. */
export function countInstances(root: unknown, models: ReadonlyMap<string, unknown>, read: Reader): InstanceCount {
  const done = new Map<unknown, InstanceCount>();
  const open = new Set<unknown>();
  const stack: Array<{ model: unknown; targets: unknown[]; next: number }> = [];
  const enter = (model: unknown) => {
    open.add(model);
    stack.push({ model, targets: read.modules(model).map((name) => models.get(canonicalName(name))), next: 0 });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.targets.length) {
      const target = top.targets[top.next++];
      // A missing or recursive model is reported when flattening; it adds nothing here.
      if (target !== undefined && !done.has(target) && !open.has(target)) enter(target);
      continue;
    }
    stack.pop();
    open.delete(top.model);
    let variables = read.variables(top.model);
    let depth = 0;
    for (const target of top.targets) {
      const inner = target === undefined ? undefined : done.get(target);
      if (!inner) continue;
      variables += inner.variables;
      depth = Math.max(depth, inner.depth + 1);
    }
    done.set(top.model, { variables, depth });
  }
  return done.get(root)!;
}

/** How a `<model>` is read: the models its modules name, and its own variables. */
export interface Reader {
  modules(model: unknown): string[];
  variables(model: unknown): number;
}
