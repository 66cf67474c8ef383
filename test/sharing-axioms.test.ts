/**
 * The Shapley axioms on random ecosystems (fast-check), through the whole pipeline (model →
 * scenario paths → game): efficiency (the values add up to summary's value created), symmetry (an
 * actor and its twin, doing the same with the same figures, get the same), null player (an actor
 * in no transaction and without costs gets nothing), additivity (two ecosystems in one document:
 * each actor gets what it gets in its own).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fairShare, valueSharing } from '../src/analyses/index.js';
import type { ModelDocument } from '../src/core/index.js';
import { ecosystemOf } from './helpers.js';

type Doc = ModelDocument;

/** A random ecosystem of 2 to 5 actors with ids prefixed by `p`: deals, OR splits, fixed and variable costs. */
const randomEcosystem = (p: string) =>
  fc
    .record({
      actors: fc.integer({ min: 2, max: 5 }),
      deals: fc.array(fc.record({ seller: fc.nat(), buyer: fc.nat(), payer: fc.nat(), price: fc.integer({ min: 0, max: 50 }), worth: fc.integer({ min: -5, max: 40 }), cost: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 5 }),
      scenarios: fc.array(fc.record({ starter: fc.nat(), count: fc.integer({ min: 0, max: 20 }), split: fc.double({ min: 0, max: 1, noNaN: true }), first: fc.nat(), second: fc.nat() }), { minLength: 1, maxLength: 3 }),
      fixed: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
    })
    .map((r) => {
      const ids = Array.from({ length: r.actors }, (_, i) => `${p}${i}`);
      const actors: Doc['actors'] = Object.fromEntries(ids.map((id, i) => [id, { kind: 'organisation', costs: [{ name: 'running', fixed: r.fixed[i]! }] }]));
      const valueObjects: Doc['valueObjects'] = { money: { nature: 'money' } };
      const transactions: Doc['transactions'] = {};
      r.deals.forEach((d, i) => {
        const seller = ids[d.seller % ids.length]!;
        const buyer = ids[(d.seller + 1 + (d.buyer % (ids.length - 1))) % ids.length]!;
        valueObjects[`${p}good-${i}`] = { nature: 'service', valuation: d.worth };
        transactions[`${p}deal-${i}`] = { transfers: [{ from: seller, to: buyer, object: `${p}good-${i}` }, { from: buyer, to: seller, object: 'money', amount: d.price }] };
        // Someone bears a variable cost on the deal (perhaps neither party).
        actors[ids[d.payer % ids.length]!]!.costs!.push({ name: `serving ${i}`, variable: d.cost, per: `${p}deal-${i}` });
      });
      const deals = Object.keys(transactions);
      const scenarios: NonNullable<Doc['scenarios']> = {};
      r.scenarios.forEach((s, i) => {
        scenarios[`${p}scenario-${i}`] = {
          start: { actor: ids[s.starter % ids.length]!, count: s.count },
          steps: [deals[s.first % deals.length]!, { or: [{ fraction: s.split, steps: [deals[s.second % deals.length]!] }, { fraction: `1 - ${s.split}`, steps: [] }] }],
        };
      });
      return { symbiose: 4, name: 'Random', currency: 'EUR', period: 'month', horizon: 3, actors, valueObjects, transactions, scenarios } as Doc;
    });

const load = (doc: Doc) => ecosystemOf(JSON.stringify(doc), 'random.json');
const shapleyOf = (doc: Doc) => new Map(fairShare(load(doc)).actors.map((a) => [a.actor, a.shapley]));
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-9 * (1 + Math.abs(a) + Math.abs(b)));

/** The document with a twin of `actor`: its costs, and a copy of every transaction and scenario it is in, with the twin in its place. */
function withTwin(doc: Doc, actor: string, twin: string): Doc {
  const swap = (id: string) => (id === actor ? twin : id);
  const out: Doc = structuredClone(doc);
  const renamed = (tx: string) => `${tx}-twin`;
  const involved = Object.keys(doc.transactions).filter((tx) => doc.transactions[tx]!.transfers.some((t) => t.from === actor || t.to === actor));
  for (const tx of involved) out.transactions[renamed(tx)] = { transfers: doc.transactions[tx]!.transfers.map((t) => ({ ...t, from: swap(t.from), to: swap(t.to) })) };
  const rename = (tx: string) => (involved.includes(tx) ? renamed(tx) : tx);
  const costs = (doc.actors[actor]!.costs ?? []).map((c) => ('per' in c && c.per ? { ...c, per: rename(c.per) } : c));
  out.actors[twin] = { ...doc.actors[actor]!, costs };
  // Variable costs others bear on the actor's deals are borne on the twin's deals too.
  for (const [id, record] of Object.entries(doc.actors)) {
    if (id === actor) continue;
    for (const c of record.costs ?? []) if ('per' in c && c.per && involved.includes(c.per)) out.actors[id]!.costs!.push({ ...c, name: `${c.name} (twin)`, per: renamed(c.per) });
  }
  for (const [id, scenario] of Object.entries(doc.scenarios ?? {})) {
    const steps = JSON.parse(JSON.stringify(scenario.steps).replace(/"([^"]*deal-\d+)"/g, (whole, tx: string) => (involved.includes(tx) ? `"${renamed(tx)}"` : whole)));
    out.scenarios![`${id}-twin`] = { ...scenario, start: { ...scenario.start, actor: swap(scenario.start.actor) }, steps };
  }
  return out;
}

describe('the Shapley axioms on random ecosystems', () => {
  it('efficiency: the values add up to the value created', () => {
    fc.assert(
      fc.property(randomEcosystem('a'), (doc) => {
        const e = load(doc);
        close(fairShare(e).actors.reduce((s, a) => s + a.shapley, 0), valueSharing(e).valueCreated);
      }),
      { numRuns: 100 },
    );
  });

  it('symmetry: an actor and its twin get the same', () => {
    fc.assert(
      fc.property(randomEcosystem('a'), (doc) => {
        const twin = withTwin(doc, 'a0', 'twin');
        const values = shapleyOf(twin);
        close(values.get('a0')!, values.get('twin')!);
      }),
      { numRuns: 100 },
    );
  });

  it('null player: an actor in no transaction and without costs gets nothing', () => {
    fc.assert(
      fc.property(randomEcosystem('a'), (doc) => {
        const values = shapleyOf({ ...doc, actors: { ...doc.actors, idle: { kind: 'organisation' } } });
        expect(values.get('idle')).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('additivity: two ecosystems in one document, each actor gets what it gets in its own', () => {
    fc.assert(
      fc.property(randomEcosystem('a'), randomEcosystem('b'), (a, b) => {
        const both: Doc = { ...a, actors: { ...a.actors, ...b.actors }, valueObjects: { ...a.valueObjects, ...b.valueObjects }, transactions: { ...a.transactions, ...b.transactions }, scenarios: { ...a.scenarios, ...b.scenarios } };
        const together = shapleyOf(both);
        for (const [actor, value] of [...shapleyOf(a), ...shapleyOf(b)]) close(together.get(actor)!, value);
      }),
      { numRuns: 100 },
    );
  });
});
