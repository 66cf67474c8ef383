/**
 * The bakery of the hand-worked tests: households (a segment of 200) buy 4 loaves a month each, a
 * quarter of them through an ordering app (an OR split), over 6 months. Its figures are worked out
 * by hand in test/hand-worked.test.ts and, as a cooperative game, in test/sharing-game.test.ts.
 */
export const BAKERY_MODEL = `
symbiose: 1
name: Bakery
currency: EUR
period: month
horizon: 6
parameters:
  households: 200
  loaves_per_month: 4
  price: { value: 2.5, unit: EUR }
  app_share: 0.25
actors:
  households: { kind: segment, size: households }
  bakery:
    kind: organisation
    costs:
      - { name: rent and staff, fixed: 1000 }
      - { name: flour and energy, variable: 0.8, per: buy-bread }
  app: { kind: platform, costs: [{ name: hosting, fixed: 15 }] }
valueObjects:
  money: { nature: money }
  bread: { nature: product, valuation: { households: 3 } }
  order-handling: { nature: service }
transactions:
  buy-bread:
    channel: shop
    transfers:
      - { from: bakery, to: households, object: bread }
      - { from: households, to: bakery, object: money, amount: price }
  app-order:
    channel: app
    transfers:
      - { from: app, to: bakery, object: order-handling }
      - { from: bakery, to: app, object: money, amount: 0.10 }
scenarios:
  weekly-bread:
    start: { actor: households, count: loaves_per_month }
    steps:
      - buy-bread
      - or:
          - { fraction: app_share, steps: [app-order] }
          - { fraction: "1 - app_share", steps: [] }
`;
