/**
 * Temporary files of this process, removed on every way out it can see: a normal end, an
 * uncaught error (process 'exit'), and SIGINT, SIGTERM and SIGHUP while one exists. SIGKILL
 * (and a power cut) runs nothing: the file stays, named `.NAME.symbiose-tmp-PID` so that the
 * next write of NAME removes it once that PID is dead (removeStaleTemps).
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { interruptTaken } from './interrupt.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const live = new Set<string>();
let exitHookInstalled = false;

/** The temporary name of `target`, beside it (the same folder, so a rename replaces it in one step). */
export function tempNameOf(target: string, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.symbiose-tmp-${pid}`);
}

/** Records `path` as this process's: removed if the process ends before releaseTemp. */
export function registerTemp(path: string): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', removeAll);
  }
  if (live.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  live.add(path);
}

/** `path` is no longer this process's to remove (renamed into place, or removed already). */
export function releaseTemp(path: string): void {
  live.delete(path);
  if (live.size === 0) for (const signal of SIGNALS) process.off(signal, onSignal);
}

/**
 * Removes the temporary files of `target` left by processes that are gone (killed with
 * SIGKILL). A PID alive (ours included) or not ours to signal (EPERM) is left alone.
 */
export function removeStaleTemps(target: string): void {
  const prefix = `.${basename(target)}.symbiose-tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return; // the folder's failure is the write's to report
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || String(pid) !== name.slice(prefix.length)) continue;
    if (!isAlive(pid)) rmSync(join(dirname(target), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeAll(): void {
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

/**
 * A signal while a temporary file exists. A Ctrl-C that a command took (it stops on it and
 * removes its own files) is left to it; otherwise the files go and the signal is raised again
 * with its default action, so the process ends as the sender meant (the shell sees 130 or 143).
 */
function onSignal(signal: NodeJS.Signals): void {
  if (signal === 'SIGINT' && interruptTaken()) return;
  removeAll();
  for (const s of SIGNALS) process.off(s, onSignal);
  // Another listener (the Ctrl-C handler before a command starts) still answers it itself.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
