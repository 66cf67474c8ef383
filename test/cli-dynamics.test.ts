/** `symbiose simulate`, `import` and `export` as a user runs them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from './shared-dir.js';

const BIN = resolve('bin/symbiose.js');
const TEACUP = join(sharedDir(), 'sd-test-models/simlin-fork/samples/teacup/teacup.xmile');

function run(args: string[], cwd = mkdtempSync(join(tmpdir(), 'symbiose-sim-'))) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code: result.status, out: result.stdout, err: result.stderr, cwd };
}

describe('symbiose simulate', () => {
  it('summarises, charts and exports the series of an XMILE model', () => {
    const summary = run(['simulate', TEACUP, '--chart', 'teacup temperature']);
    expect(summary.code).toBe(0);
    expect(summary.out).toMatch(/Teacup Temperature\s+180\s+/);
    expect(summary.out).toContain('time 0 → 30');
    // Euler, dt 0.125: 180 − 0.125 × (180 − 70) / 10 = 178.625 after one step.
    const csv = run(['simulate', TEACUP, '--vars', 'Teacup Temperature', '--csv']).out.split('\n');
    expect(csv[0]).toBe('Time,Teacup Temperature');
    expect(csv[1]).toBe('0,180');
    expect(csv[2]).toBe('0.125,178.625');
    const json = JSON.parse(run(['simulate', TEACUP, '--method', 'rk4', '--dt', '1', '--until', '2', '--json']).out) as { times: number[] };
    expect(json.times).toEqual([0, 1, 2]);
  });

  it('refuses bad options and bad models with the documented exit codes', () => {
    expect(run(['simulate', TEACUP, '--dt', '0']).code).toBe(2);
    expect(run(['simulate', TEACUP, '--vars', 'nope']).err).toContain('no variable named "nope"');
    expect(run(['simulate', TEACUP, '--csv', '--chart', 'x']).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-sim-'));
    writeFileSync(join(dir, 'bad.xmile'), readFileSync(TEACUP, 'utf8').replace('(Teacup_Temperature-Room_Temperature)', '(Teacup_Temperature-Room_Temperatur)'));
    const bad = run(['simulate', 'bad.xmile'], dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Room_Temperatur');
    expect(run(['simulate', resolve('templates/starter.yaml')]).err).toContain('has no dynamics section');
  });
});

describe('symbiose import and export', () => {
  it('imports an XMILE model into a Symbiose model that runs the same and exports back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-import-'));
    expect(run(['import', TEACUP, '-o', 'teacup.yaml'], dir).code).toBe(0);
    expect(run(['validate', 'teacup.yaml'], dir).code).toBe(0);
    const direct = run(['simulate', TEACUP, '--csv'], dir).out;
    expect(run(['simulate', 'teacup.yaml', '--csv'], dir).out).toBe(direct);
    const exported = run(['export', 'teacup.yaml', '--xmile', '-o', 'back.xmile'], dir);
    expect(exported.code).toBe(0);
    expect(readFileSync(join(dir, 'back.xmile'), 'utf8')).toContain('<stock name="Teacup Temperature">');
    expect(run(['simulate', 'back.xmile', '--csv'], dir).out).toBe(direct);
  });
});

describe('a long simulation', () => {
  it('stops on Ctrl-C with exit code 130', async () => {
    // 10 000 stocks over 10⁶ steps: minutes of work, stopped after a second.
    const xmile = `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <header><name>long</name></header>
  <sim_specs method="Euler"><start>0</start><stop>1000000</stop><dt>1</dt></sim_specs>
  <dimensions><dim name="D" size="10000"/></dimensions>
  <model><variables>
    <stock name="S"><dimensions><dim name="D"/></dimensions><eqn>1</eqn><inflow>g</inflow></stock>
    <flow name="g"><dimensions><dim name="D"/></dimensions><eqn>S * 0.000001</eqn></flow>
  </variables></model>
</xmile>`;
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-long-'));
    writeFileSync(join(dir, 'long.xmile'), xmile);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [BIN, 'simulate', 'long.xmile', '--vars', 'S[1]'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    setTimeout(() => child.kill('SIGINT'), 1500);
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(130);
    expect(stderr).toContain('cancelled');
  });
});
