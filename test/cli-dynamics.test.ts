/** `symbiose simulate`, `import` and `export` as a user runs them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures-dir.js';

const BIN = resolve('bin/symbiose.js');
const TEACUP = join(FIXTURES, 'sd-test-models/simlin-fork/samples/teacup/teacup.xmile');

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

describe('simulate runs a Symbiose model once, with the options given', () => {
  it('runs only what is asked, not first the whole model at its own dt', () => {
    // dt 10⁻⁶ over 10 000 months is 10¹⁰ steps, past what one run may take: running the model
    // at its own options (as loading it for its quantities does) is refused.
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-once-'));
    expect(run(['template', 'platform', '--horizon', '10000', '-o', 'p.yaml'], dir).code).toBe(0);
    writeFileSync(join(dir, 'p.yaml'), readFileSync(join(dir, 'p.yaml'), 'utf8').replace(/^  dt: 0\.25$/m, '  dt: 0.000001'));
    const validated = run(['validate', 'p.yaml'], dir);
    expect(validated.code).toBe(1);
    expect(validated.out + validated.err).toContain('more than one run may take');
    const short = run(['simulate', 'p.yaml', '--until', '0.01', '--vars', 'users_buyers', '--csv'], dir);
    expect(short.code).toBe(0);
    // 0.01 / 10⁻⁶ = 10 000 steps, saved every step (the model's save step is its dt): 10 001 rows and a header.
    expect(short.out.trim().split('\n')).toHaveLength(10_002);
  });
});

describe('simulate refuses what it cannot do, and says why', () => {
  const suite = join(FIXTURES, 'sd-test-models/simlin-fork');

  it('refuses a run too long to take or to keep, up front', () => {
    const long = run(['simulate', TEACUP, '--until', '1e9', '--vars', 'Teacup Temperature']);
    expect(long.code).toBe(2);
    expect(long.err).toContain('more than one run may take');
    const tiny = run(['simulate', TEACUP, '--dt', '1e-300']);
    expect(tiny.code).toBe(2);
  });

  it('warns when a series stops being a number, and prints NaN rather than null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-nan-'));
    writeFileSync(join(dir, 'nan.xmile'), readFileSync(TEACUP, 'utf8').replace(/<eqn>70<\/eqn>/, '<eqn>LN(-1)</eqn>'));
    const result = run(['simulate', 'nan.xmile', '--vars', 'Room Temperature', '--json'], dir);
    expect(result.code).toBe(0);
    expect(result.err).toContain('warning: Room Temperature becomes NaN at time 0');
    expect(JSON.parse(result.out).series['Room Temperature'][0]).toBe('NaN');
  });

  it('picks an element of a two-dimensional array', () => {
    const file = join(suite, 'tests/subscript_2d_arrays/test_subscript_2d_arrays.xmile');
    const csv = run(['simulate', file, '--vars', 'Stock A[Entry 1,Column 2]', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.out.split('\n')[0]).toBe('Time,"Stock A[Entry 1,Column 2]"');
  });

  it('says that an older Stella file is not XMILE rather than printing nothing', () => {
    const legacy = run(['simulate', join(suite, 'samples/SIR/SIR_legacy.stmx')]);
    expect(legacy.code).toBe(1);
    expect(legacy.err).toContain('holds no variables');
  });

  it('names XMILE builtins it does not run yet as unsupported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-builtin-'));
    writeFileSync(join(dir, 'r.xmile'), readFileSync(TEACUP, 'utf8').replace(/<eqn>70<\/eqn>/, '<eqn>PARETO(1, 2)</eqn>'));
    const result = run(['simulate', 'r.xmile'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not supported yet: the XMILE builtin PARETO');
  });

  it('simulates a variant of a model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-variant-'));
    expect(run(['template', 'platform', '-o', 'p.yaml'], dir).code).toBe(0);
    const base = run(['simulate', 'p.yaml', '--vars', 'users_sellers', '--csv'], dir).out.trim().split('\n');
    const seeded = run(['simulate', 'p.yaml', '--variant', 'seed-buyers', '--vars', 'users_sellers', '--csv'], dir).out.trim().split('\n');
    expect(Number(base[base.length - 1]!.split(',')[1])).toBe(0);
    expect(Number(seeded[seeded.length - 1]!.split(',')[1])).toBeGreaterThan(9000);
    expect(run(['template', 'platform', '--names', 'platform,users'], dir).code).toBe(2);
  });
});
