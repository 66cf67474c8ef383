import { describe, expect, it } from 'vitest';
import { issue, ISSUE_CODES, type Issue } from '../../core/index.js';
import { ENGINE_ISSUE_CODES, type EngineIssue, type EngineIssueCode, type EngineParamsByCode } from '../../engine/index.js';
import { LOCALES } from '../locale.js';
import { engineIssueMessage, issueMessage } from './index.js';

const at = ['transactions', 'buy'];

/** At least one issue of every core code, with the parameters the code defines (type-checked). */
const CORE: Issue[] = [
  issue('syntax', [], { reason: 'yaml', yamlCode: 'BAD_INDENT' }),
  issue('syntax', [], { reason: 'yaml', yamlCode: 'DUPLICATE_KEY' }),
  issue('syntax', [], { reason: 'json', fault: 'unexpected-character', character: '}' }),
  issue('syntax', [], { reason: 'json', fault: 'unexpected-end' }),
  issue('syntax', [], { reason: 'alias-limit' }),
  issue('schema', at, { reason: 'type', expected: 'number', received: 'string' }),
  issue('schema', at, { reason: 'at-least', origin: 'array', limit: 1 }),
  issue('schema', at, { reason: 'more-than', origin: 'number', limit: 0 }),
  issue('schema', at, { reason: 'one-of', values: ['person', 'organisation'] }),
  issue('schema', at, { reason: 'expected', expected: 'quantity' }),
  issue('schema', at, { reason: 'invalid-id', section: 'actors', id: '9x' }),
  issue('schema', at, { reason: 'step-form', found: ['and', 'or'] }),
  issue('unknown-key', at, { key: 'amout', suggestion: 'amount' }),
  issue('unknown-key', at, { key: 'zz', expected: ['name', 'actors'] }),
  issue('unknown-reference', at, { kind: 'transaction', id: 'by', known: [] }),
  issue('unknown-reference', at, { kind: 'actor', id: 'buyer', suggestion: 'buyers' }),
  issue('reciprocity', at, { transaction: 'buy', givesOnly: ['shop'], receivesOnly: ['client'] }),
  issue('self-transfer', at, { actor: 'shop' }),
  issue('or-fractions', at, { sum: 0.9, period: 1 }),
  issue('fraction-range', at, { value: 1.2 }),
  issue('negative', at, { quantity: 'segment-size', name: 'clients', value: -3, period: 2 }),
  issue('negative', at, { quantity: 'cost', name: 'rent', value: -1 }),
  issue('expression-syntax', at, { reason: 'unexpected-token', token: 'name', text: 'b' }),
  issue('expression-syntax', at, { reason: 'unclosed-call', open: 3 }),
  issue('unknown-name', at, { name: 'prise', suggestion: 'price' }),
  issue('unknown-name', at, { name: 'zz' }),
  issue('unknown-function', at, { name: 'sum', known: ['min', 'max'] }),
  issue('arity', at, { name: 'min', min: 1, found: 0 }),
  issue('parameter-cycle', at, { cycle: ['a', 'b', 'a'] }),
  issue('evaluation', at, { reason: 'division-by-zero', period: 3 }),
  issue('evaluation', at, { reason: 'domain', function: 'ln', value: 0 }),
  issue('evaluation', at, { reason: 'not-finite', value: 'Infinity' }),
  issue('evaluation', at, { reason: 'before-start', period: 0 }),
  issue('currency-mismatch', at, { quantity: 'valuation', record: 'data', parameter: 'worth', found: 'USD', expected: 'EUR' }),
  issue('missing-field', at, { field: 'amount', reason: 'money-amount', object: 'cash' }),
  issue('missing-field', at, { field: 'kind', reason: 'schema' }),
  issue('missing-field', [], { field: 'symbiose', reason: 'format-version' }),
  issue('missing-field', at, { field: 'count', reason: 'schema', expected: 'quantity' }),
  issue('misplaced-field', at, { field: 'size', reason: 'size-not-segment' }),
  issue('cost-kind', at, { found: [] }),
  issue('reserved-name', at, { name: 't' }),
  issue('name-clash', at, { name: 'growth', section: 'flows', other: 'Growth' }),
  issue('dynamics', at, { engineCode: 'unknown-name', name: 'rat', variable: 'growth' }),
  issue('dynamics', at, { engineCode: 'not-finite', label: 'growth', time: 0, value: 'Infinity', variable: 'growth' }),
  issue('dynamics-stop', at, { stop: 2, end: 3 }),
  issue('dynamics-dt', at, { dt: 1.5, period: 'month' }),
  issue('dynamics-engine', at, {}),
  issue('dynamics-varying-parameter', at, { variable: 'growth', parameter: 'promo' }),
  issue('unreached-transaction', at, { transaction: 'buy' }),
  issue('unused-parameter', at, { name: 'rate' }),
  issue('unused-record', at, { kind: 'valueObject', id: 'data' }),
  issue('duplicate-name', at, { kind: 'transaction', first: 'a', second: 'b', name: 'Achat' }),
  issue('unit-period', at, { name: 'rent', unit: 'EUR/month', period: 'year' }),
  issue('discount-rate', at, { rate: 10, percent: 1000, fraction: 0.1 }),
  issue('discount-rate-name', at, { name: 'wacc' }),
  issue('start-count', at, { scenario: 'claims', actor: 'insurer', count: 100_000 }, { severity: 'warning' }),
  issue('format-version', ['symbiose'], { version: 3, oldest: 1, latest: 2 }),
  issue('migration-loss', ['actors'], { field: 'position', count: 2, from: 2, to: 1 }),
  issue('edit-unknown', at, { change: 0, kind: 'actor', id: 'shop' }),
  issue('edit-exists', at, { change: 1, kind: 'transaction', id: 'buy' }),
  issue('edit-invalid-id', at, { change: 2, kind: 'valueObject', id: '9x' }),
  issue('edit-index', at, { change: 3, kind: 'step', index: 4, count: 2 }),
  issue('edit-in-use', at, { change: 4, kind: 'variant', id: 'low', count: 1 }, { severity: 'warning' }),
  issue('edit-unwritable', at, { change: 5, kind: 'stock', id: 'Active Users', name: 'active users' }),
  issue('edit-unparsed', at, { change: 6, kind: 'parameter', id: 'price' }, { severity: 'warning' }),
  issue('edit-needs-engine', at, { change: 7, kind: 'flow', id: 'growth' }),
  issue('scenario-paths', at, { scenario: 'buy', limit: 10_000 }, { severity: 'warning' }),
  issue('unknown-override', at, { name: 'prise' }),
  issue('override-value', at, { name: 'price', value: 'NaN' }),
  issue('limit', at, { limit: 'fileBytes', max: 20_971_520, found: 31_457_280 }),
  issue('misplaced-field', at, { field: 'members', reason: 'members-not-segment' }),
  issue('distribution', at, { reason: 'min-not-below-max', min: 5, max: 1 }),
  issue('distribution', at, { reason: 'mode-outside-range', mode: 9, min: 1, max: 4 }),
  issue('distribution', at, { reason: 'not-positive', field: 'sd', value: -1 }),
  issue('distribution', at, { reason: 'truncation-empty', min: 100, max: 101 }),
  issue('distribution', at, { reason: 'discrete-lengths', values: 2, probabilities: 1 }),
  issue('distribution', at, { reason: 'negative-probability', probability: -0.5 }),
  issue('distribution', at, { reason: 'probabilities-sum', sum: 0.9 }),
  issue('distribution', at, { reason: 'of-expression', name: 'cover_worth' }),
  issue('distribution', at, { reason: 'timing-unbounded', name: 'launch', kind: 'normal' }),
  issue('distribution', at, { reason: 'empirical-file', file: 'data/churn.csv' }),
  issue('distribution', at, { reason: 'empirical-server', name: 'churn', file: 'data/churn.csv', column: 'churn' }),
  issue('distribution', at, { reason: 'empirical-column', file: 'data/churn.csv', column: 'churn', known: ['month', 'rate'] }),
  issue('distribution', at, { reason: 'empirical-empty', file: 'data/churn.csv', column: 'churn' }),
  issue('distribution', at, { reason: 'empirical-cell', file: 'data/churn.csv', column: 'churn', row: 3, text: 'n/a' }),
  issue('range-order', at, { low: 4, high: 1 }),
  issue('range-value', at, { name: 'price', value: 5, low: 1, high: 4 }, { severity: 'warning' }),
  issue('correlation', at, { reason: 'self', name: 'price' }),
  issue('correlation', at, { reason: 'duplicate', first: 'a', second: 'b' }),
  issue('correlation', at, { reason: 'outside-unit', value: 1.5 }),
  issue('correlation', at, { reason: 'not-square', size: 3, found: 2 }),
  issue('correlation', at, { reason: 'diagonal-not-one', name: 'a', value: 0.9 }),
  issue('correlation', at, { reason: 'not-symmetric', first: 'a', second: 'b', value: 0.5, mirror: 0.4 }),
  issue('correlation', at, { reason: 'not-positive-semidefinite', name: 'c' }),
  issue('correlation', at, { reason: 'not-drawn', name: 'a' }),
  issue('experiment-count', at, { variant: 'a', field: 'converted', count: 51, limit: 50, of: 'exposed' }),
  issue('experiment-count', at, { variant: 'a', field: 'exposed', count: 60, limit: 50, of: 'planned' }),
  issue('experiment-variants', at, { experiment: 'ab', reason: 'too-few', count: 1 }),
  issue('experiment-variants', at, { experiment: 'ab', reason: 'controls', count: 2 }),
  issue('migration-range', at, { parameter: 'cover_worth', reading: 'factor', factor: 'cover_worth_factor', number: 1.15 }, { severity: 'warning' }),
  issue('migration-range', at, { parameter: 'premium_worth', reading: 'value' }, { severity: 'warning' }),
  issue('unknown-reference', at, { kind: 'hypothesis', id: 'h', known: [] }),
  issue('unknown-reference', at, { kind: 'learningCard', id: 'l', known: [] }),
];

function engine<C extends EngineIssueCode>(code: C, params: EngineParamsByCode[C], where: Partial<EngineIssue> = {}): EngineIssue {
  return { code, severity: 'error', params, ...where };
}

/** At least one issue of every engine code. */
const ENGINE: EngineIssue[] = [
  engine('xml', { reason: 'malformed', xmlCode: 'InvalidTag', line: 3, column: 7 }, { file: 'm.xmile' }),
  engine('xml', { reason: 'empty' }),
  engine('equation-syntax', { reason: 'unexpected-character', character: '$', macro: 'M' }, { variable: 'a', equation: '1 $ 2', offset: 2 }),
  engine('unknown-name', { name: 'missing' }, { variable: 'a', equation: '1 + missing', offset: 4 }),
  engine('unknown-function', { name: 'FOO' }),
  engine('arity', { name: 'MIN', min: 2, found: 1 }),
  engine('algebraic-loop', { cycle: ['a', 'b', 'a'], when: 'run' }),
  engine('algebraic-loop', { cycle: ['x'], macro: 'M' }),
  engine('unsupported', { reason: 'builtin', function: 'PREVIOUS' }),
  engine('unsupported', { reason: 'integration-method', method: 'rk45' }),
  engine('dimension', { reason: 'subscript-count', name: 'Sales', dimensions: 2, subscripts: 1 }),
  engine('dimension', { reason: 'subscript-range', index: 4, dimension: 'Region', size: 3 }),
  engine('duplicate-name', { name: 'Sales' }),
  engine('missing-equation', { element: 'North' }),
  engine('sim-specs', { reason: 'not-a-number', key: 'dt', text: 'fast' }),
  engine('graphical-function', { reason: 'length-mismatch', xs: 3, ys: 4 }),
  engine('not-constant', { reason: 'delay-order' }),
  engine('units', { flow: 'Heat', flowUnits: 'Calories/Minute', stock: 'Tea', stockUnits: 'Degrees', time: 'Minute' }),
  engine('not-finite', { label: 'Sales[North]', time: 2.5, value: 'NaN' }),
  engine('run', { reason: 'too-many-steps', steps: 2e9, start: 0, stop: 2e9, dt: 1, max: 2 ** 29 }),
  engine('run', { reason: 'no-variable', name: 'Salse' }),
  engine('dimension', { reason: 'size', dimension: 'Region', size: '-1' }, { dimension: 'Region' }),
  engine('limit', { limit: 'dimensionSize', max: 1_000_000, found: 1e9 }, { dimension: 'Region', file: 'm.xmile' }),
  engine('limit', { limit: 'equationDepth', max: 400 }, { variable: 'a', equation: '((1))', offset: 2 }),
  engine('import', { reason: 'reserved-name', name: '__proto__' }, { variable: '__proto__' }),
  engine('import', { reason: 'macros', names: ['M0', 'M1'] }),
  engine('import', { reason: 'save-step', saveStep: 0.5, dt: 0.25 }),
  engine('graphical-function', { reason: 'not-a-number', tag: 'ypts', text: '1,abc' }, { variable: 'g' }),
];

/** What a rendered message must never show: a hole, a leaked value, an unfilled placeholder. */
function expectWellFormed(message: string, what: string): void {
  expect(message.trim(), what).not.toBe('');
  expect(message, what).not.toMatch(/undefined|\[object|\{\w+\}|\$\{/);
}

describe('issue messages', () => {
  it('cover every code of the core and the engine', () => {
    expect(new Set(CORE.map((i) => i.code))).toEqual(new Set(ISSUE_CODES));
    expect(new Set(ENGINE.map((i) => i.code))).toEqual(new Set(ENGINE_ISSUE_CODES));
  });

  it.each(LOCALES)('are whole sentences in %s, with no unfilled placeholder', (locale) => {
    for (const found of CORE) expectWellFormed(issueMessage(found, locale), `${locale} ${found.code} ${JSON.stringify(found.params)}`);
    for (const found of ENGINE) expectWellFormed(engineIssueMessage(found, locale), `${locale} ${found.code} ${JSON.stringify(found.params)}`);
  });

  it('differ between the languages', () => {
    for (const found of CORE) expect(issueMessage(found, 'fr'), found.code).not.toBe(issueMessage(found, 'en'));
  });

  it('follow French typography: « » around names, a no-break space before : ; ? !', () => {
    const messages = [...CORE.map((i) => issueMessage(i, 'fr')), ...ENGINE.map((i) => engineIssueMessage(i, 'fr'))];
    for (const message of messages) {
      expect(message, message).not.toMatch(/ [:;?!]/); // an ordinary space before the mark
      expect(message, message).not.toMatch(/[^\s\u00a0\u202f(][;?!]/); // no space at all
      expect(message, message).not.toContain('"');
    }
    expect(issueMessage(CORE.find((i) => i.code === 'unknown-reference' && i.params.suggestion)!, 'fr')).toBe(
      'acteur inconnu «\u00a0buyer\u00a0»\u202f; vouliez-vous dire «\u00a0buyers\u00a0»\u202f?',
    );
  });

  it('write numbers the way each language does', () => {
    const fractions = CORE.find((i) => i.code === 'or-fractions')!;
    expect(issueMessage(fractions, 'en')).toBe('OR fractions sum to 0.9 at period 1, expected 1');
    expect(issueMessage(fractions, 'fr')).toBe('les fractions du OR totalisent 0,9 à la période 1, au lieu de 1');
    const steps = ENGINE.find((i) => i.code === 'run' && i.params.reason === 'too-many-steps')!;
    expect(engineIssueMessage(steps, 'en')).toContain('2000 million steps');
    expect(engineIssueMessage(steps, 'fr')).toContain('2000\u00a0millions pas');
  });

  it('say an engine limit in the words of the core limit, naming the place', () => {
    const size = ENGINE.find((i) => i.code === 'limit' && i.params.limit === 'dimensionSize')!;
    expect(engineIssueMessage(size, 'en')).toBe(
      'm.xmile: dimension "Region": too many elements in a dimension: at most 1 million (limit "dimensionSize"), found 1000 million',
    );
    expect(engineIssueMessage(size, 'fr')).toContain('trop d’éléments dans une dimension');
    // French counts millions as a noun: one million, then millions from two.
    expect(engineIssueMessage(size, 'fr')).toContain('au plus 1\u00a0million (');
    expect(engineIssueMessage(size, 'fr')).toContain('trouvé 1000\u00a0millions');
  });

  it('name the place of an engine issue read on its own, in each language', () => {
    const unknown = ENGINE.find((i) => i.code === 'unknown-name')!;
    expect(engineIssueMessage(unknown, 'en')).toBe('variable "a": unknown name "missing" at character 5 of equation "1 + missing"');
    expect(engineIssueMessage(unknown, 'fr')).toBe(
      'variable «\u00a0a\u00a0»\u00a0: nom inconnu «\u00a0missing\u00a0» au caractère 5 de l’équation «\u00a01 + missing\u00a0»',
    );
  });
});
