/**
 * Scaling: time and peak memory of validate, profit, summary and canvas against the number of
 * records. Each model is made here: one platform and N − 1 customers, each customer with one
 * transaction (a service against money) and one scenario (its own need), over 12 periods; N is
 * 10², 10³, 10⁴ and 10⁵ actors. Every command runs through the built CLI (node bin/symbiose.js,
 * its output thrown away), each in a child process of its own, so that its peak memory
 * (maxRSS, read in the child by process.resourceUsage as it exits) is its own.
 *
 *   npm run build && npm run bench:scaling                  # 10² to 10⁵ actors: long while reading
 *                                                           # a 10⁵-actor text takes minutes
 *   node bench/scaling.mjs --sizes 100,1000 --commands summary
 *   node bench/scaling.mjs --phases                         # the core functions, step by step
 *
 * With --phases it runs the core functions instead, in one child process per size: loading the
 * text (loadEcosystem: parse, check, prepare, evaluate), evaluating again from the prepared
 * model, then each analysis the commands call (CPU seconds of each step, and the child's peak
 * memory), so that the analyses' own growth shows apart from the loading. With --skip-text as
 * well, the text is read as plain data (the yaml package, its duplicate-key check off) and the
 * loader's checks of the text are left out: prepare (references, expressions, quantities) and
 * evaluate are then timed from that document.
 *
 * It prints wall-clock seconds and peak memory per command and size, and the growth exponent
 * between successive sizes: log(t₂ / t₁) / log(N₂ / N₁), 1 for linear time. Not a test: nothing
 * asserts a timing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const ROOT = join(HERE, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option('sizes', '100,1000,10000,100000').split(',').map(Number);
const COMMANDS = option('commands', 'validate,profit,summary,canvas').split(',');
/** A run past this many seconds is stopped and reported as such. */
const TIMEOUT_S = Number(option('timeout', '300'));
/** The child's heap limit, so that a run that eats memory stops rather than swapping. */
const HEAP_MB = Number(option('heap', '3072'));

if (statSync(join(ROOT, 'src/cli/main.ts')).mtimeMs > (statSync(join(ROOT, 'dist/cli/main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0)) {
  console.warn('warning: src/ is newer than dist/: run npm run build first');
}

/** The model of `n` actors, as YAML in flow style (short lines, no padding inside braces, so 10⁵ actors stay under the 20 MiB file limit: 20.2 MB). */
function model(n) {
  const lines = [
    'symbiose: 1',
    `name: Scaling, ${n} actors`,
    'currency: EUR',
    'period: month',
    'horizon: 12',
    'parameters:',
    '  price: { value: 10, assumption: benchmark }',
    '  worth: { value: 15, assumption: benchmark }',
    '  demand: { value: 2, assumption: benchmark }',
    '  running: { value: 1000, assumption: benchmark }',
    'actors:',
    '  p: { kind: platform, costs: [{ name: Running, fixed: running }] }',
  ];
  for (let i = 1; i < n; i++) lines.push(`  c${i}: {kind: individual}`);
  lines.push('valueObjects:', '  m: { nature: money }', '  s: { nature: service, valuation: worth }', 'transactions:');
  for (let i = 1; i < n; i++) lines.push(`  t${i}: {transfers: [{from: p, to: c${i}, object: s}, {from: c${i}, to: p, object: m, amount: price}]}`);
  lines.push('scenarios:');
  for (let i = 1; i < n; i++) lines.push(`  s${i}: {start: {actor: c${i}, count: demand}, steps: [t${i}]}`);
  return `${lines.join('\n')}\n`;
}

const ARGS = {
  validate: (file) => ['validate', file],
  profit: (file) => ['profit', '-m', file],
  summary: (file) => ['summary', '-m', file],
  canvas: (file) => ['canvas', '-m', file, 'p'],
};

// Loaded into the child before the CLI: writes its resource usage to a file as it exits.
const PROBE = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', (code) => { const u = process.resourceUsage(); writeFileSync(process.env.SCALING_USAGE, JSON.stringify({ code, maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); });",
)}`;

function run(command, file, dir) {
  const usageFile = join(dir, 'usage.json');
  rmSync(usageFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', PROBE, join(ROOT, 'bin/symbiose.js'), ...ARGS[command](file)], {
    env: { ...process.env, SCALING_USAGE: usageFile, SYMBIOSE_LANG: 'en' },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: TIMEOUT_S * 1000,
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (child.error?.code === 'ETIMEDOUT' || child.signal) return { seconds, failed: child.signal ? `stopped (${child.signal})` : 'timed out' };
  let usage;
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  } catch {
    return { seconds, failed: `exit ${child.status}: ${String(child.stderr).trim().split('\n').slice(-1)[0]}` };
  }
  // validate exits 0 (or 4 with warnings under --strict); the analyses 0.
  if (child.status !== 0) return { seconds, failed: `exit ${child.status}: ${String(child.stderr).trim().split('\n').slice(-1)[0]}` };
  return { seconds, cpu: usage.cpu, mb: usage.maxRSS / 1024 };
}

/** In a child: the core functions step by step on one model file; prints CPU seconds of each. */
async function phases(file, skipText) {
  const core = await import(join(ROOT, 'dist/core/index.js'));
  const engine = await import(join(ROOT, 'dist/engine/index.js'));
  const analyses = await import(join(ROOT, 'dist/analyses/index.js'));
  const text = readFileSync(file, 'utf8');
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const out = {};
  const step = (name, work) => {
    const start = cpu();
    const result = work();
    out[name] = cpu() - start;
    return result;
  };
  let doc;
  if (skipText) {
    const { parse } = await import('yaml');
    doc = step('load', () => parse(text, { uniqueKeys: false }));
  } else {
    const { ecosystem } = step('load', () => engine.loadEcosystem(text, file));
    if (!ecosystem) throw new Error('the model does not load');
    doc = ecosystem.doc;
  }
  const prepared = step('prepare', () => core.prepare(doc, { dynamics: engine.prepareDynamics }));
  const { ecosystem, issues } = step('evaluate', () => core.evaluate(prepared));
  if (!ecosystem) throw new Error(`the model does not evaluate: ${issues.map((i) => i.code).join(', ')}`);
  step('profit', () => analyses.profitabilityOfAll(ecosystem));
  step('summary', () => analyses.valueSharing(ecosystem));
  step('canvas', () => analyses.canvas(ecosystem, 'p'));
  step('payers', () => analyses.whoPays(ecosystem));
  out.mb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify(out));
}

if (args[0] === '--child-phases') {
  await phases(args[1], args[2] === '--skip-text');
  process.exit(0);
}

/** The core functions' steps on one model, in a child process. */
function runPhases(file) {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, SELF, '--child-phases', file, ...(args.includes('--skip-text') ? ['--skip-text'] : [])], { encoding: 'utf8', timeout: TIMEOUT_S * 1000, maxBuffer: 64 << 20 });
  if (child.status !== 0) return { failed: child.signal ? `stopped (${child.signal})` : `exit ${child.status}: ${child.stderr.trim().split('\n').slice(-1)[0]}` };
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const PHASES = ['load', 'prepare', 'evaluate', 'profit', 'summary', 'canvas', 'payers'];

if (args.includes('--phases')) {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-scaling-'));
  const rows = [];
  try {
    for (const n of SIZES) {
      const file = join(dir, `scaling-${n}.yaml`);
      writeFileSync(file, model(n));
      const row = { n, ...runPhases(file) };
      rows.push(row);
      console.error(`${n} actors: ${row.failed ?? PHASES.map((p) => `${p} ${row[p].toFixed(3)} s`).join(', ')}`);
      if (row.failed) break;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pad = (x, n) => String(x).padStart(n);
  console.log(`${'actors'.padStart(8)}${PHASES.map((p) => pad(p, 10)).join('')}${pad('peak MB', 9)}`);
  rows.forEach((r, i) => {
    if (r.failed) return console.log(`${pad(r.n, 8)}  ${r.failed}`);
    console.log(`${pad(r.n, 8)}${PHASES.map((p) => pad(r[p].toFixed(3), 10)).join('')}${pad(r.mb.toFixed(0), 9)}`);
    const before = rows[i - 1];
    if (before && !before.failed) {
      const exponent = (p) => Math.log(r[p] / before[p]) / Math.log(r.n / before.n);
      console.log(`${'exponent'.padStart(8)}${PHASES.map((p) => pad(exponent(p).toFixed(2), 10)).join('')}`);
    }
  });
  const load = args.includes('--skip-text') ? 'load = the text read as plain data, no checks' : 'load = loadEcosystem (text to ecosystem)';
  console.log(`\nCore functions in one child process per size, CPU seconds of each step (${load}), Node ${process.version}`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'symbiose-scaling-'));
const results = new Map(COMMANDS.map((c) => [c, []]));
const stopped = new Set();
try {
  for (const n of SIZES) {
    const file = join(dir, `scaling-${n}.yaml`);
    writeFileSync(file, model(n));
    const bytes = statSync(file).size;
    for (const command of COMMANDS) {
      if (stopped.has(command)) continue;
      const result = run(command, file, dir);
      results.get(command).push({ n, bytes, ...result });
      const shown = result.failed ?? `${result.seconds.toFixed(2)} s (CPU ${result.cpu.toFixed(2)} s), ${result.mb.toFixed(0)} MB`;
      console.error(`${command} ${n} actors (${(bytes / 1e6).toFixed(1)} MB of YAML): ${shown}`);
      // A command that fails or stops at one size is not run at the next.
      if (result.failed) stopped.add(command);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padStart(n);
console.log(`${'command'.padEnd(10)}${pad('actors', 9)}${pad('seconds', 10)}${pad('CPU s', 9)}${pad('peak MB', 9)}${pad('exponent', 10)}${pad('CPU exp', 9)}`);
for (const [command, rows] of results) {
  rows.forEach((r, i) => {
    const before = rows[i - 1];
    const growth = (key) => (before && !before.failed && !r.failed ? (Math.log(r[key] / before[key]) / Math.log(r.n / before.n)).toFixed(2) : '');
    const figures = r.failed ? r.failed.padStart(28) : `${pad(r.seconds.toFixed(2), 10)}${pad(r.cpu.toFixed(2), 9)}${pad(r.mb.toFixed(0), 9)}`;
    console.log(`${command.padEnd(10)}${pad(r.n, 9)}${figures}${pad(growth('seconds'), 10)}${pad(growth('cpu'), 9)}`);
  });
}
// On a machine shared with other work, wall-clock time includes the waits for a core: CPU time does not.
console.log(`\nThrough the CLI (node bin/symbiose.js): wall-clock seconds of the whole process and its CPU seconds (user + system), Node ${process.version}`);
