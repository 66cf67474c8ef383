/**
 * The speed of a risk run (issue 17, item 8), in one run beside a hand-written numpy version of the
 * same models (bench/risk.py, vectorised over draws; Debian's /usr/bin/python3 with python3-numpy)
 * and beside the naive path that loads the model text for every draw:
 *
 *   - the N-sided platform template, two sides, 60 months (symbiose template platform --sides 2);
 *   - library/amazon-cash-burn.yaml (17 years, its dynamics in quarter-year steps).
 *
 * symbiose runs `risk --ranges` as the CLI does (riskInWorkers: chunks of 1,024 draws on worker
 * threads, each quantified in blocks of 256 draws (core's blockEvaluator), merged in chunk order, every summary kept: percentiles, break-even, deepest position,
 * fan charts), plain Monte Carlo, on one worker and on two; numpy draws the same PERTs and runs the
 * same equations over all draws at once, computing the NPV only. The naive path is timed on
 * --naive draws (each: the text read and prepared again, then evaluated) and scaled up (said so).
 *
 *   npm run build && node bench/risk.mjs                 # 10⁵ draws each: about a minute
 *   node bench/risk.mjs --runs 20000 --naive 100
 *
 * Not a test: it prints times and ratios; nothing asserts one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', '100000'));
const NAIVE = Number(option('naive', '200'));
const PYTHON = option('python', '/usr/bin/python3');
const SEED = 1;

const { loadEcosystem } = await import(join(DIST, 'engine/index.js'));
const { evaluate } = await import(join(DIST, 'core/index.js'));
const { planRisk, drawInputs } = await import(join(DIST, 'analyses/index.js'));
const { riskInWorkers } = await import(join(DIST, 'runtime/index.js'));
const { platformTemplate } = await import(join(DIST, 'templates/index.js'));

const dir = mkdtempSync(join(tmpdir(), 'symbiose-bench-risk-'));
const platformDoc = platformTemplate({ sides: ['buyers', 'sellers'], horizon: 60 });
const models = [
  { name: 'platform, 2 sides, 60 months', kind: 'platform', file: join(dir, 'platform.json'), text: JSON.stringify(platformDoc, null, 1), actor: 'platform' },
  { name: 'amazon-cash-burn, 17 years', kind: 'amazon', file: join(ROOT, 'library/amazon-cash-burn.yaml'), actor: 'amazon' },
];
writeFileSync(models[0].file, models[0].text);
models[1].text = readFileSync(models[1].file, 'utf8');

const seconds = (ms) => (ms / 1000).toFixed(2);

async function symbioseRun(model, threads) {
  const { ecosystem } = loadEcosystem(model.text, model.file);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await riskInWorkers(ecosystem, model.text, model.file, { runs: RUNS, seed: SEED, sampling: 'mc' }, { threads });
  const used = process.cpuUsage(cpu);
  // CPU time of this process and its worker threads: what the run costs whatever else the machine runs.
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result };
}

/** Each draw as a script would do it without a prepared model: the text loaded, then evaluated. */
function naiveRun(model) {
  const { ecosystem } = loadEcosystem(model.text, model.file);
  const plan = planRisk(ecosystem, { runs: NAIVE, seed: SEED, sampling: 'mc' });
  const values = drawInputs(plan, 0);
  const sampled = plan.assumptions.sampled;
  const started = performance.now();
  for (let i = 0; i < NAIVE; i++) {
    const loaded = loadEcosystem(model.text, model.file);
    const overrides = new Map(sampled.map((a, j) => [a.parameter, values[i * sampled.length + j]]));
    evaluate(loaded.prepared, overrides);
  }
  return ((performance.now() - started) / NAIVE) * RUNS;
}

function numpyRun(model) {
  const docFile = join(dir, `${model.kind}-doc.json`);
  const doc = model.kind === 'platform' ? platformDoc : loadEcosystem(model.text, model.file).ecosystem.doc;
  writeFileSync(docFile, JSON.stringify(doc));
  const out = spawnSync(PYTHON, [join(HERE, 'risk.py'), docFile, model.kind, String(RUNS), String(SEED)], { encoding: 'utf8' });
  if (out.status !== 0) return { error: out.stderr.trim().split('\n').pop() };
  return JSON.parse(out.stdout);
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
console.log(`risk --ranges, ${RUNS.toLocaleString('en')} draws (plain Monte Carlo, seed ${SEED}), ${availableParallelism()} cores, load ${load()} (1, 5, 15 min); naive path timed on ${NAIVE} draws and scaled\n`);
const rows = [];
for (const model of models) {
  const one = await symbioseRun(model, 1);
  const two = await symbioseRun(model, 2);
  const same = JSON.stringify(one.result) === JSON.stringify(two.result);
  const numpy = numpyRun(model);
  const naiveMs = naiveRun(model);
  const actor = two.result.actors.find((a) => a.actor === model.actor);
  rows.push({ model, one, two, same, numpy, naiveMs, actor });
  console.log(`${model.name}`);
  console.log(`  symbiose, 1 worker   ${seconds(one.ms).padStart(8)} s   (CPU ${seconds(one.cpuMs)} s)`);
  console.log(`  symbiose, 2 workers  ${seconds(two.ms).padStart(8)} s   (CPU ${seconds(two.cpuMs)} s; same bits as 1 worker: ${same ? 'yes' : 'NO'})`);
  if (numpy.error) console.log(`  numpy                failed: ${numpy.error}`);
  else console.log(`  numpy ${numpy.numpy.padEnd(14)} ${numpy.seconds.toFixed(2).padStart(8)} s   (CPU ${numpy.cpu.toFixed(2)} s)`);
  console.log(`  naive (text per draw)${seconds(naiveMs).padStart(8)} s   (scaled from ${NAIVE} draws)`);
  const ratio = (x) => (x / two.ms).toFixed(x / two.ms >= 10 ? 0 : 2);
  if (!numpy.error) console.log(`  ratios (wall time, 2 workers): numpy/symbiose ${ratio(numpy.seconds * 1000)}×, naive/symbiose ${ratio(naiveMs)}×; CPU time per draw: symbiose ${(one.cpuMs * 1000 / RUNS).toFixed(0)} µs, numpy ${(numpy.cpu * 1e6 / RUNS).toFixed(0)} µs`);
  const p = actor.lossProbability;
  console.log(`  P(NPV < 0) of ${model.actor}: symbiose ${(100 * p.value).toFixed(2)} % ± ${(100 * p.standardError).toFixed(2)}${numpy.error ? '' : `, numpy ${(100 * numpy.lossProbability).toFixed(2)} %`}; mean NPV ${actor.npv.mean.value.toPrecision(4)} ± ${actor.npv.mean.standardError.toPrecision(2)}${numpy.error ? '' : `, numpy ${numpy.meanNpv.toPrecision(4)}`}`);
  console.log(`  peak resident memory so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load ${load()}\n`);
}
