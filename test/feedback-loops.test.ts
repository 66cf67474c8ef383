/**
 * The feedback loops of a model's dynamics through the surfaces: `symbiose loops` in both
 * languages and every format, and its route, on a logistic market written as a model document.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelLoops } from '../src/runtime/index.js';
import { ecosystemOf } from './helpers.js';
import { testApp } from './server-helpers.js';

// A subscription market that fills logistically: subscribers(t) follows P' = r·P·(1 − P/K), with
// r = 1 a month, K = 1000 and P(0) = 10, split in two links so that each loop is its own: R1
// subscribers → joining (word of mouth), B1 subscribers → room → joining (the market fills).
// Closed form: P(t) = K / (1 + 99·e^(−t)), whose inflection (P = K/2) is at t* = ln 99 = 4.595.
const MODEL = `symbiose: 1
name: Filling market
currency: EUR
period: month
horizon: 12
parameters:
  r: 1
  K: 1000
actors:
  subscribers: { kind: segment, size: Subscribers }
  firm: { kind: organisation }
valueObjects:
  money: { nature: money }
  service: { nature: service }
transactions:
  subscribe: { transfers: [{ from: firm, to: subscribers, object: service }, { from: subscribers, to: firm, object: money, amount: 5 }] }
scenarios:
  monthly: { start: { actor: subscribers, count: 1 }, steps: [subscribe] }
dynamics:
  dt: 0.0625
  stocks:
    Subscribers: { initial: 10, inflows: [joining], nonNegative: true }
  flows:
    joining: r * Subscribers * room
  variables:
    room: MAX(0, 1 - Subscribers / K)
`;

const WITHOUT_DYNAMICS = `symbiose: 1
name: Static
currency: EUR
period: month
horizon: 1
actors:
  a: { kind: organisation }
  b: { kind: organisation }
valueObjects:
  money: { nature: money }
  thing: { nature: product }
transactions:
  sell: { transfers: [{ from: a, to: b, object: thing }, { from: b, to: a, object: money, amount: 1 }] }
scenarios:
  once: { start: { actor: b, count: 1 }, steps: [sell] }
`;

describe('feedback loops of a model document', () => {
  it('reads the loops and their polarity, and finds the switch at the inflection', () => {
    const { feedback, cycles } = modelLoops(ecosystemOf(MODEL));
    expect(cycles).toEqual([]);
    expect(feedback!.loops.map((l) => [l.id, l.variables.join(' → '), l.links.map((k) => k.sign).join('')])).toEqual([
      ['R1', 'Subscribers → joining', '++'],
      ['B1', 'Subscribers → room → joining', '-++'],
    ]);
    const dominance = feedback!.dominance;
    if ('refused' in dominance) throw new Error('refused');
    expect(dominance.periods.map((p) => p.loop)).toEqual(['R1', 'B1']);
    // Euler grows by 1 + r·dt·room a step where the closed form grows by e^(r·dt·room): about
    // r·dt/2 less log-growth per unit time, so it reaches K/2 later by about (dt/2)·ln 99, and the
    // switch is read at the end of a step: within dt·(ln 99 / 2 + 1) = 0.206 of t* at dt = 1/16.
    const late = dominance.periods[1]!.from - Math.log(99);
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(0.0625 * (Math.log(99) / 2 + 1));
  });

  it('has no feedback part without dynamics', () => {
    expect(modelLoops(ecosystemOf(WITHOUT_DYNAMICS)).feedback).toBeNull();
  });

  it('prints them with symbiose loops in English and French, as CSV and JSON, and the route answers the same JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-feedback-'));
    writeFileSync(join(dir, 'market.yaml'), MODEL);
    const run = (lang: string, ...args: string[]) =>
      spawnSync(process.execPath, [resolve('bin/symbiose.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: lang } });
    const en = run('en', 'loops', 'market.yaml');
    expect(en.status).toBe(0);
    const flat = en.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('R1 reinforcing Subscribers → joining → Subscribers + +');
    expect(flat).toContain('B1 balancing Subscribers → room → joining → Subscribers − + +');
    expect(flat).toMatch(/1 month 0 month 4\.\d+ R1 \d+\.\d % yes 1 month 4\.\d+ month 12 B1/);
    const fr = run('fr', 'loops', 'market.yaml').stdout.replace(/\s+/g, ' ');
    expect(fr).toContain('R1 renforçante Subscribers → joining → Subscribers');
    expect(fr).toContain('B1 équilibrante');
    expect(fr).toContain('Quelle boucle domine, et quand');
    const csv = run('en', 'loops', 'market.yaml', '-f', 'csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain('R1,reinforcing,Subscribers → joining → Subscribers');
    const json = JSON.parse(run('en', 'loops', 'market.yaml', '--json').stdout);
    expect(json.cycles).toEqual([]);
    expect(json.feedback.loops.map((l: { id: string }) => l.id)).toEqual(['R1', 'B1']);
    expect(json.feedback.dominance.scores[0].relative).toHaveLength(12 * 16);

    const md = run('en', 'loops', 'market.yaml', '-f', 'md');
    expect(md.stdout).toContain('## Which loop dominates when (Loops that Matter)');
    expect(md.stdout).toMatch(/\| R1 +\| reinforcing +\| Subscribers → joining → Subscribers/);

    const t = await testApp();
    try {
      const created = await t.call('POST', '/api/models', { id: 'market', text: MODEL });
      expect(created.status).toBe(201);
      const answer = await t.call('GET', '/api/models/market/analyses/loops');
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual(json);
    } finally {
      await t.workspace.close();
    }
  }, 60_000);
});

describe('feedback loops of an XMILE model', () => {
  it('reads them from the file, says undetermined where a stock may go negative, and shows what the run did', () => {
    // SIR (the suite's sample): succumbing = susceptible·infectious/N·c, recovering = infectious/5.
    // Neither stock is marked non-negative and each has an outflow, so the equations do not show
    // that ∂succumbing/∂susceptible = infectious·c/N and ∂succumbing/∂infectious =
    // susceptible·c/N never go negative: those links are ?, and so are the loops through them. ∂recovering/∂infectious =
    // 1/5 > 0, so infectious → recovering → infectious is balancing.
    const file = resolve('test/fixtures/sd-test-models/samples/SIR/SIR.xmile');
    const json = spawnSync(process.execPath, [resolve('bin/symbiose.js'), 'loops', file, '--json'], { encoding: 'utf8', env: { ...process.env, SYMBIOSE_LANG: 'en' } });
    expect(json.status).toBe(0);
    const { feedback } = JSON.parse(json.stdout);
    const observed = new Map(feedback.dominance.scores.map((s: { loop: string; observed: string }) => [s.loop, s.observed]));
    expect(feedback.loops.map((l: { id: string; variables: string[] }) => [l.id, l.variables.join(' → '), observed.get(l.id)])).toEqual([
      ['U1', 'susceptible → succumbing', 'balancing'],
      ['U2', 'infectious → succumbing', 'reinforcing'],
      ['B1', 'infectious → recovering', 'balancing'],
    ]);
    const text = spawnSync(process.execPath, [resolve('bin/symbiose.js'), 'loops', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
    expect(text.stdout).toContain('Feedback loops — SIR');
    expect(text.stdout).toMatch(/1 +t = 0 +t = [\d.]+ +U2/);
  });
});
