/**
 * Three small ecosystems worked out by hand. Every expected figure is derived in the comments from
 * the model's own numbers; none was taken from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { canvas, profitability, valueSharing, whoPays } from '../src/analyses/index.js';
import { occurrencesAt } from '../src/core/index.js';
import { BAKERY_MODEL } from './bakery-model.js';
import { ecosystemOf, issuesOf } from './helpers.js';
import { canvasItemText } from '../src/tables/index.js';

describe('a bakery, its customers and an ordering app (OR split, segment size × occurrence rate)', () => {
  const ecosystem = ecosystemOf(BAKERY_MODEL);

  it('counts occurrences: 200 households × 4 = 800 loaves a month, 25 % of them = 200 app orders', () => {
    for (let month = 1; month <= 6; month++) {
      expect(occurrencesAt(ecosystem.ledger, month).get('buy-bread')).toBe(800);
      expect(occurrencesAt(ecosystem.ledger, month).get('app-order')).toBe(200);
    }
  });

  it("works out the bakery's month: 2 000 − 20 − (1 000 + 640) = 340", () => {
    // Revenue 800 × 2.50 = 2 000; app fees 200 × 0.10 = 20; costs 1 000 fixed + 800 × 0.80 = 640.
    const sheet = profitability(ecosystem, 'bakery');
    expect(sheet.totals.revenue.slice(1)).toEqual(Array(6).fill(2000));
    expect(sheet.totals.payments[1]).toBeCloseTo(20, 9);
    expect(sheet.totals.costs[1]).toBeCloseTo(1640, 9);
    expect(sheet.totals.net[1]).toBeCloseTo(340, 9);
    expect(sheet.totalNet).toBeCloseTo(2040, 9); // 6 × 340
    expect(sheet.breakEven).toBe(0); // never below zero
  });

  it('says who pays (households, bakery) and who is paid (bakery, app)', () => {
    const table = whoPays(ecosystem).overall;
    expect(new Set(table.payers)).toEqual(new Set(['households', 'bakery']));
    expect(new Set(table.payees)).toEqual(new Set(['bakery', 'app']));
    // Over 6 months: households pay 6 × 2 000 = 12 000; the app is paid 6 × 20 = 120.
    expect(table.byActor.find((r) => r.actor === 'households')?.paid).toBe(12_000);
    expect(table.byActor.find((r) => r.actor === 'app')?.received).toBeCloseTo(120, 9);
  });

  it('shares the value created: 6 × (2 400 − 1 655) = 4 470', () => {
    // Households value a loaf at 3: 800 × 3 = 2 400 a month. Costs: bakery 1 640 + app 15 = 1 655.
    // Households capture 6 × (2 400 − 2 000) = 2 400; the bakery 6 × 340 = 2 040; the app 6 × 5 = 30.
    const sharing = valueSharing(ecosystem);
    expect(sharing.valueCreated).toBeCloseTo(4470, 6);
    const share = (id: string) => sharing.actors.find((a) => a.actor === id)!;
    expect(share('households').total).toBeCloseTo(2400, 6);
    expect(share('households').totalShare).toBeCloseTo(2400 / 4470, 9);
    expect(share('bakery').totalShare).toBeCloseTo(2040 / 4470, 9);
    expect(share('app').totalShare).toBeCloseTo(30 / 4470, 9);
  });

  it("derives the bakery's canvas from the graph", () => {
    const c = canvas(ecosystem, 'bakery');
    // The analysis gives ids; the English renderer turns them into these words.
    const texts = (block: keyof typeof c.blocks) => c.blocks[block].map((i) => canvasItemText(ecosystem.doc, 'bakery', i, 'en'));
    expect(texts('customerSegments')).toEqual(['households (segment) — receives bread']);
    // Worth to households: 200 × 4 loaves × 6 months × 3 = 14 400, printed 14.4 k.
    expect(texts('valuePropositions')).toEqual(['bread (product) to households: 14.4 k']);
    expect(texts('channels')).toEqual(['shop — bread to households']);
    expect(texts('keyPartners')).toEqual(['app — supplies order-handling']);
    expect(texts('keyResources')).toEqual(['order-handling (service) from app']);
    // 6 months × 2 000 = 12 000 of revenue; costs 6 × 20 = 120 in fees, 6 000 fixed, 6 × 640 = 3 840 variable.
    expect(c.blocks.revenueStreams).toEqual([{ kind: 'money', transaction: 'buy-bread', counterparty: 'households', direction: 'in', price: 2.5, amount: 12_000 }]);
    expect(texts('revenueStreams')).toEqual(['buy-bread — paid by households (2.5 per transaction): 12 k']);
    expect(c.blocks.costStructure.map((i) => ('amount' in i ? Math.round(i.amount! * 100) / 100 : undefined))).toEqual([120, 6000, 3840]);
    expect(texts('customerRelationships')).toEqual(['households: 4 transactions per member per month']);
  });
});

describe('a one-off investment: NPV and break-even period', () => {
  // 100 000 invested in period 0; then 30 000 revenue and 5 000 fixed cost a year for 5 years.
  // Net: −100 000, then 25 000 a year. Cumulative: −100 000, −75 000, −50 000, −25 000, 0, 25 000:
  // break-even in year 4 (the position reaches 0 and stays there or above).
  // NPV at 10 %: −100 000 + 25 000 × (1 − 1.1^−5) / 0.1 = −100 000 + 25 000 × 3.790787 = −5 230.33.
  const ecosystem = ecosystemOf(`
symbiose: 1
name: Investment
currency: EUR
period: year
horizon: 5
discountRate: 0.10
actors:
  client: { kind: organisation }
  startup:
    kind: organisation
    costs:
      - { name: platform build, investment: 100000, at: 0 }
      - { name: operations, fixed: 5000 }
valueObjects:
  money: { nature: money }
  licence: { nature: right }
transactions:
  licensing: { transfers: [{ from: startup, to: client, object: licence }, { from: client, to: startup, object: money, amount: 30000 }] }
scenarios:
  yearly: { start: { actor: client, count: 1 }, steps: [licensing] }
`);
  const sheet = profitability(ecosystem, 'startup');

  it('breaks even in year 4 yet has a negative NPV of −5 230.33', () => {
    expect(sheet.totals.cumulative).toEqual([-100_000, -75_000, -50_000, -25_000, 0, 25_000]);
    expect(sheet.breakEven).toBe(4);
    expect(sheet.deepest).toEqual({ amount: -100_000, period: 0 });
    expect(sheet.npv).toBeCloseTo(-5230.33, 2);
  });
});

const monthlyBody = `actors:
  a: { kind: individual }
  b: { kind: organisation }
valueObjects:
  money: { nature: money }
  s: { nature: service }
transactions:
  pay: { transfers: [{ from: b, to: a, object: s }, { from: a, to: b, object: money, amount: 100 }] }
scenarios:
  m: { start: { actor: a, count: 1 }, steps: [pay] }
`;

describe('monthly periods discount at the annual rate turned monthly', () => {
  // An annual rate of 1.01^12 − 1 = 12.6825 % is 1 % a month. 100 a month for 12 months is worth
  // 100 × (1 − 1.01^−12) / 0.01 = 1 125.5077 today.
  const ecosystem = ecosystemOf(`symbiose: 1\nname: Monthly\ncurrency: EUR\nperiod: month\nhorizon: 12\ndiscountRate: ${1.01 ** 12 - 1}\n${monthlyBody}`);
  it('gives an NPV of 1 125.5077', () => {
    expect(profitability(ecosystem, 'b').npv).toBeCloseTo(1125.5077, 4);
  });

  it('gives the same NPV with the rate written as an expression, or as 1 % a month', () => {
    const text = ecosystem.doc;
    for (const rate of ['"1.01^12 - 1"', '{ value: 0.01, per: month }', '{ value: "1 / 100", per: month }']) {
      const model = ecosystemOf(`symbiose: 3\nname: Monthly\ncurrency: EUR\nperiod: month\nhorizon: 12\ndiscountRate: ${rate}\n${monthlyBody}`);
      expect(profitability(model, 'b').npv, rate).toBeCloseTo(1125.5077, 4);
    }
    expect(text.discountRate).toBeCloseTo(0.126825, 6);
  });

  it('gives 12.6825 % a year to a quarterly model told 1 % a month: 1.01^3 − 1 a quarter', () => {
    // 100 a quarter for 4 quarters at 3.0301 % a quarter: 100 × (1 − 1.030301^−4) / 0.030301 = 371.4424.
    const model = ecosystemOf(`symbiose: 3\nname: Quarterly\ncurrency: EUR\nperiod: quarter\nhorizon: 4\ndiscountRate: { value: 0.01, per: month }\n${monthlyBody}`);
    expect(profitability(model, 'b').npv).toBeCloseTo(371.4424, 3);
  });

  it('refuses a rate that reads a parameter, or that is not a number, at its place', () => {
    const refused = (rate: string) =>
      issuesOf(`symbiose: 3\nname: M\ncurrency: EUR\nperiod: month\nhorizon: 12\nparameters:\n  wacc: 0.08\ndiscountRate: ${rate}\n${monthlyBody}`)
        .filter((i) => i.severity === 'error')
        .map((i) => [i.code, i.line, i.column]);
    expect(refused('{ value: wacc, per: year }')).toEqual([['discount-rate-name', 8, 24]]);
    expect(refused('"8 %"')).toEqual([['expression-syntax', 8, 16]]);
    expect(refused('{ value: -0.01, per: month }')).toEqual([['schema', 8, 24]]);
    expect(refused('{ value: 0.01, per: decade }')).toEqual([['schema', 8, 35]]);
  });
});

describe('a marketplace whose demand grows with time (expressions over t)', () => {
  // 100 buyers visit t times a month in month t; 30 % of visits end in a sale with a commission of
  // 2 to the marketplace; 10 sellers pay a 5 subscription each month. 500 invested at start, 100 a
  // month to run. Month t: sales 100 × t × 0.3 = 30t, commissions 60t, subscriptions 50:
  // net 60t + 50 − 100 = 60t − 50 → 10, 70, 130, 190, 250, 310.
  // Cumulative from −500: −490, −420, −290, −100, 150, 460: break-even in month 5.
  const ecosystem = ecosystemOf(`
symbiose: 1
name: Marketplace
currency: EUR
period: month
horizon: 6
actors:
  buyers: { kind: segment, size: 100 }
  sellers: { kind: segment, size: 10 }
  market:
    kind: platform
    costs:
      - { name: build, investment: 500 }
      - { name: run, fixed: 100 }
valueObjects:
  money: { nature: money }
  goods: { nature: product }
  matching: { nature: service }
  listing: { nature: service }
transactions:
  sale:
    transfers:
      - { from: sellers, to: buyers, object: goods }
      - { from: buyers, to: sellers, object: money, amount: 40 }
  commission:
    transfers:
      - { from: market, to: sellers, object: matching }
      - { from: sellers, to: market, object: money, amount: 2 }
  subscription:
    transfers:
      - { from: market, to: sellers, object: listing }
      - { from: sellers, to: market, object: money, amount: 5 }
scenarios:
  visits:
    start: { actor: buyers, count: t }
    steps:
      - or:
          - { fraction: 0.3, steps: [sale, commission] }
          - { fraction: 0.7, steps: [] }
  listings:
    start: { actor: sellers, count: 1 }
    steps: [subscription]
`);
  const sheet = profitability(ecosystem, 'market');

  it('breaks even in month 5 after a deepest position of −500', () => {
    const expected = [-500, 10, 70, 130, 190, 250, 310];
    sheet.totals.net.forEach((x, t) => expect(x).toBeCloseTo(expected[t]!, 9));
    expect(sheet.totals.cumulative.map((x) => Math.round(x))).toEqual([-500, -490, -420, -290, -100, 150, 460]);
    expect(sheet.breakEven).toBe(5);
    expect(sheet.deepest).toEqual({ amount: -500, period: 0 });
  });

  it('attributes payments to the scenario that causes them', () => {
    const result = whoPays(ecosystem);
    const visits = result.scenarios.find((s) => s.scenario === 'visits')!;
    const listings = result.scenarios.find((s) => s.scenario === 'listings')!;
    // Visits: sales 30 × (1+…+6) = 630 occurrences; buyers pay 630 × 40 = 25 200; sellers pay 630 × 2 = 1 260.
    expect(visits.byActor.find((r) => r.actor === 'buyers')?.paid).toBeCloseTo(25_200, 6);
    expect(visits.byActor.find((r) => r.actor === 'market')?.received).toBeCloseTo(1_260, 6);
    // Listings: 10 sellers × 5 × 6 months = 300.
    expect(listings.byActor.find((r) => r.actor === 'market')?.received).toBe(300);
    expect(listings.payers).toEqual(['sellers']);
  });

  it('reports no break-even when the horizon ends below zero', () => {
    const short = ecosystemOf(JSON.stringify({ ...ecosystem.doc, horizon: 4 }), 'short.json');
    // Cumulative at month 4 is −100.
    expect(profitability(short, 'market').breakEven).toBeNull();
  });
});

describe('financing is kept apart from operating cash', () => {
  // An investor puts 1 000 into a start-up in period 1 for shares. The start-up sells 100 a period
  // and spends 300 a period on its team. Operating net: −200 a period, −600 over 3 periods; with
  // the 1 000 of financing its cash position is 800, 600, 400. The investor's operating cash is 0.
  const ecosystem = ecosystemOf(`
symbiose: 1
name: Financed start-up
currency: EUR
period: year
horizon: 3
actors:
  investor: { kind: organisation }
  startup: { kind: organisation, costs: [{ name: team, fixed: 300 }] }
  client: { kind: organisation }
valueObjects:
  money: { nature: money }
  shares: { nature: right }
  service: { nature: service }
transactions:
  round:
    financing: true
    transfers:
      - { from: investor, to: startup, object: money, amount: "if(t == 1, 1000, 0)" }
      - { from: startup, to: investor, object: shares }
  sale: { transfers: [{ from: startup, to: client, object: service }, { from: client, to: startup, object: money, amount: 100 }] }
scenarios:
  yearly: { start: { actor: client, count: 1 }, steps: [sale, round] }
`);
  it('keeps the round out of revenue, NPV and break-even, and in the cash position', () => {
    const sheet = profitability(ecosystem, 'startup');
    expect(sheet.totals.revenue).toEqual([0, 100, 100, 100]);
    expect(sheet.totalNet).toBe(-600);
    expect(sheet.breakEven).toBeNull();
    expect(sheet.totals.financing).toEqual([0, 1000, 0, 0]);
    expect(sheet.totals.cash).toEqual([0, 800, 600, 400]);
    const investor = profitability(ecosystem, 'investor');
    expect(investor.totalNet).toBe(0);
    expect(investor.totals.financing).toEqual([0, -1000, 0, 0]);
  });
});
