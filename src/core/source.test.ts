/**
 * Reading model text: large and deep documents end with located issues, in time that grows with
 * the text, never with a stack overflow. Reproducers are generated here; the timeouts only turn a
 * stall into a failure, they measure nothing.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { locateAll, readSource } from './source.js';

const placed = (text: string, file = 'm.yaml') => {
  const source = readSource(text, file);
  return locateAll(source, source.issues).map((i) => ({ code: i.code, params: i.params, at: `${i.line}:${i.column}` }));
};

describe('readSource', () => {
  it('finds a duplicate key among 100,000 in one pass, located at the second one', { timeout: 60_000 }, () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`);
    keys.push('k5: 2'); // line 100,001
    const issues = placed(keys.join('\n'));
    expect(issues).toEqual([{ code: 'syntax', params: { reason: 'yaml', yamlCode: 'DUPLICATE_KEY' }, at: '100001:1' }]);
  });

  it('tells keys of different types apart, as YAML does, and checks flow mappings and keys of keys', () => {
    expect(placed('1: a\n"1": b\n')).toEqual([]);
    expect(placed('a: { x: 1, y: 2, x: 3 }\n').map((i) => i.at)).toEqual(['1:18']);
    expect(placed('- { b: 1 }\n- { b: 1, c: [{ d: 1, d: 2 }] }\n').map((i) => i.at)).toEqual(['2:23']);
    expect(placed('a:\n  __proto__: 1\n')).toEqual([{ code: 'schema', params: { reason: 'reserved-key', key: '__proto__' }, at: '2:3' }]);
  });

  it('refuses nesting deeper than the yamlDepth limit before reading it, at the first level too deep', { timeout: 60_000 }, () => {
    const max = LIMITS.yamlDepth;
    // The root mapping is level 1, so the max-th bracket is level max + 1: "a: " then max brackets.
    const flow = `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    expect(placed(flow)).toEqual([{ code: 'limit', params: { limit: 'yamlDepth', max }, at: `1:${3 + max}` }]);
    // Block mappings, one per line, each indented one more: line max + 1 starts level max + 1.
    const block = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(placed(block)).toEqual([{ code: 'limit', params: { limit: 'yamlDepth', max }, at: `${max + 1}:${max + 1}` }]);
    // JSON, read by the same parser.
    const json = `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(placed(json, 'm.json')[0]).toMatchObject({ code: 'limit', at: `1:${6 + max}` });
    // Exactly at the limit is allowed.
    expect(placed(`a: ${'['.repeat(max - 1)}${']'.repeat(max - 1)}\n`)).toEqual([]);
  });

  it('bounds the nesting while parsing too: a deep list inside a flow collection (fuzz F2)', { timeout: 60_000 }, () => {
    const max = LIMITS.yamlDepth;
    // Levels: the root mapping, `[`, `{`, then one per "- " from column 3: the one at level
    // max + 1 is dash number max - 2, at column 3 + 2 (max - 3).
    for (const dashes of [3000, 20_000]) {
      expect(placed(`a: [\n  {\n  ${'- '.repeat(dashes)}1\n`)).toEqual([{ code: 'limit', params: { limit: 'yamlDepth', max }, at: `3:${3 + 2 * (max - 3)}` }]);
    }
  });

  it('reports one syntax fault once, however often the parser meets it (fuzz F3)', () => {
    const text = `{\n  "symbiose": 1,\n  "a": {\n${'        "inflows": [\n'.repeat(250)}}`;
    const issues = placed(text, 'm.json');
    expect(issues.length).toBeGreaterThan(0);
    expect(new Set(issues.map((i) => `${i.params.yamlCode} ${i.at}`)).size).toBe(issues.length);
    expect(issues.length).toBeLessThan(10);
  });

  it('places thousands of issues in one mapping without scanning it for each', { timeout: 60_000 }, () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `p${i}: 1`).join('\n');
    const source = readSource(`parameters:\n${keys.replace(/^/gm, '  ')}\n`, 'm.yaml');
    const issues = Array.from({ length: 40_000 }, (_, i) => ({ code: 'unused-parameter' as const, severity: 'warning' as const, path: ['parameters', `p${i}`], params: { name: `p${i}` }, atKey: true }));
    const located = locateAll(source, issues);
    // Parameter p{i} is on line i + 2, its key at column 3.
    expect(located.every((l, i) => l.line === i + 2 && l.column === 3)).toBe(true);
  });

  it('reports a second document at its start', () => {
    expect(placed('a: 1\n---\nb: 2\n')).toEqual([{ code: 'syntax', params: { reason: 'yaml', yamlCode: 'MULTIPLE_DOCS' }, at: '2:1' }]);
  });
});
