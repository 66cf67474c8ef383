/**
 * Change lists on random models (the library's and generated ones, with parameters, variants and
 * dynamics) and random changes (fast-check): applying a list and then its inverse gives back the
 * same document; the input is never touched; a list of valid changes leaves a valid model valid;
 * and the edited document written back into its YAML text reads as the edited document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { hasErrors, migrate, rewriteYaml, type Change, type ModelDocument, type RecordKind } from '../src/core/index.js';
import { applyModelChanges, loadEcosystem } from '../src/engine/index.js';

interface Model {
  doc: ModelDocument;
  text: string;
}

const LIBRARY: Model[] = readdirSync('library')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const text = readFileSync(`library/${f}`, 'utf8');
    return { doc: migrate(parse(text)).data as ModelDocument, text };
  });

/** A valid model with parameters read by expressions and by the dynamics, variants and costs. */
const generated: fc.Arbitrary<Model> = fc
  .record({
    actors: fc.integer({ min: 2, max: 4 }),
    deals: fc.integer({ min: 1, max: 3 }),
    prices: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    dynamics: fc.boolean(),
  })
  .map((r) => {
    const ids = Array.from({ length: r.actors }, (_, i) => `actor-${i}`);
    const doc: ModelDocument = {
      symbiose: 4,
      name: 'Generated',
      currency: 'EUR',
      period: 'month',
      horizon: 6,
      parameters: {
        share: { value: r.share, assumption: 'a guess', range: [0, 1] },
        ...Object.fromEntries(r.prices.map((p, i) => [`price_${i}`, i === 2 ? 'price_0 + price_1' : p])),
        people: r.dynamics ? 'Active_Users' : 50,
      },
      actors: Object.fromEntries(
        ids.map((id, i) => [id, i === 0 ? { kind: 'segment', size: 'people' } : { kind: 'organisation', costs: [{ name: 'team', fixed: 'price_1 * 2' }] }]),
      ),
      valueObjects: { money: { nature: 'money' }, good: { nature: 'service', valuation: { [ids[0]!]: 'price_2', default: 1 } } },
      transactions: Object.fromEntries(
        Array.from({ length: r.deals }, (_, d) => [
          `deal-${d}`,
          {
            transfers: [
              { from: ids[1 + (d % (r.actors - 1))]!, to: ids[0]!, object: 'good' },
              { from: ids[0]!, to: ids[1 + (d % (r.actors - 1))]!, object: 'money', amount: `price_${d % 3}` },
            ],
          },
        ]),
      ),
      scenarios: {
        need: {
          start: { actor: ids[0]!, count: 1 },
          steps: [{ or: [{ fraction: 'share', steps: ['deal-0'] }, { fraction: '1 - share', steps: [] }] }],
        },
      },
      variants: { dear: { set: { price_0: 200 } } },
    };
    if (r.dynamics) {
      doc.dynamics = {
        dt: 0.25,
        stocks: { 'Active Users': { initial: 'price_0', inflows: ['joining'] } },
        flows: { joining: 'active_users * growth' },
        variables: { growth: 0.01 },
      };
    }
    return { doc, text: stringify(doc) };
  });

const models = fc.oneof(fc.constantFrom(...LIBRARY), generated);

const SECTIONS: Record<RecordKind, (d: ModelDocument) => Record<string, unknown> | undefined> = {
  parameter: (d) => d.parameters,
  actor: (d) => d.actors,
  valueObject: (d) => d.valueObjects,
  transaction: (d) => d.transactions,
  scenario: (d) => d.scenarios,
  variant: (d) => d.variants,
  stock: (d) => d.dynamics?.stocks,
  flow: (d) => d.dynamics?.flows,
  variable: (d) => d.dynamics?.variables,
  hypothesis: (d) => d.hypotheses,
  testCard: (d) => d.testCards,
  experiment: (d) => d.experiments,
  learningCard: (d) => d.learningCards,
};
const idsOf = (doc: ModelDocument, kind: RecordKind) => Object.keys(SECTIONS[kind](doc) ?? {});
const KINDS = Object.keys(SECTIONS) as RecordKind[];

/** An existing id of the kind most of the time, else one that names nothing. */
const someId = (doc: ModelDocument, kind: RecordKind) => {
  const ids = idsOf(doc, kind);
  return ids.length > 0 ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constant('ghost') }) : fc.constant('ghost');
};
const freshId = (kind: RecordKind) =>
  ['stock', 'flow', 'variable'].includes(kind) ? fc.constantFrom('New Stock', 'renamed', 'Paying_Users') : fc.constantFrom('renamed', 'new_one', 'z9');

/** Changes that keep a valid model valid. */
function validChange(doc: ModelDocument): fc.Arbitrary<Change> {
  const present = KINDS.filter((k) => idsOf(doc, k).length > 0);
  const actors = idsOf(doc, 'actor');
  const parameters = idsOf(doc, 'parameter');
  const labelled = (['actor', 'valueObject', 'transaction', 'scenario'] as const).filter((k) => idsOf(doc, k).length > 0);
  return fc.oneof(
    fc.constantFrom(...present).chain((kind) =>
      fc.record({ op: fc.constant('rename' as const), kind: fc.constant(kind), from: fc.constantFrom(...idsOf(doc, kind)), to: freshId(kind) }),
    ),
    fc.record({ op: fc.constant('set-position' as const), actor: fc.constantFrom(...actors), position: fc.option(fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) })) }),
    fc.constantFrom(...labelled).chain((kind) =>
      fc.record({
        op: fc.constant('set-label' as const),
        kind: fc.constant(kind),
        id: fc.constantFrom(...idsOf(doc, kind)),
        field: fc.constantFrom('name' as const, 'label' as const),
        text: fc.option(fc.constantFrom('Café', 'A: b', '# not a comment', "l'été")),
      }),
    ),
    ...(parameters.length > 0
      ? [
          fc.constantFrom(...parameters).map((name): Change => {
            // The same value written another way: what a slider left where it was would send.
            const p = doc.parameters![name]!;
            const value = typeof p === 'object' ? p.value : p;
            return { op: 'set-parameter', name, value: typeof value === 'number' ? value : `(${value})` };
          }),
        ]
      : []),
    fc.record({ op: fc.constant('add' as const), kind: fc.constant('actor' as const), id: fc.constantFrom('newcomer', 'b2'), record: fc.constant({ kind: 'individual' as const }), at: fc.nat(5) }),
  );
}

/** Any change, most naming real records, some naming missing ones or clashing. */
function anyChange(doc: ModelDocument): fc.Arbitrary<Change> {
  const kind = fc.constantFrom(...KINDS);
  const record = (k: RecordKind) => {
    const ids = idsOf(doc, k);
    return ids.length > 0 ? fc.constantFrom(...ids).map((id) => SECTIONS[k](doc)![id]) : fc.constant({ kind: 'organisation' });
  };
  const actors = idsOf(doc, 'actor');
  const transactions = idsOf(doc, 'transaction');
  return fc.oneof(
    validChange(doc),
    kind.chain((k) => fc.record({ op: fc.constant('rename' as const), kind: fc.constant(k), from: someId(doc, k), to: fc.oneof(freshId(k), someId(doc, k)) })),
    kind.chain((k) => fc.record({ op: fc.constant('remove' as const), kind: fc.constant(k), id: someId(doc, k) })),
    kind.chain((k) => fc.record({ op: fc.constant('update' as const), kind: fc.constant(k), id: someId(doc, k), record: record(k) })) as fc.Arbitrary<Change>,
    kind.chain((k) => fc.record({ op: fc.constant('add' as const), kind: fc.constant(k), id: fc.oneof(freshId(k), someId(doc, k)), record: record(k) })) as fc.Arbitrary<Change>,
    fc.record({ op: fc.constant('add' as const), kind: fc.constant('cost' as const), actor: fc.constantFrom(...actors, 'ghost'), record: fc.constant({ name: 'extra', fixed: 1 }), index: fc.option(fc.nat(3), { nil: undefined }) }),
    fc.record({ op: fc.constant('remove' as const), kind: fc.constant('transfer' as const), transaction: fc.constantFrom(...transactions, 'ghost'), index: fc.nat(3), prune: fc.constantFrom(0, 1) }),
    fc.record({ op: fc.constant('remove' as const), kind: fc.constant('step' as const), scenario: someId(doc, 'scenario'), list: fc.constant(['steps']), index: fc.nat(2) }),
  );
}

const withChanges = (change: (doc: ModelDocument) => fc.Arbitrary<Change>) =>
  models.chain((model) => fc.tuple(fc.constant(model), fc.array(change(model.doc), { minLength: 1, maxLength: 6 })));

describe('change lists (property)', () => {
  it('apply, then the inverse, gives back the same document; the input is untouched; the text written back reads as the new document', () => {
    fc.assert(
      fc.property(withChanges(anyChange), ([{ doc, text }, changes]) => {
        const before = structuredClone(doc);
        const { document, inverse } = applyModelChanges(doc, changes);
        expect(doc).toEqual(before);
        expect(parse(rewriteYaml(text, document))).toEqual(document);
        const undone = applyModelChanges(document, inverse);
        expect(undone.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(undone.document).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it('valid changes leave a valid model valid, and the YAML text written back reads as the new document', () => {
    fc.assert(
      fc.property(models, fc.integer({ min: 1, max: 6 }), fc.gen(), ({ doc, text }, count, g) => {
        // Each change is drawn against the document the previous ones made, so none is stale.
        const changes: Change[] = [];
        let current = doc;
        for (let i = 0; i < count; i++) {
          const change = g(validChange, current);
          changes.push(change);
          current = applyModelChanges(current, [change]).document;
        }
        const { document, issues } = applyModelChanges(doc, changes);
        expect(document).toEqual(current);
        for (const found of issues) expect(['edit-exists', 'edit-unparsed']).toContain(found.code);
        const written = rewriteYaml(text, document);
        expect(parse(written)).toEqual(document);
        // Written in place, not re-rendered: no change here removes anything, so every comment stays.
        const comments = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
        expect(comments(written)).toEqual(comments(text));
        const loaded = loadEcosystem(written, 'edited.yaml');
        expect(loaded.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path.join('.')}`)).toEqual([]);
        expect(hasErrors(loaded.issues)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
