// The same model in C, compiled with gcc -O2: the practical limit. The array workload is written
// as loops, the web as straight-line code over one array; both run Euler like the others
// (evaluate, then stock += dt·flow). The program times its own runs and prints one JSON line.
import { printExpr } from '../workloads.mjs';

const C_SYNTAX = {
  ref: (i) => `v[${i}]`,
  fn: { min: 'min2', max: 'max2', abs: 'fabs', sqrt: 'sqrt', exp: 'exp', sin: 'sin' },
  if: (ca, cb, a, b) => `(${ca} > ${cb} ? ${a} : ${b})`,
};

const HEAD = `#include <math.h>
#include <stdio.h>
#include <time.h>
#include <sys/resource.h>
static inline double min2(double a, double b) { return a < b ? a : b; }
static inline double max2(double a, double b) { return a > b ? a : b; }
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
`;

const MAIN = (r) => `
static double runs[${r.maxReps}];
int main(void) {
  double total = 0, check = 0;
  int n = 0;
  while (n < ${r.maxReps} && total < ${r.budget} && (n < ${r.minReps} || total < ${r.minTotal})) {
    double t0 = now();
    check = run();
    runs[n] = now() - t0;
    total += runs[n++];
  }
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  printf("{\\"setup\\": 0, \\"runs\\": [");
  for (int i = 0; i < n; i++) printf("%s%.9f", i ? ", " : "", runs[i]);
  printf("], \\"check\\": %.17g, \\"rss\\": %ld}\\n", check, u.ru_maxrss);
  return 0;
}
`;

export function cSource(w, repeat) {
  if (w.kind === 'array') {
    const E = w.elements;
    return `${HEAD}
#define E ${E}
static double S[E], inflow[E], outflow[E];
static void evaluate(void) {
  for (int i = 0; i < E; i++) inflow[i] = ${w.growth} * S[i] * (1 - S[i] / ${w.capacity});
  for (int i = 0; i < E; i++) outflow[i] = S[i] / ${w.lifetime};
}
static double run(void) {
  for (int i = 0; i < E; i++) S[i] = ${w.initial};
  evaluate();
  for (long step = 0; step < ${w.steps}; step++) {
    for (int i = 0; i < E; i++) S[i] = S[i] + ${w.dt} * (inflow[i] - outflow[i]);
    evaluate();
  }
  return S[0];
}
${MAIN(repeat)}`;
  }
  const lines = [];
  w.vars.forEach((v, i) => {
    if (v.kind !== 'stock') lines.push(`  v[${i}] = ${printExpr(v.expr, C_SYNTAX)};`);
  });
  const init = w.vars.map((v, i) => (v.kind === 'stock' ? `  v[${i}] = ${v.initial};` : '')).filter(Boolean);
  const integrate = w.vars.map((v, i) => (v.kind === 'flow' ? `    v[${v.stock}] = v[${v.stock}] + ${w.dt} * v[${i}];` : '')).filter(Boolean);
  return `${HEAD}
static double v[${w.vars.length}];
static void evaluate(void) {
${lines.join('\n')}
}
static double run(void) {
${init.join('\n')}
  evaluate();
  for (long step = 0; step < ${w.steps}; step++) {
${integrate.join('\n')}
    evaluate();
  }
  return v[0];
}
${MAIN(repeat)}`;
}
