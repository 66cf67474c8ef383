/**
 * The one contract every workspace store honours, whatever its database: call
 * `storeContract(name, makeLocation)` from an implementation's test file. `makeLocation` gives a
 * fresh, empty workspace that can be opened more than once (to reopen it, or to hold two
 * connections at once as two tabs or two servers would). Expectations are written by hand from
 * the model below.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../src/core/index.js';
import { ChangesRefused, InvalidModel, ModelExists, ModelNotFound, NothingToRedo, NothingToUndo, Outdated, ResultNotFound, VersionNotFound, type Workspace } from '../src/store/index.js';

export interface StoreLocation {
  open(): Promise<Workspace>;
  dispose(): Promise<void>;
}

export const BAKERY = `# A bakery sells bread to its neighbours.
symbiose: 4
name: Bakery
currency: EUR
period: month
horizon: 12
parameters:
  price: 3 # euros a loaf
  loaves: 100
actors:
  bakery: { kind: organisation, name: Bakery }
  neighbours: { kind: segment, name: Neighbours, size: 500 }
valueObjects:
  bread: { nature: product }
  money: { nature: money }
transactions:
  sale:
    transfers:
      - { from: bakery, to: neighbours, object: bread }
      - { from: neighbours, to: bakery, object: money, amount: price * loaves }
`;

const PRICE_4: Change[] = [{ op: 'set-parameter', name: 'price', value: 4 }];
const ADD_MILL: Change[] = [{ op: 'add', kind: 'actor', id: 'mill', record: { kind: 'organisation', name: 'Mill' } }];

/** The error a promise rejects with (fails the test if it resolves). */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the store accepted it'),
    (error: unknown) => error,
  );
}

export function storeContract(name: string, makeLocation: () => Promise<StoreLocation>): void {
  describe(`the workspace store contract: ${name}`, () => {
    const open: Workspace[] = [];
    const locations: StoreLocation[] = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
      for (const location of locations.splice(0)) await location.dispose();
    });
    async function fresh(): Promise<{ store: Workspace; reopen: () => Promise<Workspace> }> {
      const location = await makeLocation();
      locations.push(location);
      const reopen = async () => {
        const store = await location.open();
        open.push(store);
        return store;
      };
      return { store: await reopen(), reopen };
    }
    /** A workspace holding the bakery as version 1. */
    async function bakery(): Promise<{ store: Workspace; reopen: () => Promise<Workspace> }> {
      const made = await fresh();
      await made.store.create({ id: 'bakery', text: BAKERY });
      return made;
    }

    it('creates a model from its text as version 1, keeping the text as written', async () => {
      const { store } = await fresh();
      const created = await store.create({ id: 'bakery', text: BAKERY });
      expect(created).toMatchObject({ model: 'bakery', number: 1, kind: 'create', of: null, changes: [], inverse: [], text: BAKERY, format: 'yaml' });
      expect(created.document.parameters).toEqual({ price: 3, loaves: 100 });
      expect(await store.list()).toEqual([{ id: 'bakery', name: 'Bakery', label: null, latest: 1, updatedAt: created.savedAt }]);
      expect(await store.read('bakery')).toEqual(created);
    });

    it('creates from a document, naming it after the document when no id is given', async () => {
      const { store } = await bakery();
      const { document } = await store.read('bakery');
      const copy = await store.create({ document });
      expect(copy.model).toBe('bakery-2');
      expect(copy.document).toEqual(document);
      expect((await store.list()).map((m) => m.id)).toEqual(['bakery', 'bakery-2']);
    });

    it('refuses a taken id and a text that is not a model, writing nothing', async () => {
      const { store } = await bakery();
      expect(await refusal(store.create({ id: 'bakery', text: BAKERY }))).toBeInstanceOf(ModelExists);
      const invalid = await refusal(store.create({ id: 'broken', text: 'symbiose: 3\nname: Broken\n' }));
      expect(invalid).toBeInstanceOf(InvalidModel);
      expect((invalid as InvalidModel).issues.map((i) => i.code)).toContain('missing-field');
      expect((await store.list()).map((m) => m.id)).toEqual(['bakery']);
    });

    it('saves a change list as a new version with its inverse, the text edited in place', async () => {
      const { store } = await bakery();
      const { version, issues } = await store.save('bakery', 1, PRICE_4);
      expect(issues).toEqual([]);
      expect(version).toMatchObject({ number: 2, kind: 'save', of: null, changes: PRICE_4, inverse: [{ op: 'set-parameter', name: 'price', value: 3 }] });
      expect(version.document.parameters).toEqual({ price: 4, loaves: 100 });
      // Only the value changed in the text: its comment stays.
      expect(version.text).toBe(BAKERY.replace('  price: 3 # euros a loaf', '  price: 4 # euros a loaf'));
      expect(await store.read('bakery')).toEqual(version);
      expect((await store.read('bakery', 1)).document.parameters).toEqual({ price: 3, loaves: 100 });
      const history = await store.history('bakery');
      expect(history.versions.map((v) => [v.number, v.kind, v.changes])).toEqual([
        [1, 'create', []],
        [2, 'save', PRICE_4],
      ]);
      expect([history.undo, history.redo]).toEqual([2, null]);
    });

    it('refuses a save based on an outdated version, naming what was saved since', async () => {
      const { store } = await bakery();
      await store.save('bakery', 1, PRICE_4);
      await store.save('bakery', 2, ADD_MILL);
      const error = await refusal(store.save('bakery', 1, [{ op: 'set-parameter', name: 'loaves', value: 90 }]));
      expect(error).toBeInstanceOf(Outdated);
      const outdated = error as Outdated;
      expect([outdated.code, outdated.model, outdated.basedOn, outdated.latest]).toEqual(['outdated', 'bakery', 1, 3]);
      expect(outdated.since.map((v) => [v.number, v.kind, v.changes])).toEqual([
        [2, 'save', PRICE_4],
        [3, 'save', ADD_MILL],
      ]);
      // Nothing was merged: loaves is still 100 and the latest is still 3.
      const latest = await store.read('bakery');
      expect([latest.number, latest.document.parameters?.loaves]).toEqual([3, 100]);
      expect(await refusal(store.save('bakery', 4, PRICE_4))).toBeInstanceOf(VersionNotFound);
    });

    it('refuses a change list whole when one change fails', async () => {
      const { store } = await bakery();
      const error = await refusal(store.save('bakery', 1, [...PRICE_4, { op: 'remove', kind: 'actor', id: 'nobody' }]));
      expect(error).toBeInstanceOf(ChangesRefused);
      expect((error as ChangesRefused).issues.map((i) => [i.code, i.params])).toEqual([['edit-unknown', { change: 1, kind: 'actor', id: 'nobody' }]]);
      const latest = await store.read('bakery');
      expect([latest.number, latest.document.parameters?.price]).toEqual([1, 3]);
    });

    it('undoes and redoes as new versions, in order, until there is nothing left', async () => {
      const { store } = await bakery();
      const v1 = await store.read('bakery');
      const v2 = (await store.save('bakery', 1, PRICE_4)).version;
      const v3 = (await store.save('bakery', 2, ADD_MILL)).version;
      const v4 = (await store.undo('bakery', 3)).version;
      expect(v4).toMatchObject({ number: 4, kind: 'undo', of: 3, changes: [{ op: 'remove', kind: 'actor', id: 'mill' }] });
      expect(v4.document).toEqual(v2.document);
      const v5 = (await store.undo('bakery', 4)).version;
      expect(v5).toMatchObject({ number: 5, kind: 'undo', of: 2, changes: [{ op: 'set-parameter', name: 'price', value: 3 }] });
      expect(v5.document).toEqual(v1.document);
      expect(v5.text).toBe(BAKERY);
      expect(await refusal(store.undo('bakery', 5))).toBeInstanceOf(NothingToUndo);
      expect(await store.history('bakery')).toMatchObject({ undo: null, redo: 5 });

      const v6 = (await store.redo('bakery', 5)).version;
      expect(v6).toMatchObject({ number: 6, kind: 'redo', of: 5, changes: PRICE_4 });
      expect(v6.document).toEqual(v2.document);
      const v7 = (await store.redo('bakery', 6)).version;
      expect(v7).toMatchObject({ number: 7, kind: 'redo', of: 4, changes: ADD_MILL });
      expect(v7.document).toEqual(v3.document);
      expect(await refusal(store.redo('bakery', 7))).toBeInstanceOf(NothingToRedo);
      // The redone save undoes again; a new save then ends what could be redone.
      expect((await store.undo('bakery', 7)).version).toMatchObject({ number: 8, of: 7, changes: [{ op: 'remove', kind: 'actor', id: 'mill' }] });
      await store.save('bakery', 8, [{ op: 'set-parameter', name: 'loaves', value: 80 }]);
      expect(await store.history('bakery')).toMatchObject({ undo: 9, redo: null });
      expect(await refusal(store.redo('bakery', 9))).toBeInstanceOf(NothingToRedo);
      expect(await refusal(store.undo('bakery', 3))).toBeInstanceOf(Outdated);
    });

    it('restores any version as a new one, which undoes like a save', async () => {
      const { store } = await bakery();
      await store.save('bakery', 1, PRICE_4);
      const v3 = (await store.save('bakery', 2, ADD_MILL)).version;
      const restored = (await store.restore('bakery', 3, 1)).version;
      expect(restored).toMatchObject({ number: 4, kind: 'restore', of: 1, text: BAKERY });
      expect(restored.changes).toEqual([
        { op: 'remove', kind: 'actor', id: 'mill' },
        { op: 'set-parameter', name: 'price', value: 3 },
      ]);
      expect(restored.document).toEqual((await store.read('bakery', 1)).document);
      expect((await store.undo('bakery', 4)).version.document).toEqual(v3.document);
      expect(await refusal(store.restore('bakery', 5, 9))).toBeInstanceOf(VersionNotFound);
    });

    it('compares two versions as the changes from one to the other, both ways', async () => {
      const { store } = await bakery();
      await store.save('bakery', 1, PRICE_4);
      await store.save('bakery', 2, [...ADD_MILL, { op: 'set-label', kind: 'actor', id: 'bakery', field: 'name', text: 'The bakery' }]);
      expect(await store.compare('bakery', 1, 3)).toEqual([
        { op: 'add', kind: 'actor', id: 'mill', record: { kind: 'organisation', name: 'Mill' }, at: 2 },
        { op: 'set-parameter', name: 'price', value: 4 },
        { op: 'set-label', kind: 'actor', id: 'bakery', field: 'name', text: 'The bakery' },
      ]);
      expect(await store.compare('bakery', 3, 1)).toEqual([
        { op: 'remove', kind: 'actor', id: 'mill' },
        { op: 'set-parameter', name: 'price', value: 3 },
        { op: 'set-label', kind: 'actor', id: 'bakery', field: 'name', text: 'Bakery' },
      ]);
      expect(await store.compare('bakery', 2, 2)).toEqual([]);
    });

    it('deletes a model with its history', async () => {
      const { store } = await bakery();
      await store.save('bakery', 1, PRICE_4);
      await store.delete('bakery');
      expect(await store.list()).toEqual([]);
      expect(await refusal(store.read('bakery'))).toBeInstanceOf(ModelNotFound);
      expect(await refusal(store.history('bakery'))).toBeInstanceOf(ModelNotFound);
      expect(await refusal(store.delete('bakery'))).toBeInstanceOf(ModelNotFound);
      // The id is free again, with a history of its own.
      expect((await store.create({ id: 'bakery', text: BAKERY })).number).toBe(1);
      expect((await store.history('bakery')).versions).toHaveLength(1);
    });

    it('seeds an empty workspace once, even after a seeded model is deleted', async () => {
      const { store, reopen } = await fresh();
      expect(await store.seed([{ id: 'one', text: BAKERY }, { id: 'two', text: BAKERY }])).toEqual(['one', 'two']);
      await store.delete('two');
      expect(await store.seed([{ id: 'one', text: BAKERY }, { id: 'two', text: BAKERY }])).toEqual([]);
      expect(await (await reopen()).seed([{ id: 'two', text: BAKERY }])).toEqual([]);
      expect((await store.list()).map((m) => m.id)).toEqual(['one']);
    });

    it('keeps a result with the version and settings it was run on, a rerun replacing it', async () => {
      const { store, reopen } = await bakery();
      await store.save('bakery', 1, PRICE_4);
      const risk = { runs: 1000, seed: 1, sampling: 'lhs', ranges: true };
      const first = await store.keepResult({ model: 'bakery', version: 1, kind: 'risk', settings: risk, result: { loss: 0.41 } });
      expect(first).toMatchObject({ model: 'bakery', version: 1, kind: 'risk', settings: { ranges: true, runs: 1000, sampling: 'lhs', seed: 1 } });
      // The same settings in another order, and one left undefined, are the same run: replaced.
      const again = await store.keepResult({ model: 'bakery', version: 1, kind: 'risk', settings: { seed: 1, ranges: true, sampling: 'lhs', runs: 1000, precision: undefined }, result: { loss: 0.4 } });
      expect(again.id).toBeGreaterThan(first.id);
      // Another seed, another version, another kind: three more results beside it.
      const seed2 = await store.keepResult({ model: 'bakery', version: 1, kind: 'risk', settings: { ...risk, seed: 2 }, result: { loss: 0.39 } });
      const v2 = await store.keepResult({ model: 'bakery', version: 2, kind: 'risk', settings: risk, result: { loss: 0.2 } });
      const tornado = await store.keepResult({ model: 'bakery', version: 2, kind: 'sensitivity', settings: { method: 'tornado', seed: 1 }, result: [1, 2] });
      expect((await store.results('bakery')).map((r) => [r.id, r.version, r.kind])).toEqual([
        [tornado.id, 2, 'sensitivity'],
        [v2.id, 2, 'risk'],
        [seed2.id, 1, 'risk'],
        [again.id, 1, 'risk'],
      ]);
      expect((await store.results('bakery', 'sensitivity')).map((r) => r.id)).toEqual([tornado.id]);
      expect(await store.result('bakery', again.id)).toEqual({ ...again, result: { loss: 0.4 } });
      expect(await refusal(store.result('bakery', first.id))).toBeInstanceOf(ResultNotFound);
      // Kept across a reopening, and seen by another connection.
      expect((await (await reopen()).result('bakery', tornado.id)).result).toEqual([1, 2]);
    });

    it('refuses a result of a version or model that does not exist, and deletes results with their model', async () => {
      const { store } = await bakery();
      expect(await refusal(store.keepResult({ model: 'bakery', version: 2, kind: 'risk', settings: {}, result: {} }))).toBeInstanceOf(VersionNotFound);
      expect(await refusal(store.keepResult({ model: 'nobody', version: 1, kind: 'risk', settings: {}, result: {} }))).toBeInstanceOf(ModelNotFound);
      expect(await refusal(store.results('nobody'))).toBeInstanceOf(ModelNotFound);
      const kept = await store.keepResult({ model: 'bakery', version: 1, kind: 'risk', settings: { runs: 10 }, result: {} });
      expect(await refusal(store.result('bakery', kept.id + 1))).toBeInstanceOf(ResultNotFound);
      await store.delete('bakery');
      await store.create({ id: 'bakery', text: BAKERY });
      // The id is free again, with no results of the deleted model's.
      expect(await store.results('bakery')).toEqual([]);
      expect(await refusal(store.result('bakery', kept.id))).toBeInstanceOf(ResultNotFound);
    });

    it('keeps everything across a reopening, and two connections see each other’s saves', async () => {
      const { store, reopen } = await bakery();
      await store.save('bakery', 1, PRICE_4);
      const other = await reopen();
      expect((await other.read('bakery')).document.parameters).toEqual({ price: 4, loaves: 100 });
      await other.save('bakery', 2, ADD_MILL);
      // The first connection's tab still edits version 2: refused, with the other's save named.
      const error = (await refusal(store.save('bakery', 2, [{ op: 'set-parameter', name: 'loaves', value: 1 }]))) as Outdated;
      expect(error.since.map((v) => v.changes)).toEqual([ADD_MILL]);
      expect((await store.history('bakery')).versions.map((v) => v.number)).toEqual([1, 2, 3]);
    });
  });
}
