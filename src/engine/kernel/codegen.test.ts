/**
 * Generated code (src/engine/kernel/codegen.ts) against the closure interpreter: the same bits on
 * every suite model, with both integration methods; and model text, however hostile, never
 * reaches the generated source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, parseXmile, simulate, type Model, type Variable } from '../index.js';
import { generateSource } from './index.js';
import { FUNCTIONS } from '../compile/functions.js';
import { literal } from './emit.js';
import { cases, firstDifference, SUITE } from '../../../test/engine/suite.js';


describe('generated code against the closures', () => {
  it('gives the same bits on every suite model that compiles, with Euler and with RK4', () => {
    let compared = 0;
    for (const c of cases()) {
      const read = parseXmile(readFileSync(join(SUITE, c.dir, c.file), 'utf8'), c.file);
      const program = read.model && compile(read.model).program;
      if (!program) continue;
      for (const method of ['euler', 'rk4'] as const) {
        const generated = simulate(program, { method, engine: 'generated' });
        const closures = simulate(program, { method, engine: 'closures' });
        expect(generated.engine, c.id).toBe('generated');
        expect(closures.engine).toBe('closures');
        expect(firstDifference(generated.series, closures.series), `${c.id} (${method})`).toBeUndefined();
        expect([...generated.times]).toEqual([...closures.times]);
      }
      compared++;
    }
    // 86 cases pass the conformance suite; a few more compile and run without matching yet.
    expect(compared).toBeGreaterThanOrEqual(86);
  });

  it('runs arrays as loops and keeps the same bits when elements differ or read each other', () => {
    const D = { name: 'D', elements: Array.from({ length: 40 }, (_, i) => `e${i + 1}`) };
    const arrayed = (kind: Variable['kind'], name: string, equation: string, extra: Partial<Variable> = {}): Variable => ({
      kind, name, equation, dimensions: ['D'], ...extra,
    });
    const model: Model = {
      specs: { start: 0, stop: 20, dt: 0.25, saveStep: 1, method: 'euler' },
      dimensions: [D],
      variables: [
        arrayed('stock', 'S', '100', { inflows: ['inflow'], outflows: ['outflow'] }),
        arrayed('flow', 'inflow', 'rate * S * (1 - S / SUM(S[*]) * 10)'),
        arrayed('flow', 'outflow', 'S / life'),
        // Per-element constants: the loop reads them from its constants block.
        { kind: 'aux', name: 'life', dimensions: ['D'], elements: D.elements.map((e, i) => ({ subscript: [e], equation: String(20 + i) })) },
        { kind: 'aux', name: 'rate', dimensions: [], equation: '0.05' },
        arrayed('aux', 'share', 'S / MAX(S[*])'),
        // Element k reads element k − 1 of another array: still one loop per variable.
        arrayed('aux', 'lagged', 'IF D > 1 THEN share[MAX(D - 1, 1)] ELSE 0'),
        { kind: 'aux', name: 'spread', dimensions: [], equation: 'STDDEV(S[*]) + MEAN(S[*]) + PROD(life[*]) * 0 + MIN(S[*])' },
      ],
      macros: [],
    };
    const compiled = compile(model);
    expect(compiled.issues).toEqual([]);
    const program = compiled.program!;
    const source = generateSource(program).source;
    expect(source).toMatch(/for \(let k = 0; k < 40; k\+\+\)/);
    expect(source).toMatch(/C\[\d+ \+ k\]/);
    for (const method of ['euler', 'rk4'] as const) {
      const a = simulate(program, { method });
      const b = simulate(program, { method, engine: 'closures' });
      expect(a.engine).toBe('generated');
      expect(firstDifference(a.series, b.series)).toBeUndefined();
    }
  });

  it('prints every number so that it reads back to the same bits', () => {
    const samples = [0, -0, 1, -1, 0.1, 1 / 3, -2.5e-300, 5e-324, 1.7976931348623157e308, Infinity, -Infinity, NaN, 123456789012345680000];
    for (let i = 0; i < 200; i++) samples.push((Math.sin(i * 12.9898) * 43758.5453) % 1e6, Math.exp(i - 100));
    for (const x of samples) expect(Object.is(new Function(`return ${literal(x)};`)(), x), String(x)).toBe(true);
    expect(() => literal('1; process.exit(1)' as unknown as number)).toThrow(TypeError);
  });

  it('falls back to the closures when the host forbids new Function, with the same results', () => {
    const model: Model = {
      specs: { start: 0, stop: 5, dt: 0.5, saveStep: 0.5, method: 'rk4' },
      dimensions: [],
      variables: [
        { kind: 'stock', name: 'y', equation: '1', dimensions: [], inflows: ['g'] },
        { kind: 'flow', name: 'g', equation: 'y * 0.1', dimensions: [] },
      ],
      macros: [],
    };
    const expected = simulate(compile(model).program!);
    const original = globalThis.Function;
    const forbidden = function () {
      throw new EvalError('code generation from strings disallowed for this context');
    } as unknown as FunctionConstructor;
    globalThis.Function = forbidden;
    try {
      const fallback = simulate(compile(model).program!);
      expect(fallback.engine).toBe('closures');
      expect(firstDifference(fallback.series, expected.series)).toBeUndefined();
    } finally {
      globalThis.Function = original;
    }
  });
});

/** Everything model text can put in a file: names, equations, tables, attributes, documents. */
const HOSTILE = [
  'x"]);process.exit(1);//',
  "y'];globalThis.pwned=1;//",
  '${globalThis.pwned=1}',
  '`;globalThis.pwned=1;`',
  '</script><script>globalThis.pwned=1</script>',
  '*/globalThis.pwned=1;/*',
  'constructor',
  '__proto__',
];

describe('generated code from hostile model text', () => {
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const quoted = (name: string) => `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const [n0, n1, n2, n3, n4, n5, n6, n7] = HOSTILE.map(xml) as [string, string, string, string, string, string, string, string];
  const source = `<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
    <header><name>${n4}</name><vendor>${n3}</vendor></header>
    <sim_specs method="euler&quot;);globalThis.pwned=1;//" time_units="${n2}"><start>0</start><stop>4</stop><dt>0.5</dt></sim_specs>
    <dimensions><dim name="${n0}"><elem name="${n1}"/><elem name="${n4}"/><elem name="e3"/><elem name="e4"/><elem name="e5"/></dim></dimensions>
    <model><variables>
      <stock name="${n0}"><doc>${n4} \`${n2}\`</doc><units>${n3}</units><eqn>10</eqn><inflow>${n1}</inflow><non_negative/></stock>
      <flow name="${n1}"><doc>${n4}</doc><eqn>${xml(`${quoted(HOSTILE[6]!)} * ${quoted(HOSTILE[0]!)} - ${quoted(HOSTILE[3]!)}`)}</eqn></flow>
      <aux name="${n6}"><eqn>0.25</eqn></aux>
      <aux name="${n7}"><eqn>${xml(`${quoted(HOSTILE[6]!)} + MIN(1e400, 1)`)}</eqn></aux>
      <aux name="${n3}"><eqn>${xml(`${quoted(HOSTILE[5]!)}[2] + SUM(${quoted(HOSTILE[5]!)}[*])`)}</eqn>
        <gf type="extrapolate"><xscale min="0" max="1e308"/><ypts>1,2,-0,1e-320</ypts></gf></aux>
      <aux name="${n5}"><dimensions><dim name="${n0}"/></dimensions><eqn>${xml(`${quoted(HOSTILE[0]!)} * 2`)}</eqn>
        <gf><xpts>0,1,2,3</xpts><ypts>0,1,2,3</ypts></gf></aux>
      <aux name="${n2}"><dimensions><dim name="${n0}"/></dimensions><eqn>${xml(`IF ${quoted(HOSTILE[0]!)} > 5 THEN ${quoted(HOSTILE[5]!)} ELSE -0`)}</eqn></aux>
      <aux name="${n4}"><eqn>${xml(`MAX(${quoted(HOSTILE[2]!)}[*]) + SMTH1(${quoted(HOSTILE[3]!)}, 2, 0) + DELAY(${quoted(HOSTILE[6]!)}, 1, 0) + ${quoted(HOSTILE[5]!)}[TIME + 1]`)}</eqn></aux>
    </variables></model></xmile>`;

  it('compiles and runs with generated code that holds none of it', () => {
    const read = parseXmile(source, 'hostile.xmile');
    expect(read.model, JSON.stringify(read.issues)).toBeDefined();
    const compiled = compile(read.model!);
    expect(compiled.program, JSON.stringify(compiled.issues)).toBeDefined();
    const program = compiled.program!;
    const { source: code } = generateSource(program);

    // No model text: no hostile string, no variable name, no equation, no document or unit.
    const texts = new Set<string>(HOSTILE);
    for (const v of read.model!.variables) {
      for (const t of [v.name, v.equation, v.doc, v.units]) if (t) texts.add(t);
    }
    // (A constant's equation, a plain number, is the one text that may appear: as that number.)
    for (const t of texts) if (t.length >= 4 && !Number.isFinite(Number(t))) expect(code.includes(t), t).toBe(false);
    // Lexically inert: no string or template literal, no comment, and only identifiers the
    // generator writes itself.
    expect(code).not.toMatch(/["'`\\]|\/\/|\/\*/);
    // Properties read off the two helper objects: fixed keys.
    for (const [, key] of code.matchAll(/\bF\.(\w+)/g)) expect(Object.keys(FUNCTIONS)).toContain(key);
    for (const [, key] of code.matchAll(/\bH\.(\w+)/g)) expect(['lookup', 'rd1', 'rdn']).toContain(key);
    const words = new Set(code.replace(/\b[FH]\.\w+/g, '').match(/[A-Za-z_$][\w$]*/g));
    const allowed = /^(?:s|d|k|i|n|c|i0|start|h|every|keep|columns|row|length|F|H|T|C|const|let|for|if|function|return|NaN|Infinity|lookup|rd1|rdn|initial|evaluate|euler|pipeDelays|pipeInputs|fn_[a-z0-9]+|[auprq]\d+|[tmv]\d+|e[+-]?\d*)$/;
    for (const word of words) expect(word, word).toMatch(allowed);

    const generated = simulate(program);
    const closures = simulate(program, { engine: 'closures' });
    expect(generated.engine).toBe('generated');
    expect(firstDifference(generated.series, closures.series)).toBeUndefined();
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    // The hostile names are ordinary series.
    expect(generated.series.get(HOSTILE[7]!)![0]).toBe(1.25);
    expect(generated.series.has(`${HOSTILE[5]!}[${HOSTILE[1]!}]`)).toBe(true);
  });

  it('refuses model text where a table holds numbers, when reading, before any tree is made', () => {
    const points = (ypts: string) => source.replace('<ypts>1,2,-0,1e-320</ypts>', `<ypts>${xml(ypts)}</ypts>`);
    for (const ypts of ['1,2);globalThis.pwned=1;(,-0,1e-320', `0,${HOSTILE[4]!},2,\`3\``]) {
      const read = parseXmile(points(ypts), 'hostile.xmile');
      const errors = read.issues.filter((i) => i.severity === 'error');
      expect(errors.map((i) => [i.code, i.params.reason, i.params.text])).toEqual([['graphical-function', 'not-a-number', ypts]]);
    }
  });

  it('refuses anything but numbers where a tree holds numbers', () => {
    const read = parseXmile(source, 'hostile.xmile');
    const program = compile(read.model!).program!;
    // A tree tampered with after checking (a string where a number belongs) is refused, not
    // printed.
    const tampered = structuredClone(program);
    tampered.update[0] = { slot: tampered.update[0]!.slot, expr: { k: 'num', value: '1;globalThis.pwned=1' as unknown as number } };
    expect(() => generateSource(tampered)).toThrow(TypeError);
    const slot = structuredClone(program);
    slot.update[0] = { slot: slot.update[0]!.slot, expr: { k: 'slot', slot: '0];globalThis.pwned=1;s[0' as unknown as number } };
    expect(() => generateSource(slot)).toThrow(TypeError);
    const fn = structuredClone(program);
    fn.update[0] = { slot: fn.update[0]!.slot, expr: { k: 'fn', fn: 'constructor' as 'abs', args: [] } };
    expect(() => generateSource(fn)).toThrow(TypeError);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});
