/**
 * Names that every JavaScript object inherits (constructor, toString, valueOf, hasOwnProperty…)
 * are ordinary names in a model: a parameter may be called so, and expressions and dynamics
 * equations read it like any other. `__proto__` alone is refused, with a located message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorName, canvas, profitability } from '../src/analyses/index.js';
import { loadModel } from '../src/core/index.js';
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

/** Actors, a value object, a transaction, a scenario and a variant, all called `name`. */
const records = (name: string) => `symbiose: 2
name: Object names as ids
currency: EUR
period: month
horizon: 2
parameters:
  fee: 4
actors:
  ${name}: { name: The ${name}, kind: segment, size: 10 }
  firm: { kind: organisation, activities: [Serving] }
valueObjects:
  money: { nature: money }
  ${name}: { nature: service }
transactions:
  ${name}: { transfers: [{ from: firm, to: ${name}, object: ${name} }, { from: ${name}, to: firm, object: money, amount: fee }] }
scenarios:
  ${name}: { start: { actor: ${name}, count: 1 }, steps: [${name}] }
variants:
  ${name}: { set: { fee: 5 } }
`;

const BIN = resolve('bin/symbiose.js');
function cli(args: string[], text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-names-'));
  writeFileSync(join(dir, 'm.yaml'), text);
  const result = spawnSync(process.execPath, [BIN, ...args, '-m', 'm.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('ids every JavaScript object has', () => {
  it.each([...NAMES, 'propertyIsEnumerable'])('records with the id %s are found, and only they', (name) => {
    const result = loadEcosystem(records(name), 'm.yaml');
    expect(result.issues.map(describeIssue)).toEqual([]);
    // 10 members pay fee = 4 each month; the variant makes it 5.
    expect(profitability(result.ecosystem!, 'firm').totals.revenue.slice(1)).toEqual([40, 40]);
    const variant = loadModel(records(name), 'm.yaml', { variant: name });
    expect(profitability(variant.ecosystem!, 'firm').totals.revenue.slice(1)).toEqual([50, 50]);
    expect(actorName(result.ecosystem!.doc, name)).toBe(`The ${name}`);
    expect(canvas(result.ecosystem!, 'firm').blocks.customerSegments.map((i) => 'actor' in i && i.actor)).toEqual([name]);
  });

  it.each(NAMES)('an id %s the model does not have is unknown, not what objects inherit', (name) => {
    const other = NAMES.find((n) => n !== name)!;
    const result = loadEcosystem(records(other), 'm.yaml');
    // The display name of a missing record is its id, never Object's own name.
    expect(actorName(result.ecosystem!.doc, name)).toBe(name);
    const variant = loadModel(records(other), 'm.yaml', { variant: name });
    expect(variant.issues.map((i) => `${i.code} ${i.params.kind} ${i.params.id}`)).toEqual([`unknown-reference variant ${name}`]);
  });

  it('the CLI refuses an actor the model does not have, whatever its name, and finds one it has', { timeout: 60_000 }, () => {
    for (const name of [...NAMES, '__proto__']) {
      const missing = cli(['canvas', name], records('firm2'));
      expect(missing.code, name).toBe(2);
      expect(missing.err).toMatch(new RegExp(`unknown actor "${name}"`));
      expect(missing.out).toBe('');
    }
    const found = cli(['canvas', 'constructor'], records('constructor'));
    expect(found.code).toBe(0);
    expect(found.out).toMatch(/The constructor/);
    expect(found.out).not.toMatch(/Object/);
  });
});

