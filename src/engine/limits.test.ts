/**
 * Hostile XMILE files, each made here in a few lines, end with the engine's located `limit`
 * issue (or a plain one) before the work they ask for is done: no allocation of a billion
 * elements, no exponential expansion, no stack overflow. Each test is bounded by a timeout, so a
 * stall fails rather than hangs.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../core/index.js';
import { compile } from './compile/index.js';
import { parseEquation } from './equation/index.js';
import type { EngineIssue } from './issues.js';
import { simulate } from './simulate.js';
import { readXmile } from './xmile/read.js';

const TIMEOUT = 20_000;

function xmile(variables: string, { dimensions = '', after = '' } = {}): string {
  return `<?xml version="1.0"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">
  <sim_specs><start>0</start><stop>3</stop><dt>1</dt></sim_specs>
  ${dimensions === '' ? '' : `<dimensions>${dimensions}</dimensions>`}
  <model><variables>${variables}</variables></model>
  ${after}
</xmile>`;
}

const aux = (name: string, equation: string, dims: string[] = []) =>
  `<aux name="${name}">${dims.length > 0 ? `<dimensions>${dims.map((d) => `<dim name="${d}"/>`).join('')}</dimensions>` : ''}<eqn>${equation}</eqn></aux>`;

/** Read and compile: every issue found on the way. */
function issuesOf(text: string): EngineIssue[] {
  const { model, issues } = readXmile(text, 'm.xmile');
  if (!model || issues.some((i) => i.severity === 'error')) return issues;
  return [...issues, ...compile(model).issues];
}

const brief = (i: EngineIssue) => ({ code: i.code, ...i.params, ...(i.variable !== undefined ? { variable: i.variable } : {}), ...(i.dimension !== undefined ? { dimension: i.dimension } : {}) });

/** The one value of `a` at time 3 (the stop). */
function finalA(text: string): number {
  const { model } = readXmile(text);
  const { program, issues } = compile(model!);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  return simulate(program!).series.get('a')!.at(-1)!;
}

describe('XMILE dimensions', () => {
  it.each(['1000000000', '10000000', String(LIMITS.dimensionSize + 1)])('refuse size="%s" before making its elements', (size) => {
    const issues = issuesOf(xmile(aux('a', '1'), { dimensions: `<dim name="D" size="${size}"/>` }));
    expect(issues.map(brief)).toEqual([{ code: 'limit', limit: 'dimensionSize', max: LIMITS.dimensionSize, found: Number(size), dimension: 'D' }]);
    expect(issues[0]!.file).toBe('m.xmile');
  }, TIMEOUT);

  it.each(['1e10', '-1', 'abc', '0', '2.5', ''])('refuse size="%s", which is no number of elements', (size) => {
    const issues = issuesOf(xmile(aux('a', '1'), { dimensions: `<dim name="D" size="${size}"/>` }));
    expect(issues.map(brief)).toEqual([{ code: 'dimension', reason: 'size', dimension: 'D', size }]);
  });

  it('take a size at the limit, and a model of as many elements as the limit allows', () => {
    const { model, issues } = readXmile(xmile(aux('a', '1'), { dimensions: `<dim name="D" size="${LIMITS.dimensionSize}"/>` }));
    expect(issues).toEqual([]);
    expect(model!.dimensions[0]!.elements).toHaveLength(LIMITS.dimensionSize);
    const size = LIMITS.modelElements - 1;
    // a and the elements of b fill the limit; b's elements are each 1, so their sum is the size.
    expect(finalA(xmile(aux('a', 'SUM(b[*])') + aux('b', '1', ['D']), { dimensions: `<dim name="D" size="${size}"/>` }))).toBe(size);
  }, TIMEOUT);

  it('refuse a model whose variables together hold too many elements, counted before any slot is made', () => {
    // 1,000 × 1,000 = 10⁶ elements in one variable, from two dimensions each within the limit.
    const text = xmile(aux('a', '1', ['D', 'E']), { dimensions: '<dim name="D" size="1000"/><dim name="E" size="1000"/>' });
    expect(issuesOf(text).map(brief)).toEqual([{ code: 'limit', limit: 'modelElements', max: LIMITS.modelElements, found: 1e6 }]);
  }, TIMEOUT);

  it('count the hidden stocks of a delay in the model\'s elements', () => {
    const issues = issuesOf(xmile(aux('a', 'DELAYN(TIME, 1, 1e9, 0)')));
    // a itself, 10⁹ stages, and the hidden stock that keeps DELAYN's delay time.
    expect(issues.map(brief)).toEqual([{ code: 'limit', limit: 'modelElements', max: LIMITS.modelElements, found: 1e9 + 2, variable: 'a' }]);
  });
});

describe('XMILE expansion', () => {
  it('sizes macros before expanding them: M0 … M40, each calling the next twice', () => {
    const macros = Array.from({ length: 40 }, (_, i) => `<macro name="M${i}"><parm>x</parm><eqn>M${i + 1}(x) + M${i + 1}(x)</eqn></macro>`).join('');
    const issues = issuesOf(xmile(aux('a', 'M0(TIME)'), { after: `${macros}<macro name="M40"><parm>x</parm><eqn>x</eqn></macro>` }));
    // M40 is one node; each M(i) is 5 nodes (two calls, two x, one +) and two M(i+1):
    // s(i) = 5 + 2 s(i+1), s(40) = 1, so s(i) = 6·2^(40−i) − 5 and s(0) = 6·2^40 − 5.
    expect(issues.map(brief)).toEqual([{ code: 'limit', limit: 'expandedNodes', max: LIMITS.expandedNodes, found: 6 * 2 ** 40 - 5, variable: 'a' }]);
  }, TIMEOUT);

  it('counts a shared argument once per reader: M(x) = x + x nested 20 deep', () => {
    const issues = issuesOf(xmile(aux('a', `${'M('.repeat(20)}TIME${')'.repeat(20)}`), { after: '<macro name="M"><parm>x</parm><eqn>x + x</eqn></macro>' }));
    // Each level doubles the tree and adds one +: t(k) = 2 t(k−1) + 1, t(0) = 1, so t(20) = 2^21 − 1.
    expect(issues.map(brief)).toEqual([{ code: 'limit', limit: 'expandedNodes', max: LIMITS.expandedNodes, found: 2 ** 21 - 1, variable: 'a' }]);
  }, TIMEOUT);

  it('bounds the nesting of macro bodies inside the calls that expand them', () => {
    // 300 macros, each 1 + the next: every body is shallow, the expansion 600 calls deep.
    const macros = Array.from({ length: 300 }, (_, i) => `<macro name="N${i}"><parm>x</parm><eqn>1 + N${i + 1}(x)</eqn></macro>`).join('');
    const issues = issuesOf(xmile(aux('a', 'N0(TIME)'), { after: `${macros}<macro name="N300"><parm>x</parm><eqn>x</eqn></macro>` }));
    expect(issues.map((i) => [i.code, i.params.limit, i.variable])).toEqual([['limit', 'equationDepth', 'a']]);
  }, TIMEOUT);

  it('counts module instances before flattening them: 25 levels, each instantiating the next twice', () => {
    const models = Array.from({ length: 25 }, (_, i) => `<model name="m${i}"><variables><module name="a" model="m${i + 1}"/><module name="b" model="m${i + 1}"/></variables></model>`).join('');
    const text = xmile(`<module name="r" model="m0"/>${aux('z', '1')}`, { after: `${models}<model name="m25"><variables>${aux('x', '1')}</variables></model>` });
    // z, and 2^25 copies of x.
    expect(issuesOf(text).map(brief)).toEqual([{ code: 'limit', limit: 'modelElements', max: LIMITS.modelElements, found: 2 ** 25 + 1 }]);
  }, TIMEOUT);

  it('bounds the nesting of module instances', () => {
    const n = LIMITS.equationDepth + 1;
    const models = Array.from({ length: n }, (_, i) => `<model name="m${i}"><variables><module name="a" model="m${i + 1}"/></variables></model>`).join('');
    const text = xmile(`<module name="r" model="m0"/>${aux('z', '1')}`, { after: `${models}<model name="m${n}"><variables>${aux('x', '1')}</variables></model>` });
    expect(issuesOf(text).map(brief)).toEqual([{ code: 'limit', limit: 'equationDepth', max: LIMITS.equationDepth, found: n + 1 }]);
  }, TIMEOUT);
});

describe('XMILE equation depth and arguments', () => {
  const depthLimit = (equation: string) => {
    const issues = issuesOf(xmile(aux('a', equation)));
    expect(issues.map((i) => [i.code, i.params.limit, i.params.max, i.variable])).toEqual([['limit', 'equationDepth', LIMITS.equationDepth, 'a']]);
    return issues[0]!;
  };

  it.each([
    ['2,000 nested brackets', `${'('.repeat(2000)}1${')'.repeat(2000)}`],
    ['5,000 nested ABS(', `${'ABS('.repeat(5000)}1${')'.repeat(5000)}`],
    ['5,000 nested IF THEN ELSE', `${'IF 1 THEN '.repeat(5000)}1${' ELSE 2'.repeat(5000)}`],
    ['50,000 unary minus', `${'-'.repeat(50_000)}1`],
    ['a sum of 5,000 terms', Array.from({ length: 5000 }, () => 'TIME').join(' + ')],
    ['5,000 exponents', Array.from({ length: 5000 }, () => '1').join('^')],
  ])('refuse %s with the limit, at a character of the equation', (_, equation) => {
    const found = depthLimit(equation);
    expect(found.offset).toBeGreaterThan(0);
    expect(found.offset).toBeLessThan(equation.length);
  }, TIMEOUT);

  it('read an equation exactly as deep as the limit', () => {
    // The outermost operand is level 1 and each bracket one more: limit − 1 brackets fit.
    const n = LIMITS.equationDepth - 1;
    expect(parseEquation(`${'('.repeat(n)}1${')'.repeat(n)}`).ok).toBe(true);
    expect(parseEquation(`${'('.repeat(n + 1)}1${')'.repeat(n + 1)}`)).toMatchObject({ ok: false, fault: { reason: 'limit', limit: 'equationDepth' } });
    // Every sign nests; TIME at the bottom keeps the run from folding it away: −(−(… TIME)) = TIME.
    expect(finalA(xmile(aux('a', `${'-'.repeat(LIMITS.equationDepth - 2)}TIME`)))).toBe(3);
  }, TIMEOUT);

  it(`refuse a call of more than ${LIMITS.equationArguments} arguments, and run one of that many`, () => {
    const args = (n: number) => Array.from({ length: n }, (_, i) => `TIME + ${i}`).join(', ');
    const issues = issuesOf(xmile(aux('a', `MAX(${args(LIMITS.equationArguments + 1)})`)));
    expect(issues.map((i) => [i.code, i.params.limit, i.params.max])).toEqual([['limit', 'equationArguments', LIMITS.equationArguments]]);
    // MAX(TIME + 0, …, TIME + 999) at time 3 is 3 + 999.
    expect(finalA(xmile(aux('a', `MAX(${args(LIMITS.equationArguments)})`)))).toBe(3 + LIMITS.equationArguments - 1);
  }, TIMEOUT);

  it('run a stock with a thousand inflows: its rate is one flat sum, not a chain a thousand deep', () => {
    const flows = Array.from({ length: 1000 }, (_, i) => `<flow name="f${i}"><eqn>${i % 2 === 0 ? 1 : 2}</eqn></flow>`).join('');
    const inflows = Array.from({ length: 1000 }, (_, i) => `<inflow>f${i}</inflow>`).join('');
    const { model } = readXmile(xmile(`<stock name="s"><eqn>0</eqn>${inflows}<outflow>f0</outflow></stock>${flows}`));
    const { program, issues } = compile(model!);
    expect(issues).toEqual([]);
    // 500 flows of 1 and 500 of 2, less f0 (1) going out: 1,499 a step, for 3 steps of dt 1.
    expect(simulate(program!).series.get('s')!.at(-1)).toBe(3 * 1499);
  }, TIMEOUT);
});

describe('XMILE arrays, element by element', () => {
  const dims = (n: number) => ({ dimensions: `<dim name="D" size="${n}"/>` });

  it('finds each element\'s own equation without a search per element', () => {
    const n = 20_000;
    const elements = Array.from({ length: n }, (_, i) => `<element subscript="${i + 1}"><eqn>${i}</eqn></element>`).join('');
    const { model } = readXmile(xmile(`<aux name="a"><dimensions><dim name="D"/></dimensions>${elements}</aux>`, dims(n)));
    const { program, issues } = compile(model!);
    expect(issues).toEqual([]);
    // Element k (from 1) holds k − 1.
    const run = simulate(program!);
    expect(run.series.get('a[1]')![0]).toBe(0);
    expect(run.series.get(`a[${n}]`)![0]).toBe(n - 1);
  }, TIMEOUT);

  it('counts what a subscript known only during the run reads, so 40,000 elements each reading 40,000 stop at the limit', () => {
    const issues = issuesOf(xmile(aux('a', 'b[TIME + 1]', ['D']) + aux('b', '1', ['D']), dims(40_000)));
    expect(issues.map((i) => [i.code, i.params.limit, i.variable])).toEqual([['limit', 'expandedNodes', 'a']]);
  }, TIMEOUT);

  it('says a fault of an equation once, not once per element', () => {
    const issues = issuesOf(xmile(aux('a', 'missing + 1', ['D']), dims(10_000)));
    expect(issues.map((i) => [i.code, i.params.name, i.variable, i.offset])).toEqual([['unknown-name', 'missing', 'a', 0]]);
  }, TIMEOUT);
});
