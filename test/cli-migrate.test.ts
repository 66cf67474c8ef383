/** `symbiose migrate` as a user runs it (child processes): files upgraded in place, comments kept. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = resolve('bin/symbiose.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const V1 = `# A shop, written in format version 1
symbiose: 1      # format version
name: Shop
currency: EUR
period: month
horizon: 2
actors:
  shop: { kind: organisation }   # the seller
  buyers: { kind: segment, size: 10 }
valueObjects:
  money: { nature: money }
  bread: { nature: product }
transactions:
  buy:
    transfers:
      - { from: shop, to: buyers, object: bread }
      - { from: buyers, to: shop, object: money, amount: 2 }
scenarios:
  weekly: { start: { actor: buyers, count: 4 }, steps: [buy] }
`;

describe('symbiose migrate', () => {
  it('upgrades a version-1 file in place, changing only its version line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    writeFileSync(join(dir, 'shop.yaml'), V1);
    const result = run(['migrate', 'shop.yaml'], dir);
    expect(result.code).toBe(0);
    expect(result.out).toBe('Migrated shop.yaml from format version 1 to 4.\n');
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toBe(V1.replace('symbiose: 1      #', 'symbiose: 4      #'));
    expect(run(['validate', 'shop.yaml'], dir).code).toBe(0);
    const again = run(['migrate', 'shop.yaml'], dir);
    expect([again.code, again.out]).toEqual([0, 'shop.yaml is already in format version 4.\n']);
    expect(run(['migrate', 'shop.yaml', '-o', 'copy.yaml'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'copy.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'shop.yaml'), 'utf8'));
  });

  it('migrates down only with --force or to another file, warning that positions are dropped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    const v2 = V1.replace('symbiose: 1', 'symbiose: 2').replace('shop: { kind: organisation }', 'shop: { kind: organisation, position: { x: 40, y: 80 } }');
    writeFileSync(join(dir, 'shop.yaml'), v2);
    const refused = run(['migrate', 'shop.yaml', '--to', '1'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('shop.yaml:7:1: warning format version 1 has no "position": 1 dropped in migrating from version 2');
    expect(refused.err).toContain('use --force to accept');
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toBe(v2);

    const copy = run(['migrate', 'shop.yaml', '--to', '1', '-o', 'old.yaml'], dir);
    expect([copy.code, copy.out]).toEqual([0, 'Migrated shop.yaml from format version 2 to 1: wrote old.yaml.\n']);
    expect(readFileSync(join(dir, 'old.yaml'), 'utf8')).toBe(V1);
    expect(run(['migrate', 'shop.yaml', '--to', '1', '-o', 'old.yaml'], dir).code).toBe(2); // exists, no --force
    expect(run(['migrate', 'shop.yaml', '--to', '1', '--force'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'shop.yaml'), 'utf8')).toBe(V1);
  });

  it('refuses an unknown target or a file from a newer Symbiose, and speaks French', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    writeFileSync(join(dir, 'shop.yaml'), V1);
    const target = run(['migrate', 'shop.yaml', '--to', '9'], dir);
    expect([target.code, target.err]).toEqual([2, 'symbiose: unknown format version "9"; expected a whole number from 1 to 4\n']);
    writeFileSync(join(dir, 'future.yaml'), V1.replace('symbiose: 1', 'symbiose: 5'));
    const future = run(['migrate', 'future.yaml'], dir);
    expect(future.code).toBe(1);
    expect(future.err).toContain('future.yaml:2:11: error format version 5 is not one this Symbiose knows (1 to 4)');
    const french = run(['migrate', 'shop.yaml', '--lang', 'fr'], dir);
    expect(french.out).toBe('shop.yaml migré de la version de format 1 à 4.\n');
    expect(run(['migrate', '--help', '--lang', 'fr'], dir).out).toContain('met un fichier de modèle à la version de format actuelle');
  });

  it('moves the range a version-3 expression put on a factor onto that factor, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    const v3 = V1.replace('symbiose: 1', 'symbiose: 3').replace('amount: 2 }', 'amount: price }').replace('actors:', 'parameters:\n  base: 2\n  price:\n    value: "base * 1.15"\n    range: [1.0, 1.4]\nactors:');
    writeFileSync(join(dir, 'shop.yaml'), v3);
    const result = run(['migrate', 'shop.yaml'], dir);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/warning the range of "price" bounded its factor 1.15, not its value: that factor is now the parameter "price_factor", with the range/);
    const text = readFileSync(join(dir, 'shop.yaml'), 'utf8');
    expect(text).toContain('    value: "base * price_factor"\n  price_factor:\n    value: 1.15\n');
    // 10 buyers × 4 purchases × 2 × 1.15 = 92 a month, before and after.
    expect(run(['validate', 'shop.yaml'], dir).code).toBe(0);
  });

  it('writes JSON files as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ symbiose: 1, name: 'J', currency: 'EUR' }));
    expect(run(['migrate', 'm.json'], dir).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'))).toEqual({ symbiose: 4, name: 'J', currency: 'EUR' });
  });
});
