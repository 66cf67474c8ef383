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
    expect(migrate(v1).data).toEqual({ ...v1, symbiose: LATEST_VERSION });
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
    expect(migrate(v2, 3)).toEqual({ data: { ...v2, symbiose: 3 }, from: 2, to: 3, issues: [] });
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

describe('version 4: distributions, correlations, experiment records, segment members', () => {
  const v3 = {
    symbiose: 3,
    name: 'Cover',
    parameters: {
      premium: { value: 40, range: [25, 80] },
      cover_worth: { value: 'premium * 1.15', unit: 'EUR/month', assumption: { en: 'a 15 % risk premium' }, range: [1.0, 1.4] },
      premium_worth: { value: 'premium * months * 1.3', range: [20, 300] },
      months: 4,
    },
    actors: { insurer: { kind: 'organisation' } },
  };

  it('up moves a range that bounded the one number of an expression inside it onto that number, made a parameter', () => {
    const { data, issues } = migrate(v3);
    expect(data).toEqual({
      ...v3,
      symbiose: 4,
      parameters: {
        premium: { value: 40, range: [25, 80] },
        cover_worth: { value: 'premium * cover_worth_factor', unit: 'EUR/month' },
        // 1.15 lies in [1.0, 1.4]: the range and the rationale of the figure go with it.
        cover_worth_factor: { value: 1.15, assumption: { en: 'a 15 % risk premium' }, range: [1.0, 1.4] },
        // 1.3 does not lie in [20, 300] (nor does 0 or any other number written there): the range bounds the value.
        premium_worth: { value: 'premium * months * 1.3', range: [20, 300] },
        months: 4,
      },
    });
    expect(Object.keys((data as { parameters: object }).parameters)).toEqual(['premium', 'cover_worth', 'cover_worth_factor', 'premium_worth', 'months']);
    expect(issues.map((i) => [i.code, i.severity, i.path, i.params])).toEqual([
      ['migration-range', 'warning', ['parameters', 'cover_worth', 'range'], { parameter: 'cover_worth', reading: 'factor', factor: 'cover_worth_factor', number: 1.15 }],
      ['migration-range', 'warning', ['parameters', 'premium_worth', 'range'], { parameter: 'premium_worth', reading: 'value' }],
    ]);
  });

  it('up gives the factor a free name, and reads a range as the value when two numbers lie inside it', () => {
    const taken = { ...v3, parameters: { x: { value: 'y * 1.2 + 1.3', range: [1, 2] }, w: { value: '2*y*1.2', range: [1, 1.5] }, w_factor: 1, y: 1 } };
    const { data, issues } = migrate(taken);
    expect((data as { parameters: unknown }).parameters).toEqual({ x: { value: 'y * 1.2 + 1.3', range: [1, 2] }, w: { value: '2*y*w_factor_2' }, w_factor_2: { value: 1.2, range: [1, 1.5] }, w_factor: 1, y: 1 });
    expect(issues.map((i) => i.params.reading)).toEqual(['value', 'factor']);
  });

  it('down drops distributions, members, correlations and the experiment records, counting each', () => {
    const v4 = {
      symbiose: 4,
      name: 'Cover',
      parameters: { premium: { value: 40, range: [25, 80], distribution: { kind: 'pert', min: 25, max: 80 } }, months: 4 },
      actors: { banks: { kind: 'segment', size: 3, members: 'organisations' }, insurer: { kind: 'organisation' } },
      correlations: [{ between: ['premium', 'months'], rank: 0.5 }],
      hypotheses: { h1: { kind: 'viability', statement: 'x' }, h2: { kind: 'desirability', statement: 'y' } },
      testCards: { t1: { hypothesis: 'h1', believe: 'a', verify: 'b', measure: 'c' } },
    };
    const { data, issues } = migrate(v4, 3);
    expect(data).toEqual({
      symbiose: 3,
      name: 'Cover',
      parameters: { premium: { value: 40, range: [25, 80] }, months: 4 },
      actors: { banks: { kind: 'segment', size: 3 }, insurer: { kind: 'organisation' } },
    });
    expect(issues.map((i) => [i.params.field, i.params.count])).toEqual([['distribution', 1], ['members', 1], ['correlations', 1], ['hypotheses', 2], ['testCards', 1]]);
    expect(v4.parameters.premium.distribution).toBeDefined(); // the input is untouched
  });

  it('up then down keeps a factor it made as a parameter, valid in version 3', () => {
    const { data } = migrate(migrate(v3).data, 3);
    expect((data as { parameters: Record<string, unknown> }).parameters.cover_worth_factor).toEqual({ value: 1.15, assumption: { en: 'a 15 % risk premium' }, range: [1.0, 1.4] });
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
