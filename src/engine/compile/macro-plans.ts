/**
 * Macros read once per model: each body and each of its variables' equations parsed, and the
 * size of one call once every macro it calls is expanded, computed before any call is. A macro
 * that calls the next twice, forty deep, asks for 2⁴⁰ nodes: that is known here, from a graph
 * of forty macros, and refused where it is called (macros.ts) instead of being expanded.
 */
import { parseEquation, walk, type ParseResult } from '../equation/index.js';
import type { Macro, Variable } from '../model.js';
import { canonicalName } from '../names.js';

export interface MacroPlan {
  macro: Macro;
  body: ParseResult;
  /** The equation of each of the macro's variables that has one. */
  variables: Map<Variable, ParseResult>;
  /** Nodes of one call, every macro call inside expanded (Infinity past any float). */
  size: number;
}

/** The key a call's `fn` is looked up by: upper case, canonical. */
export function macroKey(name: string): string {
  return canonicalName(name).toUpperCase();
}

export function macroPlans(macros: readonly Macro[]): Map<string, MacroPlan> {
  const plans = new Map<string, MacroPlan>();
  const calls = new Map<MacroPlan, string[]>();
  for (const macro of macros) {
    const variables = new Map<Variable, ParseResult>();
    for (const v of macro.variables) if (v.equation !== undefined) variables.set(v, parseEquation(v.equation));
    const plan: MacroPlan = { macro, body: parseEquation(macro.equation), variables, size: 0 };
    let own = 0;
    const called: string[] = [];
    for (const parsed of [plan.body, ...variables.values()]) {
      if (!parsed.ok) continue;
      walk(parsed.equation, (node) => {
        own++;
        if (node.kind === 'call') called.push(node.fn);
      });
    }
    plan.size = own;
    calls.set(plan, called);
    plans.set(macroKey(macro.name), plan);
  }
  sizeCalls(plans, calls);
  return plans;
}

/**
 * Adds to each plan's own nodes the size of every macro it calls, callees first (an iterative
 * depth-first walk). A call back into a macro being sized is recursion, refused when expanded;
 * it adds nothing here.
 */
function sizeCalls(plans: ReadonlyMap<string, MacroPlan>, calls: ReadonlyMap<MacroPlan, string[]>): void {
  const done = new Set<MacroPlan>();
  const open = new Set<MacroPlan>();
  for (const root of plans.values()) {
    if (done.has(root)) continue;
    const stack: Array<{ plan: MacroPlan; next: number }> = [{ plan: root, next: 0 }];
    open.add(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const called = calls.get(top.plan)!;
      if (top.next < called.length) {
        const callee = plans.get(called[top.next++]!);
        if (callee && !done.has(callee) && !open.has(callee)) {
          open.add(callee);
          stack.push({ plan: callee, next: 0 });
        }
        continue;
      }
      stack.pop();
      open.delete(top.plan);
      for (const fn of called) {
        const callee = plans.get(fn);
        if (callee && done.has(callee)) top.plan.size += callee.size;
      }
      done.add(top.plan);
    }
  }
}
