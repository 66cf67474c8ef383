/**
 * One fuzz case through the real command line: `node bin/symbiose.js …` in a child process,
 * bounded in time (killed past `timeout`) and memory (V8's heap through --max-old-space-size,
 * and the resident size read from /proc while it runs, killed past `memory`).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Exit codes of a clean end (README, "Exit codes"); anything else, 3 included, is a failure. */
const CLEAN_EXITS = new Set([0, 1, 2, 4, 5]);

/** A stack frame: "    at fn (file.js:12:5)" or "    at file.js:12:5". */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs `argv` (after node's own options) in `cwd`; resolves with the failure found, or undefined. */
export function runCli(argv, { cwd, timeout, memory, env = {} }) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${memory}`, ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', SYMBIOSE_DEBUG: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let stopped;
    let peak = 0;
    // Only the ends are kept: a stack trace is at the end, and the rest can be large.
    child.stdout.on('data', (chunk) => (out = (out + chunk).slice(-20_000)));
    child.stderr.on('data', (chunk) => (err = (err + chunk).slice(-20_000)));
    const timer = setTimeout(() => {
      stopped = { kind: 'hang', detail: `still running after ${timeout} ms` };
      child.kill('SIGKILL');
    }, timeout);
    const watch = setInterval(() => {
      const rss = residentMb(child.pid);
      peak = Math.max(peak, rss);
      if (rss > memory && !stopped) {
        stopped = { kind: 'memory', detail: `resident size ${rss} MB above ${memory} MB` };
        child.kill('SIGKILL');
      }
    }, 50);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      const tail = `exit ${code ?? signal}\n--- stderr (end)\n${err.slice(-1500)}`;
      if (stopped) return done({ ...stopped, detail: `${stopped.detail}\n${tail}`, peakMb: peak });
      if (/heap out of memory|Allocation failed/i.test(err)) return done({ kind: 'memory', detail: tail, peakMb: peak });
      if (code === null || !CLEAN_EXITS.has(code)) return done({ kind: 'exit', detail: tail, peakMb: peak });
      if (STACK_FRAME.test(err) || STACK_FRAME.test(out)) return done({ kind: 'stack-trace', detail: tail, peakMb: peak });
      done(undefined);
    });
  });
}

function residentMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}
