/**
 * Reproduces the worked figures of the e3value user guide (The Value Engineers, R. Wieringa;
 * e3value-user-manual.thevalueengineers.nl). Every expected number below is written out from the
 * guide's tables, with the arithmetic that produces it; none comes from running this code.
 * Prices in the guide are in "f"; the models use EUR as a stand-in currency code.
 */
import { describe, expect, it } from 'vitest';
import { profitability, whoPays } from '../src/analyses/index.js';
import { occurrencesAt } from '../src/core/index.js';
import { ecosystemOf } from './helpers.js';

describe('e3value user guide, §6.2, tables 6.1 and 6.2 (bookse35)', () => {
  // A traveller and a railway company; the traveller's interface bundles a train trip (f200) and a
  // meal (f10); it occurs 5 times. Non-money objects are valued 0 on both sides. The railway company
  // has 70 K fixed expenses over the scenario (one period here).
  const model = `
symbiose: 1
name: Train trip with a meal
currency: EUR
period: year
horizon: 1
actors:
  traveller: { kind: individual }
  railway: { kind: organisation, costs: [{ name: fixed expenses, fixed: 70000 }] }
valueObjects:
  money: { nature: money }
  trip: { nature: service }
  meal: { nature: product }
transactions:
  trip-for-money:
    transfers:
      - { from: railway, to: traveller, object: trip }
      - { from: traveller, to: railway, object: money, amount: 200 }
  meal-for-money:
    transfers:
      - { from: railway, to: traveller, object: meal }
      - { from: traveller, to: railway, object: money, amount: 10 }
scenarios:
  travel:
    start: { actor: traveller, count: 5 }
    steps: [trip-for-money, meal-for-money]
`;
  const ecosystem = ecosystemOf(model);

  it('table 6.1: the railway company nets 5×10 + 5×200 − 70 000 = −68 950', () => {
    const sheet = profitability(ecosystem, 'railway');
    // Interface "Meal, Money": 5 occurrences × 10 = 50; interface "Money, train trip": 5 × 200 = 1 000.
    expect(sheet.revenues.map((l) => l.total).sort((a, b) => a - b)).toEqual([50, 1000]);
    expect(sheet.totals.costs[1]).toBe(70_000);
    expect(sheet.totalNet).toBe(-68_950);
  });

  it('table 6.2: the traveller nets −(5×10) − (5×200) = −1 050', () => {
    const sheet = profitability(ecosystem, 'traveller');
    expect(sheet.payments.map((l) => l.total).sort((a, b) => a - b)).toEqual([50, 1000]);
    expect(sheet.totalNet).toBe(-1_050);
    expect(sheet.totals.valueReceived[1]).toBe(0); // trip and meal valued 0
  });

  it('who pays: the traveller pays, the railway company is paid, 1 050 in all', () => {
    const table = whoPays(ecosystem).overall;
    expect(table.payers).toEqual(['traveller']);
    expect(table.payees).toEqual(['railway']);
    expect(table.byActor.find((r) => r.actor === 'railway')?.received).toBe(1_050);
  });
});

describe('e3value user guide, ch. 5: the running example of fig. 5.1 (bookse24–bookse27)', () => {
  // 100 000 travellers, 10 travel needs each (§5.2–5.3: 10 × 100 000 = 1 000 000 needs); an equal
  // OR split (§5.4: 500 000 with food, 500 000 without); food bought three times (§5.5 cardinality:
  // 3 × 500 000 = 1 500 000 food transfers; the guide's printed "7 500 000" is a known error).
  const model = `
symbiose: 1
name: Travellers buying food
currency: EUR
period: year
horizon: 1
actors:
  travellers: { kind: segment, size: 100000 }
  railway: { kind: organisation }
  caterer: { kind: organisation }
valueObjects:
  money: { nature: money }
  trip: { nature: service }
  food: { nature: product }
transactions:
  trip: { transfers: [{ from: railway, to: travellers, object: trip }, { from: travellers, to: railway, object: money, amount: 200 }] }
  food: { transfers: [{ from: caterer, to: travellers, object: food }, { from: travellers, to: caterer, object: money, amount: 10 }] }
scenarios:
  travel:
    start: { actor: travellers, count: 10 }
    steps:
      - trip
      - or:
          - { fraction: 0.5, steps: [{ transaction: food, count: 3 }] }
          - { fraction: 0.5, steps: [] }
`;
  const ecosystem = ecosystemOf(model);

  it('counts 1 000 000 needs and 1 500 000 food transfers', () => {
    const occurrences = occurrencesAt(ecosystem.ledger, 1);
    expect(occurrences.get('trip')).toBe(1_000_000);
    expect(occurrences.get('food')).toBe(1_500_000);
  });
});

describe('e3value user guide, §5.9: expenses (bookse31)', () => {
  // Railway company: fixed expenses f70K, variable expenses f34 per train trip; 500 000 trips at
  // f200. Variable: 34 × 500 000 = 17 000 000; total expenses 17 070 000; revenue
  // 200 × 500 000 = 100 000 000; net 100 000 000 − 17 070 000 = 82 930 000.
  // 500 000 trips are produced here by 50 000 travellers × 10 trips (the guide's own figure is an
  // image; only the trip count matters).
  const model = `
symbiose: 1
name: Railway expenses
currency: EUR
period: year
horizon: 1
parameters:
  price: { value: 200, unit: EUR }
actors:
  travellers: { kind: segment, size: 50000 }
  railway:
    kind: organisation
    costs:
      - { name: fixed expenses, fixed: 70000 }
      - { name: per trip, variable: 34, per: trip }
valueObjects:
  money: { nature: money }
  trip: { nature: service }
transactions:
  trip: { transfers: [{ from: railway, to: travellers, object: trip }, { from: travellers, to: railway, object: money, amount: price }] }
scenarios:
  travel: { start: { actor: travellers, count: 10 }, steps: [trip] }
`;
  it('nets 82 930 000 on 100 000 000 revenue and 17 070 000 expenses', () => {
    const sheet = profitability(ecosystemOf(model), 'railway');
    expect(sheet.totals.revenue[1]).toBe(100_000_000);
    expect(sheet.totals.costs[1]).toBe(17_070_000);
    expect(sheet.totalNet).toBe(82_930_000);
  });
});

describe('e3value user guide, §6.3, table 6.4: valuations (bookse36)', () => {
  // Each traveller has 10 needs, values a trip at 210 and pays 200: net value 10 × (210 − 200) = 100.
  const model = `
symbiose: 1
name: Valued trips
currency: EUR
period: year
horizon: 1
actors:
  travellers: { kind: segment, size: 1000000 }
  railway: { kind: organisation }
valueObjects:
  money: { nature: money }
  trip: { nature: service, valuation: { travellers: 210 } }
transactions:
  trip: { transfers: [{ from: railway, to: travellers, object: trip }, { from: travellers, to: railway, object: money, amount: 200 }] }
scenarios:
  travel: { start: { actor: travellers, count: 10 }, steps: [trip] }
`;
  it('gives each traveller a net value of 100', () => {
    const sheet = profitability(ecosystemOf(model), 'travellers');
    const perTraveller = (sheet.totalNet + sheet.totals.valueReceived[1]!) / 1_000_000;
    expect(perTraveller).toBeCloseTo(100, 9);
  });
});

describe('e3value user guide, ch. 7: net cash over periods (bookse40, bookse42)', () => {
  // Table 7.1: investment 1 000 in period 0; revenues 500 and expenses 100 in periods 1–3.
  // Naive total: −1 000 + 3 × 400 = 200.
  // Table 7.3, discounting at 20 %: period 0 is t = 0 and is not discounted; period p is divided by
  // 1.2^p: 400/1.2 = 333.33, 400/1.44 = 277.78, 400/1.728 = 231.48; DNPC −1 000 + 842.59 = −157.41.
  const model = `
symbiose: 1
name: Investment over three periods
currency: EUR
period: year
horizon: 3
discountRate: 0.2
actors:
  customer: { kind: organisation }
  provider:
    kind: organisation
    costs:
      - { name: set-up, investment: 1000, at: 0 }
      - { name: expenses, fixed: 100 }
valueObjects:
  money: { nature: money }
  service: { nature: service }
transactions:
  sale: { transfers: [{ from: provider, to: customer, object: service }, { from: customer, to: provider, object: money, amount: 500 }] }
scenarios:
  buy: { start: { actor: customer, count: 1 }, steps: [sale] }
`;
  const sheet = profitability(ecosystemOf(model), 'provider');

  it('table 7.1: net −1 000, 400, 400, 400; naive total 200', () => {
    expect(sheet.totals.net).toEqual([-1000, 400, 400, 400]);
    expect(sheet.totalNet).toBe(200);
  });

  it('table 7.3: discounted 333.33, 277.78, 231.48; DNPC −157.41', () => {
    expect(sheet.totals.discounted.map((x) => Math.round(x * 100) / 100)).toEqual([-1000, 333.33, 277.78, 231.48]);
    expect(Math.round(sheet.npv * 100) / 100).toBe(-157.41);
  });

  it('breaks even in period 3 after a deepest position of −1 000 in period 0', () => {
    // Cumulative: −1 000, −600, −200, +200.
    expect(sheet.totals.cumulative).toEqual([-1000, -600, -200, 200]);
    expect(sheet.breakEven).toBe(3);
    expect(sheet.deepest).toEqual({ amount: -1000, period: 0 });
  });
});
