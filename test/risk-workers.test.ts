/** A risk run on worker threads: the same bits on one worker or two as in this thread, a precision stop at the same chunk, Ctrl-C. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRisk, type RiskOptions } from '../src/analyses/index.js';
import { loadEcosystem } from '../src/engine/index.js';
import { riskInWorkers } from '../src/runtime/index.js';

const script = new URL('../dist/runtime/risk-worker.js', import.meta.url);
const FILE = 'library/amazon-cash-burn.yaml';
const text = readFileSync(FILE, 'utf8');
const { ecosystem, prepared } = loadEcosystem(text, FILE);

describe('risk chunks on workers', () => {
  it('gives the same bits on one worker, on two, and in this thread', async () => {
    const options: RiskOptions = { runs: 1500, seed: 9, sampling: 'mc', chunkSize: 256 };
    const one = await riskInWorkers(ecosystem!, text, FILE, options, { threads: 1, script });
    const two = await riskInWorkers(ecosystem!, text, FILE, options, { threads: 2, script });
    const here = runRisk(prepared!, ecosystem!, options);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(here)).toBe(JSON.stringify(one));
    expect(one.draws).toBe(1500);
  });

  it('stops a run with a precision after the same chunk on one worker or two', async () => {
    const options: RiskOptions = { runs: 50_000, seed: 4, sampling: 'sobol', chunkSize: 256, precision: 0.02 };
    const one = await riskInWorkers(ecosystem!, text, FILE, options, { threads: 1, script });
    const two = await riskInWorkers(ecosystem!, text, FILE, options, { threads: 2, script });
    expect(one.stoppedBy).toBe('precision');
    expect(two.draws).toBe(one.draws);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('stops when its signal is aborted, saying how many draws were merged', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const result = await riskInWorkers(ecosystem!, text, FILE, { runs: 200_000, seed: 1, sampling: 'mc', chunkSize: 256 }, {
      threads: 2, script, signal: controller.signal,
      onProgress: (draws) => {
        progress.push(draws);
        if (draws >= 512) controller.abort();
      },
    });
    expect(result.stoppedBy).toBe('cancelled');
    expect(result.draws).toBe(progress[progress.length - 1]);
    expect(result.draws % 256).toBe(0);
  });
});

describe('symbiose risk and Ctrl-C', () => {
  it('stops cleanly, says how many draws were made and exits 130', async () => {
    const child = spawn(process.execPath, [resolve('bin/symbiose.js'), 'risk', FILE, '--ranges', '--runs', '10000000', '--sampling', 'mc', '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '', stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    await new Promise((r) => setTimeout(r, 3000));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Cancelled after [\d,]+ of 10,000,000 draws\.\nsymbiose: .+\n$/);
  }, 30_000);
});
