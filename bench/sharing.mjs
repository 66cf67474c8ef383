/**
 * The sharing game's speed (issue 16, item 7), in one run beside a straightforward Python
 * implementation (bench/sharing.py: itertools over the coalitions, Debian's /usr/bin/python3):
 *
 *   - exact Shapley values for generated ecosystems of 10, 15, 20 and 25 actors: the model
 *     loaded, its game built from the scenario paths (one term per set of actors a path needs),
 *     then every coalition enumerated (stats/games/enumerate.ts: v(S) for all 2^n coalitions by
 *     subset sums over the terms, in chunks of 2^20, never a quantification per coalition), in
 *     this thread and, at 25, on worker threads; the closed form over the terms beside it;
 *   - the sampling estimator's error against its time (orders doubling), with the bound it prints.
 *
 *   npm run build && node bench/sharing.mjs            # about a minute (Python at 20 actors: ~30 s)
 *   node bench/sharing.mjs --sizes 10,15 --python-full 15
 *
 * Python visits every coalition up to --python-full actors (default 20); above, a 1/32 share of
 * them, its time scaled up (said so). Not a test: it prints times and ratios; nothing asserts one.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, '..', 'dist');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option('sizes', '10,15,20,25').split(',').map(Number);
const PYTHON_FULL = Number(option('python-full', '20'));
const PYTHON = option('python', '/usr/bin/python3');

const { loadEcosystem } = await import(join(DIST, 'engine/link/index.js'));
const { ecosystemGame } = await import(join(DIST, 'analyses/index.js'));
const stats = await import(join(DIST, 'stats/index.js'));
const { enumerateInWorkers } = await import(join(DIST, 'runtime/index.js'));

/**
 * An ecosystem of n actors: a platform, suppliers (a quarter of the rest) and customer segments.
 * Each customer buys from its supplier directly or, in a share of its purchases, through the
 * platform (which bears a cost per order); every actor has a fixed cost.
 */
function generated(n) {
  const suppliers = Math.max(1, Math.floor((n - 1) / 4));
  const customers = n - 1 - suppliers;
  const s = (i) => `s${i}`;
  const c = (i) => `c${i}`;
  const lines = ['symbiose: 3', `name: Generated ${n}`, 'currency: EUR', 'period: month', 'horizon: 12', 'actors:'];
  lines.push('  platform: { kind: platform, costs: [{ name: team, fixed: 900 }, { name: orders, variable: 0.4, per: order-c0 }] }');
  for (let i = 0; i < suppliers; i++) lines.push(`  ${s(i)}: { kind: organisation, costs: [{ name: workshop, fixed: ${100 + 37 * i} }] }`);
  for (let i = 0; i < customers; i++) lines.push(`  ${c(i)}: { kind: segment, size: ${50 + 13 * i} }`);
  lines.push('valueObjects:', '  money: { nature: money }', '  listing: { nature: service, valuation: 0.3 }');
  for (let i = 0; i < customers; i++) lines.push(`  good-${i}: { nature: product, valuation: { ${c(i)}: ${4 + (i % 5)} } }`);
  lines.push('transactions:');
  for (let i = 0; i < customers; i++) {
    const supplier = s(i % suppliers);
    lines.push(`  buy-c${i}:`, '    transfers:', `      - { from: ${supplier}, to: ${c(i)}, object: good-${i} }`, `      - { from: ${c(i)}, to: ${supplier}, object: money, amount: 3 }`);
    lines.push(`  order-c${i}:`, '    transfers:', `      - { from: platform, to: ${supplier}, object: listing }`, `      - { from: ${supplier}, to: platform, object: money, amount: 0.5 }`);
  }
  lines.push('scenarios:');
  for (let i = 0; i < customers; i++) {
    lines.push(`  month-c${i}:`, `    start: { actor: ${c(i)}, count: 2 }`, '    steps:', `      - buy-c${i}`, '      - or:');
    lines.push(`          - { fraction: ${(0.2 + 0.05 * (i % 7)).toFixed(2)}, steps: [order-c${i}] }`, `          - { fraction: ${(0.8 - 0.05 * (i % 7)).toFixed(2)}, steps: [] }`);
  }
  return lines.join('\n') + '\n';
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const timed = (f) => {
  const wall = performance.now();
  const c0 = cpu();
  const value = f();
  return { value, wall: (performance.now() - wall) / 1000, cpu: cpu() - c0 };
};
const s = (x) => (x < 0.01 ? `${(x * 1000).toFixed(2)} ms` : `${x.toFixed(3)} s`);
const maxDiff = (a, b) => Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));

function python(game, fraction) {
  const terms = Array.from(game.worth, (w, k) => [Array.from(game.members.subarray(game.start[k], game.start[k + 1])).reduce((m, i) => m + 2 ** i, 0), w]);
  const run = spawnSync(PYTHON, [join(HERE, 'sharing.py')], { input: JSON.stringify({ players: game.players, terms, fraction }), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

console.log(`Sharing game, exact Shapley: Node ${process.version}, ${PYTHON} (CPU seconds; wall in brackets where they differ)`);
console.log('actors  terms  build game  enumerate (this thread)  workers (2)  closed form  Python               Python ÷ enumerate');
let game20;
for (const n of SIZES) {
  const text = generated(n);
  const loaded = timed(() => loadEcosystem(text, `generated-${n}.yaml`));
  if (!loaded.value.ecosystem) throw new Error(`generated model of ${n} actors does not load`);
  const built = timed(() => ecosystemGame(loaded.value.ecosystem));
  const game = built.value.game;
  if (n === 20) game20 = game;
  const enumerated = timed(() => stats.enumerate(stats.unanimityValues(game)));
  const closed = timed(() => stats.shapleyOfTerms(game));
  const diff = maxDiff(enumerated.value.shapley, closed.value);
  let workers = '—';
  if (n > 20) {
    const wall = performance.now();
    await enumerateInWorkers(game, new Float64Array(n), { threads: 2 });
    workers = `${s((performance.now() - wall) / 1000)} wall`;
  }
  const fraction = n <= PYTHON_FULL ? 1 : 1 / 32;
  const py = python(game, fraction);
  const pyDiff = py.shapley ? maxDiff(py.shapley, closed.value) : undefined;
  const pyText = `${s(py.seconds)}${fraction < 1 ? ' (1/32, scaled)' : ''}`;
  console.log(
    [
      String(n).padStart(6),
      String(game.worth.length).padStart(5),
      s(built.cpu).padStart(10),
      `${s(enumerated.cpu)} [${s(enumerated.wall)}]`.padStart(23),
      workers.padStart(11),
      s(closed.cpu).padStart(11),
      pyText.padEnd(20),
      `${(py.seconds / enumerated.cpu).toFixed(0)}×`.padStart(8),
    ].join('  '),
  );
  console.log(`        (load ${s(loaded.cpu)}; enumeration vs closed form: max difference ${diff.toExponential(1)}${pyDiff !== undefined ? `; Python vs closed form ${pyDiff.toExponential(1)}` : ''})`);
}

if (game20) {
  const exact = stats.shapleyOfTerms(game20);
  const scale = Math.max(...exact.map(Math.abs));
  const coalitions = stats.unanimityCoalitions(game20);
  const ranges = stats.marginalRanges(game20);
  console.log('\nSampling the 20-actor game (seed 1): largest error against the exact values, and the bound printed (95 % for all at once)');
  console.log('orders   CPU        largest error  (of the largest value)  variance bound  Hoeffding bound');
  let sums = { orders: 0, sum: new Float64Array(20), squares: new Float64Array(20) };
  let chunk = 0;
  let spent = 0;
  for (let target = 128; target <= 65536; target *= 2) {
    const t = timed(() => {
      while (sums.orders < target) sums = stats.mergeSamples(20, [sums, stats.sampleOrders(coalitions, 128, stats.xoshiro128(1, chunk++))]);
    });
    spent += t.cpu;
    const estimate = sums.sum.map((x) => x / sums.orders);
    const error = maxDiff(estimate, exact);
    const variance = Math.max(...stats.errorBounds(sums, { bound: 'variance' }));
    const hoeffding = Math.max(...stats.errorBounds(sums, { bound: 'hoeffding', ranges }));
    console.log(`${String(sums.orders).padStart(6)}  ${s(spent).padStart(9)}  ${error.toFixed(2).padStart(13)}  ${((100 * error) / scale).toFixed(3).padStart(8)} %              ${variance.toFixed(2).padStart(14)}  ${hoeffding.toFixed(2).padStart(15)}`);
  }
}
