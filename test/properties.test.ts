/**
 * Invariants checked on randomly generated ecosystems (fast-check): money is conserved between
 * actors in every period, renaming an actor changes no figure, and a model survives a
 * YAML → JSON → YAML round trip with the same analyses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { profitabilityOfAll, valueSharing, whoPays } from '../src/analyses/index.js';
import type { ModelDocument } from '../src/core/index.js';
import { ecosystemOf } from './helpers.js';

/** A random but valid ecosystem: actors, money and other objects, reciprocal transactions, scenarios. */
const ecosystemDocument: fc.Arbitrary<ModelDocument> = fc
  .record({
    actorCount: fc.integer({ min: 2, max: 5 }),
    kinds: fc.array(fc.constantFrom('organisation', 'segment', 'platform', 'individual'), { minLength: 5, maxLength: 5 }),
    sizes: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 5, maxLength: 5 }),
    transactions: fc.array(
      fc.record({
        seller: fc.nat(),
        buyer: fc.nat(),
        price: fc.double({ min: 0, max: 1000, noNaN: true }),
        worth: fc.double({ min: 0, max: 100, noNaN: true }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    scenarios: fc.array(
      fc.record({
        starter: fc.nat(),
        count: fc.double({ min: 0, max: 50, noNaN: true }),
        split: fc.double({ min: 0, max: 1, noNaN: true }),
        first: fc.nat(),
        second: fc.nat(),
        cardinality: fc.integer({ min: 1, max: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    fixed: fc.double({ min: 0, max: 500, noNaN: true }),
    horizon: fc.integer({ min: 1, max: 24 }),
  })
  .map((r) => {
    const ids = Array.from({ length: r.actorCount }, (_, i) => `actor-${i}`);
    const actors: ModelDocument['actors'] = Object.fromEntries(
      ids.map((id, i) => {
        const kind = r.kinds[i]! as ModelDocument['actors'][string]['kind'];
        return [id, kind === 'segment' ? { kind, size: r.sizes[i]! } : { kind, costs: [{ name: 'running', fixed: r.fixed }] }];
      }),
    );
    const transactions: ModelDocument['transactions'] = {};
    const valueObjects: ModelDocument['valueObjects'] = { money: { nature: 'money' } };
    r.transactions.forEach((t, i) => {
      const seller = ids[t.seller % ids.length]!;
      let buyer = ids[t.buyer % ids.length]!;
      if (buyer === seller) buyer = ids[(t.buyer + 1) % ids.length]!;
      valueObjects[`good-${i}`] = { nature: 'service', valuation: t.worth };
      transactions[`deal-${i}`] = {
        transfers: [
          { from: seller, to: buyer, object: `good-${i}` },
          { from: buyer, to: seller, object: 'money', amount: t.price },
        ],
      };
    });
    const deals = Object.keys(transactions);
    const scenarios: NonNullable<ModelDocument['scenarios']> = {};
    r.scenarios.forEach((s, i) => {
      scenarios[`scenario-${i}`] = {
        start: { actor: ids[s.starter % ids.length]!, count: s.count },
        steps: [
          {
            or: [
              { fraction: s.split, steps: [{ transaction: deals[s.first % deals.length]!, count: s.cardinality }] },
              { fraction: `1 - ${s.split}`, steps: [deals[s.second % deals.length]!] },
            ],
          },
        ],
      };
    });
    return { symbiose: 4, name: 'Random', currency: 'EUR', period: 'month', horizon: r.horizon, discountRate: 0.05, actors, valueObjects, transactions, scenarios } as ModelDocument;
  });

const load = (doc: ModelDocument) => ecosystemOf(JSON.stringify(doc), 'random.json');

describe('invariants', () => {
  it('conserves money between actors in every period', () => {
    fc.assert(
      fc.property(ecosystemDocument, (doc) => {
        const sheets = profitabilityOfAll(load(doc));
        for (let period = 0; period <= doc.horizon; period++) {
          const moved = sheets.reduce((sum, s) => sum + s.totals.revenue[period]! - s.totals.payments[period]!, 0);
          const scale = sheets.reduce((sum, s) => sum + s.totals.revenue[period]!, 1);
          expect(Math.abs(moved) / scale).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('changes no figure when an actor is renamed', () => {
    fc.assert(
      fc.property(ecosystemDocument, fc.constantFrom('renamed', 'zz-last', 'a_first', 'Emile-2'), (doc, newId) => {
        const renamed = JSON.parse(JSON.stringify(doc).replaceAll('"actor-0"', JSON.stringify(newId))) as ModelDocument;
        const before = profitabilityOfAll(load(doc));
        const after = profitabilityOfAll(load(renamed));
        for (const sheet of before) {
          const twin = after.find((s) => s.actor === (sheet.actor === 'actor-0' ? newId : sheet.actor))!;
          expect(twin.totals.net).toEqual(sheet.totals.net);
          expect(twin.npv).toBe(sheet.npv);
          expect(twin.breakEven).toBe(sheet.breakEven);
        }
        expect(valueSharing(load(renamed)).valueCreated).toBe(valueSharing(load(doc)).valueCreated);
      }),
      { numRuns: 100 },
    );
  });

  it('survives a YAML → JSON → YAML round trip (random models and the library)', () => {
    const roundTrip = (yamlText: string) => {
      const json = JSON.stringify(parse(yamlText));
      return stringify(JSON.parse(json));
    };
    const analyses = (text: string, file: string) => {
      const e = ecosystemOf(text, file);
      return { profit: profitabilityOfAll(e), payers: whoPays(e), sharing: valueSharing(e) };
    };
    fc.assert(
      fc.property(ecosystemDocument, (doc) => {
        const yamlText = stringify(doc);
        const back = roundTrip(yamlText);
        expect(parse(back)).toEqual(parse(yamlText));
        expect(analyses(back, 'back.yaml')).toEqual(analyses(yamlText, 'model.yaml'));
      }),
      { numRuns: 100 },
    );
    for (const file of readdirSync('library').filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(`library/${file}`, 'utf8');
      const back = roundTrip(text);
      expect(parse(back)).toEqual(parse(text));
      expect(analyses(back, file)).toEqual(analyses(text, file));
    }
  });
});
