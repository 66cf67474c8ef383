/**
 * The API's analyses and files through app.request(): each analysis answers the very data the
 * CLI's --json prints for the same library model (both run here), the simulation included (in
 * the real worker backend); errors are located; XMILE comes in as a model and goes out again.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workerBackend } from '../src/runtime/index.js';
import { testApp, type TestApp } from './server-helpers.js';
import { BAKERY } from './store-contract.js';

const BIN = resolve('bin/symbiose.js');
/** The worker compiled to dist/ (the sources' own worker would be TypeScript). */
const engine = workerBackend(new URL('../dist/runtime/engine-worker.js', import.meta.url));

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ engine });
});
afterEach(async () => {
  await t.workspace.close();
});

function cliJson(args: string[]): unknown {
  const run = spawnSync(process.execPath, [BIN, ...args, '--json'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en', NO_COLOR: '1' } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

async function copied(id: string): Promise<void> {
  expect((await t.call('POST', `/api/library/${id}/copy`)).status).toBe(201);
}

describe('analyses', () => {
  it('answer what the CLI prints with --json, for the same library model', async () => {
    await copied('purple-button');
    await copied('pinduoduo');
    const cases: Array<[string, string[]]> = [
      ['/api/models/purple-button/analyses/canvas?actor=insurer', ['canvas', 'purple-button', 'insurer']],
      ['/api/models/purple-button/analyses/canvas?actor=Insurer&labels=true', ['canvas', 'purple-button', 'Insurer', '--labels']],
      ['/api/models/purple-button/analyses/canvas?actor=assureur', ['canvas', 'purple-button', 'assureur']],
      ['/api/models/purple-button/analyses/payers', ['payers', 'purple-button']],
      ['/api/models/purple-button/analyses/profit', ['profit', 'purple-button']],
      ['/api/models/purple-button/analyses/profit?actor=insurer', ['profit', 'purple-button', '--actor', 'insurer']],
      ['/api/models/purple-button/analyses/summary', ['summary', 'purple-button']],
      ['/api/models/pinduoduo/analyses/compare', ['compare', 'pinduoduo']],
      ['/api/models/pinduoduo/analyses/simulate?method=rk4&vars=buyers', ['simulate', 'pinduoduo', '--method', 'rk4', '--vars', 'buyers']],
    ];
    for (const [path, args] of cases) {
      const answer = await t.call('GET', path);
      expect(answer.status, path).toBe(200);
      expect(answer.json, path).toEqual(cliJson(args));
    }
  }, 120_000);

  it('a simulation answers its times and series, and refuses a model without dynamics', async () => {
    await copied('pinduoduo');
    // every library model has dynamics: the model without is the bakery of the store's tests
    expect((await t.call('POST', '/api/models', { id: 'bakery', text: BAKERY, format: 'yaml' })).status).toBe(201);
    const run = (await t.call('GET', '/api/models/pinduoduo/analyses/simulate?until=2&dt=1&vars=buyers')).json;
    expect(run.times).toEqual([0, 1, 2]);
    // The variable as the model writes it.
    expect(Object.keys(run.series)).toEqual(['Buyers']);
    const none = await t.call('GET', '/api/models/bakery/analyses/simulate?lang=en');
    expect(none.status).toBe(422);
    expect(none.json.error).toMatchObject({ code: 'no-dynamics', message: 'model "bakery" has no dynamics section to simulate' });
    const bad = await t.call('GET', '/api/models/pinduoduo/analyses/simulate?dt=-1');
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0]).toMatchObject({ code: 'schema', path: ['dt'] });
  });

  it('names the actors when the one asked is unknown, and locates a model\'s errors', async () => {
    await copied('purple-button');
    const unknown = await t.call('GET', '/api/models/purple-button/analyses/canvas?actor=insurr&lang=en');
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.code).toBe('unknown-actor');
    expect(unknown.json.error.message).toContain('did you mean "insurer"');
    const missing = await t.call('GET', '/api/models/purple-button/analyses/canvas');
    expect(missing.json.error.issues[0]).toMatchObject({ code: 'missing-field', params: { field: 'actor' } });

    // A reference to an actor that is not there: the store keeps it (a model being built), the analysis refuses it.
    const broken = await t.call('PUT', '/api/models/purple-button', { basedOn: 1, changes: [{ op: 'remove', kind: 'actor', id: 'insurer' }] });
    expect(broken.status).toBe(200);
    for (const lang of ['en', 'fr']) {
      const answer = await t.call('GET', `/api/models/purple-button/analyses/payers?lang=${lang}`);
      expect(answer.status).toBe(422);
      expect(answer.json.error.code).toBe('invalid-model');
      const first = answer.json.error.issues.find((i: { code: string }) => i.code === 'unknown-reference');
      expect(first).toMatchObject({ params: { kind: 'actor', id: 'insurer' } });
      expect(first.line).toBeGreaterThan(0);
      expect(first.message).toContain('insurer');
    }
    const en = await t.call('GET', '/api/models/purple-button/analyses/payers?lang=en');
    const fr = await t.call('GET', '/api/models/purple-button/analyses/payers?lang=fr');
    expect(fr.json.error.message).not.toBe(en.json.error.message);
    expect(en.json.error.message).toMatch(/^model "purple-button" has \d+ errors?/);
    expect(fr.json.error.message).toMatch(/^le modèle «\s?purple-button\s?» a \d+ erreurs?/);
  });

  it('compares only the variants asked, and refuses one that is not there', async () => {
    await copied('pinduoduo');
    const variants = Object.keys((await t.call('GET', '/api/models/pinduoduo')).json.document.variants);
    const one = (await t.call('GET', `/api/models/pinduoduo/analyses/compare?variants=${variants[0]}`)).json;
    expect(one.map((o: { variant: string }) => o.variant)).toEqual(['base', variants[0]]);
    const refused = await t.call('GET', '/api/models/pinduoduo/analyses/compare?variants=nope&lang=en');
    expect(refused.json.error).toMatchObject({ code: 'unknown-variant' });
  });
});

describe('files', () => {
  it('imports examples/teacup.xmile as a model, simulates it, and exports it as XMILE again', async () => {
    const xmile = readFileSync('examples/teacup.xmile', 'utf8');
    const imported = await t.call('POST', '/api/import?format=xmile&id=teacup&name=teacup.xmile', xmile, { 'content-type': 'application/xml' });
    expect(imported.status).toBe(201);
    expect(imported.json.model).toBe('teacup');
    expect(imported.json.document.description).toContain('teacup.xmile');
    expect(Object.keys(imported.json.document.dynamics.stocks)).toEqual(['Teacup Temperature']);
    const run = (await t.call('GET', '/api/models/teacup/analyses/simulate')).json;
    // Newton's cooling from 180 °F toward a room at 70 °F: the tea cools, never below the room.
    const temperature = run.series['Teacup Temperature'] as number[];
    expect(temperature[0]).toBe(180);
    expect(temperature.at(-1)).toBeLessThan(180);
    expect(temperature.at(-1)).toBeGreaterThan(70);
    const exported = await t.app.request('/api/models/teacup/export?format=xmile');
    expect(exported.headers.get('content-type')).toContain('application/xml');
    expect(await exported.text()).toContain('Teacup Temperature');
  });

  it('refuses a body that is not XMILE, with the engine\'s issues', async () => {
    const answer = await t.call('POST', '/api/import?format=xmile&lang=en', '<not xmile', { 'content-type': 'application/xml' });
    expect(answer.status).toBe(422);
    expect(answer.json.error.code).toBe('not-xmile');
    expect(answer.json.error.issues.length).toBeGreaterThan(0);
    expect(answer.json.error.issues[0].message.length).toBeGreaterThan(0);
  });

  it('imports YAML as written and exports it as YAML and JSON', async () => {
    const text = BAKERY;
    const imported = await t.call('POST', '/api/import?format=yaml&id=pb', text, { 'content-type': 'application/yaml' });
    expect(imported.status).toBe(201);
    const yaml = await t.app.request('/api/models/pb/export?format=yaml');
    expect(await yaml.text()).toBe(text);
    expect(yaml.headers.get('content-disposition')).toBe('attachment; filename="pb.yaml"');
    const json = await (await t.app.request('/api/models/pb/export?format=json')).json();
    expect(json).toEqual(imported.json.document);
  });

  it('exports an analysis as the CLI\'s CSV, and as an xlsx workbook that reads back', async () => {
    await copied('purple-button');
    const csv = await t.app.request('/api/models/purple-button/export?format=csv&table=payers&lang=en');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="purple-button-payers.csv"');
    const cli = spawnSync(process.execPath, [BIN, 'payers', 'purple-button', '--format', 'csv'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en' } });
    expect(await csv.text()).toBe(cli.stdout);

    const xlsx = await t.app.request('/api/models/purple-button/export?format=xlsx&table=profit&lang=en');
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('Actor');
    // Each actor's row of the overview holds its net cash as a number, equal to the JSON's total net.
    const sheets = (await t.call('GET', '/api/models/purple-button/analyses/profit')).json as Array<{ actorName: string; totalNet: number }>;
    const netColumn = header.findIndex((title) => title === 'Net cash') + 1;
    expect(netColumn).toBeGreaterThan(1);
    let compared = 0;
    sheet.eachRow((row, number) => {
      const expected = sheets.find((s) => s.actorName === row.getCell(1).value);
      if (number === 1 || !expected) return;
      // the workbook carries whole currency units, as the CSV does
      expect(row.getCell(netColumn).value).toBeCloseTo(expected.totalNet, 0);
      compared++;
    });
    expect(compared).toBeGreaterThan(1);
    const missing = await t.call('GET', '/api/models/purple-button/export?format=csv&lang=en');
    expect(missing.json.error.code).toBe('no-table');
  });
});
