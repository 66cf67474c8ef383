import { describe, expect, it } from 'vitest';
import { profitability } from '../analyses/index.js';
import { ecosystemOf } from '../../test/helpers.js';
import { renderText } from '../cli/render/text.js';
import { sheetBlocks, sheetLineLabel } from './profit.js';

// A shop sells a basket (100) and a bag (20), both named "Vente", and has two cost lines named
// "Staff" (10 and 5 a month): four lines, each told apart in words.
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
  basket: { name: Vente, transfers: [{ from: shop, to: buyer, object: goods }, { from: buyer, to: shop, object: money, amount: 100 }] }
  bag: { name: Vente, transfers: [{ from: shop, to: buyer, object: goods }, { from: buyer, to: shop, object: money, amount: 20 }] }
scenarios:
  s: { start: { actor: buyer, count: 1 }, steps: [basket, bag] }
`);

describe('sheet lines in words', () => {
  const sheet = profitability(ecosystem, 'shop');

  it('names cost lines that share a name by their place in the list', () => {
    expect(sheet.costs.map((line) => sheetLineLabel(ecosystem.doc, line, 'en'))).toEqual(['Staff (line 1) (fixed)', 'Staff (line 2) (fixed)']);
    expect(sheet.costs.map((line) => sheetLineLabel(ecosystem.doc, line, 'fr'))).toEqual(['Staff (ligne 1) (fixe)', 'Staff (ligne 2) (fixe)']);
  });

  it('prints the two sales as two rows, 100 and 20', () => {
    const text = renderText(sheetBlocks(ecosystem.doc, sheet, 'period', 'en'));
    expect(text).toMatch(/^ {2}Vente ← buyer\s+100\s+100$/m);
    expect(text).toMatch(/^ {2}Vente ← buyer\s+20\s+20$/m);
    // Net: 100 + 20 − 10 − 5 = 105.
    expect(text).toMatch(/^Net cash flow\s+105\s+105$/m);
  });
});
