import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../model/index.js';
import { LATEST_VERSION, migrate, MIGRATIONS, OLDEST_VERSION, versionOf } from './index.js';

const v1 = {
  symbiose: 1,
  name: 'Shop',
  actors: { shop: { kind: 'organisation' }, buyers: { kind: 'segment', size: 10 } },
};

describe('the migration registry', () => {
  it('has one migration per version step, ending at the format version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => OLDEST_VERSION + i));
    expect(LATEST_VERSION).toBe(FORMAT_VERSION);
  });
});

describe('version 2: actor positions', () => {
  it('up changes only the version, in its place', () => {
    const { data, from, to, issues } = migrate(v1, 2);
    expect(data).toEqual({ ...v1, symbiose: 2 });
    expect(Object.keys(data as object)).toEqual(['symbiose', 'name', 'actors']);
    expect([from, to, issues]).toEqual([1, 2, []]);
    expect(migrate(v1).data).toEqual({ ...v1, symbiose: 3 });
    expect(v1.symbiose).toBe(1); // the input is untouched
  });

  it('down drops positions and warns how many', () => {
    const v2 = { ...v1, symbiose: 2, actors: { shop: { kind: 'organisation', position: { x: 10, y: -4 } }, buyers: v1.actors.buyers } };
    const { data, issues } = migrate(v2, 1);
    expect(data).toEqual(v1);
    expect(issues).toEqual([
      { code: 'migration-loss', severity: 'warning', path: ['actors'], params: { field: 'position', count: 1, from: 2, to: 1 }, atKey: true },
    ]);
    expect(v2.actors.shop.position).toEqual({ x: 10, y: -4 });
  });

  it('down with no positions loses nothing and says nothing; up then down is the identity', () => {
    expect(migrate(migrate(v1, 2).data, 1)).toEqual({ data: v1, from: 2, to: 1, issues: [] });
  });
});

describe('version 3: texts in French and English', () => {
  const v2 = { ...v1, symbiose: 2, description: 'A corner shop.' };
  const v3 = {
    symbiose: 3,
    name: 'Shop',
    description: { fr: 'Une épicerie.', en: 'A corner shop.' },
    parameters: { price: { value: 2, assumption: { fr: 'le prix du quartier', en: 'the price nearby' } }, rent: { value: 9, assumption: { fr: 'un loyer' } } },
    actors: { shop: { kind: 'organisation', description: { en: 'sells' }, costs: [{ name: 'rent', fixed: 'rent', description: { fr: 'loyer', en: 'rent' } }] } },
  };

  it('up changes only the version: a plain string is still a text', () => {
    expect(migrate(v2)).toEqual({ data: { ...v2, symbiose: 3 }, from: 2, to: 3, issues: [] });
  });

  it('down keeps English where there is English, else the one language written, and counts each text that lost one', () => {
    const { data, issues } = migrate(v3, 2);
    expect(data).toEqual({
      symbiose: 2,
      name: 'Shop',
      description: 'A corner shop.',
      parameters: { price: { value: 2, assumption: 'the price nearby' }, rent: { value: 9, assumption: 'un loyer' } },
      actors: { shop: { kind: 'organisation', description: 'sells', costs: [{ name: 'rent', fixed: 'rent', description: 'rent' }] } },
    });
    // Two descriptions (the model's, the rent cost's) and one assumption had both languages.
    expect(issues.map((i) => [i.code, i.params])).toEqual([
      ['migration-loss', { field: 'description', count: 2, from: 3, to: 2 }],
      ['migration-loss', { field: 'assumption', count: 1, from: 3, to: 2 }],
    ]);
    expect(v3.description).toEqual({ fr: 'Une épicerie.', en: 'A corner shop.' });
  });

  it('down drops the quote, basis and calibrated of a figure, and counts them', () => {
    const sourced = {
      symbiose: 3,
      name: 'Shop',
      parameters: { group: { value: 50, source: 'seed 003', quote: 'deux groupes de 50' }, churn: { value: 0.02, assumption: 'a guess', basis: 'seed 001', calibrated: 'to 2 %' } },
    };
    const { data, issues } = migrate(sourced, 2);
    expect(data).toEqual({ symbiose: 2, name: 'Shop', parameters: { group: { value: 50, source: 'seed 003' }, churn: { value: 0.02, assumption: 'a guess' } } });
    expect(issues.map((i) => i.params.field)).toEqual(['quote', 'basis', 'calibrated']);
  });

  it('down leaves alone a mapping under another key, even one with en and fr keys', () => {
    const odd = { symbiose: 3, name: 'Odd', actors: { en: { kind: 'organisation' }, fr: { kind: 'organisation' } } };
    expect(migrate(odd, 2)).toEqual({ data: { ...odd, symbiose: 2 }, from: 3, to: 2, issues: [] });
  });
});

describe('migrate', () => {
  it('refuses a version newer than it knows, and leaves an unreadable version to the schema', () => {
    const future = migrate({ symbiose: LATEST_VERSION + 1 });
    expect(future.issues.map((i) => [i.code, i.params.version, i.params.latest])).toEqual([['format-version', LATEST_VERSION + 1, LATEST_VERSION]]);
    expect(migrate({ symbiose: 'one' })).toEqual({ data: { symbiose: 'one' }, from: undefined, to: undefined, issues: [] });
    expect(migrate([1, 2]).issues).toEqual([]);
    expect(versionOf({ symbiose: 1.5 })).toBeUndefined();
  });

  it('keeps a document at its own version as it is', () => {
    const latest = { ...v1, symbiose: LATEST_VERSION };
    expect(migrate(latest)).toEqual({ data: latest, from: LATEST_VERSION, to: LATEST_VERSION, issues: [] });
  });
});
