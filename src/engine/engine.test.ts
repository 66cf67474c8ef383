import { describe, expect, it } from 'vitest';
import { engineIssueMessage } from '../i18n/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compile, parseXmile, simulate, writeXmile, type Model, type Variable,
} from './index.js';
import { cases, SUITE } from '../../test/engine/suite.js';

function model(variables: Variable[], specs: Partial<Model['specs']> = {}): Model {
  return { specs: { start: 0, stop: 10, dt: 1, saveStep: 1, method: 'euler', ...specs }, dimensions: [], variables, macros: [] };
}
const aux = (name: string, equation: string): Variable => ({ kind: 'aux', name, equation, dimensions: [] });
const flow = (name: string, equation: string): Variable => ({ kind: 'flow', name, equation, dimensions: [] });
const stock = (name: string, equation: string, inflows: string[] = [], outflows: string[] = []): Variable => ({
  kind: 'stock', name, equation, dimensions: [], inflows, outflows,
});

function run(m: Model, options: Parameters<typeof simulate>[1] = {}) {
  const { program, issues } = compile(m);
  if (!program) throw new Error(issues.map((i) => engineIssueMessage(i, 'en')).join('\n'));
  return simulate(program, options);
}

describe('DELAYN and arrayed graphical functions', () => {
  it('takes an order given by an expression at the start of the run (Vensim DELAY N)', () => {
    // Order 2 + STEP(1, 10) stays 2: the same run as a literal order 2.
    const vars = (order: string) => [aux('input', '-1 + STEP(5, 5)'), aux('order', order), aux('out', 'DELAYN(input, 4, order, 6)')];
    const a = run(model(vars('2 + STEP(1, 10)'), { stop: 30 })).series.get('out')!;
    const b = run(model(vars('2'), { stop: 30 })).series.get('out')!;
    expect([...a]).toEqual([...b]);
    const bad = compile(model([aux('order', '0/0 + TIME'), aux('out', 'DELAYN(1, 4, order, 6)')]));
    expect(bad.program).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ code: 'not-constant', variable: 'out' });
  });

  it('empties the last DELAYN stage with the previous step\'s delay time (Vensim DELAY N)', () => {
    // Delay time 4, then 6 from time 5: DELAY3 changes its output at 5, DELAYN only at 6.
    const r = run(model([aux('d', '4 + STEP(2, 5)'), aux('n', 'DELAYN(1, d, 3, 6)'), aux('three', 'DELAY3(1, d, 6)')]));
    const n = r.series.get('n')!;
    const three = r.series.get('three')!;
    expect(n[4]).toBe(three[4]);
    expect(Math.abs(n[5]! - n[4]!)).toBeLessThan(Math.abs(three[5]! - three[4]!));
  });

  it('reads each element\'s own table at the variable\'s input (Stella, samples/arrays/non-a2a/non-a2a-gf)', () => {
    const file = parseXmile(readFileSync(join(SUITE, 'samples/arrays/non-a2a/non-a2a-gf.stmx'), 'utf8')).model!;
    const r = run(file);
    const at = (label: string, t: number) => r.series.get(label)![r.times.indexOf(t)];
    expect([at('Converter 1[Pizza]', 1), at('Converter 1[Pizza]', 2), at('Converter 1[Salad]', 13)]).toEqual([97.3, 91.4, 100]);
    expect(at('Converter 1[Salad]', 1.5)).toBeCloseTo((2.2 + 5.9) / 2, 12);
  });
});

describe('checks before running', () => {
  it('reports unknown names with the variable, the equation and the offset', () => {
    const { program, issues } = compile(model([aux('a', '1 + missing_thing')]));
    expect(program).toBeUndefined();
    expect(issues).toMatchObject([{ code: 'unknown-name', variable: 'a', equation: '1 + missing_thing', offset: 4 }]);
    expect(engineIssueMessage(issues[0]!, 'en')).toBe('variable "a": unknown name "missing_thing" at character 5 of equation "1 + missing_thing"');
  });

  it('reports an algebraic loop among auxiliaries as its cycle, but not a loop through a stock or a delay', () => {
    const loop = compile(model([aux('a', 'b + 1'), aux('b', 'c * 2'), aux('c', 'a')]));
    expect(loop.program).toBeUndefined();
    expect(loop.issues[0]).toMatchObject({ code: 'algebraic-loop' });
    expect((loop.issues[0]!.params.cycle as string[]).join(' → ')).toMatch(/a → b → c → a|b → c → a → b|c → a → b → c/);
    expect(compile(model([stock('s', '1', ['f']), flow('f', 's * 0.1')])).program).toBeDefined();
    expect(compile(model([aux('x', 'SMTH1(y, 2, 0)'), aux('y', 'x + 1')])).program).toBeDefined();
    // Without an initial value the smooth starts at its input, which needs its own output: a loop.
    expect(compile(model([aux('x', 'SMTH1(y, 2)'), aux('y', 'x + 1')])).issues[0]).toMatchObject({ code: 'algebraic-loop' });
  });

  it('reports wrong argument counts, unknown functions, syntax and unsupported constructs', () => {
    // `m.out` reads variable `out` of a module instance `m`, which this model does not have.
    const { issues } = compile(model([aux('a', 'MAX()'), aux('b', 'FOO(1)'), aux('c', '1 +'), aux('d', 'm.out')]));
    expect(issues.map((i) => i.code)).toEqual(['arity', 'unknown-function', 'equation-syntax', 'unknown-name']);
  });

  it('reports graphical functions whose points do not match', () => {
    const g: Variable = { kind: 'aux', name: 'g', equation: 'TIME', dimensions: [], gf: { type: 'continuous', xs: [0, 1], ys: [1, 2, 3] } };
    expect(compile(model([g])).issues[0]).toMatchObject({ code: 'graphical-function', variable: 'g' });
  });

  it('reports impossible sim specs', () => {
    expect(compile(model([aux('a', '1')], { dt: 0 })).issues[0]).toMatchObject({ code: 'sim-specs' });
  });
});

describe('builtins and integration', () => {
  it('computes time functions: STEP, RAMP, PULSE', () => {
    const r = run(model([aux('s', 'STEP(2, 3)'), aux('r', 'RAMP(1, 2, 5)'), aux('p', 'PULSE(4, 2, 3)')], { dt: 0.5, saveStep: 0.5 }));
    const at = (name: string, t: number) => r.series.get(name)![r.times.indexOf(t)];
    expect([at('s', 2.5), at('s', 3)]).toEqual([0, 2]);
    expect([at('r', 2), at('r', 4), at('r', 8)]).toEqual([0, 2, 3]);
    expect([at('p', 1.5), at('p', 2), at('p', 5), at('p', 6)]).toEqual([0, 8, 8, 0]);
  });

  it('runs stateful builtins as hidden stocks: SMTH1 of a step approaches it as 1 - e^(-t/τ)', () => {
    const r = run(model([aux('x', 'SMTH1(STEP(1, 0), 2, 0)')], { dt: 0.001, saveStep: 1, method: 'rk4' }));
    const x = r.series.get('x')!;
    expect(x[4]).toBeCloseTo(1 - Math.exp(-2), 6);
  });

  it('integrates dy/dt = y with RK4 at fourth order (error ratio 16 when dt halves)', () => {
    const m = (dt: number) => model([stock('y', '1', ['g']), flow('g', 'y')], { stop: 1, dt, saveStep: 1, method: 'rk4' });
    const error = (dt: number) => Math.abs(run(m(dt)).series.get('y')!.at(-1)! - Math.E);
    const ratio = error(0.1) / error(0.05);
    expect(ratio).toBeGreaterThan(15);
    expect(ratio).toBeLessThan(17);
    // Euler, first order: the ratio is near 2.
    const euler = (dt: number) => Math.abs(run({ ...m(dt), specs: { ...m(dt).specs, method: 'euler' } }).series.get('y')!.at(-1)! - Math.E);
    expect(euler(0.01) / euler(0.005)).toBeCloseTo(2, 1);
  });

  it('matches the closed form of Bass diffusion, F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t))', () => {
    // Bass (1969), Management Science 15(5): dF/dt = (p + qF)(1 − F), F(0) = 0.
    const p = 0.03;
    const q = 0.38;
    const m = model(
      [stock('F', '0', ['adoption']), flow('adoption', '(p + q * F) * (1 - F)'), aux('p', String(p)), aux('q', String(q))],
      { stop: 20, dt: 1 / 64, saveStep: 1, method: 'rk4' },
    );
    const r = run(m, { save: ['F'] });
    expect([...r.series.keys()]).toEqual(['F']);
    r.times.forEach((t, i) => {
      const e = Math.exp(-(p + q) * t);
      expect(r.series.get('F')![i]).toBeCloseTo((1 - e) / (1 + (q / p) * e), 9);
    });
  });

  it('expands arrays: apply-to-all, individual elements and array builtins', () => {
    const m: Model = {
      ...model([
        { kind: 'aux', name: 'v', dimensions: ['D'], elements: [
          { subscript: ['a'], equation: '1' }, { subscript: ['b'], equation: '2' }, { subscript: ['c'], equation: '6' },
        ] },
        { kind: 'aux', name: 'w', dimensions: ['D'], equation: 'v * 10' },
        aux('total', 'SUM(w[*])'), aux('avg', 'MEAN(v)'), aux('top', 'MAX(v)'), aux('n', 'SIZE(v)'), aux('second', 'v[b]'),
      ]),
      dimensions: [{ name: 'D', elements: ['a', 'b', 'c'] }],
    };
    const r = run(m, { until: 0 });
    const value = (name: string) => r.series.get(name)![0];
    expect([value('w[b]'), value('total'), value('avg'), value('top'), value('n'), value('second')]).toEqual([20, 90, 3, 6, 3, 2]);
  });

  it('reads graphical functions: continuous, extrapolate, discrete', () => {
    const table = (type: 'continuous' | 'extrapolate' | 'discrete'): Variable => ({
      kind: 'aux', name: `g_${type}`, equation: 'TIME', dimensions: [], gf: { type, xscale: { min: 1, max: 3 }, ys: [0, 10, 40] },
    });
    const r = run(model([table('continuous'), table('extrapolate'), table('discrete')], { stop: 4 }));
    expect([...r.series.get('g_continuous')!]).toEqual([0, 0, 10, 40, 40]);
    expect([...r.series.get('g_extrapolate')!]).toEqual([-10, 0, 10, 40, 70]);
    expect([...r.series.get('g_discrete')!]).toEqual([0, 0, 10, 40, 40]);
  });
});

describe('XMILE read and write', () => {
  it('writes every suite model so that it reads back to the same model and the same run', () => {
    let checked = 0;
    for (const c of cases()) {
      const first = parseXmile(readFileSync(join(SUITE, c.dir, c.file), 'utf8'), c.file);
      if (!first.model) continue;
      const again = parseXmile(writeXmile(first.model), 'rewritten');
      expect(again.issues.filter((i) => i.code === 'xml')).toEqual([]);
      // Module instances are written flattened (names qualified from the root): same run, not
      // the same model object.
      if (!first.model.variables.some((v) => v.namespace)) expect(again.model, c.id).toEqual(first.model);
      const compiled = compile(first.model);
      if (compiled.program) {
        const a = simulate(compiled.program);
        const b = simulate(compile(again.model!).program!);
        expect(b.series, c.id).toEqual(a.series);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('tolerates the undeclared isee: prefix and reports malformed XML with its line', () => {
    const ok = parseXmile('<xmile><sim_specs isee:x="1"><start>0</start><stop>1</stop><dt reciprocal="true">4</dt></sim_specs><model><variables><aux name="a"><isee:delay_aux/><eqn>1</eqn></aux></variables></model></xmile>');
    expect(ok.issues).toEqual([]);
    expect(ok.model!.specs.dt).toBe(0.25);
    const bad = parseXmile('<xmile><model></xmile>', 'bad.xmile');
    expect(bad.model).toBeUndefined();
    expect(bad.issues[0]).toMatchObject({ code: 'xml', file: 'bad.xmile' });
  });

  it('keeps model text inert: names, equations, lookup data and attributes are never run as code', () => {
    const hostile = `<xmile><sim_specs method="euler&quot;);throw 1;//"><start>0</start><stop>1</stop><dt>1</dt></sim_specs>
      <model><variables>
        <aux name="constructor"><eqn>1</eqn></aux>
        <aux name="__proto__"><eqn>constructor + 1</eqn></aux>
        <aux name="x&quot;]; globalThis.pwned = 1; //"><eqn>2</eqn></aux>
        <aux name="y"><eqn>globalThis.pwned = 1</eqn></aux>
        <aux name="g"><eqn>TIME</eqn><gf><xscale min="0" max="1"/><ypts>1,2);globalThis.pwned=1;(</ypts></gf></aux>
      </variables></model></xmile>`;
    const read = parseXmile(hostile);
    const { program, issues } = compile(read.model!);
    expect(program).toBeUndefined();
    expect(issues.some((i) => i.variable === 'y' && i.severity === 'error')).toBe(true);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    const safe = compile({ ...read.model!, variables: read.model!.variables.filter((v) => v.name !== 'y' && v.name !== 'g') });
    const r = simulate(safe.program!);
    expect(r.series.get('__proto__')![0]).toBe(2);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});
