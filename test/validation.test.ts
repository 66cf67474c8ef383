/**
 * Validation reports every problem at once, each placed at file:line:column with its path in the
 * document. Line numbers below are those of the model text as written in each test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModel, renderMessage } from '../src/core/index.js';
import { describeIssue, issuesOf } from './helpers.js';

/** "code line:column" for each issue, the shape the assertions compare. */
const summary = (text: string, file = 'm.yaml') => issuesOf(text, file).map((i) => `${i.code} ${i.line}:${i.column}`);

const HEADER = `symbiose: 1
name: Broken
currency: EUR
period: month
horizon: 12
`;

describe('validation', () => {
  it('reports all problems of a model at once, located', () => {
    const text = `${HEADER}parameters:
  price: { value: 10, unit: EUR }
  usd_price: { value: 12, unit: USD }
  a: "b + 1"
  b: "a * 2"
  typo: "prise * 2"
  broken: "price * (2"
  zero: "price / (price - 10)"
actors:
  shop: { kind: organisation, colour: red }
  buyers: { kind: segment }
  stray: { kind: individual, size: 3 }
valueObjects:
  money: { nature: money, valuation: 3 }
  good: { nature: product }
  dollars: { nature: money, currency: USD }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyer, object: good }
      - { from: buyers, to: shop, object: money, amount: usd_price }
  gift:
    transfers:
      - { from: shop, to: buyers, object: good }
  bad-amount:
    transfers:
      - { from: shop, to: buyers, object: good }
      - { from: buyers, to: shop, object: money, amount: zero }
scenarios:
  buy:
    start: { actor: buyers, count: -2 }
    steps:
      - sale
      - or:
          - { fraction: 0.5, steps: [gift] }
          - { fraction: 0.4, steps: [bad-amount] }
`;
    const issues = issuesOf(text, "m.yaml");
    const found = issues.map((i) => `${i.code} ${i.line}:${i.column}`);
    expect(found).not.toContain('reciprocity 24:5'); // "sale" is judged only once its actors are known
    expect(found).toEqual(
      expect.arrayContaining([
        'parameter-cycle 9:6', // a: "b + 1" — the cycle a → b → a is reported once
        'unknown-name 11:10', // "prise" at column 10 of line 11 (inside the quotes)
        'expression-syntax 12:22', // the missing ")": the closing quote after "price * (2"
        'unknown-key 15:31', // colour
        'missing-field 16:11', // segment without size
        'misplaced-field 17:30', // size on an individual
        'misplaced-field 19:27', // valuation of money
        'currency-mismatch 21:39', // a USD money object
        'unknown-reference 25:27', // buyer → did you mean buyers? (and no reciprocity cascade)
        'currency-mismatch 26:58', // an amount read from a USD parameter
        'reciprocity 28:5', // a one-way "gift" without reciprocal: false
      ]),
    );
    expect(issues.every((i) => i.file === 'm.yaml')).toBe(true);
    const unknown = issues.find((i) => i.code === 'unknown-reference')!;
    expect(renderMessage(unknown)).toBe('unknown actor "buyer"; did you mean "buyers"?');
    expect(unknown.path).toEqual(['transactions', 'sale', 'transfers', 0, 'to']);
    const typo = issues.find((i) => i.code === 'unknown-name')!;
    expect(renderMessage(typo)).toContain('did you mean "price"?');
  });

  it('reports negative counts, OR fractions and division by zero once the references are sound', () => {
    const text = `${HEADER}parameters:
  price: 10
  zero: "price / (price - 10)"
actors:
  shop: { kind: organisation }
  buyers: { kind: segment, size: 100 }
valueObjects:
  money: { nature: money }
  good: { nature: product }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyers, object: good }
      - { from: buyers, to: shop, object: money, amount: price }
  other:
    transfers:
      - { from: shop, to: buyers, object: good }
      - { from: buyers, to: shop, object: money, amount: 1 }
scenarios:
  buy:
    start: { actor: buyers, count: -2 }
    steps:
      - or:
          - { fraction: 0.5, steps: [sale] }
          - { fraction: 0.4, steps: [other] }
`;
    const issues = issuesOf(text);
    expect(issues.map((i) => `${i.code} ${i.line}:${i.column}`)).toEqual([
      'unused-parameter 8:3', // a warning: "zero" feeds nothing
      'evaluation 8:16', // the "/" of "price / (price - 10)": division by zero
      'negative 26:36', // count: -2
      'or-fractions 28:9', // 0.5 + 0.4 = 0.9, at the "or" key
    ]);
    expect(issues[0]!.severity).toBe('warning');
    expect(renderMessage(issues[1]!)).toBe('division by zero at period 0');
    expect(renderMessage(issues[3]!)).toBe('OR fractions sum to 0.9 at period 1, expected 1');
  });

  it('reports syntax errors of YAML and JSON with their position', () => {
    expect(summary('symbiose: 1\nname: [unclosed\n')).toEqual([expect.stringMatching(/^syntax 3:1|^syntax 2:/)]);
    // YAML would accept the trailing comma; a .json file is held to JSON.
    const json = issuesOf('{ "symbiose": 1,\n  "name": "x", }', 'm.json');
    expect(json.map((i) => `${i.code} ${i.line}`)).toEqual(['syntax 2']);
    expect(renderMessage(json[0]!)).toMatch(/^invalid JSON/);
    expect(summary('a: 1\na: 2\n')).toEqual(['syntax 2:1']); // duplicate key
  });

  it('reads JSON models with positions too', () => {
    const json = JSON.stringify({ symbiose: 1, name: 'J', currency: 'EUR', period: 'year', horizon: 1, actors: { a: { kind: 'robot' } }, valueObjects: {}, transactions: {} }, null, 2);
    const issues = issuesOf(json, 'm.json');
    expect(issues.map((i) => `${i.code} ${i.line}:${i.column}`)).toEqual(['schema 9:15']);
    expect(renderMessage(issues[0]!)).toContain('expected one of "organisation"');
  });

  it('names the missing sections and unknown top-level keys', () => {
    expect(summary(`${HEADER}actor: {}\n`)).toEqual(['missing-field 1:1', 'missing-field 1:1', 'missing-field 1:1', 'unknown-key 6:1']);
  });

  it('accepts a one-way flow only when declared non-reciprocal', () => {
    const model = (reciprocal: string) => `${HEADER}actors:
  state: { kind: public-body }
  firm: { kind: organisation }
valueObjects:
  money: { nature: money }
transactions:
  tax:
${reciprocal}    transfers:
      - { from: firm, to: state, object: money, amount: 100 }
scenarios:
  pay: { start: { actor: firm, count: 1 }, steps: [tax] }
`;
    expect(summary(model(''))).toEqual(['reciprocity 13:5']);
    expect(summary(model('    reciprocal: false\n'))).toEqual([]);
  });

  it('warns about transactions no scenario reaches, without failing the model', () => {
    const text = `${HEADER}actors:
  a: { kind: organisation }
  b: { kind: organisation }
valueObjects:
  x: { nature: service }
  y: { nature: data }
transactions:
  swap: { transfers: [{ from: a, to: b, object: x }, { from: b, to: a, object: y }] }
`;
    const result = loadModel(text, 'm.yaml');
    expect(result.issues.map((i) => `${i.severity} ${i.code} ${i.line}:${i.column}`)).toEqual(['warning unreached-transaction 13:3']);
    expect(result.ecosystem).toBeDefined();
  });

  it('never throws, whatever the input (fuzzed text and documents)', () => {
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json());
    fc.assert(
      fc.property(anyText, (text) => {
        const result = loadModel(text, 'fuzz.yaml');
        for (const i of result.issues) describeIssue(i); // every issue renders
      }),
      { numRuns: 300 },
    );
    const header = { symbiose: 1, name: 'F', currency: 'EUR', period: 'month', horizon: 3 };
    fc.assert(
      fc.property(
        fc.record({ actors: fc.anything(), valueObjects: fc.anything(), transactions: fc.anything(), scenarios: fc.anything(), parameters: fc.anything() }),
        (sections) => {
          const result = loadModel(JSON.stringify({ ...header, ...sections }), 'fuzz.json');
          for (const i of result.issues) describeIssue(i);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const result = loadModel(bomb, 'bomb.yaml');
    expect(result.issues[0]?.code).toBe('syntax');
  });
});
