import { describe, expect, it } from 'vitest';
import { profitability, whoPays } from '../../../src/analyses/index.js';
import { applyChanges, type ModelDocument } from '../../../src/core/index.js';
import { analyse } from './analyse.js';
import { addActor, addFixedCost, connect, deleteActor, freeId, freePosition, newModelDocument, quantityOf, setActor, setCostAmount, setTransferAmount } from './edits.js';

const WORDS = { payment: 'payment', service: 'service', transaction: 'sale' };

/** Applies a list and fails on any issue applying it raised. */
function apply(doc: ModelDocument, changes: Parameters<typeof applyChanges>[1]): ModelDocument {
  const applied = applyChanges(doc, changes);
  expect(applied.issues).toEqual([]);
  return applied.document;
}

/** The three-actor ecosystem the browser test builds too: customers → shop → supplier. */
function threeActors() {
  let doc = newModelDocument('Corner shop', 'EUR', 'month', 12);
  for (const [name, kind] of [['Customers', 'segment'], ['Shop', 'organisation'], ['Supplier', 'organisation']] as const) {
    doc = apply(doc, addActor(doc, name, kind, freePosition(doc)).changes);
  }
  const sale = connect(doc, 'customers', 'shop', WORDS);
  doc = apply(doc, sale.changes);
  const supply = connect(doc, 'shop', 'supplier', WORDS);
  doc = apply(doc, supply.changes);
  doc = apply(doc, setTransferAmount(doc, supply.id, 0, '300'));
  doc = apply(doc, addFixedCost(doc, 'shop', 'rent'));
  doc = apply(doc, setCostAmount(doc, 'shop', 0, '200'));
  return { doc, sale: sale.id, supply: supply.id };
}

describe('edits as change lists', () => {
  it('build an ecosystem whose figures are the hand-worked ones', () => {
    const { doc, sale } = threeActors();
    const { ecosystem, issues } = analyse(doc);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Customers: a segment of 100 members (the default size), each buying once a month at 10:
    // 1,000 a month to the shop. The shop buys from the supplier once a month at 300 and pays
    // 200 of rent: 1,000 − 300 − 200 = 500 a month, 6,000 over 12 months.
    const shop = profitability(ecosystem!, 'shop');
    expect(shop.totals.revenue.slice(1)).toEqual(Array(12).fill(1000));
    expect(shop.totals.net.slice(1)).toEqual(Array(12).fill(500));
    expect(shop.totalNet).toBe(6000);
    expect(profitability(ecosystem!, 'supplier').totalNet).toBe(3600);
    expect(profitability(ecosystem!, 'customers').totalNet).toBe(-12000);
    const payers = whoPays(ecosystem!);
    expect(payers.overall.payers.sort()).toEqual(['customers', 'shop']);
    expect(doc.transactions[sale]!.transfers.map((t) => [t.from, t.to])).toEqual([
      ['customers', 'shop'],
      ['shop', 'customers'],
    ]);
  });

  it('delete an actor with its transactions, their scenarios and the objects only they carried', () => {
    const { doc, supply } = threeActors();
    const after = apply(doc, deleteActor(doc, 'supplier'));
    expect(Object.keys(after.actors)).toEqual(['customers', 'shop']);
    expect(Object.hasOwn(after.transactions, supply)).toBe(false);
    expect(Object.hasOwn(after.scenarios ?? {}, supply)).toBe(false);
    expect(Object.keys(after.valueObjects)).toEqual(['customers_shop_payment', 'customers_shop_service']);
    expect(analyse(after).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('place a new actor on a free cell without moving the others', () => {
    const { doc } = threeActors();
    const before = Object.values(doc.actors).map((a) => a.position);
    const p = freePosition(doc, doc.actors.shop!.position);
    for (const q of before) expect(Math.abs(q!.x - p.x) >= 200 || Math.abs(q!.y - p.y) >= 110).toBe(true);
    const after = apply(doc, addActor(doc, 'Bank', 'organisation', p).changes);
    expect(Object.values(after.actors).slice(0, 3).map((a) => a.position)).toEqual(before);
  });

  it('make ids from names and read typed quantities', () => {
    expect(freeId('Café des Arts', [])).toBe('cafe_des_arts');
    expect(freeId('shop', ['shop', 'shop_2'])).toBe('shop_3');
    expect(freeId('2 sides', [])).toBe('_2_sides');
    expect(quantityOf('1,5')).toBe(1.5);
    expect(quantityOf(' 12 ')).toBe(12);
    expect(quantityOf('price * 2')).toBe('price * 2');
    expect(quantityOf('max(1, 2)')).toBe('max(1, 2)');
  });

  it('give a segment a size and take it away from other kinds', () => {
    const { doc } = threeActors();
    expect(setActor(doc, 'shop', { kind: 'segment' })).toMatchObject([{ record: { kind: 'segment', size: 100 } }]);
    const [change] = setActor(doc, 'customers', { kind: 'individual' });
    expect(change).toMatchObject({ op: 'update', kind: 'actor', id: 'customers' });
    expect('size' in (change as { record: object }).record).toBe(false);
  });
});
