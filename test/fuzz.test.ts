/**
 * The fuzzing harness (scripts/fuzz.mjs, docs/fuzzing.md) as CI runs it: first its own check,
 * that each kind of failure it claims to catch (an exception, a hang, memory past the bound, exit
 * 3, a stack trace) is caught and a clean end is not; then a brief run with a fixed seed over
 * every target, which must find nothing. A longer run by hand: npm run fuzz -- --seed N --minutes M.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FUZZ = resolve('scripts/fuzz.mjs');

/** A seed and a length that pass on main (docs/fuzzing.md says how it was chosen). */
const CI_SEED = 20_261_201;
const CI_CASES = 200;

function fuzz(args: string[]) {
  const result = spawnSync(process.execPath, [FUZZ, ...args], { encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the fuzzing harness', () => {
  it('reports every kind of failure, and nothing on a clean end', () => {
    const { code, out } = fuzz(['--self-test']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      exception: 'exception',
      hang: 'hang',
      memory: 'memory',
      clean: 'none',
      exit3: 'exit',
      stackTrace: 'stack-trace',
      cliHang: 'hang',
      cliMemory: 'memory',
      cliClean: 'none',
    });
  }, 60_000);

  it(`finds nothing in ${CI_CASES} cases of seed ${CI_SEED}, across every target`, () => {
    // Bounds three times the hand run's: a busy CI machine must not turn a slow case into a hang.
    const { code, out, err } = fuzz(['--seed', String(CI_SEED), '--cases', String(CI_CASES), '--timeout', '30000', '--cli-timeout', '60000', '--json', '--no-minimise']);
    const report = JSON.parse(out) as { cases: number; byTarget: Record<string, number>; failures: Array<{ signature: string }> };
    expect(report.failures.map((f) => f.signature), err).toEqual([]);
    expect(code).toBe(0);
    expect(report.cases).toBe(CI_CASES);
    for (const target of ['loader', 'xmile', 'equation', 'expression', 'cli']) expect(report.byTarget[target]).toBeGreaterThan(0);
  }, 240_000);
});
