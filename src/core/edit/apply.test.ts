import { describe, expect, it } from 'vitest';
import type { ModelDocument } from '../model/index.js';
import { applyChanges } from './apply.js';
import type { Change } from './changes.js';

const shop = (): ModelDocument => ({
  symbiose: 4,
  name: 'Shop',
  currency: 'EUR',
  period: 'month',
  horizon: 12,
  parameters: {
    price: { value: 2, unit: 'EUR', source: 'price list' },
    buyers: 100,
    revenue: 'price*buyers + price',
  },
  actors: {
    shop: { kind: 'organisation', costs: [{ name: 'rent', fixed: 'price * 10' }] },
    people: { kind: 'segment', size: 'buyers' },
  },
  valueObjects: { money: { nature: 'money' }, bread: { nature: 'product', valuation: { people: 'price + 1', default: 1 } } },
  transactions: {
    buy: {
      transfers: [
        { from: 'shop', to: 'people', object: 'bread' },
        { from: 'people', to: 'shop', object: 'money', amount: 'price' },
      ],
    },
  },
  scenarios: {
    weekly: { start: { actor: 'people', count: 4 }, steps: ['buy', { or: [{ fraction: 0.5, steps: [{ transaction: 'buy', count: 2 }] }, { fraction: 0.5, steps: [] }] }] },
  },
  variants: { dear: { set: { price: 3 } } },
});

/** Every map and list of `value` frozen, so that any write into it throws (modules are strict). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * Applies, checks the input never written (frozen: a write throws) and the inverse exact, and
 * gives the result. The result shares the parts no change touched with the frozen input, so
 * applying the inverse to it checks that no write reaches those either.
 */
function check(doc: ModelDocument, changes: Change[]) {
  const before = structuredClone(doc);
  const result = applyChanges(deepFreeze(doc), changes);
  expect(doc).toEqual(before);
  expect(applyChanges(result.document, result.inverse).document).toEqual(before);
  return result;
}

describe('applyChanges: records', () => {
  it('adds a record at a position, and refuses an id already taken or malformed', () => {
    const { document, issues } = check(shop(), [
      { op: 'add', kind: 'actor', id: 'baker', record: { kind: 'individual' }, at: 1 },
      { op: 'add', kind: 'actor', id: 'shop', record: { kind: 'individual' } },
      { op: 'add', kind: 'valueObject', id: '2x', record: { nature: 'data' } },
      { op: 'add', kind: 'parameter', id: 'horizon', record: 3 },
    ]);
    expect(Object.keys(document.actors)).toEqual(['shop', 'baker', 'people']);
    expect(issues.map((i) => [i.code, i.params.change, i.params.id])).toEqual([
      ['edit-exists', 1, 'shop'],
      ['edit-invalid-id', 2, '2x'],
      ['edit-invalid-id', 3, 'horizon'],
    ]);
  });

  it('makes a missing section and removes it again on undo', () => {
    const doc = shop();
    delete doc.variants;
    const { document, inverse } = check(doc, [{ op: 'add', kind: 'stock', id: 'Customers', record: { initial: 10 } }]);
    expect(document.dynamics).toEqual({ stocks: { Customers: { initial: 10 } } });
    expect(inverse).toEqual([{ op: 'remove', kind: 'stock', id: 'Customers', prune: 2 }]);
  });

  it('updates a record whole, and removes one, warning when it is still referenced', () => {
    const { document, issues } = check(shop(), [
      { op: 'update', kind: 'valueObject', id: 'bread', record: { nature: 'service' } },
      { op: 'remove', kind: 'actor', id: 'people' },
      { op: 'remove', kind: 'scenario', id: 'nope' },
    ]);
    expect(document.valueObjects.bread).toEqual({ nature: 'service' });
    expect(document.actors.people).toBeUndefined();
    // people: two transfers, the scenario's start and the valuation of bread (updated away above).
    expect(issues.map((i) => [i.code, i.severity, i.params.count ?? i.params.id])).toEqual([
      ['edit-in-use', 'warning', 3],
      ['edit-unknown', 'error', 'nope'],
    ]);
  });
});

describe('applyChanges: renames', () => {
  it('renames an actor in place and every reference to it', () => {
    const { document } = check(shop(), [{ op: 'rename', kind: 'actor', from: 'people', to: 'buyers' }]);
    expect(Object.keys(document.actors)).toEqual(['shop', 'buyers']);
    expect(document.transactions.buy!.transfers.map((t) => [t.from, t.to])).toEqual([['shop', 'buyers'], ['buyers', 'shop']]);
    expect(document.scenarios!.weekly!.start.actor).toBe('buyers');
    expect(Object.keys(document.valueObjects.bread!.valuation as object)).toEqual(['buyers', 'default']);
  });

  it('renames a transaction in steps and cost lines, and a value object in transfers', () => {
    const doc = shop();
    doc.actors.shop!.costs!.push({ name: 'bags', variable: 0.1, per: 'buy' });
    const { document } = check(doc, [
      { op: 'rename', kind: 'transaction', from: 'buy', to: 'purchase' },
      { op: 'rename', kind: 'valueObject', from: 'bread', to: 'loaf' },
    ]);
    expect(document.scenarios!.weekly!.steps).toEqual(['purchase', { or: [{ fraction: 0.5, steps: [{ transaction: 'purchase', count: 2 }] }, { fraction: 0.5, steps: [] }] }]);
    expect(document.actors.shop!.costs![1]!.per).toBe('purchase');
    expect(document.transactions.purchase!.transfers[0]!.object).toBe('loaf');
  });

  it('renames a parameter inside expressions, as written, and in variants', () => {
    const { document } = check(shop(), [{ op: 'rename', kind: 'parameter', from: 'price', to: 'unit_price' }]);
    expect(document.parameters!.revenue).toBe('unit_price*buyers + unit_price');
    expect(document.parameters!.unit_price).toEqual({ value: 2, unit: 'EUR', source: 'price list' });
    expect(document.actors.shop!.costs![0]!.fixed).toBe('unit_price * 10');
    expect(document.transactions.buy!.transfers[1]!.amount).toBe('unit_price');
    expect((document.valueObjects.bread!.valuation as Record<string, unknown>).people).toBe('unit_price + 1');
    expect(document.variants!.dear!.set).toEqual({ unit_price: 3 });
  });

  it('renames a parameter where rank correlations and experiment records name it (format version 4)', () => {
    const doc: ModelDocument = {
      ...shop(),
      correlations: [{ between: ['price', 'buyers'], rank: 0.3 }],
      hypotheses: { h: { kind: 'viability', statement: 'they pay', parameters: ['buyers', 'price'] } },
      testCards: { c: { hypothesis: 'h', believe: 'a', verify: 'b', measure: 'c' } },
      experiments: { e: { testCard: 'c', measure: 'sales', informs: 'price', variants: { a: {}, b: { informs: 'price' } } } },
      learningCards: { l: { believed: 'a', observed: 'b', learned: 'c', decision: 'd', calibrated: [{ parameter: 'price', before: { mean: 2, low: 1, high: 3 }, after: { mean: 2.5, low: 2, high: 3 } }] } },
    };
    const { document } = check(doc, [{ op: 'rename', kind: 'parameter', from: 'price', to: 'unit_price' }]);
    expect(document.experiments!.e!.variants.b!.informs).toBe('unit_price');
    expect(document.learningCards!.l!.calibrated![0]!.parameter).toBe('unit_price');
    expect(document.correlations).toEqual([{ between: ['unit_price', 'buyers'], rank: 0.3 }]);
    expect(document.hypotheses!.h!.parameters).toEqual(['buyers', 'unit_price']);
    expect(document.experiments!.e!.informs).toBe('unit_price');
    const matrix = check({ ...shop(), correlations: { parameters: ['buyers', 'price'], matrix: [[1, 0.2], [0.2, 1]] } }, [{ op: 'rename', kind: 'parameter', from: 'price', to: 'p' }]);
    expect(matrix.document.correlations).toEqual({ parameters: ['buyers', 'p'], matrix: [[1, 0.2], [0.2, 1]] });
  });

  it('adds, renames and removes experiment records, their references following (format version 4)', () => {
    const added = check(shop(), [
      { op: 'add', kind: 'hypothesis', id: 'h', record: { kind: 'desirability', statement: { fr: 'ils en veulent', en: 'they want it' } } },
      { op: 'add', kind: 'testCard', id: 'c', record: { hypothesis: 'h', believe: 'a', verify: 'b', measure: 'c' } },
      { op: 'add', kind: 'experiment', id: 'e', record: { testCard: 'c', measure: 'sales', variants: { a: { planned: 50 }, b: { planned: 50 } } } },
      { op: 'add', kind: 'learningCard', id: 'l', record: { hypothesis: 'h', experiment: 'e', believed: 'a', observed: 'b', learned: 'c', decision: 'd' } },
    ]);
    expect(added.issues).toEqual([]);
    const renamed = check(added.document, [
      { op: 'rename', kind: 'hypothesis', from: 'h', to: 'want' },
      { op: 'rename', kind: 'testCard', from: 'c', to: 'card' },
      { op: 'rename', kind: 'experiment', from: 'e', to: 'ab' },
    ]).document;
    expect(renamed.testCards!.card!.hypothesis).toBe('want');
    expect(renamed.experiments!.ab!.testCard).toBe('card');
    expect(renamed.learningCards!.l).toMatchObject({ hypothesis: 'want', experiment: 'ab' });
    // Removing a hypothesis still named by a test card and a learning card warns of both.
    const removed = check(renamed, [{ op: 'remove', kind: 'hypothesis', id: 'want' }]);
    expect(removed.issues.map((i) => [i.code, i.params.count])).toEqual([['edit-in-use', 2]]);
  });

  it('refuses a rename onto an existing id, a missing record, or a reserved name', () => {
    const { issues, document } = check(shop(), [
      { op: 'rename', kind: 'parameter', from: 'price', to: 'buyers' },
      { op: 'rename', kind: 'actor', from: 'ghost', to: 'spirit' },
      { op: 'rename', kind: 'parameter', from: 'price', to: 't' },
    ]);
    expect(issues.map((i) => i.code)).toEqual(['edit-exists', 'edit-unknown', 'edit-invalid-id']);
    expect(document).toEqual(shop());
  });

  it('renames a dynamics variable by the canonical rule, and leaves an unreadable quantity with a warning', () => {
    const doc = shop();
    doc.dynamics = { stocks: { 'Active Users': { initial: 10, inflows: ['joining'] } }, flows: { joining: 'active_users * 0.1' } };
    doc.actors.people!.size = 'Active_Users + active_users';
    doc.parameters!.broken = 'price +';
    const equations = (text: string, from: string, to: string) => text.replaceAll(from === 'Active Users' ? 'active_users' : from, to);
    const result = applyChanges(doc, [{ op: 'rename', kind: 'stock', from: 'Active Users', to: 'Paying Users' }], { equations });
    expect(result.document.actors.people!.size).toBe('Paying_Users + Paying_Users');
    expect(result.document.dynamics!.flows).toEqual({ joining: 'Paying Users * 0.1' });
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['edit-unparsed', 'parameters.broken']]);
    // Renaming back writes the new spelling; the inverse restores each record as it was.
    expect(applyChanges(result.document, result.inverse, { equations }).document).toEqual(doc);
  });

  it('refuses to rename into equations without the engine, or to a name expressions cannot read', () => {
    const doc = shop();
    doc.dynamics = { variables: { market: 1000, share: 'market * 0.1' } };
    doc.actors.people!.size = 'share';
    const equations = (text: string) => text;
    expect(applyChanges(doc, [{ op: 'rename', kind: 'variable', from: 'market', to: 'total' }]).issues.map((i) => i.code)).toEqual(['edit-needs-engine']);
    const unwritable = applyChanges(doc, [{ op: 'rename', kind: 'variable', from: 'share', to: 'share (%)' }], { equations });
    expect(unwritable.issues.map((i) => i.code)).toEqual(['edit-unwritable']);
    expect(unwritable.document).toBe(doc);
  });
});

describe('applyChanges: items and setters', () => {
  it('adds, updates and removes costs, transfers, steps and branches by index', () => {
    const { document, issues } = check(shop(), [
      { op: 'add', kind: 'cost', actor: 'shop', record: { name: 'oven', investment: 500 }, index: 0 },
      { op: 'update', kind: 'transfer', transaction: 'buy', index: 0, record: { from: 'shop', to: 'people', object: 'bread', amount: 2 } },
      { op: 'remove', kind: 'step', scenario: 'weekly', list: ['steps'], index: 0 },
      { op: 'add', kind: 'branch', scenario: 'weekly', list: ['steps', 0, 'or'], record: { fraction: 0, steps: [] } },
      { op: 'add', kind: 'cost', actor: 'people', record: { name: 'bus', fixed: 1 } },
      { op: 'remove', kind: 'transfer', transaction: 'buy', index: 5 },
      { op: 'add', kind: 'step', scenario: 'weekly', list: ['steps', 0, 'nowhere'], record: 'buy' },
    ]);
    expect(document.actors.shop!.costs!.map((c) => c.name)).toEqual(['oven', 'rent']);
    expect(document.transactions.buy!.transfers[0]!.amount).toBe(2);
    expect(document.scenarios!.weekly!.steps).toHaveLength(1);
    expect((document.scenarios!.weekly!.steps[0] as { or: unknown[] }).or).toHaveLength(3);
    expect(document.actors.people!.costs).toEqual([{ name: 'bus', fixed: 1 }]);
    expect(issues.map((i) => [i.code, i.params.change])).toEqual([['edit-index', 5], ['edit-unknown', 6]]);
  });

  it('sets a parameter keeping its provenance, a position, and a label', () => {
    const { document, inverse } = check(shop(), [
      { op: 'set-parameter', name: 'price', value: 2.5 },
      { op: 'set-parameter', name: 'buyers', value: '50 * 2' },
      { op: 'set-position', actor: 'shop', position: { x: 10, y: 20 } },
      { op: 'set-label', kind: 'actor', id: 'people', field: 'name', text: 'Neighbours' },
    ]);
    expect(document.parameters!.price).toEqual({ value: 2.5, unit: 'EUR', source: 'price list' });
    expect(document.parameters!.buyers).toBe('50 * 2');
    expect(document.actors.shop!.position).toEqual({ x: 10, y: 20 });
    expect(document.actors.people!.name).toBe('Neighbours');
    expect(inverse[0]).toEqual({ op: 'set-label', kind: 'actor', id: 'people', field: 'name', text: null });
  });
});

describe('applyChanges: what the new document shares with the input', () => {
  it('copies what a change writes and the maps above it, and shares every other part', () => {
    const doc = shop();
    const { document } = check(doc, [{ op: 'set-label', kind: 'actor', id: 'people', field: 'name', text: 'Neighbours' }]);
    expect(document).not.toBe(doc);
    expect(document.actors).not.toBe(doc.actors);
    expect(document.actors.people).not.toBe(doc.actors.people);
    expect(document.actors.shop).toBe(doc.actors.shop);
    expect(document.transactions).toBe(doc.transactions);
    expect(document.valueObjects).toBe(doc.valueObjects);
    expect(document.scenarios).toBe(doc.scenarios);
    expect(document.parameters).toBe(doc.parameters);
  });

  it('shares the other records of the section an item, a parameter or a position is in', () => {
    const doc = shop();
    const { document } = check(doc, [
      { op: 'update', kind: 'cost', actor: 'shop', index: 0, record: { name: 'rent', fixed: 30 } },
      { op: 'set-parameter', name: 'price', value: 4 },
      { op: 'set-position', actor: 'people', position: { x: 1, y: 2 } },
      { op: 'add', kind: 'valueObject', id: 'flour', record: { nature: 'product' } },
    ]);
    expect(document.actors.shop!.costs).toEqual([{ name: 'rent', fixed: 30 }]);
    expect(document.valueObjects.bread).toBe(doc.valueObjects.bread);
    expect(document.variants).toBe(doc.variants);
    expect(document.transactions).toBe(doc.transactions);
    expect(document.parameters!.revenue).toBe(doc.parameters!.revenue);
    expect(Object.keys(document.valueObjects)).toEqual(['money', 'bread', 'flour']);
  });

  it('keeps a `__proto__` id an own key of the copied maps', () => {
    const doc = shop();
    Object.defineProperty(doc.actors, '__proto__', { value: { kind: 'individual' }, enumerable: true, writable: true, configurable: true });
    const { document } = check(doc, [{ op: 'set-label', kind: 'actor', id: '__proto__', field: 'name', text: 'Odd' }]);
    expect(Object.hasOwn(document.actors, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(document.actors)).toBe(Object.prototype);
    expect(Object.keys(document.actors)).toEqual(['shop', 'people', '__proto__']);
    expect((Object.getOwnPropertyDescriptor(document.actors, '__proto__')!.value as { name: string }).name).toBe('Odd');
  });
});
