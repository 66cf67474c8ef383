/**
 * Reading model text: large and deep documents end with located issues, in time that grows with
 * the text, never with a stack overflow. Reproducers are generated here; the timeouts only turn a
 * stall into a failure, they measure nothing.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.js';
import { loadModel } from './load.js';
import { locateAll, readSource } from './source.js';
import { readPlainYaml } from './yaml-plain.js';

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

/**
 * Large files are read by the fast readers (no tree): their issues are placed by one more scan,
 * at the places the tree gave. Every expected place is counted here from how the text is made.
 */
describe('issues in large files, read without a tree', () => {
  /** A model of `n` actors, one record a line; transaction t{i} is on line 20,012 + i when n = 20,000. */
  const large = (n: number, amountOf: (i: number) => string) => {
    const lines = ['symbiose: 1', 'name: Large', 'currency: EUR', 'period: month', 'horizon: 12', 'parameters:', '  price: { value: 10, assumption: benchmark }', 'actors:', '  p: { kind: platform }'];
    for (let i = 1; i < n; i++) lines.push(`  c${i}: { kind: individual }`);
    lines.push('valueObjects:', '  m: { nature: money }', '  s: { nature: service }', 'transactions:');
    for (let i = 1; i < n; i++) lines.push(`  t${i}: { transfers: [{ from: p, to: c${i}, object: s }, { from: c${i}, to: p, object: m, amount: ${amountOf(i)} }] }`);
    return `${lines.join('\n')}\n`;
  };

  it('places a misspelt name inside an expression of a 20,000-actor YAML model at its character', { timeout: 60_000 }, () => {
    const text = large(20_000, (i) => (i === 15_000 ? 'price * pricee' : 'price'));
    expect(readPlainYaml(text)).toBeDefined();
    const { issues } = loadModel(text, 'large.yaml');
    // Lines: 9 before the first customer (p on line 9), c1…c19999 on lines 10–20008, then
    // valueObjects, m, s, transactions (20009–20012): t15000 on line 20012 + 15000 = 35012.
    // Its columns: "  t15000: " 10, "{ transfers: [" 14, "{ from: p, to: c15000, object: s }, "
    // 36, "{ from: c15000, to: p, object: m, amount: " 42: the amount starts at column 103, and
    // "pricee" is 8 characters into "price * pricee": column 111.
    expect(issues.map((i) => ({ code: i.code, at: `${i.line}:${i.column}` }))).toEqual([{ code: 'unknown-name', at: '35012:111' }]);
  });

  it('places a key used twice among 100,000 in YAML and in JSON at the second one', { timeout: 60_000 }, () => {
    const yaml = `${Array.from({ length: 100_000 }, (_, i) => `k${i}: {v: ${i}}`).join('\n')}\nk99998: {v: 0}\n`;
    expect(readPlainYaml(yaml)?.duplicates).toHaveLength(1);
    // The 100,001st line.
    expect(placed(yaml)).toEqual([{ code: 'syntax', params: { reason: 'yaml', yamlCode: 'DUPLICATE_KEY' }, at: '100001:1' }]);
    // JSON, one key a line after "{": key k{i} on line i + 2, its quote at column 3; the
    // duplicate follows the last one, on line 100,002, and an inner duplicate on line 50,002
    // after `  "k50000": {"v": 1, ` (2 + 8 + 2 + 1 + 3 + 2 + 1 + 2 = 21 characters): column 22.
    const keys = Array.from({ length: 100_000 }, (_, i) => `  "k${i}": {"v": 1${i === 50_000 ? ', "v": 2' : ''}},`);
    const json = `{\n${keys.join('\n')}\n  "k7": {"v": 2}\n}\n`;
    expect(placed(json, 'm.json')).toEqual([
      { code: 'syntax', params: { reason: 'yaml', yamlCode: 'DUPLICATE_KEY' }, at: '50002:22' },
      { code: 'syntax', params: { reason: 'yaml', yamlCode: 'DUPLICATE_KEY' }, at: '100002:3' },
    ]);
  });

  it('places an issue in a large JSON model at its value', { timeout: 60_000 }, () => {
    const data = JSON.parse(JSON.stringify(loadModel(large(2_000, () => 'price'), 'large.yaml').data)) as { actors: Record<string, unknown> };
    data.actors.c1500 = { kind: 'individuel' };
    // One record a line: the lines of the YAML model, each section's records after its own line.
    const sections = Object.entries(data as Record<string, unknown>).map(([key, value]) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? `${JSON.stringify(key)}: {\n${Object.entries(value).map(([id, record]) => `  ${JSON.stringify(id)}: ${JSON.stringify(record)}`).join(',\n')}\n}`
        : `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    );
    const json = `{\n${sections.join(',\n')}\n}\n`;
    const { issues } = loadModel(json, 'large.json');
    // Line 1 "{", then symbiose, name, currency, period, horizon (2–6), "parameters": { (7),
    // price (8), "}," (9), "actors": { (10), p (11), c1 on line 12: c1500 on line 1511, written
    // `  "c1500": {"kind":"individuel"}`: two spaces, "c1500" in quotes (columns 3–9), ": " (10–11),
    // "{" (12), "kind" in quotes (13–18), ":" (19): the kind's value at column 20.
    expect(issues.map((i) => ({ code: i.code, path: i.path.join('.'), at: `${i.line}:${i.column}` }))).toEqual([{ code: 'schema', path: 'actors.c1500.kind', at: '1511:20' }]);
  });

  it('refuses an alias past its limit in a large file, placed at the document', { timeout: 60_000 }, () => {
    const list = (item: string, n: number) => Array.from({ length: n }, () => item).join(', ');
    // As counted in yaml-plain.test.ts: 10 uses of b and 8 of c weigh 9 × 11 × 11 = 1089 > 1000.
    const bomb = `a: &a [${list('x', 10)}]\nb: &b [${list('*a', 10)}]\nc: &c [${list('*b', 10)}]\nd: [${list('*c', 8)}]\n`;
    const text = `# a large model\n\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: {v: ${i}}`).join('\n')}\n${bomb}`;
    expect(readPlainYaml(text)?.aliasLimit).toBe(true);
    // The document starts at its first key, on line 3.
    expect(placed(text)).toEqual([{ code: 'syntax', params: { reason: 'alias-limit' }, at: '3:1' }]);
  });
});
