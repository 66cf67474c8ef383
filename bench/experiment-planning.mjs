// How long the Experiments tab's two computations take, which is why the studio runs them in a
// worker (studio/src/logic/experiment-worker.ts) rather than at each keystroke on the main thread:
// the design check (normal, arcsine and Boschloo's exact power, sample size, detectable effect)
// and the reading of counts (exact, large-sample, Bayesian and sequential).
//
//   npm run build && node bench/experiment-planning.mjs
//
// Each size: the first call (JIT warm-up included, what a user typing waits for) and the median
// of 5 more. Not part of the tests.
import { checkExperimentDesign } from '../dist/stats/index.js';
import { conversionReport } from '../dist/analyses/index.js';

function time(fn) {
  const first = performance.now();
  fn();
  const firstMs = performance.now() - first;
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { first: firstMs.toFixed(1), median: runs[2].toFixed(1) };
}

console.log('design check, 10 % against 15 %: trials per group → ms (first, median)');
for (const n of [20, 50, 100, 150, 199, 200, 1000]) {
  const t = time(() => checkExperimentDesign({ control: 0.1, variant: 0.15 }, n, n));
  console.log(`  ${n}: ${t.first}, ${t.median}`);
}
console.log('reading of counts, 24 % against 42 %: trials per group → ms (first, median)');
for (const n of [50, 200, 1000, 10000]) {
  const counts = (rate) => ({ successes: Math.round(n * rate), trials: n });
  const t = time(() => conversionReport([{ name: 'a', counts: counts(0.24) }, { name: 'b', counts: counts(0.42) }]));
  console.log(`  ${n}: ${t.first}, ${t.median}`);
}
