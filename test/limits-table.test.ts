/**
 * The limits as data, documented: `symbiose limits` prints core/limits.ts's table in both
 * languages and as JSON, and the README holds exactly what it prints as Markdown.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMIT_NAMES, LIMITS } from '../src/core/index.js';
import { limitTable } from '../src/i18n/index.js';

const BIN = resolve('bin/symbiose.js');
const limits = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, 'limits', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  expect(result.status).toBe(0);
  return result.stdout;
};

describe('symbiose limits', () => {
  it('gives every limit of LIMITS as data, with what it bounds in each language', () => {
    const rows = JSON.parse(limits('--json')) as Array<{ name: string; value: number; bounds: string }>;
    expect(rows.map((r) => [r.name, r.value])).toEqual(LIMIT_NAMES.map((name) => [name, LIMITS[name]]));
    expect(rows.find((r) => r.name === 'fileBytes')?.bounds).toBe('bytes in a file');
    // The words are those of the `limit` issue, different in French, never empty.
    const french = limitTable('fr', LIMITS);
    expect(french.every((row, i) => row.bounds !== '' && row.bounds !== limitTable('en', LIMITS)[i]!.bounds)).toBe(true);
    expect(JSON.parse(limits('--json', '--lang', 'fr'))).toEqual(french);
  });

  it('prints a table for people, numbers in the reader’s way', { timeout: 30_000 }, () => {
    const text = limits();
    expect(text).toMatch(/^limit +at most +what it bounds\n/);
    expect(text).toMatch(/\nfileBytes +20,971,520 +bytes in a file\n/);
    expect(limits('--lang', 'fr')).toMatch(/\nfileBytes +20\u202f971\u202f520 +octets dans un fichier\n/);
  });

  it('is the README’s table, as printed with --format md', () => {
    const table = limits('--format', 'md').trim();
    expect(table.split('\n')).toHaveLength(LIMIT_NAMES.length + 2);
    expect(readFileSync('README.md', 'utf8')).toContain(`\n${table}\n`);
  });
});
