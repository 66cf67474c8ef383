/**
 * The HTTP API's model routes through app.request() (no socket): create, read, save, an outdated
 * save refused with the versions since, undo, redo, restore, history, compare, delete; the
 * errors as the contract says, in French and English; the size limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/core/index.js';
import { BAKERY } from './store-contract.js';
import { testApp, type TestApp } from './server-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.workspace.close();
});

describe('models', () => {
  it('create → save → outdated save refused with the versions since → undo → redo → restore → history', async () => {
    const created = await t.call('POST', '/api/models', { id: 'bakery', text: BAKERY, format: 'yaml' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ model: 'bakery', number: 1, kind: 'create', format: 'yaml' });
    expect(created.json.document.parameters).toEqual({ price: 3, loaves: 100 });

    const listed = await t.call('GET', '/api/models');
    expect(listed.json).toMatchObject([{ id: 'bakery', name: 'Bakery', latest: 1 }]);

    const saved = await t.call('PUT', '/api/models/bakery', { basedOn: 1, changes: [{ op: 'set-parameter', name: 'price', value: 4 }] });
    expect(saved.status).toBe(200);
    expect(saved.json.version).toMatchObject({ number: 2, kind: 'save' });
    expect(saved.json.version.document.parameters.price).toBe(4);
    // The text is edited in place: the comment stays.
    expect(saved.json.version.text).toContain('price: 4 # euros a loaf');

    // A second tab still on version 1.
    const outdated = await t.call('PUT', '/api/models/bakery?lang=en', { basedOn: 1, changes: [{ op: 'set-parameter', name: 'loaves', value: 5 }] });
    expect(outdated.status).toBe(409);
    expect(outdated.json.error.code).toBe('outdated');
    expect(outdated.json.error.message).toContain('was saved once since version 1');
    expect(outdated.json.error.since).toHaveLength(1);
    expect(outdated.json.error.since[0]).toMatchObject({ number: 2, kind: 'save', changes: [{ op: 'set-parameter', name: 'price', value: 4 }] });
    expect(outdated.json.error.since[0].words).toHaveLength(1);
    expect((await t.call('GET', '/api/models/bakery')).json.document.parameters.loaves).toBe(100);

    const undone = await t.call('POST', '/api/models/bakery/undo', { basedOn: 2 });
    expect(undone.json.version).toMatchObject({ number: 3, kind: 'undo', of: 2 });
    expect(undone.json.version.document.parameters.price).toBe(3);
    const redone = await t.call('POST', '/api/models/bakery/redo', { basedOn: 3 });
    expect(redone.json.version).toMatchObject({ number: 4, kind: 'redo', of: 3 });
    expect(redone.json.version.document.parameters.price).toBe(4);
    const restored = await t.call('POST', '/api/models/bakery/restore', { basedOn: 4, version: 1 });
    expect(restored.json.version).toMatchObject({ number: 5, kind: 'restore', of: 1 });
    expect(restored.json.version.document).toEqual(created.json.document);

    const history = await t.call('GET', '/api/models/bakery/history');
    expect(history.json.versions.map((v: { kind: string }) => v.kind)).toEqual(['create', 'save', 'undo', 'redo', 'restore']);
    expect(history.json.versions[1].words).toEqual(expect.arrayContaining([expect.stringContaining('price')]));
    expect(history.json.undo).toBe(5);

    const old = await t.call('GET', '/api/models/bakery?version=2');
    expect(old.json).toMatchObject({ number: 2 });
    expect(old.json.document.parameters.price).toBe(4);

    const compared = await t.call('GET', '/api/models/bakery/compare?from=1&to=2');
    expect(compared.json.changes).toEqual([{ op: 'set-parameter', name: 'price', value: 4 }]);
    expect(compared.json.words).toHaveLength(1);

    const deleted = await t.call('DELETE', '/api/models/bakery');
    expect(deleted.status).toBe(204);
    expect((await t.call('GET', '/api/models/bakery')).status).toBe(404);
  });

  it('creates from a document and makes the id from its name', async () => {
    const document = { symbiose: 2, name: 'Two Shops', currency: 'EUR', period: 'year', horizon: 2, actors: { a: { kind: 'organisation' } }, valueObjects: {}, transactions: {} };
    const created = await t.call('POST', '/api/models', { document });
    expect(created.status).toBe(201);
    expect(created.json.model).toBe('two-shops');
  });

  it('a rename reaches the dynamics equations (the engine applies the changes)', async () => {
    const text = `symbiose: 2\nname: Growth\ncurrency: EUR\nperiod: year\nhorizon: 3\nparameters:\n  rate: 0.1\nactors: {}\nvalueObjects: {}\ntransactions: {}\ndynamics:\n  stocks:\n    users: { initial: 10, inflows: [joining] }\n  flows:\n    joining: users * rate\n`;
    expect((await t.call('POST', '/api/models', { id: 'growth', text })).status).toBe(201);
    const renamed = await t.call('PUT', '/api/models/growth', { basedOn: 1, changes: [{ op: 'rename', kind: 'parameter', from: 'rate', to: 'growth' }] });
    expect(renamed.status).toBe(200);
    expect(renamed.json.version.document.dynamics.flows.joining).toBe('users * growth');
  });

  it('a refused change list is a 422 with located issues, in French and in English', async () => {
    await t.call('POST', '/api/models', { id: 'bakery', text: BAKERY });
    const changes = [{ op: 'remove', kind: 'actor', id: 'ghost' }];
    const en = await t.call('PUT', '/api/models/bakery?lang=en', { basedOn: 1, changes });
    expect(en.status).toBe(422);
    expect(en.json.error.code).toBe('changes-refused');
    expect(en.json.error.message).toBe('the changes cannot be applied to model "bakery" (see why below): nothing was saved');
    expect(en.json.error.issues).toMatchObject([{ code: 'edit-unknown', params: { change: 0, kind: 'actor', id: 'ghost' } }]);
    const fr = await t.call('PUT', '/api/models/bakery', { basedOn: 1, changes }, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.8' });
    expect(fr.json.error.message).toContain('les changements ne peuvent pas');
    expect(fr.json.error.issues[0].message).not.toBe(en.json.error.issues[0].message);
    expect(fr.json.error.issues[0].code).toBe('edit-unknown');
  });

  it('a change that is not a change is refused by the schema, located in the body, and nothing is written', async () => {
    await t.call('POST', '/api/models', { id: 'bakery', text: BAKERY });
    const body = { basedOn: 1, changes: [{ op: 'add', kind: 'actor', id: 'mill', record: { kind: 'mill' } }] };
    const en = await t.call('PUT', '/api/models/bakery?lang=en', body);
    expect(en.status).toBe(422);
    expect(en.json.error.code).toBe('invalid-request');
    expect(en.json.error.issues).toMatchObject([{ code: 'schema', path: ['changes', 0, 'record', 'kind'], params: { reason: 'one-of' } }]);
    expect(en.json.error.issues[0].message).toContain('organisation');
    const fr = await t.call('PUT', '/api/models/bakery?lang=fr', body);
    expect(fr.json.error.message).toContain('la requête n’a pas la forme');
    expect((await t.call('GET', '/api/models/bakery')).json.number).toBe(1);
  });

  it('an invalid model text is a 422 with issues at their line and column', async () => {
    const created = await t.call('POST', '/api/models?lang=en', { id: 'bad', text: 'symbiose: 2\nname: Bad\ncurrency: EUR\nperiod: fortnight\nhorizon: 2\nactors: {}\nvalueObjects: {}\ntransactions: {}\n' });
    expect(created.status).toBe(422);
    expect(created.json.error.code).toBe('invalid-model');
    expect(created.json.error.issues[0]).toMatchObject({ code: 'schema', path: ['period'], line: 4, column: 9 });
  });

  it('answers the errors of the contract', async () => {
    expect((await t.call('GET', '/api/models/none')).json.error).toMatchObject({ code: 'model-not-found', message: 'there is no model "none" in the workspace' });
    expect((await t.call('GET', '/api/nothing/here')).status).toBe(404);
    const json = await t.call('POST', '/api/models', '{ not json');
    expect(json.status).toBe(400);
    expect(json.json.error.code).toBe('invalid-json');
    await t.call('POST', '/api/models', { id: 'bakery', text: BAKERY });
    expect((await t.call('POST', '/api/models', { id: 'bakery', text: BAKERY })).status).toBe(409);
    expect((await t.call('POST', '/api/models/bakery/redo', { basedOn: 1 })).json.error.code).toBe('nothing-to-redo');
    expect((await t.call('GET', '/api/models/bakery?version=9')).status).toBe(404);
    expect((await t.call('GET', '/api/models/bakery?version=zero')).status).toBe(422);
  });

  it('refuses a body past the size limit with 413 in the words of the limit issue', async () => {
    const big = JSON.stringify({ id: 'big', text: `# ${'x'.repeat(LIMITS.fileBytes)}\n` });
    const answer = await t.call('POST', '/api/models?lang=en', big);
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe('limit');
    expect(answer.json.error.message).toMatch(/^the request is too large: .*fileBytes/);
    expect(answer.json.error.issues[0]).toMatchObject({ code: 'limit', params: { limit: 'fileBytes', max: LIMITS.fileBytes } });
  });

  it('answers an unexpected error with a 500, a reference and no internals', async () => {
    t.workspace.list = async () => {
      throw new Error('secret internals at line 3');
    };
    const answer = await t.call('GET', '/api/models');
    expect(answer.status).toBe(500);
    expect(answer.json.error.code).toBe('internal');
    expect(JSON.stringify(answer.json)).not.toContain('secret');
    const reference = /\(([0-9a-f]{8})\)/.exec(answer.json.error.message)![1]!;
    expect(t.logged.join('\n')).toContain(reference);
    expect(t.logged.join('\n')).toContain('secret internals');
  });
});

describe('library', () => {
  it('lists the library with descriptions, sources and assumptions, and copies a model into the workspace', async () => {
    const cards = (await t.call('GET', '/api/library')).json;
    const purple = cards.find((card: { id: string }) => card.id === 'purple-button');
    expect(purple).toMatchObject({ id: 'purple-button', errors: 0 });
    // The library's texts are in both languages (format version 3).
    expect(purple.description.fr.length).toBeGreaterThan(0);
    expect(purple.description.en.length).toBeGreaterThan(0);
    expect(purple.provenance.parameters.length).toBeGreaterThan(0);
    expect(purple.assumptions).toEqual(purple.provenance.parameters);
    expect(purple.assumptions.find((p: { name: string }) => p.name === 'premium')).toMatchObject({ value: 40, unit: 'EUR/month' });
    const first = await t.call('POST', '/api/library/purple-button/copy');
    expect(first.status).toBe(201);
    expect(first.json.model).toBe('purple-button');
    const second = await t.call('POST', '/api/library/purple-button/copy');
    expect(second.json.model).toBe('purple-button-copy');
    const named = await t.call('POST', '/api/library/purple-button/copy', { id: 'mine' });
    expect(named.json.model).toBe('mine');
    const unknown = await t.call('POST', '/api/library/purple-buton/copy?lang=en');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toContain('did you mean "purple-button"');
  });
});
