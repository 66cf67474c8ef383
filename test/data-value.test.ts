/** The value of data on a hand-derived ecosystem (figures in the comments), the command and its route. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataValue } from '../src/analyses/index.js';
import { ecosystemOf } from './helpers.js';
import { testApp } from './server-helpers.js';

// A person (a) gives a broker (k) its location for an app it values at 2; a shop (b) sells the
// broker its purchase records for 1; an advertiser (d) buys insights worth 6 to it for 4.
// s1: 10 profiles, needs {a, k}: 20. s2: 5 insights fed by the shop, needs {b, d, k}: 30.
// s3: 2 insights fed by both, needs {a, b, d, k}: 2 × (6 + 2) = 16. The broker's fixed cost 10.
// v(N) = 20 + 30 + 16 − 10 = 56; the broker captures 5 × 3 + 2 × 3 − 10 = 11.
const MODEL = `
symbiose: 1
name: Data
currency: EUR
period: year
horizon: 1
actors:
  a: { kind: individual }
  b: { kind: organisation }
  k: { kind: organisation, costs: [{ name: team, fixed: 10 }] }
  d: { kind: organisation }
valueObjects:
  money: { nature: money }
  location: { nature: data, personal: true }
  purchases: { nature: data }
  app: { nature: service, valuation: { a: 2 } }
  insights: { nature: service, valuation: { d: 6 } }
transactions:
  profile:
    transfers:
      - { from: a, to: k, object: location }
      - { from: k, to: a, object: app }
  feed:
    transfers:
      - { from: b, to: k, object: purchases }
      - { from: k, to: b, object: money, amount: 1 }
  insight:
    transfers:
      - { from: k, to: d, object: insights }
      - { from: d, to: k, object: money, amount: 4 }
scenarios:
  s1:
    start: { actor: a, count: 10 }
    steps: [profile]
  s2:
    start: { actor: d, count: 5 }
    steps: [insight, feed]
  s3:
    start: { actor: d, count: 2 }
    steps: [insight, feed, profile]
`;

describe('the value of data', () => {
  const result = dataValue(ecosystemOf(MODEL));

  it('says what each data flow is worth when it stops, and what cascades', () => {
    // Purchases stop: s2 and s3 are lost (46 at once); the broker is left with −10 and leaves,
    // and s1 with it: everything, 56, is lost. Location stops: s1 and s3 lost (36); the broker
    // keeps 15 − 10 = 5, nobody leaves: 36 lost in all.
    expect(result.valueCreated).toBeCloseTo(56, 12);
    expect(result.flows.map(({ object, direct, lost, collapsed, personal }) => ({ object, direct, lost, collapsed, personal }))).toEqual([
      { object: 'purchases', direct: 46, lost: 56, collapsed: ['k'], personal: false },
      { object: 'location', direct: 36, lost: 36, collapsed: [], personal: true },
    ]);
  });

  it('shares the data-dependent value among the sources', () => {
    // The sources' game: {a} 20, {b} 30, {a, b} 16 (v(no data) = −10, so 66 depends on data).
    // Shapley: a = 20 + 8 = 28, b = 30 + 8 = 38; Banzhaf: a = 20 + 16/2 = 28, b = 38.
    expect(result.dataDependent).toBeCloseTo(66, 12);
    expect(result.sources).toEqual([
      { actor: 'a', shapley: 28, share: 28 / 66, banzhaf: 28 },
      { actor: 'b', shapley: 38, share: 38 / 66, banzhaf: 38 },
    ]);
  });

  it('prints it with symbiose data-value, and the route answers its --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-data-'));
    writeFileSync(join(dir, 'data.yaml'), MODEL);
    const run = (...args: string[]) => spawnSync(process.execPath, [resolve('bin/symbiose.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
    const text = run('data-value', 'data.yaml');
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/purchases: b → k\s+46\s+56\s+k/);
    expect(run('data-value', 'data.yaml', '--lang', 'fr').stdout).toContain('Valeur des données — Data');
    const t = await testApp();
    try {
      expect((await t.call('POST', '/api/library/purple-button/copy')).status).toBe(201);
      const answer = await t.call('GET', '/api/models/purple-button/analyses/data-value');
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(JSON.parse(run('data-value', 'purple-button', '--json').stdout));
    } finally {
      await t.workspace.close();
    }
  }, 60_000);
});
