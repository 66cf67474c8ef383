/**
 * The quick start puts `symbiose` on the PATH (`npm link`), so that every command the README and
 * the tool print works as printed in a new shell, from any folder. npm links into a global folder
 * of the test's own here (npm_config_prefix), never the machine's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the install', () => {
  it('declares the symbiose command, which npm link puts on the PATH for a new shell in any folder', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { bin?: Record<string, string>; version: string };
    expect(manifest.bin).toEqual({ symbiose: 'bin/symbiose.js' });
    const prefix = mkdtempSync(join(tmpdir(), 'symbiose-prefix-'));
    const linked = spawnSync('npm', ['link', '--ignore-scripts', '--no-audit', '--no-fund', '--offline'], {
      cwd: resolve('.'), encoding: 'utf8', env: { ...process.env, npm_config_prefix: prefix },
    });
    expect(linked.status, linked.stderr).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'symbiose-elsewhere-'));
    const shell = (command: string) =>
      spawnSync('sh', ['-c', command], { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}`, SYMBIOSE_LANG: 'en' } });
    const version = shell('symbiose --version');
    expect(version.stdout.trim()).toBe(manifest.version);
    // What init prints next is run as printed.
    const init = shell('symbiose init');
    expect(init.status, init.stderr).toBe(0);
    const next = init.stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('symbiose '));
    expect(next.length).toBeGreaterThan(0);
    for (const command of next) {
      const run = shell(command.replace(/\s{2,}.*$/, ''));
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
    }
  }, 60_000);
});
