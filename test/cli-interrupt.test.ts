/**
 * Ctrl-C during `symbiose simulate`, at every stage: reading the file, compiling (on this
 * thread for a Symbiose model, in the worker for XMILE), running, writing the output. Each case
 * waits for the stage marker the command prints with --progress json, then sends SIGINT (after
 * a delay, for some), so no case depends on how fast the machine is. Every case must print the
 * cancelled message and exit 130, and leave no output file behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { growingArrays } from './helpers.js';

const BIN = resolve('bin/symbiose.js');


interface Stage {
  stage: string;
  fraction?: number;
}

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The stages the command reported before it stopped. */
  stages: string[];
}

/** Runs `symbiose simulate …` and sends SIGINT `delay` ms after the first report `when` accepts. */
function interruptWhen(args: string[], cwd: string, when: (stage: Stage) => boolean, delay = 0, lang = 'en'): Promise<Interrupted> {
  const env = { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: lang };
  const child = spawn(process.execPath, [BIN, 'simulate', ...args, '--progress', 'json'], { cwd, env });
  let stderr = '';
  let pending = '';
  let sent = false;
  const stages: string[] = [];
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    pending += chunk.toString();
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (!line.startsWith('{')) continue;
      const stage = JSON.parse(line) as Stage;
      if (stages.at(-1) !== stage.stage) stages.push(stage.stage);
      if (!sent && when(stage)) {
        sent = true;
        setTimeout(() => child.kill('SIGINT'), delay);
      }
    }
  });
  return new Promise((done) => child.on('exit', (code, signal) => done({ code, signal, stderr, stages })));
}

function expectCancelled(result: Interrupted, message = 'symbiose: cancelled\n'): void {
  expect({ code: result.code, signal: result.signal }).toEqual({ code: 130, signal: null });
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('Ctrl-C during simulate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-interrupt-'));
  beforeAll(() => {
    // 10 000 stocks over 10⁶ steps: minutes of work. 3 000 stocks over 400 steps: a CSV of tens of MB.
    writeFileSync(join(dir, 'long.xmile'), growingArrays(10_000, 1_000_000));
    writeFileSync(join(dir, 'wide.xmile'), growingArrays(3_000, 400));
    const made = spawnSync(process.execPath, [BIN, 'template', 'platform', '--horizon', '10000', '-o', 'platform.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(made.status).toBe(0);
  });
  const at = (name: string) => (stage: Stage) => stage.stage === name;

  it('stops an XMILE model while it is read, then while it compiles in the worker, and says so in French too', async () => {
    // A loaded machine may hear the marker late: the cancel then lands in a later stage, which
    // is still before any output.
    const reading = await interruptWhen(['long.xmile', '--vars', 'S[1]'], dir, at('reading'));
    expectCancelled(reading);
    expect(reading.stages).not.toContain('writing');
    const compiling = await interruptWhen(['long.xmile', '--vars', 'S[1]'], dir, at('compiling'), 0, 'fr');
    expectCancelled(compiling, 'symbiose: annulé\n');
    expect(compiling.stages).not.toContain('writing');
  });

  it('stops a long run at different moments of it', async () => {
    for (const delay of [0, 300]) {
      const running = await interruptWhen(['long.xmile', '--vars', 'S[1]'], dir, at('running'), delay);
      expectCancelled(running);
      expect(running.stages).toEqual(['reading', 'compiling', 'running']);
    }
  });

  it('stops a 10 000-period platform model while its dynamics compile and while they run, which they do once', async () => {
    // dt 0.0002: 5·10⁷ steps, seconds of work after the compile, so a late cancel still stops the run.
    const long = ['platform.yaml', '--dt', '0.0002', '--vars', 'users_buyers'];
    const compiling = await interruptWhen(long, dir, at('compiling'));
    expectCancelled(compiling);
    expect(compiling.stages).not.toContain('writing');
    // Stopped a tenth of the way.
    const running = await interruptWhen(long, dir, (s) => s.stage === 'running' && s.fraction! >= 0.1);
    expectCancelled(running);
    expect(running.stages).toEqual(['reading', 'compiling', 'running']);
  });

  it('stops while the output is written, and leaves no file behind', async () => {
    const writing = await interruptWhen(['wide.xmile', '--csv', '-o', 'wide.csv'], dir, at('writing'));
    expectCancelled(writing);
    expect(writing.stages.at(-1)).toBe('writing');
    expect(readdirSync(dir).filter((f) => f.startsWith('wide.csv'))).toEqual([]);
  });
});
