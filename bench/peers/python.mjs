// Python peers, as source text run by Debian's /usr/bin/python3: numpy vectorised for the array
// workload, a plain loop over a list for the web. Each program times its own runs and prints one
// JSON line (the same fields as the other peers).
import { printExpr } from '../workloads.mjs';

const PY_SYNTAX = {
  ref: (i) => `v[${i}]`,
  fn: { min: 'min', max: 'max', abs: 'abs', sqrt: 'sqrt', exp: 'exp', sin: 'sin' },
  if: (ca, cb, a, b) => `(${a} if ${ca} > ${cb} else ${b})`,
};

/** Times `run()` as engine.mjs repeats runs (see REPEAT there), and reports peak memory. */
const HARNESS = (r) => `
def bench(setup, run):
    runs = []
    check = None
    while len(runs) < ${r.maxReps} and sum(runs) < ${r.budget} and (len(runs) < ${r.minReps} or sum(runs) < ${r.minTotal}):
        t0 = time.perf_counter()
        check = run()
        runs.append(time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"setup": setup, "runs": runs, "check": check, "rss": rss}))
`;

export function numpySource(w, repeat) {
  return `import json, resource, time
t0 = time.perf_counter()
import numpy as np
${HARNESS(repeat)}
E, STEPS, DT = ${w.elements}, ${w.steps}, ${w.dt}
growth, capacity, lifetime = ${w.growth}, ${w.capacity}, ${w.lifetime}

def run():
    S = np.full(E, ${w.initial}.0)
    for _ in range(STEPS):
        inflow = growth * S * (1 - S / capacity)
        outflow = S / lifetime
        S = S + DT * (inflow - outflow)
    return float(S[0])

bench(time.perf_counter() - t0, run)
`;
}

/** The web as one function of a list: auxiliaries and flows in order, then the stocks. */
export function loopSource(w, repeat) {
  const lines = [];
  w.vars.forEach((v, i) => {
    if (v.kind !== 'stock') lines.push(`    v[${i}] = ${printExpr(v.expr, PY_SYNTAX)}`);
  });
  const flows = w.vars.map((v, i) => [v, i]).filter(([v]) => v.kind === 'flow');
  const integrate = flows.map(([v, i]) => `        v[${v.stock}] = v[${v.stock}] + DT * v[${i}]`);
  const initial = w.vars.map((v) => (v.kind === 'stock' ? `${v.initial}.0` : '0.0'));
  return `import json, resource, time
t0 = time.perf_counter()
from math import sqrt, exp, sin
${HARNESS(repeat)}
STEPS, DT = ${w.steps}, ${w.dt}

def evaluate(v):
${lines.join('\n')}

def run():
    v = [${initial.join(', ')}]
    evaluate(v)
    for _ in range(STEPS):
${integrate.join('\n')}
        evaluate(v)
    return v[0]

bench(time.perf_counter() - t0, run)
`;
}
