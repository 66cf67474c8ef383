/** `symbiose compare` reads and parses the model once, then evaluates each variant from it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { variantOutcome } from '../src/analyses/index.js';
import { loadModel } from '../src/core/index.js';
import { prepareDynamics } from '../src/engine/index.js';

const BIN = resolve('bin/symbiose.js');

describe('symbiose compare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-compare-'));
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...(input !== undefined ? { input } : {}) });

  it('compares the variants of a model read from standard input, which can be read only once', () => {
    expect(cli(['template', 'platform', '-o', 'p.yaml']).status).toBe(0);
    const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
    const piped = cli(['compare', '-m', '-', '--json'], text);
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    const fromFile = cli(['compare', '-m', 'p.yaml', '--json']);
    expect(piped.stdout).toBe(fromFile.stdout);
  });

  it('gives each variant the figures of loading the text as that variant', () => {
    const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
    const compared = JSON.parse(cli(['compare', '-m', 'p.yaml', '--variants', 'seed-buyers,subsidise-sellers', '--json']).stdout) as Array<{ variant: string }>;
    expect(compared.map((o) => o.variant)).toEqual(['base', 'seed-buyers', 'subsidise-sellers']);
    for (const id of ['seed-buyers', 'subsidise-sellers']) {
      // The text pipeline, variant applied before parsing ends: the reference the CLI must match.
      const loaded = loadModel(text, 'p.yaml', { dynamics: prepareDynamics, variant: id }).ecosystem!;
      const expected = JSON.parse(JSON.stringify(variantOutcome(id, loaded.doc.variants![id]!.name ?? id, loaded), (_k, v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(12)) : v)));
      // The JSON may name things beside the figures (actor names): the figures must be these.
      expect(compared.find((o) => o.variant === id)).toMatchObject(expected);
    }
  });

  it("gives a segment what its members gain in each variant, not NPV or break-even", () => {
    const file = join(dir, 'bakery.yaml');
    writeFileSync(
      file,
      `symbiose: 3
name: Bakery
currency: EUR
period: month
horizon: 12
actors:
  bakery: { kind: organisation }
  households: { kind: segment, size: 100 }
valueObjects:
  money: { nature: money }
  bread: { nature: product, valuation: 3 }
parameters:
  price: { value: 2 }
transactions:
  buy: { transfers: [{ from: households, to: bakery, object: money, amount: price }, { from: bakery, to: households, object: bread }] }
scenarios:
  weekly: { start: { actor: households, count: 4 }, steps: [buy] }
variants:
  dearer: { name: Dearer bread, set: { price: 2.5 } }
`,
    );
    const text = cli(['compare', '-m', file, '--exact']).stdout;
    // By hand: 100 households × 4 loaves × 12 months = 4,800 loaves, worth 3 each = 14,400;
    // they pay 2 (9,600) as written and 2.5 (12,000) in the variant: gains 4,800 and 2,400.
    const block = text.slice(text.indexOf('households'), text.indexOf('EUR;'));
    expect(block).toMatch(/^  Value received \(non-money\)\s+14,400\s+14,400$/m);
    expect(block).toMatch(/^  Money \(net\)\s+−9,600\s+−12,000$/m);
    expect(block).toMatch(/^  Net gain\s+4,800\s+2,400$/m);
    expect(block).not.toMatch(/NPV|Break-even/);
    expect(text.slice(0, text.indexOf('households'))).toMatch(/^  NPV/m);
  });
});
