/**
 * The fuzzing driver: builds cases from a seed, runs each in a worker thread (the core's
 * functions) or a child process (the command line) under a time and memory bound, and collects
 * the failures: an exception that is not a clean refusal, an exit code outside 0/1/2/4/5 (3
 * included), a stack trace in the output, a hang, memory past the bound. Each new failure is
 * minimised (its input cut down while it still fails the same way) and saved.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildCase } from './cases.mjs';
import { runCli } from './cli-case.mjs';
import { loadCorpus } from './corpus.mjs';

const WORKER = new URL('./worker.mjs', import.meta.url);

/**
 * Runs the fuzzer; resolves with its report. `cases` and `minutes` bound it (whichever comes
 * first); `targets` chooses among loader, xmile, equation, expression, cli.
 */
export async function fuzz(options) {
  const { root, seed, jobs = 2, targets, log = () => {} } = options;
  const limits = { timeout: options.timeout ?? 10_000, cliTimeout: options.cliTimeout ?? 20_000, memory: options.memory ?? 512 };
  const dist = join(root, 'dist');
  const { parseExpression } = (await import(join(dist, 'core/index.js'))).expression;
  const corpus = loadCorpus(root, parseExpression);
  const scratch = mkdtempSync(join(tmpdir(), 'symbiose-fuzz-'));
  const started = Date.now();
  const deadline = options.minutes !== undefined ? started + options.minutes * 60_000 : Infinity;
  const maxCases = options.cases ?? Infinity;
  const report = { seed, cases: 0, byTarget: {}, failures: [], slowest: [], corpus: { yaml: corpus.yaml.length, xmile: corpus.xmile.length, equations: corpus.equations.length, expressions: corpus.expressions.length } };
  const seen = new Set();
  let next = 0;
  let lastLog = started;

  const slot = async (number) => {
    const runner = workerRunner(dist, limits);
    try {
      while (next < maxCases && Date.now() < deadline) {
        const index = next++;
        let built;
        try {
          built = buildCase(corpus, seed, index, targets);
        } catch (error) {
          // The harness's own fault: said, and the run goes on.
          log(`case ${index}: could not be built: ${String(error?.message).slice(0, 200)}`);
          continue;
        }
        const began = Date.now();
        const failure = await runCase(built, runner, limits, root, scratch);
        noteTime(report.slowest, { index: built.index, target: built.target, ms: Date.now() - began });
        report.cases++;
        report.byTarget[built.target] = (report.byTarget[built.target] ?? 0) + 1;
        if (failure) {
          const signature = signatureOf(built.target, failure);
          const repeated = seen.has(signature);
          seen.add(signature);
          const entry = { index: built.index, target: built.target, kind: failure.kind, signature, source: built.source, applied: built.applied, command: built.command, detail: failure.detail, repeated };
          if (!repeated && options.minimise) entry.minimised = await minimise(built, signature, runner, limits, root, scratch, options.minimiseBudget ?? 200);
          if (options.save && !repeated) entry.saved = save(options.save, built, entry);
          report.failures.push(entry);
          log(`case ${built.index} (${built.target}): ${failure.kind}${repeated ? ' (seen before)' : ''}: ${signature}`);
        }
        if (Date.now() - lastLog > 15_000) {
          lastLog = Date.now();
          log(`${report.cases} cases, ${((Date.now() - started) / 60_000).toFixed(1)} min, ${report.failures.length} failures (slot ${number})`);
        }
      }
    } finally {
      await runner.close();
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, (_, i) => slot(i)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  report.minutes = Number(((Date.now() - started) / 60_000).toFixed(2));
  report.unique = seen.size;
  return report;
}

/** Keeps the five slowest cases, to see how far a run is from its time bounds. */
function noteTime(slowest, entry) {
  slowest.push(entry);
  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, 5);
}

/** Runs one case; resolves with its failure ({ kind, detail }) or undefined. */
async function runCase(built, runner, limits, root, scratch) {
  if (built.target !== 'cli') return runner.run(built.target, built.input);
  const dir = mkdtempSync(join(scratch, 'case-'));
  try {
    writeFileSync(join(dir, built.input.file), built.input.text);
    const argv = built.argv ?? [join(root, 'bin/symbiose.js'), ...built.command];
    return await runCli(argv, { cwd: dir, timeout: limits.cliTimeout, memory: limits.memory, env: { SYMBIOSE_LANG: built.lang ?? 'en' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A worker thread that runs cases one at a time; one that hangs is terminated and replaced, one
 * that runs out of its memory bound is replaced too.
 */
export function workerRunner(dist, { timeout, memory }) {
  let worker;
  let ready;
  let pending;
  let id = 0;
  const start = () => {
    const own = new Worker(WORKER, { workerData: { dist }, resourceLimits: { maxOldGenerationSizeMb: memory, maxYoungGenerationSizeMb: 64, stackSizeMb: 1.2 }, stdout: true, stderr: true });
    worker = own;
    own.stdout.resume();
    own.stderr.resume();
    ready = new Promise((resolve) => own.once('message', resolve));
    // A worker replaced after a hang may still report as it goes: only the current one counts.
    const current = () => worker === own;
    own.on('message', (reply) => {
      if (current() && pending && reply.id === pending.id) pending.resolve(reply.ok ? undefined : { kind: 'exception', detail: `${reply.error.name}: ${reply.error.message}\n${reply.error.stack}` });
    });
    own.on('error', (error) => {
      if (current()) pending?.resolve({ kind: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', detail: `${error.code ?? ''} ${error.message}` });
    });
    own.on('exit', () => {
      if (!current()) return;
      worker = undefined;
      pending?.resolve({ kind: 'crash', detail: 'the worker stopped' });
    });
  };
  return {
    async run(target, input) {
      if (!worker) start();
      await ready;
      const current = ++id;
      const result = await new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending = undefined;
          resolve({ kind: 'hang', detail: `still running after ${timeout} ms` });
          const stuck = worker;
          worker = undefined;
          void stuck?.terminate();
        }, timeout);
        pending = {
          id: current,
          resolve: (value) => {
            clearTimeout(timer);
            pending = undefined;
            resolve(value);
          },
        };
        worker.postMessage({ id: current, target, input });
      });
      if (result && result.kind !== 'exception') {
        const stopped = worker;
        worker = undefined;
        await stopped?.terminate();
      }
      return result;
    },
    async close() {
      await worker?.terminate();
    },
  };
}

/** What makes two failures the same: target, kind, and the message with its numbers and names out. */
function signatureOf(target, failure) {
  const text = failure.detail;
  const message = failure.kind === 'exception' ? text.split('\n')[0] : (/symbiose: .*$/m.exec(text)?.[0] ?? /^\S*Error.*$/m.exec(text)?.[0] ?? '');
  // The file most present in the stack: for an overflow the first frame is wherever it ran out.
  const files = [...text.matchAll(/at .*?([\w-]+\.js):\d+/g)].map((m) => m[1]);
  const frame = files.sort((x, y) => files.filter((f) => f === y).length - files.filter((f) => f === x).length)[0] ?? '';
  const normal = message.replace(/"[^"]*"|'[^']*'|«[^»]*»/g, '"…"').replace(/\d+(\.\d+)?/g, 'N').slice(0, 160);
  return `${target}/${failure.kind}: ${normal}${frame ? ` @${frame}` : ''}`;
}

/**
 * The input cut down while the case still fails with the same signature: lines first, then
 * characters, halving the pieces (delta debugging, simplified). Hangs and memory failures cost a
 * whole bound per try, so they get a tenth of the budget.
 */
async function minimise(built, signature, runner, limits, root, scratch, budget) {
  let text = built.input.text;
  let tries = built.target === 'cli' || /\/(hang|memory)/.test(signature) ? Math.ceil(budget / 10) : budget;
  const fails = async (candidate) => {
    tries--;
    const failure = await runCase({ ...built, input: { ...built.input, text: candidate } }, runner, limits, root, scratch);
    return failure !== undefined && signatureOf(built.target, failure) === signature;
  };
  for (const unit of ['\n', '']) {
    let pieces = unit === '\n' ? text.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l)) : [...text];
    for (let size = Math.max(1, Math.floor(pieces.length / 2)); size >= 1 && tries > 0; size = Math.floor(size / 2)) {
      for (let at = 0; at < pieces.length && tries > 0; ) {
        const candidate = [...pieces.slice(0, at), ...pieces.slice(at + size)];
        if (candidate.length > 0 && (await fails(candidate.join('')))) pieces = candidate;
        else at += size;
      }
      if (size === 1) break;
    }
    text = pieces.join('');
    if (unit === '' || text.length > 5_000) break;
  }
  return text;
}

function save(dir, built, entry) {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `case-${built.index}-${built.target}-${entry.kind}`);
  const extension = built.input.file ? built.input.file.slice(built.input.file.lastIndexOf('.')) : '.txt';
  writeFileSync(`${base}${extension}`, built.input.text);
  if (entry.minimised !== undefined) writeFileSync(`${base}.min${extension}`, entry.minimised);
  writeFileSync(`${base}.report.json`, JSON.stringify({ ...entry, input: undefined }, null, 2));
  return `${base}${extension}`;
}
