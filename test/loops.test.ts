/** Cycles of value on a hand-derived ecosystem, the command and its route. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueCycles } from '../src/analyses/index.js';
import { ecosystemOf } from './helpers.js';
import { testApp } from './server-helpers.js';

// An app store's virtuous circle, one year: users buy 10 apps (worth 5 to them) for 3 each from
// developers; developers pay the platform 1 a sale for distribution (worth 2 to them); users buy
// one device (worth 100) for 80 from the platform. Arrows over the year:
// users → devs 30 (money), devs → users 50 (app), devs → apple 10 (money), apple → devs 20
// (distribution), users → apple 80 (money), apple → users 100 (device).
const MODEL = `
symbiose: 1
name: Store
currency: EUR
period: year
horizon: 1
actors:
  users: { kind: segment, size: 1 }
  devs: { kind: organisation }
  apple: { kind: platform }
valueObjects:
  money: { nature: money }
  app: { nature: service, valuation: { users: 5 } }
  distribution: { nature: service, valuation: { devs: 2 } }
  device: { nature: product, valuation: { users: 100 } }
transactions:
  buy-app:
    transfers:
      - { from: devs, to: users, object: app }
      - { from: users, to: devs, object: money, amount: 3 }
  commission:
    transfers:
      - { from: devs, to: apple, object: money, amount: 1 }
      - { from: apple, to: devs, object: distribution }
  buy-device:
    transfers:
      - { from: apple, to: users, object: device }
      - { from: users, to: apple, object: money, amount: 80 }
scenarios:
  apps:
    start: { actor: users, count: 10 }
    steps: [buy-app, commission]
  device:
    start: { actor: users, count: 1 }
    steps: [buy-device]
`;

describe('cycles of value', () => {
  const ecosystem = ecosystemOf(MODEL);

  it('lists the three-actor circles, the widest first, each as wide as its narrowest arrow', () => {
    // users → apple → devs → users: 80, 20, 50: 20 goes round. users → devs → apple → users:
    // 30, 10, 100: 10 goes round.
    const { cycles } = valueCycles(ecosystem);
    expect(cycles.map((c) => [c.actors, c.around])).toEqual([
      [['users', 'apple', 'devs'], 20],
      [['users', 'devs', 'apple'], 10],
    ]);
    expect(cycles[0]!.arrows.map((a) => [a.from, a.to, a.objects, a.money, a.worth])).toEqual([
      ['users', 'apple', ['money'], 80, 0],
      ['apple', 'devs', ['distribution'], 0, 20],
      ['devs', 'users', ['app'], 0, 50],
    ]);
  });

  it('puts the two-actor exchanges first when asked for them', () => {
    // users ↔ apple min(80, 100) = 80, users ↔ devs min(30, 50) = 30, devs ↔ apple min(10, 20) = 10.
    const { cycles } = valueCycles(ecosystem, { minLength: 2 });
    expect(cycles.map((c) => [c.actors.length, c.around])).toEqual([
      [2, 80],
      [2, 30],
      [2, 10],
      [3, 20],
      [3, 10],
    ]);
  });

  it('prints them with symbiose loops, and the route answers its --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-loops-'));
    writeFileSync(join(dir, 'store.yaml'), MODEL);
    const run = (...args: string[]) => spawnSync(process.execPath, [resolve('bin/symbiose.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
    const text = run('loops', 'store.yaml');
    expect(text.status).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('users → apple → devs → users, 20 around: users → apple: money; apple → devs: distribution; devs → users: app');
    expect(run('loops', 'store.yaml', '--min-length', '1').status).toBe(2);
    const t = await testApp();
    try {
      expect((await t.call('POST', '/api/library/appstore/copy')).status).toBe(201);
      const answer = await t.call('GET', '/api/models/appstore/analyses/loops?minLength=2');
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(JSON.parse(run('loops', 'appstore', '--min-length', '2', '--json').stdout));
    } finally {
      await t.workspace.close();
    }
  }, 60_000);
});
