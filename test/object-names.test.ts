/**
 * Names that every JavaScript object inherits (constructor, toString, valueOf, hasOwnProperty…)
 * are ordinary names in a model: a parameter may be called so, and expressions and dynamics
 * equations read it like any other. `__proto__` alone is refused, with a located message.
 */
import { describe, expect, it } from 'vitest';
import { profitability } from '../src/analyses/index.js';
import { loadEcosystem } from '../src/engine/link/index.js';
import { describeIssue } from './helpers.js';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

const model = (name: string, dynamics: boolean) => `symbiose: 1
name: Object names
currency: EUR
period: month
horizon: 2
parameters:
  ${name}: 3
  fee: "${name} * 2"
actors:
  customers: { kind: segment, size: ${dynamics ? 'Members' : 100} }
  firm: { kind: organisation }
valueObjects:
  money: { nature: money }
  service: { nature: service }
transactions:
  subscribe: { transfers: [{ from: firm, to: customers, object: service }, { from: customers, to: firm, object: money, amount: fee }] }
scenarios:
  monthly: { start: { actor: customers, count: 1 }, steps: [subscribe] }
${dynamics ? `dynamics:
  dt: 1
  stocks:
    Members: { initial: 100, inflows: [joining] }
  flows:
    joining: "${name} * 0"
` : ''}`;

describe('names every JavaScript object has', () => {
  it.each(NAMES)('a parameter named %s is read by expressions', (name) => {
    const result = loadEcosystem(model(name, false), 'm.yaml');
    expect(result.issues.map(describeIssue)).toEqual([]);
    // 100 customers pay fee = 3 × 2 = 6 each month.
    expect(profitability(result.ecosystem!, 'firm').totals.revenue.slice(1)).toEqual([600, 600]);
  });

  it.each(NAMES)('a parameter named %s is read by the dynamics', (name) => {
    const result = loadEcosystem(model(name, true), 'm.yaml');
    expect(result.issues.map(describeIssue)).toEqual([]);
    expect(profitability(result.ecosystem!, 'firm').totals.revenue.slice(1)).toEqual([600, 600]);
  });

  it.each(NAMES)('a call to %s() is an unknown function, in expressions and in the dynamics', (name) => {
    const result = loadEcosystem(model(name, false).replace(`fee: "${name} * 2"`, `fee: "${name}(2)"`), 'm.yaml');
    expect(result.issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toEqual(['8:9 unknown-function']);
    const dynamics = loadEcosystem(model(name, true).replace(`joining: "${name} * 0"`, `joining: "${name}(1) * 0"`), 'm.yaml');
    expect(dynamics.issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toEqual(['24:15 dynamics']);
    expect(dynamics.issues[0]!.params).toMatchObject({ engineCode: 'unknown-function' });
  });

  it('refuses __proto__ as an id, at its key', () => {
    const result = loadEcosystem(model('__proto__', false), 'm.yaml');
    expect(result.issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.params.reason} ${i.params.key}`)).toEqual(['7:3 schema reserved-key __proto__']);
  });
});
