#!/usr/bin/env node
/**
 * The fuzzing harness (docs/fuzzing.md). Mutates the library models and the system-dynamics
 * suite's XMILE files, makes inputs from nothing, and runs them through the model loader, the
 * XMILE reader, the XMILE equation parser, the expression parser and the command line, each case
 * bounded in time and memory. Exit 0: no failure; 1: failures (listed, their inputs saved); 2: usage.
 *
 *   npm run build && npm run fuzz -- --seed 7 --minutes 10
 *   node scripts/fuzz.mjs --seed 20261201 --cases 300 --json     (what npm test runs)
 *
 * Options: --seed N (default: from the clock, printed), --minutes M and/or --cases N (default 1
 * minute), --targets loader,xmile,equation,expression,cli, --jobs N (2), --timeout MS (a worker
 * case, 10000), --cli-timeout MS (20000), --memory MB (512), --save DIR (failing inputs; default
 * a folder in the temporary directory), --no-minimise, --json (the report on stdout),
 * --self-test (sabotaged targets, each of which must be reported).
 */
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzz, workerRunner } from './fuzz/run.mjs';
import { runCli } from './fuzz/cli-case.mjs';
import { TARGETS } from './fuzz/cases.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function parseArguments(argv) {
  const options = { minimise: true };
  const number = (name, text) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) usage(`${name} expects a number, not ${JSON.stringify(text)}`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? usage(`${arg} expects a value`);
    if (arg === '--seed') options.seed = number(arg, value()) >>> 0;
    else if (arg === '--minutes') options.minutes = number(arg, value());
    else if (arg === '--cases') options.cases = number(arg, value());
    else if (arg === '--jobs') options.jobs = Math.max(1, number(arg, value()));
    else if (arg === '--timeout') options.timeout = number(arg, value());
    else if (arg === '--cli-timeout') options.cliTimeout = number(arg, value());
    else if (arg === '--memory') options.memory = number(arg, value());
    else if (arg === '--save') options.save = value();
    else if (arg === '--targets') options.targets = value().split(',');
    else if (arg === '--no-minimise') options.minimise = false;
    else if (arg === '--json') options.json = true;
    else if (arg === '--self-test') options.selfTest = true;
    else usage(`unknown option ${arg}`);
  }
  for (const target of options.targets ?? []) if (!TARGETS.includes(target)) usage(`unknown target ${target}; the targets are ${TARGETS.join(', ')}`);
  return options;
}

function usage(message) {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(2);
}

/** The harness's own check: every kind of failure it claims to catch, caught. */
async function selfTest() {
  // Bounds far from what a clean case takes even on a busy machine; the hangs get a short one.
  const runner = workerRunner(join(ROOT, 'dist'), { timeout: 3_000, memory: 64 });
  const cwd = tmpdir();
  const bound = { cwd, timeout: 15_000, memory: 200 };
  try {
    return {
      exception: (await runner.run('self-throw', {}))?.kind,
      hang: (await runner.run('self-hang', {}))?.kind,
      memory: (await runner.run('self-memory', {}))?.kind,
      clean: (await runner.run('equation', { text: '1 + 2' }))?.kind ?? 'none',
      exit3: (await runCli(['-e', 'process.exit(3)'], bound))?.kind,
      stackTrace: (await runCli(['-e', 'console.error(new Error("x").stack)'], bound))?.kind,
      cliHang: (await runCli(['-e', 'setInterval(() => {}, 1000)'], { ...bound, timeout: 2_000 }))?.kind,
      cliMemory: (await runCli(['-e', 'const k = []; for (;;) k.push(Buffer.alloc(1e6, 1))'], bound))?.kind,
      cliClean: (await runCli(['-e', 'process.exit(1)'], bound))?.kind ?? 'none',
    };
  } finally {
    await runner.close();
  }
}

const options = parseArguments(process.argv.slice(2));
if (options.selfTest) {
  process.stdout.write(`${JSON.stringify(await selfTest())}\n`);
  process.exit(0);
}
const seed = options.seed ?? Date.now() % 2 ** 31;
if (options.minutes === undefined && options.cases === undefined) options.minutes = 1;
const save = options.save ?? join(tmpdir(), `symbiose-fuzz-${seed}`);
const log = (line) => process.stderr.write(`fuzz: ${line}\n`);
log(`seed ${seed}${options.minutes !== undefined ? `, ${options.minutes} min` : ''}${options.cases !== undefined ? `, ${options.cases} cases` : ''}`);
const report = await fuzz({ ...options, root: ROOT, seed, targets: options.targets ?? TARGETS, save, log });
if (options.json) process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
const targets = Object.entries(report.byTarget).map(([t, n]) => `${t} ${n}`).join(', ');
log(`${report.cases} cases in ${report.minutes} min (${targets}): ${report.failures.length} failures, ${report.unique} distinct${report.failures.length > 0 ? `; inputs in ${save}` : ''}`);
for (const failure of report.failures.filter((f) => !f.repeated)) log(`  ${failure.signature}  (case ${failure.index}${failure.command ? `: symbiose ${failure.command.join(' ')}` : ''})`);
process.exitCode = report.failures.length > 0 ? 1 : 0;
