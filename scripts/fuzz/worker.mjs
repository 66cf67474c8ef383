/**
 * A fuzzing worker: runs one target on one input at a time, in a thread with a memory bound (the
 * driver terminates it on a hang). A target's clean refusals (its issues, its named errors) are
 * fine; any other exception is a failure, sent back with its stack.
 */
import { parentPort, workerData } from 'node:worker_threads';

const dist = new URL(`${workerData.dist}/`, 'file://');
const core = await import(new URL('core/index.js', dist));
const engine = await import(new URL('engine/index.js', dist));
const { parseExpression, ExpressionSyntaxError, evaluate, EvaluationError } = core.expression;

/** Errors a target may throw on bad input, by design: they carry a message for the user. */
const CLEAN = [ExpressionSyntaxError, EvaluationError, engine.SimulationError, engine.ModelRefusedError].filter(Boolean);

const TARGETS = {
  /** Text → document → checks → quantities (the dynamics included), as `symbiose validate` does. */
  loader: ({ text, file }) => engine.loadEcosystem(text, file),
  /** XMILE → model → compiled program → a short run, as `symbiose simulate` does. */
  xmile: ({ text }) => {
    const { model } = engine.parseXmile(text, 'fuzz.xmile');
    if (!model) return;
    const { program } = engine.compile(model);
    if (!program) return;
    // A short run: the point is the program's first steps, not the model's horizon.
    const until = Math.min(program.specs.stop, program.specs.start + 20 * program.specs.dt);
    if (Number.isFinite(until)) engine.simulate(program, { until });
  },
  equation: ({ text }) => engine.parseEquation(text),
  expression: ({ text }) => {
    const expr = parseExpression(text);
    evaluate(expr, () => 1);
  },
  // Sabotaged targets, for the harness's own test (--self-test): each must be reported.
  'self-throw': () => {
    throw new TypeError('fs[i] is not a function');
  },
  'self-hang': () => {
    for (;;);
  },
  'self-memory': () => {
    const kept = [];
    for (;;) kept.push(new Array(1e6).fill(kept.length));
  },
};

parentPort.on('message', ({ id, target, input }) => {
  try {
    TARGETS[target](input);
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    if (CLEAN.some((kind) => error instanceof kind)) parentPort.postMessage({ id, ok: true });
    else parentPort.postMessage({ id, ok: false, error: { name: error?.name, message: String(error?.message ?? error).slice(0, 2000), stack: String(error?.stack ?? '').slice(0, 4000) } });
  }
});
parentPort.postMessage({ ready: true });
