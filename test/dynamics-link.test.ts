/**
 * A model's dynamics drive its quantities: a segment whose size is a stock, read period by period
 * as the stock's mean over the period (the values at the start of each integration step).
 */
import { describe, expect, it } from 'vitest';
import { profitability } from '../src/analyses/index.js';
import { issueMessage } from '../src/i18n/index.js';
import { evaluate, prepare } from '../src/core/index.js';
import { loadEcosystem, prepareDynamics } from '../src/engine/link/index.js';

const model = (growth: string, extra = '') => `symbiose: 1
name: Growing service
currency: EUR
period: month
horizon: 3
parameters:
  rate: 0.1
  fee: { value: 10, unit: EUR/month, source: test }
actors:
  customers: { kind: segment, size: Customers }
  firm: { kind: organisation }
valueObjects:
  money: { nature: money }
  service: { nature: service }
transactions:
  subscribe: { transfers: [{ from: firm, to: customers, object: service }, { from: customers, to: firm, object: money, amount: fee }] }
scenarios:
  monthly: { start: { actor: customers, count: 1 }, steps: [subscribe] }
dynamics:
  dt: 0.25
  stocks:
    Customers: { initial: 100, inflows: [growth] }
  flows:
    growth: ${growth}
${extra}`;

describe('dynamics linked to the ecosystem model', () => {
  it('reads a stock as its mean over each period', () => {
    const result = loadEcosystem(model('"Customers * rate"'), 'm.yaml');
    expect(result.issues).toEqual([]);
    const sheet = profitability(result.ecosystem!, 'firm');
    // Euler with dt = 0.25: Customers(t) = 100 × 1.025^(4t). Month p's mean is over the steps that
    // start at p − 1, p − 0.75, p − 0.5, p − 0.25: 100 × 1.025^(4(p − 1)) × (1 + 1.025 + 1.025² + 1.025³) / 4.
    const steps = (1 + 1.025 + 1.025 ** 2 + 1.025 ** 3) / 4;
    for (const p of [1, 2, 3]) {
      const customers = 100 * 1.025 ** (4 * (p - 1)) * steps;
      expect(sheet.totals.revenue[p]).toBeCloseTo(10 * customers, 9);
    }
    expect(result.ecosystem!.series.get('customers')![0]).toBe(100);
  });

  it('places errors in dynamics equations at their line and column', () => {
    const result = loadEcosystem(model('"Customers * rat"'), 'm.yaml');
    expect(result.ecosystem).toBeUndefined();
    const found = result.issues.map((i) => `${i.code} ${i.line}:${i.column} ${issueMessage(i, 'en')}`);
    // Line 24 is `    growth: "Customers * rat"`: the quote is at column 13, so "rat" starts at column 26.
    expect(found).toEqual([expect.stringMatching(/^dynamics 24:26 .*rat/)]);
  });

  it('refuses a parameter and a dynamics variable of the same name', () => {
    const result = loadEcosystem(model('"Customers * rate"').replace('  rate: 0.1', '  rate: 0.1\n  growth: 3'), 'm.yaml');
    expect(result.issues.map((i) => i.code)).toContain('name-clash');
  });

  it('stops when the dynamics end before the horizon', () => {
    const result = loadEcosystem(model('"Customers * rate"').replace('  dt: 0.25', '  dt: 0.25\n  stop: 2'), 'm.yaml');
    expect(result.issues.map((i) => `${i.code} ${issueMessage(i, 'en')}`)).toEqual(['dynamics-stop the dynamics stop at 2, before the horizon ends (3)']);
  });
});

describe('dynamics errors are placed where they are made', () => {
  it('refuses a step that does not divide a period when quantities read the dynamics', () => {
    const result = loadEcosystem(model('"Customers * rate"').replace('  dt: 0.25', '  dt: 1.5'), 'm.yaml');
    expect(result.issues.map((i) => `${i.code} ${i.line} ${issueMessage(i, 'en')}`)).toEqual(['dynamics-dt 20 dt 1.5 does not divide a month evenly; use 1, 0.5, 0.25, 0.125…']);
  });

  it('explains that the dynamics cannot read a parameter that depends on t', () => {
    const result = loadEcosystem(model('"Customers * promo"').replace('  rate: 0.1', '  rate: 0.1\n  promo: "if(t <= 2, 0.2, 0)"'), 'm.yaml');
    expect(result.issues.map((i) => issueMessage(i, 'en'))).toContainEqual(expect.stringContaining('parameter "promo" depends on t or on the dynamics'));
  });

  it('reports a variable that becomes NaN or infinite at that variable, under its own code', () => {
    const result = loadEcosystem(model('"Customers * rate / 0"'), 'm.yaml');
    const found = result.issues.map((i) => `${i.code} ${i.line} ${issueMessage(i, 'en')}`);
    expect(found).toContainEqual(expect.stringMatching(/^dynamics 24 growth becomes infinite at time 0/));
    expect(found.some((f) => f.includes('actors'))).toBe(false);
    // Its own engine code, carried through the link: not the code of impossible sim specs.
    const broken = result.issues.find((i) => i.code === 'dynamics' && i.params.label === 'growth')!;
    expect(broken.params).toMatchObject({ engineCode: 'not-finite', label: 'growth', time: 0, value: 'Infinity' });
    expect(issueMessage(broken, 'fr')).toBe('growth devient infini à l’instant 0');
    const nan = loadEcosystem(model('"(Customers - Customers) / 0"'), 'm.yaml').issues.find((i) => i.code === 'dynamics')!;
    expect(nan.params).toMatchObject({ engineCode: 'not-finite', value: 'NaN' });
  });

  it('carries the engine code of a dynamics issue, so it is rendered in the chosen language', () => {
    const result = loadEcosystem(model('"Customers * rat"'), 'm.yaml');
    const [unknown] = result.issues;
    expect(unknown).toMatchObject({ code: 'dynamics', params: { engineCode: 'unknown-name', name: 'rat', variable: 'growth' } });
    expect(issueMessage(unknown!, 'en')).toBe('variable "growth": unknown name "rat"');
    expect(issueMessage(unknown!, 'fr')).toBe('variable «\u00a0growth\u00a0»\u00a0: nom inconnu «\u00a0rat\u00a0»');
  });

  it('refuses a dimension sized past the limit at its key, before making its elements', () => {
    const text = `symbiose: 1
name: Big dimension
currency: EUR
period: month
horizon: 2
actors: {}
valueObjects: {}
transactions: {}
dynamics:
  dt: 1
  dimensions:
    D: 1000000000
  variables:
    a: 1
`;
    const { issues } = loadEcosystem(text, 'm.yaml');
    expect(issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.params.engineCode} ${i.params.limit} ${i.params.found}`)).toEqual([
      '12:5 dynamics limit dimensionSize 1000000000',
    ]);
    expect(issueMessage(issues[0]!, 'en')).toBe('too many elements in a dimension: at most 100000 (limit "dimensionSize"), found 1000 million');
  });
});

describe('the series the quantities do not read', () => {
  // Quantities read Customers (the segment's size); growth and twice are read by nothing.
  const text = model('"Customers * rate"', '  variables:\n    twice: "Customers * 2"\n');
  const steps = (1 + 1.025 ** 1 + 1.025 ** 2 + 1.025 ** 3) / 4;

  it('come out right when asked for, with the values of the evaluation', () => {
    const doc = loadEcosystem(text, 'm.yaml').ecosystem!.doc;
    const prepared = prepare(doc, { dynamics: prepareDynamics });
    expect(prepared.reads).toEqual(['customers']);
    const first = evaluate(prepared, { rate: 0.1 }).ecosystem!;
    // rate 0.2: each quarter-month step multiplies Customers by 1.05, so month p's mean is
    // 100 × 1.05^(4(p − 1)) × (1 + 1.05 + 1.05² + 1.05³) / 4; growth is 0.2 × that, twice 2 × that.
    const second = evaluate(prepared, { rate: 0.2 }).ecosystem!;
    const steps2 = (1 + 1.05 + 1.05 ** 2 + 1.05 ** 3) / 4;
    const customers = (p: number, factor: number, mean: number) => (p === 0 ? 100 : 100 * factor ** (4 * (p - 1)) * mean);
    for (const p of [0, 1, 2, 3]) {
      expect(second.series.get('customers')![p]).toBeCloseTo(customers(p, 1.05, steps2), 9);
      expect(second.series.get('growth')![p]).toBeCloseTo(0.2 * customers(p, 1.05, steps2), 9);
      expect(second.series.get('twice')![p]).toBeCloseTo(2 * customers(p, 1.05, steps2), 9);
      // The first evaluation keeps its own numbers.
      expect(first.series.get('growth')![p]).toBeCloseTo(0.1 * customers(p, 1.025, steps), 9);
      expect(first.series.get('customers')![p]).toBeCloseTo(customers(p, 1.025, steps), 9);
    }
    // The model's constants the dynamics take are series too, at their value in every period.
    expect(Array.from(first.series.get('rate')!)).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(Array.from(second.series.get('rate')!)).toEqual([0.2, 0.2, 0.2, 0.2]);
    expect(first.series.size).toBe(5);
    expect([...first.series.keys()].sort()).toEqual(['customers', 'fee', 'growth', 'rate', 'twice']);
  });

  it('are those of the new values when an ecosystem is recycled', () => {
    const doc = loadEcosystem(text, 'm.yaml').ecosystem!.doc;
    const prepared = prepare(doc, { dynamics: prepareDynamics });
    const first = evaluate(prepared, { rate: 0.1 }).ecosystem!;
    const read = first.series.get('customers');
    const second = evaluate(prepared, { rate: 0.2 }, { recycle: first }).ecosystem!;
    expect(second.series.get('customers')).toBe(read);
    // Month 1: 100 × (1 + 1.05 + 1.1025 + 1.157625) / 4 = 107.753125; growth 0.2 × that.
    expect(second.series.get('customers')![1]).toBeCloseTo(107.753125, 9);
    expect(second.series.get('growth')![1]).toBeCloseTo(21.550625, 9);
    expect(first.series.get('growth')![1]).toBeCloseTo(21.550625, 9);
  });

  it('still stop the run when they stop being numbers', () => {
    // broken = 1 / (TIME − 2) is infinite at time 2; nothing outside the dynamics reads it.
    const broken = model('"Customers * rate"', '  variables:\n    broken: "1 / (TIME - 2)"\n');
    const loaded = loadEcosystem(broken, 'm.yaml');
    expect(loaded.ecosystem).toBeUndefined();
    expect(loaded.issues.map((i) => [i.code, i.params.engineCode, i.params.label, i.params.time, i.params.value])).toEqual([
      ['dynamics', 'not-finite', 'broken', 2, 'Infinity'],
    ]);
    // evaluate again, with another value: the same refusal.
    const doc = loadEcosystem(text, 'm.yaml').ecosystem!.doc;
    const prepared = prepare({ ...doc, dynamics: { ...doc.dynamics!, variables: { broken: '1 / (TIME - 2)' } } }, { dynamics: prepareDynamics });
    const again = evaluate(prepared, { rate: 0.3 });
    expect(again.ecosystem).toBeUndefined();
    expect(again.issues.map((i) => [i.params.engineCode, i.params.label, i.params.time])).toEqual([['not-finite', 'broken', 2]]);
  });

  it('still stop the run when a constant of the dynamics overflows', () => {
    // huge = big × 10 reads only a constant, so no step changes it: 1e308 × 10 is infinite from the start.
    const withBig = model('"Customers * rate"', '  variables:\n    huge: "big * 10"\n').replace('  rate: 0.1', '  rate: 0.1\n  big: 1');
    const doc = loadEcosystem(withBig, 'm.yaml').ecosystem!.doc;
    const prepared = prepare(doc, { dynamics: prepareDynamics });
    const refused = evaluate(prepared, { big: 1e308 });
    expect(refused.ecosystem).toBeUndefined();
    expect(refused.issues.map((i) => [i.params.engineCode, i.params.label, i.params.time, i.params.value])).toEqual([['not-finite', 'huge', 0, 'Infinity']]);
    // big 2: huge is 20 at the start and in every period.
    expect(Array.from(evaluate(prepared, { big: 2 }).ecosystem!.series.get('huge')!)).toEqual([20, 20, 20, 20]);
  });

  it('and so do the series read', () => {
    const doc = loadEcosystem(text, 'm.yaml').ecosystem!.doc;
    const prepared = prepare(doc, { dynamics: prepareDynamics });
    // rate −1e308: growth = 100 × −1e308 overflows to −∞ at time 0; one step later Customers is
    // 100 + 0.25 × −∞ = −∞, and twice with it. Each variable is named once, at its first time.
    const refused = evaluate(prepared, { rate: -1e308 });
    expect(refused.ecosystem).toBeUndefined();
    expect(refused.issues.map((i) => [i.params.label, i.params.time, i.params.value])).toEqual([
      ['Customers', 0.25, '-Infinity'],
      ['growth', 0, '-Infinity'],
      ['twice', 0.25, '-Infinity'],
    ]);
  });
});
