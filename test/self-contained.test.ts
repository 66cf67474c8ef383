/**
 * The project needs nothing beside its own folder: no tracked file outside the copied fixtures
 * names a path of the machine it was written on, or a folder next to the repository.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MACHINE_PATHS = /\.\.\/shared\b|\/work\/|\/root\/|\/home\/[a-z]/;

describe('the repository', () => {
  it('names no machine path and no sibling folder in its code, tests, scripts or docs', () => {
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && !f.startsWith('test/fixtures/') && /\.(ts|mjs|js|json|md|sh|yaml)$|^\.ci\//.test(f) && f !== 'package-lock.json');
    expect(files.length).toBeGreaterThan(100);
    const offending = files.filter((f) => MACHINE_PATHS.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
