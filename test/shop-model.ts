/**
 * The one-shop, one-buyer model of the risk and sensitivity tests: over one year with no
 * discounting the buyer pays `price` for goods worth 300 and the shop pays `rent`, so the shop's
 * NPV is price − rent. Each test gives the two parameters' lines (a range, a distribution, a CSV
 * column) and works out its figures by hand beside it.
 */
export function shopModel(parts: { version?: number; name: string; price: string; rent: string; rentFirst?: boolean; tail?: string }): string {
  const parameters = parts.rentFirst ? [`  rent: ${parts.rent}`, `  price: ${parts.price}`] : [`  price: ${parts.price}`, `  rent: ${parts.rent}`];
  return `symbiose: ${parts.version ?? 4}
name: ${parts.name}
currency: EUR
period: year
horizon: 1
discountRate: 0
parameters:
${parameters.join('\n')}
actors:
  shop: { name: Shop, kind: organisation, costs: [{ name: Rent, fixed: rent }] }
  buyer: { name: Buyer, kind: organisation }
valueObjects:
  money: { nature: money }
  goods: { nature: product, valuation: 300 }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyer, object: goods }
      - { from: buyer, to: shop, object: money, amount: price }
scenarios:
  buy:
    start: { actor: buyer, count: 1 }
    steps: [sale]
${parts.tail ?? ''}`;
}
