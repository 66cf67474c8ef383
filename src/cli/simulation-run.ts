/**
 * One simulation for the CLI: run once, in a worker thread (the runtime's engine backend), with
 * its progress shown as asked, and stopped by the signal Ctrl-C aborts. The engine's refusals
 * become the CLI's errors here.
 */
import cliProgress from 'cli-progress';
import { ModelRefusedError, SimulationError, type RunProgress, type RunRequest, type RunResult } from '../engine/index.js';
import { workerBackend } from '../runtime/index.js';
import { modelRefused } from './dynamics-file.js';
import { engineIssueMessage } from '../i18n/index.js';
import { UsageError } from './errors.js';
import { cliLocale, t } from './lang.js';

export { CancelledError } from '../engine/index.js';

/** A bar on a terminal once the command has taken a second, one JSON line per event, or nothing. */
export type ProgressMode = 'auto' | 'json' | 'none';
export const PROGRESS_MODES: readonly ProgressMode[] = ['auto', 'json', 'none'];

/** What the command is doing: reading the file, compiling, running (with the fraction done), writing. */
export type Stage = { stage: 'reading' | 'writing' } | RunProgress;

export interface ProgressReport {
  report(stage: Stage): void;
  /** Takes a bar off the terminal (before output or an error is printed). */
  stop(): void;
}

/** The command runs this long before a bar appears: short runs stay quiet. */
const QUIET_MS = 1000;

export function progressReport(mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr): ProgressReport {
  if (mode === 'json') return { report: (stage) => stream.write(JSON.stringify(stage) + '\n'), stop: () => undefined };
  if (mode === 'none' || !stream.isTTY) return { report: () => undefined, stop: () => undefined };
  return barReport(stream);
}

function barReport(stream: NodeJS.WriteStream): ProgressReport {
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    report(stage) {
      if (stage.stage !== 'running') return;
      const percent = Math.round(stage.fraction * 100);
      if (!bar && Date.now() - started >= QUIET_MS && stage.fraction < 1) {
        const format = t('run.progressBar', { bar: '{bar}', percentage: '{percentage}', eta: '{eta_formatted}' });
        bar = new cliProgress.SingleBar({ format, hideCursor: true, stream }, cliProgress.Presets.shades_classic);
        bar.start(100, percent);
      } else bar?.update(percent);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/**
 * Runs `request` in a worker. Rejects with a CancelledError when `signal` is aborted, a
 * UsageError when the options cannot run, an InvalidModelError (issues printed) when the model
 * does not compile.
 */
export async function runSimulation(file: string, request: RunRequest, signal: AbortSignal, progress: ProgressReport): Promise<RunResult> {
  try {
    return await workerBackend().run(request, { signal, onProgress: (stage) => progress.report(stage) });
  } catch (error) {
    progress.stop();
    if (error instanceof SimulationError) throw new UsageError(engineIssueMessage({ code: 'run', severity: 'error', params: error.refusal }, cliLocale()));
    if (error instanceof ModelRefusedError) throw modelRefused(file, error.issues);
    throw error;
  }
}
