/**
 * The `symbiose` command as a user runs it: the built bin in a child process, in a scratch
 * directory. Checks output, exit codes (0 ok, 1 invalid model, 2 usage) and that no stack trace
 * ever reaches the user.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from '../src/core/index.js';

const BIN = resolve('bin/symbiose.js');
const PURPLE = resolve('library/purple-button.yaml');

function run(args: string[], cwd = mkdtempSync(join(tmpdir(), 'symbiose-'))) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  return { code: result.status, out: result.stdout, err: result.stderr, cwd };
}

describe('symbiose CLI', () => {
  it('init writes a starter that validates and answers every analysis', () => {
    const init = run(['init']);
    expect(init.code).toBe(0);
    const text = readFileSync(join(init.cwd, 'symbiose.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.?\/.*schema\/symbiose\.schema\.json$/m);
    expect(run(['validate'], init.cwd).out).toMatch(/symbiose.yaml is valid: 3 actors/);
    const canvas = run(['canvas', 'app'], init.cwd);
    expect(canvas.code).toBe(0);
    expect(canvas.out).toContain('Business Model Canvas — FitApp');
    expect(canvas.out).toContain('Revenue streams');
    expect(run(['payers'], init.cwd).out).toContain('Who pays: App users, Sports brands.');
    expect(run(['profit', '--actor', 'app'], init.cwd).out).toContain('Profitability sheet — FitApp');
    expect(run(['summary'], init.cwd).out).toContain('value created');
    // A second init does not overwrite the user's work.
    const again = run(['init'], init.cwd);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists; use --force');
  });

  it('validate exits 1 with located errors, and 0 on a valid model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    writeFileSync(join(dir, 'bad.yaml'), 'symbiose: 1\nname: Bad\ncurrency: EUR\nperiod: month\nhorizon: 3\nactors:\n  a: { kind: robot }\nvalueObjects: {}\ntransactions: {}\n');
    const bad = run(['validate', 'bad.yaml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('bad.yaml:7:14: error expected one of "organisation"');
    expect(bad.out).toContain('(at actors.a.kind)');
    const json = run(['validate', 'bad.yaml', '--json'], dir);
    expect(JSON.parse(json.out)).toMatchObject({ file: 'bad.yaml', valid: false, issues: [{ code: 'schema', line: 7, column: 14, path: 'actors.a.kind' }] });
    expect(run(['validate', PURPLE]).code).toBe(0);
  });

  it('analyses refuse an invalid model with exit 1 and its issues on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    writeFileSync(join(dir, 'm.yaml'), 'symbiose: 1\nname: [\n');
    const result = run(['payers', '-m', 'm.yaml'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^m\.yaml:\d+:\d+: error /);
    expect(result.out).toBe('');
  });

  it('uses exit code 2 for usage errors', () => {
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['profit', '--by', 'decade', '-m', PURPLE]).code).toBe(2);
    const missing = run(['payers']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read symbiose.yaml: no such file');
    const actor = run(['canvas', 'insurr', '-m', PURPLE]);
    expect(actor.code).toBe(2);
    expect(actor.err).toContain('unknown actor "insurr"; did you mean "insurer"?');
  });

  it('prints help on every command, with exit 0', () => {
    for (const command of ['', 'init', 'validate', 'canvas', 'payers', 'profit', 'summary', 'schema', 'tour']) {
      const help = run([...(command ? [command] : []), '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/Usage: symbiose/);
    }
  });

  it('speaks JSON and Markdown', () => {
    const json = JSON.parse(run(['profit', '-m', PURPLE, '--json']).out) as Array<{ actor: string; npv: number }>;
    expect(json.map((s) => s.actor)).toContain('insurer');
    expect(typeof json[0]!.npv).toBe('number');
    const md = run(['canvas', 'insurer', '-m', PURPLE, '--format', 'md']).out;
    expect(md).toMatch(/^## Business Model Canvas — Assureur/m);
    expect(md).toMatch(/^### Value propositions$/m);
    const table = run(['payers', '-m', PURPLE, '--format', 'md']).out;
    expect(table).toMatch(/^\| Payer \| Payee \|/m);
    expect(table).toMatch(/^\| :--- \| :--- \| :--- \| ---: \| ---: \|$/m);
  });

  it('ships the schema it generates', () => {
    expect(JSON.parse(run(['schema']).out)).toEqual(modelJsonSchema());
    expect(JSON.parse(readFileSync('schema/symbiose.schema.json', 'utf8'))).toEqual(modelJsonSchema());
  });

  it('runs the tour on the Purple Button', () => {
    const tour = run(['tour']);
    expect(tour.code).toBe(0);
    for (const step of ['Step 1.', 'Step 2.', 'Step 3.', 'Step 4.', 'Step 5.']) expect(tour.out).toContain(step);
    expect(tour.out).toContain('Business Model Canvas — Assureur');
  });
});

describe('analyses as data', () => {
  // Two transactions with the same name and label: a basket (100) and a bag (20), bought once.
  const model = `symbiose: 1
name: Two sales
currency: EUR
period: month
horizon: 1
actors:
  buyer: { kind: individual }
  shop: { kind: organisation }
valueObjects:
  money: { nature: money }
  goods: { nature: product }
transactions:
  basket: { name: Vente, label: Sale, transfers: [{ from: shop, to: buyer, object: goods }, { from: buyer, to: shop, object: money, amount: 100 }] }
  bag: { name: Vente, label: Sale, transfers: [{ from: shop, to: buyer, object: goods }, { from: buyer, to: shop, object: money, amount: 20 }] }
scenarios:
  s: { start: { actor: buyer, count: 1 }, steps: [basket, bag] }
`;

  it('keeps two transactions that share a label as two lines under profit --labels --json (100 and 20, not 120)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-'));
    writeFileSync(join(dir, 'sales.yaml'), model);
    const sheet = JSON.parse(run(['profit', '--actor', 'shop', '--labels', '--json', '-m', 'sales.yaml'], dir).out) as {
      actor: string;
      actorName: string;
      revenues: Array<{ transaction: string; transactionName: string; counterparty: string; counterpartyName: string; total: number }>;
    };
    expect(sheet.revenues.map(({ transaction, transactionName, counterparty, total }) => ({ transaction, transactionName, counterparty, total }))).toEqual([
      { transaction: 'basket', transactionName: 'Sale', counterparty: 'buyer', total: 100 },
      { transaction: 'bag', transactionName: 'Sale', counterparty: 'buyer', total: 20 },
    ]);
    const all = JSON.parse(run(['profit', '--json', '-m', 'sales.yaml'], dir).out) as Array<{ actor: string; revenues: Array<{ total: number; transactionName: string }> }>;
    expect(all.find((s) => s.actor === 'shop')!.revenues.map((l) => [l.transactionName, l.total])).toEqual([
      ['Vente', 100],
      ['Vente', 20],
    ]);
  });

  it('gives ids with their names in the JSON of canvas and payers', () => {
    const canvas = JSON.parse(run(['canvas', 'insurer', '-m', PURPLE, '--json']).out) as {
      actor: string;
      actorName: string;
      blocks: { revenueStreams: Array<{ kind: string; transaction: string; transactionName: string; counterparty: string; counterpartyName: string }> };
    };
    expect(canvas).toMatchObject({ actor: 'insurer', actorName: 'Assureur' });
    expect(canvas.blocks.revenueStreams[0]).toMatchObject({ kind: 'money', direction: 'in', counterparty: 'policyholders', counterpartyName: 'Assurés' });
    const payers = JSON.parse(run(['payers', '-m', PURPLE, '--json']).out) as { overall: { payments: Array<Record<string, unknown>>; payers: string[]; payerNames: string[] } };
    expect(payers.overall.payments[0]).toHaveProperty('payerName');
    expect(payers.overall.payerNames.length).toBe(payers.overall.payers.length);
  });
});
