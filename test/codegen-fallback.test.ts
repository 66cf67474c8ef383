/**
 * Where generated code is forbidden (Node's --disallow-code-generation-from-strings, as a page
 * under a strict Content-Security-Policy forbids it), the dynamics run as closures with the same
 * figures, and the fallback is not silent: the run says why, as data, and the CLI prints it when
 * SYMBIOSE_DEBUG is set.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { text } from '../src/i18n/index.js';

const BIN = join(process.cwd(), 'bin', 'symbiose.js');
const MODEL = join(process.cwd(), 'library', 'amazon-cash-burn.yaml');

function run(flags: string[], env: Record<string, string>, command = ['profit', '-m', MODEL, '--json']) {
  const result = spawnSync(process.execPath, [...flags, BIN, ...command], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en', SYMBIOSE_DEBUG: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a code generation failure', () => {
  const forbid = ['--disallow-code-generation-from-strings'];

  it('is printed with SYMBIOSE_DEBUG=1, in the chosen language', () => {
    const debug = run(forbid, { SYMBIOSE_DEBUG: '1' });
    expect(debug.status).toBe(0);
    expect(debug.stderr).toBe('symbiose: the dynamics ran as closures, not generated code (this host forbids generating code)\n');
    const french = run(forbid, { SYMBIOSE_DEBUG: '1', SYMBIOSE_LANG: 'fr' });
    expect(french.stderr).toBe('symbiose : la dynamique a tourné en fermetures, non en code généré (cet hôte interdit de générer du code)\n');
  });

  it('is printed by simulate, whose run is in a worker thread', () => {
    const command = ['simulate', MODEL, '--vars', 'Customers', '--csv'];
    const closures = run(forbid, { SYMBIOSE_DEBUG: '1' }, command);
    expect(closures.status).toBe(0);
    expect(closures.stderr).toBe('symbiose: the dynamics ran as closures, not generated code (this host forbids generating code)\n');
    expect(closures.stdout).toBe(run([], {}, command).stdout);
  });

  it('reads in both languages', () => {
    const fallback = { code: 'codegen-failed', detail: 'SyntaxError: Unexpected token' };
    expect(text('en', 'debug.codegenFallback', fallback)).toBe('symbiose: the dynamics ran as closures, not generated code (generating code failed): SyntaxError: Unexpected token');
    expect(text('fr', 'debug.codegenFallback', { code: 'codegen-too-large' })).toBe(
      'symbiose : la dynamique a tourné en fermetures, non en code généré (le modèle est trop grand pour générer son code)',
    );
  });

  it('changes no figure, and stays quiet without SYMBIOSE_DEBUG', () => {
    const closures = run(forbid, {});
    const generated = run([], { SYMBIOSE_DEBUG: '1' });
    expect(closures.stderr).toBe('');
    // Generated code ran, so there is nothing to report even when debugging.
    expect(generated.stderr).toBe('');
    expect(closures.stdout).toBe(generated.stdout);
  });
});
