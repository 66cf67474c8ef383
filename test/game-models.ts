/**
 * Two small games worked out by hand in test/sharing-game.test.ts, which the CLI tests of `check`
 * and `share` run as files: their comments there give every figure.
 */

/** One path over two years, needing {a, b, c, d} in year 1 and {a, b, d} in year 2; d only bears a cost. */
export const PERIODS_MODEL = `
symbiose: 1
name: Periods
currency: EUR
period: year
horizon: 2
discountRate: 0.1
actors:
  a: { kind: individual }
  b: { kind: organisation }
  c: { kind: organisation }
  d: { kind: organisation, costs: [{ name: data transfer, variable: 1, per: use }] }
valueObjects:
  money: { nature: money }
  service: { nature: service, valuation: { a: 10 } }
  ads: { nature: attention, valuation: { a: -3 } }
  data: { nature: data }
  support: { nature: service, valuation: { b: 4 } }
transactions:
  use:
    transfers:
      - { from: b, to: a, object: service }
      - { from: b, to: a, object: ads }
      - { from: a, to: b, object: data }
  help:
    transfers:
      - { from: c, to: b, object: support }
      - { from: b, to: c, object: money, amount: 2 }
scenarios:
  s:
    start: { actor: a, count: 1 }
    steps:
      - use
      - { transaction: help, count: "if(t == 1, 1, 0)" }
`;

/** Buyers and a seller trading directly or, for half the sales, through a platform whose fee blocks the split. */
export const FEE_MODEL = `
symbiose: 1
name: Fee
currency: EUR
period: year
horizon: 1
actors:
  buyers: { kind: segment, size: 1 }
  seller: { kind: organisation }
  platform: { kind: platform }
valueObjects:
  money: { nature: money }
  good: { nature: product, valuation: { buyers: 10 } }
  listing: { nature: service }
transactions:
  buy:
    transfers:
      - { from: seller, to: buyers, object: good }
      - { from: buyers, to: seller, object: money, amount: 6 }
  fee:
    transfers:
      - { from: platform, to: seller, object: listing }
      - { from: seller, to: platform, object: money, amount: 12 }
scenarios:
  purchases:
    start: { actor: buyers, count: 10 }
    steps:
      - buy
      - or:
          - { fraction: 0.5, steps: [] }
          - { fraction: 0.5, steps: [fee] }
`;
