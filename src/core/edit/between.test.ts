import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ModelDocument } from '../model/index.js';
import { applyChanges } from './apply.js';
import { changesBetween } from './between.js';

const DOC = parse(`
symbiose: 2
name: Bakery
currency: EUR
period: month
horizon: 12
parameters:
  price: 3
  loaves: { value: 100, unit: loaf, source: a count }
actors:
  bakery: { kind: organisation, name: Bakery }
  neighbours: { kind: segment, name: Neighbours, size: 500, position: { x: 10, y: 20 } }
  mill: { kind: organisation }
valueObjects:
  bread: { nature: product }
  money: { nature: money }
transactions:
  sale:
    transfers:
      - { from: bakery, to: neighbours, object: bread }
      - { from: neighbours, to: bakery, object: money, amount: price * loaves }
`) as ModelDocument;

const clone = <T>(value: T): T => structuredClone(value);

describe('the changes between two documents', () => {
  it('says each difference in the smallest change: removals, then additions, then the rest in section order', () => {
    const after = clone(DOC) as ModelDocument & Record<string, unknown>;
    after.parameters!.price = 4;
    (after.parameters!.loaves as { value: number }).value = 90;
    after.actors.neighbours!.position = { x: 30, y: 20 };
    after.actors.bakery!.name = 'The bakery';
    delete after.actors.mill;
    after.valueObjects = { flour: { nature: 'product' }, ...after.valueObjects };
    after.transactions.sale!.transfers.pop();
    expect(changesBetween(DOC, after)).toEqual([
      { op: 'remove', kind: 'actor', id: 'mill' },
      { op: 'add', kind: 'valueObject', id: 'flour', record: { nature: 'product' }, at: 0 },
      { op: 'set-parameter', name: 'price', value: 4 },
      { op: 'set-parameter', name: 'loaves', value: 90 },
      { op: 'set-label', kind: 'actor', id: 'bakery', field: 'name', text: 'The bakery' },
      { op: 'set-position', actor: 'neighbours', position: { x: 30, y: 20 } },
      { op: 'update', kind: 'transaction', id: 'sale', record: after.transactions.sale },
    ]);
    expect(changesBetween(DOC, clone(DOC))).toEqual([]);
  });

  it('moves a record that changed place by removing and adding it again, pruning emptied sections', () => {
    const after = clone(DOC);
    after.actors = { mill: after.actors.mill!, bakery: after.actors.bakery!, neighbours: after.actors.neighbours! };
    delete after.parameters;
    const changes = changesBetween(DOC, after);
    expect(changes).toEqual([
      { op: 'remove', kind: 'parameter', id: 'price', prune: 1 },
      { op: 'remove', kind: 'parameter', id: 'loaves', prune: 1 },
      { op: 'remove', kind: 'actor', id: 'mill' },
      { op: 'add', kind: 'actor', id: 'mill', record: { kind: 'organisation' }, at: 0 },
    ]);
    expect(JSON.stringify(applyChanges(DOC, changes).document)).toBe(JSON.stringify(after));
  });

  it('gives back the second document, key order included, when applied to the first', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'bakery', 'neighbours', 'mill', 'price', 'loaves', 'bread');
    const edit = fc.oneof(
      fc.record({ op: fc.constant('drop' as const), section: fc.constantFrom('parameters', 'actors', 'valueObjects'), id: ids }),
      fc.record({ op: fc.constant('put' as const), section: fc.constantFrom('parameters', 'actors', 'valueObjects'), id: ids, at: fc.nat(4), value: fc.nat(50) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const after = clone(DOC) as unknown as Record<string, Record<string, unknown>>;
        for (const e of edits) {
          const section = after[e.section]!;
          if (e.op === 'drop') delete section[e.id];
          else {
            const record = e.section === 'parameters' ? e.value : e.section === 'actors' ? { kind: 'organisation', name: `n${e.value}` } : { nature: 'product', label: `v${e.value}` };
            const entries = Object.entries(section).filter(([id]) => id !== e.id);
            entries.splice(Math.min(e.at, entries.length), 0, [e.id, record]);
            after[e.section] = Object.fromEntries(entries);
          }
        }
        const applied = applyChanges(DOC, changesBetween(DOC, after as unknown as ModelDocument));
        expect(applied.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(JSON.stringify(applied.document)).toBe(JSON.stringify(after));
      }),
    );
  });
});
