/**
 * A model with a parameter drawn from a CSV column (an empirical distribution), saved in the
 * workspace: the server keeps the model's text, not the file, so it cannot draw that parameter.
 * The risk job and both sensitivity routes refuse the model with a 422 that names the parameter,
 * places it at its distribution's column in the text (line and column), and says why, in English
 * and in French; no job is started. The CLI, beside the file, draws it (test/risk-empirical.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './server-helpers.js';
import { shopModel } from './shop-model.js';

const riskWorker = new URL('../dist/runtime/risk-worker.js', import.meta.url);
const sensitivityWorker = new URL('../dist/runtime/sensitivity-worker.js', import.meta.url);

const SHOP = shopModel({
  name: 'Empirical shop',
  rentFirst: true,
  price: '{ value: 100, unit: EUR, assumption: "observed", distribution: { kind: empirical, file: h.csv, column: x } }',
  rent: '{ value: 100, unit: EUR/year, source: "the lease" }',
});
// The price is line 9 of SHOP; the issue points at the x of its `column: x` (columns count from 1).
const LINE = 9;
const COLUMN = SHOP.split('\n')[LINE - 1]!.indexOf('column: x') + 'column: '.length + 1;

let t: TestApp;
beforeEach(async () => {
  t = await testApp({ riskWorker, sensitivityWorker });
  expect((await t.call('POST', '/api/models', { id: 'shop', text: SHOP, format: 'yaml' })).status).toBe(201);
});
afterEach(async () => {
  await t.workspace.close();
});

const calls: Array<[string, string, unknown]> = [
  ['POST', '/api/models/shop/risk', { runs: 100 }],
  ['POST', '/api/models/shop/sensitivity', { method: 'regression', runs: 50 }],
  ['GET', '/api/models/shop/analyses/sensitivity', undefined],
  ['POST', '/api/models/shop/analyses/sensitivity', { method: 'sobol', runs: 16 }],
];

describe('a parameter drawn from a CSV column the server cannot read', () => {
  it.each(calls)('%s %s: a 422 naming the parameter, located at its column', async (method, path, body) => {
    const en = await t.call(method, path, body);
    expect(en.status).toBe(422);
    expect(en.json.error.code).toBe('empirical-column-unread');
    expect(en.json.error.message).toBe('these parameters are drawn from a CSV column, which the server cannot read (it keeps the model’s text, not its data files): price. Run `symbiose risk` or `symbiose sensitivity` where the file is, or give these parameters a distribution of their own');
    expect(en.json.error.issues).toEqual([
      expect.objectContaining({
        code: 'distribution', severity: 'error', path: ['parameters', 'price', 'distribution', 'column'], line: LINE, column: COLUMN,
        params: { reason: 'empirical-server', name: 'price', file: 'h.csv', column: 'x' },
        message: '"price" is drawn from the column "x" of "h.csv", which the server cannot read (it keeps the model’s text, not its data files): run `symbiose risk` or `symbiose sensitivity` where the file is, or give "price" a distribution of its own',
      }),
    ]);
    const fr = await t.call(method, path, body, { 'accept-language': 'fr' });
    expect(fr.status).toBe(422);
    expect(fr.json.error.message).toBe('ces paramètres sont tirés d’une colonne CSV, que le serveur ne peut pas lire (il garde le texte du modèle, pas ses fichiers de données)\u00a0: price. Lancez `symbiose risk` ou `symbiose sensitivity` là où se trouve le fichier, ou donnez à ces paramètres une distribution à eux');
    // French guillemets with a no-break space inside, and one before the colon.
    const g = (name: string) => `«\u00a0${name}\u00a0»`;
    expect(fr.json.error.issues[0].message).toBe(`${g('price')} est tiré de la colonne ${g('x')} de ${g('h.csv')}, que le serveur ne peut pas lire (il garde le texte du modèle, pas ses fichiers de données)\u00a0: lancez \`symbiose risk\` ou \`symbiose sensitivity\` là où se trouve le fichier, ou donnez à ${g('price')} une distribution à lui`);
    // Nothing started, nothing kept.
    expect((await t.call('GET', '/api/models/shop/jobs')).json).toEqual([]);
    expect((await t.call('GET', '/api/models/shop/results')).json.results).toEqual([]);
  }, 30_000);
});
