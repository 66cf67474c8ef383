import { describe, expect, it } from 'vitest';
import { ecosystemOf } from '../../test/helpers.js';
import { canvas } from './canvas.js';

// A platform trades a service for personal data with its users (a barter: no money), buys
// prototypes from developers, and sells ads to a brand. Who serves whom follows from the flows.
const ecosystem = ecosystemOf(`
symbiose: 1
name: Barter
currency: EUR
period: month
horizon: 1
actors:
  users: { kind: segment, size: 10 }
  platform: { kind: platform }
  developers: { kind: organisation }
  brand: { kind: organisation }
valueObjects:
  money: { nature: money }
  service: { nature: service }
  data: { nature: data, personal: true }
  prototype: { nature: product }
  ads: { nature: attention }
transactions:
  use: { transfers: [{ from: platform, to: users, object: service }, { from: users, to: platform, object: data }] }
  build: { transfers: [{ from: developers, to: platform, object: prototype }, { from: platform, to: developers, object: money, amount: 100 }] }
  advertise: { transfers: [{ from: platform, to: brand, object: ads }, { from: brand, to: platform, object: money, amount: 50 }] }
scenarios:
  s: { start: { actor: users, count: 1 }, steps: [use, build, advertise] }
`);

describe('canvas roles', () => {
  it('keeps financing out of revenue streams and costs, and a data seller out of the unpaid data givers', () => {
    const financed = ecosystemOf(`
symbiose: 3
name: Financed
currency: EUR
period: month
horizon: 2
actors:
  startup: { kind: organisation }
  fund: { kind: organisation }
  broker: { kind: organisation }
  clients: { kind: segment, size: 4 }
valueObjects:
  money: { nature: money }
  shares: { nature: right }
  profiles: { nature: data, personal: true }
  app: { nature: service }
transactions:
  round: { financing: true, transfers: [{ from: fund, to: startup, object: money, amount: 1000 }, { from: startup, to: fund, object: shares }] }
  buy-profiles: { transfers: [{ from: broker, to: startup, object: profiles }, { from: startup, to: broker, object: money, amount: 3 }] }
  sell: { transfers: [{ from: startup, to: clients, object: app }, { from: clients, to: startup, object: money, amount: 10 }] }
scenarios:
  raise: { start: { actor: fund, count: 1 }, steps: [round] }
  serve: { start: { actor: clients, count: 1 }, steps: [sell, buy-profiles] }
`);
    const c = canvas(financed, 'startup');
    // 4 clients a month for 2 months pay 10 each: 80; the fund's 1000 a month is financing, in neither block.
    expect(c.blocks.revenueStreams).toEqual([{ kind: 'money', transaction: 'sell', counterparty: 'clients', direction: 'in', price: 10, amount: 80 }]);
    expect(c.blocks.costStructure).toEqual([{ kind: 'money', transaction: 'buy-profiles', counterparty: 'broker', direction: 'out', price: 3, amount: 24 }]);
    expect(canvas(financed, 'fund').blocks.costStructure).toEqual([]);
    // The broker is paid for its profiles: a supplier partner in the usual way, listed once.
    expect(c.blocks.keyPartners.filter((p) => p.kind === 'partner' && p.actor === 'broker')).toHaveLength(1);
  });

  it("serves users in a barter and the brand for money; buys from developers", () => {
    const c = canvas(ecosystem, 'platform');
    expect(c.blocks.customerSegments).toEqual([
      { kind: 'customer', actor: 'users', actorKind: 'segment', objects: ['service'] },
      { kind: 'customer', actor: 'brand', actorKind: 'organisation', objects: ['ads'] },
    ]);
    // The users give their personal data unpaid: they are partners too, as well as customers.
    expect(c.blocks.keyPartners).toEqual([
      { kind: 'partner', actor: 'users', supplies: [{ object: 'data' }] },
      { kind: 'partner', actor: 'developers', supplies: [{ object: 'prototype' }] },
    ]);
    expect(c.blocks.keyResources).toEqual([
      { kind: 'resource', object: 'data', nature: 'data', personal: true, from: 'users' },
      { kind: 'resource', object: 'prototype', nature: 'product', personal: false, from: 'developers' },
    ]);
    // 10 users once: 10 × 100 paid to developers, 10 × 50 from the brand.
    expect(c.blocks.costStructure).toEqual([{ kind: 'money', transaction: 'build', counterparty: 'developers', direction: 'out', price: 100, amount: 1000 }]);
    expect(c.blocks.revenueStreams).toEqual([{ kind: 'money', transaction: 'advertise', counterparty: 'brand', direction: 'in', price: 50, amount: 500 }]);
  });

  it('shows users the platform as a partner that supplies the service, not as their customer', () => {
    const c = canvas(ecosystem, 'users');
    expect(c.blocks.customerSegments).toEqual([]);
    expect(c.blocks.keyPartners).toEqual([{ kind: 'partner', actor: 'platform', supplies: [{ object: 'service' }] }]);
  });

  it("shows developers the platform as their paying customer", () => {
    const c = canvas(ecosystem, 'developers');
    expect(c.blocks.customerSegments).toEqual([{ kind: 'customer', actor: 'platform', actorKind: 'platform', objects: ['prototype'] }]);
    // 10 users build once in the one month: 10 transactions a month with the platform.
    expect(c.blocks.customerRelationships).toEqual([{ kind: 'relationship', actor: 'platform', declared: [], frequency: { rate: 10, perMember: false } }]);
  });
});

describe('canvas of a bundle', () => {
  // An operator sells users a bundle that includes a partner's charging, and pays the partner.
  const bundle = ecosystemOf(`
symbiose: 1
name: Bundle
currency: EUR
period: month
horizon: 1
actors:
  users: { kind: segment, size: 5 }
  operator: { kind: organisation }
  charger: { kind: organisation }
valueObjects:
  money: { nature: money }
  telecom: { nature: service }
  charge: { nature: service }
transactions:
  bundle:
    transfers:
      - { from: operator, to: users, object: telecom }
      - { from: charger, to: users, object: charge }
      - { from: users, to: operator, object: money, amount: 30 }
      - { from: operator, to: charger, object: money, amount: 4 }
scenarios:
  s: { start: { actor: users, count: 1 }, steps: [bundle] }
`);
  it('lists the partner who serves the customers, paid by the operator', () => {
    const c = canvas(bundle, 'operator');
    expect(c.blocks.keyPartners).toEqual([{ kind: 'partner', actor: 'charger', supplies: [{ object: 'charge', to: 'users' }] }]);
    expect(c.blocks.customerSegments).toEqual([{ kind: 'customer', actor: 'users', actorKind: 'segment', objects: ['telecom'] }]);
    // 5 users: 5 × 30 in, 5 × 4 out.
    expect(c.blocks.revenueStreams).toMatchObject([{ transaction: 'bundle', counterparty: 'users', amount: 150 }]);
    expect(c.blocks.costStructure).toMatchObject([{ transaction: 'bundle', counterparty: 'charger', amount: 20 }]);
  });
});

describe('canvas money lines', () => {
  it('leaves out a stream that never carries money (a price of zero over the horizon)', () => {
    const free = ecosystemOf(`
symbiose: 1
name: Free
currency: EUR
period: month
horizon: 2
actors:
  users: { kind: segment, size: 5 }
  app: { kind: platform }
valueObjects:
  money: { nature: money }
  service: { nature: service }
transactions:
  use: { transfers: [{ from: app, to: users, object: service }, { from: users, to: app, object: money, amount: 0 }] }
scenarios:
  s: { start: { actor: users, count: 1 }, steps: [use] }
`);
    const c = canvas(free, 'app');
    expect(c.blocks.revenueStreams).toEqual([]);
    expect(c.blocks.customerSegments).toEqual([{ kind: 'customer', actor: 'users', actorKind: 'segment', objects: ['service'] }]);
  });
});
