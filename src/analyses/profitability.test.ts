import { describe, expect, it } from 'vitest';
import { ecosystemOf } from '../../test/helpers.js';
import { canvas } from './canvas.js';
import { withLabels } from './names.js';
import { profitability } from './profitability.js';

// Two transactions share a name and a label: a shop sells a basket (100) and a bag (20) to one
// buyer, once, each called "Sale". Lines are keyed by transaction, so they stay two lines.
const ecosystem = ecosystemOf(`
symbiose: 1
name: Two sales
currency: EUR
period: month
horizon: 1
actors:
  buyer: { kind: individual }
  shop:
    kind: organisation
    costs: [{ name: Staff, fixed: 10 }, { name: Staff, fixed: 5 }]
valueObjects:
  money: { nature: money }
  goods: { nature: product }
transactions:
  basket:
    name: Vente
    label: Sale
    transfers: [{ from: shop, to: buyer, object: goods }, { from: buyer, to: shop, object: money, amount: 100 }]
  bag:
    name: Vente
    label: Sale
    transfers: [{ from: shop, to: buyer, object: goods }, { from: buyer, to: shop, object: money, amount: 20 }]
scenarios:
  s: { start: { actor: buyer, count: 1 }, steps: [basket, bag] }
`);

describe('sheet lines are keyed by what they are, never by label', () => {
  it('keeps two transactions that share a label apart: 100 and 20, not 120', () => {
    for (const shown of [ecosystem, withLabels(ecosystem)]) {
      const sheet = profitability(shown, 'shop');
      expect(sheet.revenues.map(({ values: _, ...line }) => line)).toEqual([
        { kind: 'transaction', transaction: 'basket', counterparty: 'buyer', direction: 'in', total: 100 },
        { kind: 'transaction', transaction: 'bag', counterparty: 'buyer', direction: 'in', total: 20 },
      ]);
      expect(profitability(shown, 'buyer').payments.map((l) => l.total)).toEqual([100, 20]);
    }
  });

  it('keeps two cost lines that share a name apart, by their index', () => {
    const sheet = profitability(ecosystem, 'shop');
    expect(sheet.costs).toEqual([
      { kind: 'cost', actor: 'shop', index: 0, costKind: 'fixed', values: [0, 10], total: 10 },
      { kind: 'cost', actor: 'shop', index: 1, costKind: 'fixed', values: [0, 5], total: 5 },
    ]);
  });

  it('keeps them apart in the canvas too', () => {
    const c = canvas(withLabels(ecosystem), 'shop');
    expect(c.blocks.revenueStreams.map((i) => ('amount' in i ? i.amount : undefined))).toEqual([100, 20]);
    expect(c.blocks.costStructure).toMatchObject([{ kind: 'cost', index: 0, amount: 10 }, { kind: 'cost', index: 1, amount: 5 }]);
  });
});
