/**
 * Builtins with memory. Each becomes hidden stocks integrated with the model's method, so a
 * DELAY3 under RK4 is as accurate as the stocks around it, and its output reads only those stocks:
 * a loop through a delay is not an algebraic loop.
 *
 * Structures follow XMILE 1.0 §3.5.4 and Vensim's documented equivalents:
 *   DELAYN(in, d, n, init): n stages of content S_k; S_1' = in - S_1/(d/n),
 *     S_k' = S_(k-1)/(d/n) - S_k/(d/n); S_k(0) = init·d/n; output S_n/(d/n). DELAYN follows
 *     Vensim's DELAY N: n taken at the start of the run, and the last stage emptied with the
 *     previous step's d (see delayChain).
 *   SMTHN(in, t, n, init): n stages of level L_k; L_1' = (in - L_1)/(t/n),
 *     L_k' = (L_(k-1) - L_k)/(t/n); L_k(0) = init; output L_n.
 *   TREND(in, t, init): A' = (in - A)/t, A(0) = in/(1 + init·t); output (in - A)/(t·|A|).
 *   INIT(x): x at the start of the run.
 *   DELAY(in, d, init): the input d time units ago (a pipeline, not a stock).
 */
import type { Equation } from '../equation/index.js';
import type { Builtin } from './builtins.js';
import { collectReads, hasRoom, newSlot, report, type Ctx } from './context.js';
import { compileExpr, compileScalar } from './expression.js';
import { markStructural } from './scope.js';
import { bin, call, num, slot, type Expr } from './expr.js';
import { DT_SLOT } from './program.js';
import { constant, scalar, type Val } from './value.js';

interface Arg {
  e: Expr;
  reads: Set<number>;
}

/** Compiles an argument without making the caller depend on it. */
function arg(node: Equation, ctx: Ctx): Arg {
  const [e, reads] = collectReads(ctx, () => compileScalar(node, ctx), false);
  return { e, reads };
}

function union(...sets: Array<Set<number>>): Set<number> {
  const out = new Set<number>();
  for (const set of sets) for (const x of set) out.add(x);
  return out;
}

function label(ctx: Ctx, what: string, k: number): string {
  return `${ctx.variable}·${what}${k}`;
}

/**
 * The order of a DELAYN or SMTHN: the number of stages, so it is fixed for the whole run. A
 * literal or constants give it at once; any other expression is taken at the start of the run,
 * as Vensim does (its DELAY N evaluates the order only at initialization: in the suite's
 * tests/delays, made by Vensim, an order of 2 + STEP(1, 10) stays 2 after time 10). The first
 * compilation records the expression and uses one stage; compile() then computes the start-of-run
 * values and compiles again with them (Orders).
 */
function order(node: Equation, ctx: Ctx): number | undefined {
  const [v, reads] = collectReads(ctx, () => compileExpr(node, ctx), false);
  markStructural(ctx.scope, reads);
  if (v.es.length !== 1) {
    report(ctx, 'dimension', { reason: 'delay-order-size' }, node.at);
    return undefined;
  }
  const known = v.known?.[0];
  if (known !== undefined) return known;
  const i = ctx.orders.found.length;
  ctx.orders.found.push(v.es[0]!);
  if (!ctx.orders.given) return 1;
  const value = ctx.orders.given[i];
  if (value === undefined || !Number.isFinite(value)) {
    report(ctx, 'not-constant', { reason: 'delay-order' }, node.at);
    return undefined;
  }
  return value;
}

function delayChain(stages: number | undefined, withInit: boolean): Builtin {
  const fixed = stages;
  return {
    arity: fixed === undefined ? (withInit ? [3, 4] : [3, 3]) : [2, 3],
    compile(args, ctx): Val {
      const n0 = fixed ?? order(args[2]!, ctx);
      if (n0 === undefined) return constant(NaN);
      const n = Math.max(1, Math.round(n0));
      // The stages (and DELAYN's delay time) are hidden stocks: an order of 10⁹ is refused first.
      if (!hasRoom(ctx, n + 1, args[2]?.at)) return constant(NaN);
      const input = arg(args[0]!, ctx);
      const delay = arg(args[1]!, ctx);
      const initNode = fixed === undefined ? args[3] : args[2];
      const init = initNode ? arg(initNode, ctx) : input;
      const d = delay.e;
      const slots: number[] = [];
      for (let k = 0; k < n; k++) slots.push(newSlot(ctx, label(ctx, 'delay', k + 1)));
      const stage = () => bin('/', d, num(n));
      // DELAYN: the last stage empties with the delay time of the step before, as Vensim's
      // DELAY N does (tests/delays, made by Vensim: when the delay time goes from 4 to 6 at time
      // 15, DELAY3 jumps there and DELAY N a step later; the run matches this exactly). A hidden
      // stock that reaches the delay time within one step holds it: under Euler, exactly the
      // previous step's value. DELAY1 and DELAY3 use the current delay time throughout.
      let lastStage = stage;
      if (fixed === undefined) {
        const previous = newSlot(ctx, label(ctx, 'delay time', 1));
        ctx.reads.add(DT_SLOT);
        ctx.states.push({ slot: previous, initial: d, initialReads: delay.reads, rate: bin('/', bin('-', d, slot(previous)), slot(DT_SLOT)) });
        ctx.reads.add(previous);
        lastStage = () => bin('/', slot(previous), num(n));
      }
      const initialReads = union(init.reads, delay.reads);
      // Each stage holds content; its outflow is content / (d/n).
      const outflow = (k: number) => bin('/', slot(slots[k]!), k === n - 1 ? lastStage() : stage());
      slots.forEach((at, k) => {
        ctx.states.push({
          slot: at,
          initial: bin('/', bin('*', init.e, d), num(n)),
          initialReads,
          rate: k === 0
            ? bin('-', input.e, outflow(0))
            : k === n - 1 && fixed === undefined
              ? bin('-', outflow(k - 1), outflow(k))
              : bin('/', bin('-', slot(slots[k - 1]!), slot(at)), stage()),
        });
      });
      const last = slots[n - 1]!;
      ctx.reads.add(last);
      for (const r of delay.reads) ctx.reads.add(r);
      return scalar(fixed === undefined ? outflow(n - 1) : bin('/', slot(last), stage()));
    },
  };
}

function smoothChain(stages: number | undefined): Builtin {
  const fixed = stages;
  return {
    arity: fixed === undefined ? [3, 4] : [2, 3],
    compile(args, ctx): Val {
      const n0 = fixed ?? order(args[2]!, ctx);
      if (n0 === undefined) return constant(NaN);
      const n = Math.max(1, Math.round(n0));
      if (!hasRoom(ctx, n, args[2]?.at)) return constant(NaN);
      const input = arg(args[0]!, ctx);
      const time = arg(args[1]!, ctx);
      const initNode = fixed === undefined ? args[3] : args[2];
      const init = initNode ? arg(initNode, ctx) : input;
      const slots: number[] = [];
      for (let k = 0; k < n; k++) slots.push(newSlot(ctx, label(ctx, 'smooth', k + 1)));
      slots.forEach((at, k) => {
        const target = k === 0 ? input.e : slot(slots[k - 1]!);
        ctx.states.push({
          slot: at,
          initial: init.e,
          initialReads: init.reads,
          rate: bin('/', bin('-', target, slot(at)), bin('/', time.e, num(n))),
        });
      });
      const last = slots[n - 1]!;
      ctx.reads.add(last);
      return scalar(slot(last));
    },
  };
}

const trend: Builtin = {
  arity: [2, 3],
  compile(args, ctx) {
    if (!hasRoom(ctx, 1)) return constant(NaN);
    const input = arg(args[0]!, ctx);
    const time = arg(args[1]!, ctx);
    const initial = args[2] ? arg(args[2], ctx) : { e: num(0), reads: new Set<number>() };
    const at = newSlot(ctx, label(ctx, 'trend', 1));
    ctx.states.push({
      slot: at,
      initial: bin('/', input.e, bin('+', num(1), bin('*', initial.e, time.e))),
      initialReads: union(input.reads, time.reads, initial.reads),
      rate: bin('/', bin('-', input.e, slot(at)), time.e),
    });
    for (const r of union(input.reads, time.reads)) ctx.reads.add(r);
    ctx.reads.add(at);
    return scalar(call('trend', slot(at), time.e, input.e));
  },
};

const init: Builtin = {
  arity: [1, 1],
  compile(args, ctx) {
    if (!hasRoom(ctx, 1)) return constant(NaN);
    const value = arg(args[0]!, ctx);
    const at = newSlot(ctx, label(ctx, 'init', 1));
    ctx.states.push({ slot: at, initial: value.e, initialReads: value.reads, rate: num(0) });
    ctx.reads.add(at);
    return scalar(slot(at));
  },
};

const pipeline: Builtin = {
  arity: [2, 3],
  compile(args, ctx) {
    if (!hasRoom(ctx, 1)) return constant(NaN);
    const input = arg(args[0]!, ctx);
    const delay = arg(args[1]!, ctx);
    const initial = args[2] ? arg(args[2], ctx) : input;
    const at = newSlot(ctx, label(ctx, 'pipeline', 1));
    ctx.pipelines.push({ slot: at, input: input.e, delay: delay.e, initial: initial.e, initialReads: initial.reads });
    ctx.reads.add(at);
    return scalar(slot(at));
  },
};

export const STATEFUL: Record<string, Builtin> = {
  DELAY1: delayChain(1, true),
  DELAY3: delayChain(3, true),
  DELAYN: delayChain(undefined, true),
  SMTH1: smoothChain(1),
  SMTH3: smoothChain(3),
  SMTHN: smoothChain(undefined),
  SMOOTH: smoothChain(1),
  SMOOTH3: smoothChain(3),
  TREND: trend,
  INIT: init,
  INITIAL: init,
  DELAY: pipeline,
};
