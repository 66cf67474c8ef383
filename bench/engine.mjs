// Simulation speed of Symbiose's engine against other engines, on identical models (Euler).
//
//   npm run build && node bench/engine.mjs [--quick] [--workload array|web] [--peers a,b]
//
// Two workloads (workloads.mjs) at 10², 10³ and 10⁴ variables and 10³ and 10⁴ steps. Each peer
// runs in its own child process, so peak memory is its own: it parses or builds the model once
// (setup), then runs the whole simulation again and again (at least MIN_REPS times and MIN_TOTAL
// seconds, at most BUDGET seconds). The first run is what a caller waits for (code generation
// and JIT warm-up included); the best run is the steady state. Figures are variable-steps per
// second: variables × steps / run time. A peer is skipped at a size its earlier sizes predict
// would take more than LIMIT seconds.
//
// Not part of the tests: nothing here runs under `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arrayWorkload, webWorkload } from './workloads.mjs';
import { numpySource, loopSource } from './peers/python.mjs';
import { cSource } from './peers/c.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
/** Runs of one peer at one size: the child keeps going while `more` says so. */
const MIN_REPS = 3;
const MIN_TOTAL = 3;
const BUDGET = 6;
const MAX_REPS = 2000;
const REPEAT = { minReps: MIN_REPS, minTotal: MIN_TOTAL, budget: BUDGET, maxReps: MAX_REPS };
const more = (n, total) => n < MAX_REPS && total < BUDGET && (n < MIN_REPS || total < MIN_TOTAL);
const LIMIT = 60;
const TIMEOUT = 240;
/** A peer that stores every series is skipped past this many bytes of results. */
const MAX_STORED = 1e9;
const PYTHON = '/usr/bin/python3';
const WORKLOADS = { array: arrayWorkload, web: webWorkload };

const PEERS = [
  { id: 'symbiose', label: 'Symbiose (generated code)', kind: 'node' },
  { id: 'closures', label: 'Symbiose (closures)', kind: 'node' },
  { id: 'sdeverywhere', label: 'SDEverywhere 0.7 (JS)', kind: 'node' },
  // Its runtime's default: every variable stored at every step (as Symbiose's `simulate` does
  // when no `save` list is given).
  { id: 'sde-all', label: 'SDEverywhere, every series', kind: 'node', storesAll: true },
  { id: 'simulation', label: 'simulation 9 (Insight Maker)', kind: 'node' },
  { id: 'numpy', label: 'numpy (vectorised)', kind: 'python', workloads: ['array'] },
  { id: 'python', label: 'Python loop', kind: 'python', workloads: ['web'] },
  { id: 'c', label: 'C (gcc -O2)', kind: 'c' },
];

// ---------------------------------------------------------------------------------------------
// Child: one peer, one workload, one size; prints one JSON line.

async function child(peer, kind, variables, steps) {
  const workload = WORKLOADS[kind](variables, steps);
  const t0 = performance.now();
  let run;
  if (peer === 'symbiose' || peer === 'closures') {
    const { prepare } = await import('./peers/symbiose.mjs');
    run = prepare(workload, peer === 'symbiose' ? 'generated' : 'closures');
  } else if (peer === 'sdeverywhere' || peer === 'sde-all') {
    const { prepare } = await import('./peers/sdeverywhere.mjs');
    run = await prepare(workload, peer === 'sde-all');
  } else if (peer === 'simulation') {
    const { prepare } = await import('./peers/insight-maker.mjs');
    run = prepare(workload);
  } else throw new Error(`unknown peer ${peer}`);
  const setup = (performance.now() - t0) / 1000;
  const runs = [];
  let check;
  let total = 0;
  while (more(runs.length, total)) {
    const start = performance.now();
    check = await run();
    runs.push((performance.now() - start) / 1000);
    total += runs.at(-1);
  }
  process.stdout.write(`${JSON.stringify({ setup, runs, check, rss: process.resourceUsage().maxRSS })}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent.

function parseArgs(argv) {
  const args = { quick: false, workloads: ['array', 'web'], peers: PEERS.map((p) => p.id) };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') args.quick = true;
    else if (argv[i] === '--workload') args.workloads = argv[++i].split(',');
    else if (argv[i] === '--peers') args.peers = argv[++i].split(',');
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** Warns when dist/ is missing or older than the engine's sources. */
function checkBuild() {
  const built = join(ROOT, 'dist', 'engine', 'index.js');
  if (!existsSync(built)) {
    console.error('dist/engine is missing: run `npm run build` first.');
    process.exit(1);
  }
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
      const path = join(dir, e.name);
      return Math.max(t, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  if (newest(join(ROOT, 'src', 'engine')) > statSync(built).mtimeMs) {
    console.warn('warning: src/engine is newer than dist/engine; run `npm run build` to measure the current code.\n');
  }
}

function probe() {
  const found = { python: undefined, numpy: undefined, gcc: undefined };
  if (!existsSync(PYTHON)) found.python = `${PYTHON} not found (install Debian's python3)`;
  else {
    const numpy = spawnSync(PYTHON, ['-c', 'import numpy'], { env: numpyEnv(), encoding: 'utf8' });
    if (numpy.status !== 0) found.numpy = `${PYTHON} has no numpy: install it with \`apt-get install -y python3-numpy\``;
  }
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  if (gcc.status !== 0) found.gcc = 'gcc not found (apt-get install -y gcc)';
  return found;
}

/** This process's environment without the OpenBLAS tuning variables, for the numpy child only. */
function numpyEnv() {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

function parseChild(result, what) {
  if (result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM') return { error: `timed out after ${TIMEOUT} s` };
  const line = (result.stdout ?? '').trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    const err = `${result.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ');
    return { error: `${what} failed: ${err || `exit ${result.status}`}` };
  }
}

function runPeer(peer, kind, variables, steps, scratch) {
  if (peer.kind === 'node') {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', peer.id, kind, String(variables), String(steps)], {
      encoding: 'utf8', timeout: TIMEOUT * 1000, maxBuffer: 1 << 24, cwd: ROOT,
    });
    return parseChild(r, peer.id);
  }
  const workload = WORKLOADS[kind](variables, steps);
  if (peer.kind === 'python') {
    const file = join(scratch, `${peer.id}-${kind}-${variables}-${steps}.py`);
    writeFileSync(file, peer.id === 'numpy' ? numpySource(workload, REPEAT) : loopSource(workload, REPEAT));
    const r = spawnSync(PYTHON, [file], {
      encoding: 'utf8', timeout: TIMEOUT * 1000, env: peer.id === 'numpy' ? numpyEnv() : process.env,
    });
    return parseChild(r, peer.id);
  }
  const source = join(scratch, `${kind}-${variables}-${steps}.c`);
  const program = source.replace(/\.c$/, '');
  writeFileSync(source, cSource(workload, REPEAT));
  const t0 = performance.now();
  const cc = spawnSync('gcc', ['-O2', '-o', program, source, '-lm'], { encoding: 'utf8', timeout: TIMEOUT * 1000 });
  const setup = (performance.now() - t0) / 1000;
  if (cc.status !== 0) return { error: `gcc failed: ${(cc.stderr ?? '').split('\n')[0]}` };
  const result = parseChild(spawnSync(program, [], { encoding: 'utf8', timeout: TIMEOUT * 1000 }), 'C');
  return result.error ? result : { ...result, setup };
}

const rate = (variables, steps, seconds) => (variables * steps) / seconds;
const mega = (x) => (x === undefined ? '—' : x >= 100e6 ? (x / 1e6).toFixed(0) : x >= 1e6 ? (x / 1e6).toFixed(1) : (x / 1e6).toFixed(3));
const ratio = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b) >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2)}×`);
const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

function printTable(title, rows) {
  console.log(`\n${title}`);
  const head = ['peer', 'setup s', 'first s', 'M v·s/s first', 'M v·s/s best', 'peak RSS', 'Symbiose÷peer best', 'first', 'check'];
  const widths = [29, 8, 8, 14, 13, 9, 19, 8, 0];
  console.log(head.map((h, i) => pad(h, widths[i], i > 0 && i < 8)).join('  '));
  const own = rows.find((r) => r.peer.id === 'symbiose')?.result;
  for (const { peer, result, skipped } of rows) {
    if (skipped) {
      console.log(`${pad(peer.label, widths[0])}  skipped: ${skipped}`);
      continue;
    }
    const same = own?.check !== undefined && result.check !== undefined
      ? Math.abs(result.check - own.check) <= 1e-9 * Math.max(1, Math.abs(own.check)) ? 'same' : `${result.check}`
      : '';
    const cells = [
      peer.label,
      result.setup.toFixed(3),
      result.runs[0].toFixed(3),
      mega(result.first),
      mega(result.best),
      `${(result.rss / 1024).toFixed(0)} MB`,
      peer.id === 'symbiose' ? '' : ratio(own?.best, result.best),
      peer.id === 'symbiose' ? '' : ratio(own?.first, result.first),
      peer.id === 'symbiose' ? `${result.check}` : same,
    ];
    console.log(cells.map((c, i) => pad(c, widths[i], i > 0 && i < 8)).join('  '));
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  checkBuild();
  const found = probe();
  const scratch = mkdtempSync(join(tmpdir(), 'symbiose-bench-'));
  const sizes = args.quick ? [100, 1000] : [100, 1000, 10000];
  const stepCounts = [1000, 10000];
  const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; nproc"], { encoding: 'utf8' }).trim().split('\n');
  console.log(`Symbiose engine benchmark: Node ${process.version},${cpu[0]}, ${cpu[1]} CPU(s)`);
  console.log(`Each peer in its own process, runs repeated (at least ${MIN_REPS} and ${MIN_TOTAL} s, at most ${BUDGET} s); skipped when predicted above ${LIMIT} s.`);
  console.log('M v·s/s: millions of variable-steps per second. check: the first stock at the end (same = equal to Symbiose within 1e-9).');
  const all = [];
  try {
    for (const kind of args.workloads) {
      const seen = new Map();
      for (const variables of sizes) {
        for (const steps of stepCounts) {
          const workload = WORKLOADS[kind](variables, steps);
          const rows = [];
          for (const peer of PEERS) {
            if (!args.peers.includes(peer.id) || (peer.workloads && !peer.workloads.includes(kind))) continue;
            const missing = peer.kind === 'python' ? found.python ?? (peer.id === 'numpy' ? found.numpy : undefined) : peer.kind === 'c' ? found.gcc : undefined;
            if (missing) {
              rows.push({ peer, skipped: missing });
              continue;
            }
            const stored = workload.variables * (steps + 1) * 8;
            if (peer.storesAll && stored > MAX_STORED) {
              rows.push({ peer, skipped: `would store ${workload.variables}×${steps + 1} values (${(stored / 1e6).toFixed(0)} MB)` });
              continue;
            }
            const last = seen.get(peer.id);
            if (last) {
              // Linear in the work, with a margin when the model grows (some peers slow down with size).
              const scale = workload.variables / last.variables;
              const predicted = (last.setup * scale + (last.runs[0] * workload.variables * steps) / (last.variables * last.steps)) * Math.sqrt(scale);
              if (predicted > LIMIT) {
                rows.push({ peer, skipped: `would take about ${predicted.toFixed(0)} s (over ${LIMIT} s)` });
                continue;
              }
            }
            process.stderr.write(`  ${kind} ${workload.variables}×${steps}: ${peer.id}…\n`);
            const result = runPeer(peer, kind, workload.variables, steps, scratch);
            if (result.error) {
              rows.push({ peer, skipped: result.error });
              continue;
            }
            result.first = rate(workload.variables, steps, result.runs[0]);
            result.best = rate(workload.variables, steps, Math.min(...result.runs));
            seen.set(peer.id, { ...result, variables: workload.variables, steps });
            rows.push({ peer, result });
          }
          printTable(`${kind} workload: ${workload.variables} variables × ${steps} steps (Euler, dt ${workload.dt})`, rows);
          all.push({ kind, variables: workload.variables, steps, rows });
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  summarise(all);
}

/** Each target, per workload and size, on the best runs and on the first runs. */
function summarise(all) {
  const targets = [
    { peer: 'sdeverywhere', text: '≥ 10× SDEverywhere (one series stored by both)', ok: (r) => r >= 10 },
    { peer: 'sde-all', text: '≥ 10× SDEverywhere storing every series (its default)', ok: (r) => r >= 10 },
    { peer: 'simulation', text: '≥ 100× simulation', ok: (r) => r >= 100 },
    { peer: 'numpy', text: '≥ numpy on the array workload up to 10³ variables', ok: (r) => r >= 1, where: (t) => t.kind === 'array' && t.variables <= 1000 },
    { peer: 'c', text: 'within 3× of C', ok: (r) => r >= 1 / 3 },
  ];
  console.log('\nTargets (Symbiose ÷ peer; best run, then first run)');
  for (const target of targets) {
    for (const which of ['best', 'first']) {
      const checked = [];
      for (const t of all) {
        if (target.where && !target.where(t)) continue;
        const own = t.rows.find((r) => r.peer.id === 'symbiose')?.result;
        const other = t.rows.find((r) => r.peer.id === target.peer)?.result;
        if (!own || !other) continue;
        checked.push({ at: `${t.kind} ${t.variables}×${t.steps}`, r: own[which] / other[which] });
      }
      if (checked.length === 0) {
        console.log(`  ${target.text} (${which}): not measured`);
        continue;
      }
      const missed = checked.filter((c) => !target.ok(c.r));
      const low = checked.reduce((a, b) => (b.r < a.r ? b : a));
      const verdict = missed.length === 0 ? 'met' : `NOT met at ${missed.map((m) => `${m.at} (${m.r.toFixed(2)}×)`).join(', ')}`;
      console.log(`  ${target.text} (${which}): ${verdict}; lowest ${low.r.toFixed(2)}× at ${low.at}, over ${checked.length} sizes`);
    }
  }
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
} else {
  await main();
}
