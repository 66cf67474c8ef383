/**
 * Every command that reads a model takes it the same ways: as an argument, with -m/--model, or
 * from $SYMBIOSE_MODEL; and a library id wherever a file is expected.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/symbiose.js');
const LIBRARY = resolve('library');

describe('the model a command reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-model-argument-'));
  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args, '--lang', 'en'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_MODEL: '', ...env } });
  const mint = join(dir, 'mint-copy.yaml');
  copyFileSync(join(LIBRARY, 'mint.yaml'), mint);

  it.each([['payers'], ['summary'], ['profit'], ['profit', '-a', 'mint'], ['compare', '--variants', 'keep-reinvesting']])(
    '%s: the model as an argument gives what -m gives',
    (command, ...rest) => {
      const file = command === 'compare' ? join(LIBRARY, 'pinduoduo.yaml') : mint;
      const byOption = cli([command, ...rest, '-m', file, '--format', 'json']);
      expect(byOption.status, byOption.stderr).toBe(0);
      const byArgument = cli([command, file, ...rest, '--format', 'json']);
      expect(byArgument.status, byArgument.stderr).toBe(0);
      expect(byArgument.stdout).toBe(byOption.stdout);
    },
  );

  it('canvas takes [model] <actor>, and a lone argument is still the actor', () => {
    const both = cli(['canvas', mint, 'mint', '--format', 'json']);
    expect(both.status, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject({ actor: 'mint' });
    expect(cli(['canvas', 'mint', '-m', mint, '--format', 'json']).stdout).toBe(both.stdout);
    expect(cli(['canvas', 'mint', '--format', 'json'], { SYMBIOSE_MODEL: mint }).stdout).toBe(both.stdout);
  });

  // Eleven runs of the CLI: bounded generously, so a loaded machine does not fail it.
  it('reads a library id wherever a file is expected, as the library file itself', { timeout: 120_000 }, () => {
    for (const args of [['profit'], ['summary'], ['canvas', 'insurer'], ['payers']]) {
      const [command, ...rest] = args as [string, ...string[]];
      const byId = cli([command, 'purple-button', ...rest, '--format', 'json']);
      expect(byId.status, byId.stderr).toBe(0);
      expect(byId.stdout).toBe(cli([command, '-m', join(LIBRARY, 'purple-button.yaml'), ...rest, '--format', 'json']).stdout);
    }
    expect(cli(['profit', '-m', 'purple-button', '--format', 'json']).status).toBe(0);
    const validated = cli(['validate', 'purple-button', 'mint']);
    expect(validated.status, validated.stderr).toBe(0);
    expect(validated.stdout).toContain(`${join(LIBRARY, 'mint.yaml')} is valid`);
    const simulated = cli(['simulate', 'pinduoduo', '--vars', 'Buyers', '--format', 'csv']);
    expect(simulated.status, simulated.stderr).toBe(0);
    expect(simulated.stdout.split('\n')[0]).toMatch(/Buyers/);
  });

  it('prefers a file of that name to the library model', () => {
    copyFileSync(join(LIBRARY, 'mint.yaml'), join(dir, 'purple-button'));
    const local = cli(['summary', 'purple-button', '--format', 'json']);
    expect(local.stdout).toBe(cli(['summary', mint, '--format', 'json']).stdout);
  });

  it('migrates a library model, already in the current format, leaving the shipped file as it is', () => {
    const before = readFileSync(join(LIBRARY, 'mint.yaml'), 'utf8');
    const migrated = cli(['migrate', 'mint']);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/mint\.yaml is already in format version 4/);
    expect(readFileSync(join(LIBRARY, 'mint.yaml'), 'utf8')).toBe(before);
  });

  it('refuses two different models, one as an argument and one with -m (exit 2)', () => {
    const two = cli(['summary', mint, '-m', join(LIBRARY, 'pinduoduo.yaml')]);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('two models given');
  });
});
