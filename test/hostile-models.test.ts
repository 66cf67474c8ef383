/**
 * Models made to hurt: huge calls, huge names, thousands of broken references, more records than
 * the limit, and standard input past the file limit. Each ends with located issues (or a usage
 * error naming the limit), never a stack overflow or a stall. Reproducers are generated here;
 * timeouts only turn a stall into a failure.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profitability } from '../src/analyses/index.js';
import { LIMITS, loadModel } from '../src/core/index.js';
import { checkStructure } from '../src/core/check-structure.js';
import { issueMessage } from '../src/i18n/index.js';
import { issuesOf } from './helpers.js';

const HEADER = 'symbiose: 2\nname: Hostile\ncurrency: EUR\nperiod: month\nhorizon: 12\n';
/** A small valid model whose parameters are `parameters` (lines from 7 on). */
const model = (parameters: string, size = 'x') => `${HEADER}parameters:
${parameters}actors:
  seg: { kind: segment, size: ${size} }
  co: { kind: organisation }
valueObjects:
  m: { nature: money }
  s: { nature: service }
transactions:
  buy: { transfers: [{ from: co, to: seg, object: s }, { from: seg, to: co, object: m, amount: 2 }] }
scenarios:
  go: { start: { actor: seg, count: 1 }, steps: [buy] }
`;

describe('hostile models', () => {
  it('refuses a call with more arguments than the limit, at the first one past it', { timeout: 30_000 }, () => {
    const max = LIMITS.expressionArguments;
    const issues = issuesOf(model(`  x: { value: "max(${Array(150_000).fill('1').join(',')})" }\n`));
    // `  x: { value: "max(` puts the first argument at column 20; each takes two characters.
    expect(issues.map((i) => `${i.code} ${i.line}:${i.column}`)).toEqual([`limit 7:${20 + 2 * max}`]);
    expect(issues[0]!.params).toEqual({ limit: 'expressionArguments', max });
    expect(issueMessage(issues[0]!, 'en')).toMatch(/^too many arguments in one function call: at most 1,?000 \(limit "expressionArguments"\)$/);
    // At the limit, the call is read.
    expect(issuesOf(model(`  x: { value: "max(${Array(max).fill('1').join(',')})" }\n`))).toEqual([]);
  });

  it('repeats at most the start of a huge name, in the message and in the path', { timeout: 30_000 }, () => {
    const name = 'a'.repeat(1_000_000);
    const unknown = issuesOf(model(`  x: { value: "${name} + 1" }\n`));
    expect(unknown.map((i) => i.code)).toEqual(['unknown-name']);
    expect(unknown[0]!.params.name).toBe(`${'a'.repeat(60)}…`);
    expect(issueMessage(unknown[0]!, 'en').length).toBeLessThan(200);
    const key = issuesOf(`${HEADER}actors:\n  ok: { kind: organisation, ${name}: 1 }\nvalueObjects: {}\ntransactions: {}\n`);
    expect(key.map((i) => i.code)).toContain('unknown-key');
    expect(issueMessage(key.find((i) => i.code === 'unknown-key')!, 'fr').length).toBeLessThan(200);
  });

  it('reports 10,000 references to missing actors without comparing each with every actor', { timeout: 60_000 }, () => {
    const n = 10_000;
    const actors = Array.from({ length: n }, (_, i) => `  a${i}: { kind: organisation }`).join('\n');
    const transactions = Array.from({ length: n }, (_, i) => `  t${i}: { reciprocal: false, transfers: [{ from: a${i}, to: b${i}, object: s }] }`).join('\n');
    const text = `${HEADER}actors:\n${actors}\nvalueObjects:\n  s: { nature: service }\ntransactions:\n${transactions}\n`;
    const issues = issuesOf(text).filter((i) => i.code === 'unknown-reference');
    expect(issues).toHaveLength(n);
    // b{i} is one edit from a{i}: the first misspellings are suggested, each on its line.
    expect(issues[0]).toMatchObject({ line: n + 10, params: { kind: 'actor', id: 'b0', suggestion: 'a0' } });
    expect(issues[n - 1]).toMatchObject({ line: 2 * n + 9, params: { kind: 'actor', id: `b${n - 1}` } });
  });

  it('counts records before checking any: past the limit, one issue naming it', () => {
    const max = LIMITS.records;
    const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`r${i}`, { kind: 'organisation' }]));
    const data = { symbiose: 2, name: 'x', currency: 'EUR', period: 'month', horizon: 12, actors: many(max - 10), valueObjects: many(11), transactions: {} };
    const structured = checkStructure(data);
    expect(structured.doc).toBeUndefined();
    expect(structured.issues).toEqual([{ code: 'limit', severity: 'error', path: ['valueObjects'], params: { limit: 'records', max, found: max + 1 }, atKey: true }]);
  });

  it('reads standard input up to the file limit, and stops reading past it', { timeout: 60_000 }, () => {
    const bin = resolve('bin/symbiose.js');
    const run = (input: Buffer | string) =>
      spawnSync(process.execPath, [bin, 'validate', '-'], { input, encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
    const over = run(Buffer.alloc(LIMITS.fileBytes + 1, '#'));
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/^symbiose: <stdin> is too large: too many bytes in a file: at most .+ \(limit "fileBytes"\)\n$/);
    const valid = run(model('  x: 5\n'));
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/is valid: 2 actors/);
  });

  it('refuses a date where a quantity is expected, saying how to write a number', () => {
    for (const date of ['2001-01-01', '"2001-1-1"', '2001-01-01T10:00:00Z', '"1/2/2001"', '"01-02-2001"']) {
      const issues = issuesOf(model('  x: 5\n', date));
      expect(issues.map((i) => `${i.code} ${i.params.reason} ${i.line}:${i.column}`), date).toEqual([`expression-syntax date 9:${date.startsWith('"') ? 32 : 31}`]);
    }
    const [found] = issuesOf(model('  x: 5\n', '2001-01-01'));
    expect(issueMessage(found!, 'en')).toMatch(/"2001-01-01" is a date, not a quantity: write a number/);
    expect(issueMessage(found!, 'fr')).toMatch(/«\u00a02001-01-01\u00a0» est une date, pas une quantité/);
    // Arithmetic written as such is still arithmetic: 2001 - 1 - 1 = 1999 members paying 2 a month.
    const { ecosystem } = loadModel(model('  x: 5\n', '"2001 - 1 - 1"'), 'm.yaml');
    expect(profitability(ecosystem!, 'co').totals.revenue.slice(1)).toEqual(Array(12).fill(3998));
  });

  it('reports a failing parameter once, at its fault, and nothing in the quantities that read it', () => {
    const parameters = '  bad: { value: "1 / (x - x)" }\n  x: 3\n  a: "bad * 2"\n  b: "if(t > 0, a + 1, 0)"\n';
    const issues = issuesOf(model(parameters, 'b'));
    // The "/" of bad's value, line 7: `  bad: { value: "1 / (x - x)" }`.
    expect(issues.map((i) => `${i.code} ${i.params.reason} ${i.line}:${i.column} ${i.params.period}`)).toEqual(['evaluation division-by-zero 7:20 1']);
  });

  it('refuses figures that overflow, at each transfer whose figure does, once and from the first period', () => {
    // 1e308 members once a month: the service's occurrences are 1e308, its money 2 × 1e308 = ∞
    // (past Number.MAX_VALUE ≈ 1.8e308). Only the money transfer, second of `buy` (line 15).
    const issues = issuesOf(model('  x: "1e308"\n'));
    expect(issues.map((i) => `${i.code} ${i.params.reason} ${i.params.value} ${i.line} ${i.params.period}`)).toEqual(['evaluation not-finite Infinity 15 1']);
    expect(issues[0]!.path).toEqual(['transactions', 'buy', 'transfers', 1]);
    expect(issueMessage(issues[0]!, 'en')).toBe('the result is not a finite number (Infinity) at period 1');
    // 1e307 members: 2e307 is still a number, and the model loads.
    expect(loadModel(model('  x: "1e307"\n'), 'm.yaml').issues).toEqual([]);
  });

  it('never suggests an unknown key as its own spelling (a field of another record)', () => {
    const issues = issuesOf(model('  x: 5\n').replace('start: { actor: seg, count: 1 }', 'start: { actor: seg, count: 1, per: month }'));
    expect(issues.map((i) => `${i.code} ${i.params.key} ${i.params.suggestion}`)).toEqual(['unknown-key per undefined']);
  });

  it('keeps a model within the limits loading as before', () => {
    expect(loadModel(model('  x: 5\n'), 'm.yaml').issues).toEqual([]);
  });
});
