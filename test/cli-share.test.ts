/**
 * `symbiose share` as a user runs it (the built bin in a child process) and its API route, which
 * answers the command's --json. Figures of the fee model are derived in test/sharing-game.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEE_MODEL } from './game-models.js';
import { testApp, type TestApp } from './server-helpers.js';

const BIN = resolve('bin/symbiose.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const FEE = FEE_MODEL;

/** A platform and n − 1 customers, each buying a service worth 5 for 3, the platform paying 1 a sale. */
function generated(n: number): string {
  const customers = Array.from({ length: n - 1 }, (_, i) => `c${i + 1}`);
  return [
    'symbiose: 1',
    'name: Generated',
    'currency: EUR',
    'period: month',
    'horizon: 2',
    'actors:',
    '  platform: { kind: platform, costs: [{ name: serving, variable: 1, per: buy-c1 }] }',
    ...customers.map((c) => `  ${c}: { kind: individual }`),
    'valueObjects:',
    '  money: { nature: money }',
    '  service: { nature: service, valuation: 5 }',
    'transactions:',
    ...customers.flatMap((c) => [`  buy-${c}:`, '    transfers:', `      - { from: platform, to: ${c}, object: service }`, `      - { from: ${c}, to: platform, object: money, amount: 3 }`]),
    'scenarios:',
    ...customers.flatMap((c) => [`  ${c}-month:`, `    start: { actor: ${c}, count: 1 }`, `    steps: [buy-${c}]`]),
    '',
  ].join('\n');
}

describe('symbiose share', () => {
  const dir = mkdtempSync(join(tmpdir(), 'symbiose-share-'));
  writeFileSync(join(dir, 'fee.yaml'), FEE);

  it('prints the shares, the concentration and the coalition that blocks the split', () => {
    const { code, out } = run(['share', 'fee.yaml'], dir);
    expect(code).toBe(0);
    expect(out).toContain('Fair shares — Fee');
    expect(out).toMatch(/platform\s+60\s+0\s+60\s+60\.0 %\s+16\.67\s+43\.33\s+12\.5/);
    // Prose is wrapped to 100 columns: read it as one line.
    expect(out.replace(/\s+/g, ' ')).toContain("today's split is NOT in the core: the coalition of buyers, seller would create 50 on its own and captures 40 today, 10 less");
    expect(out).toMatch(/HHI \d/);
  });

  it('says it in French', () => {
    const { out } = run(['share', 'fee.yaml', '--lang', 'fr'], dir);
    expect(out).toContain('Parts équitables — Fee');
    expect(out.replace(/[ \n]+/g, ' ')).toContain('N’EST PAS dans le cœur\u00a0: la coalition de buyers, seller créerait seule 50');
  });

  it('gives the figures as JSON and CSV', () => {
    const json = JSON.parse(run(['share', 'fee.yaml', '--json'], dir).out);
    expect(json.valueCreated).toBe(100);
    expect(json.core).toMatchObject({ inCore: false, coalition: ['buyers', 'seller'], coalitionNames: ['buyers', 'seller'], excess: 10 });
    expect(json.actors.find((a: { actor: string }) => a.actor === 'platform').shapley).toBeCloseTo(50 / 3, 9);
    const csv = run(['share', 'fee.yaml', '--format', 'csv'], dir).out;
    expect(csv).toMatch(/^Actor,Money,Non-money,Captured,Share,Shapley,Gap,Banzhaf$/m);
    expect(csv).toMatch(/^platform,60,0,60,0\.6,16\.67,43\.33,12\.5$/m);
  });

  it('samples with a seed and prints the bound', () => {
    const a = run(['share', 'fee.yaml', '--sample', '--seed', '4', '--error', '0.5', '--bound', 'hoeffding', '--json'], dir);
    const b = run(['share', 'fee.yaml', '--sample', '--seed', '4', '--error', '0.5', '--bound', 'hoeffding', '--json'], dir);
    expect(a.out).toBe(b.out);
    const sampled = JSON.parse(a.out).sampled;
    expect(sampled).toMatchObject({ seed: 4, bound: 'hoeffding', reached: true, asked: 0.5 });
    expect(sampled.error).toBeLessThanOrEqual(0.5);
    expect(run(['share', 'fee.yaml', '--sample'], dir).out).toMatch(/Sampled Shapley values: [\d,]+ random orders \(seed 1\), every error within ±/);
  });

  it('refuses a bad seed or error as a usage error', () => {
    expect(run(['share', 'fee.yaml', '--sample', '--seed', 'x'], dir)).toMatchObject({ code: 2 });
    expect(run(['share', 'fee.yaml', '--sample', '--error', '-1'], dir)).toMatchObject({ code: 2 });
  });

  it('checks every coalition of 22 actors on worker threads', () => {
    writeFileSync(join(dir, 'big.yaml'), generated(22));
    const json = JSON.parse(run(['share', 'big.yaml', '--json'], dir).out);
    // 21 customers, 2 months: each sale worth 5; the platform's cost of 1 is on c1's sales only.
    // v(N) = 2 × (21 × 5 − 1) = 208. Each customer captures 2 × (5 − 3) = 4, the platform
    // 2 × (21 × 3 − 1) = 124. Nobody creates anything alone (every sale needs the platform), so
    // the coalition closest to leaving is one customer alone: 0 − 4 = −4 (c1, the lowest of the
    // ties); {platform, c_i} creates at most 10 and gets 128.
    expect(json.valueCreated).toBe(208);
    expect(json.core).toMatchObject({ coalitions: 'every', looked: 2 ** 22 - 2, inCore: true, coalition: ['c1'] });
    expect(json.core.excess).toBeCloseTo(-4, 9);
  }, 60_000);
});

describe('the share route', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await testApp();
  });
  afterEach(async () => {
    await t.workspace.close();
  });

  it('answers what symbiose share --json prints, options included', async () => {
    expect((await t.call('POST', '/api/library/purple-button/copy')).status).toBe(201);
    const cases: Array<[string, string[]]> = [
      ['/api/models/purple-button/analyses/share', []],
      ['/api/models/purple-button/analyses/share?npv=true&sample=true&seed=3&bound=variance', ['--npv', '--sample', '--seed', '3', '--bound', 'variance']],
    ];
    for (const [path, options] of cases) {
      const answer = await t.call('GET', path);
      expect(answer.status, path).toBe(200);
      const cli = run(['share', 'purple-button', ...options, '--json'], process.cwd());
      expect(answer.json, path).toEqual(JSON.parse(cli.out));
    }
  }, 60_000);

  it('answers what symbiose check --json prints', async () => {
    expect((await t.call('POST', '/api/library/purple-button/copy')).status).toBe(201);
    const answer = await t.call('GET', '/api/models/purple-button/analyses/check?failOn=warning&maxShare=0.7');
    expect(answer.status).toBe(200);
    const cli = spawnSync(process.execPath, [BIN, 'check', 'purple-button', '--fail-on', 'warning', '--max-share', '0.7', '--json'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en' } });
    expect(cli.status).toBe(4);
    expect(answer.json).toEqual(JSON.parse(cli.stdout));
    expect(answer.json.failed).toBe(true);
  }, 60_000);

  it('refuses a bad option with a 422 and its issue', async () => {
    expect((await t.call('POST', '/api/library/purple-button/copy')).status).toBe(201);
    const answer = await t.call('GET', '/api/models/purple-button/analyses/share?error=-2');
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.json)).toContain('error');
  });
});
