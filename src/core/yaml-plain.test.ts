/**
 * The fast readers against the yaml library's tree (readWithTree, the reader they replace for the
 * texts they take): for every text a fast reader takes, the same data, the same issues, and every
 * path placed at the same line and column. The texts are the library's models, each also as JSON,
 * hand-written cases of each construct, and texts made from a grammar and by mutation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue, Path } from './issues.js';
import { readSource, readWithTree } from './source.js';
import { plainScalar, readPlainYaml } from './yaml-plain.js';

const LIBRARY = join(import.meta.dirname, '../../library');
const libraryTexts = readdirSync(LIBRARY).map((name) => readFileSync(join(LIBRARY, name), 'utf8'));

/** Every path of a value, and beside each collection a key and an index it does not have. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, '0']);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
    out.push([...prefix, 'absent']);
  }
  return out;
}

/** Whether the fast reader of the file's kind takes the text. */
function fastTakes(text: string, file: string): boolean {
  if (!file.endsWith('.json')) return readPlainYaml(text) !== undefined;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The differences between the fast reading and the tree's; empty when the fast reader declines. */
function differences(text: string, file: string): string[] {
  if (!fastTakes(text, file)) return [];
  const fast = readSource(text, file);
  const tree = readWithTree(text, file);
  const found: string[] = [];
  // Object.is, so that -0 and NaN count; and key order, which write-back keeps.
  const same = (a: unknown, b: unknown): boolean => {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  };
  if (!same(fast.data, tree.data)) found.push('data');
  const shown = (issues: readonly Issue[]) => JSON.stringify(issues.map((i) => [i.code, i.params, i.severity]));
  if (shown(fast.issues) !== shown(tree.issues)) found.push(`issues ${shown(fast.issues)} ≠ ${shown(tree.issues)}`);
  const at = (places: Array<{ line: number; column: number }>) => places.map((p) => `${p.line}:${p.column}`);
  if (found.length === 0 && at(fast.locateMany(fast.issues)).join() !== at(tree.locateMany(tree.issues)).join()) found.push('issue places');
  const raw = file.endsWith('.json') ? JSON.parse(text) : readPlainYaml(text)!.data;
  const asked: Issue[] = pathsOf(raw).flatMap((path) =>
    [false, true].flatMap((atKey) => [undefined, 2].map((offset) => ({ code: 'syntax' as const, severity: 'error' as const, path, params: {}, atKey, ...(offset === undefined ? {} : { offset }) }))),
  );
  const a = at(fast.locateMany(asked));
  const b = at(tree.locateMany(asked));
  asked.forEach((issue, i) => {
    if (a[i] !== b[i]) found.push(`${JSON.stringify(issue.path)} atKey ${issue.atKey} offset ${issue.offset}: ${a[i]} ≠ ${b[i]}`);
  });
  return found;
}

describe('the fast readers give what the yaml tree gives', () => {
  it('on every library model, as YAML and as JSON, each read fast', () => {
    for (const text of libraryTexts) {
      expect(readPlainYaml(text)).toBeDefined();
      expect(differences(text, 'm.yaml')).toEqual([]);
      const json = JSON.stringify(readWithTree(text, 'm.yaml').data, null, 2);
      expect(differences(json, 'm.json')).toEqual([]);
    }
  });

  it('on each construct of the subset, and on what it leaves to the library', () => {
    const cases = [
      'a:\n  b:\n  c: 1\n', 'a: &x\n  b: 1\nc: *x\nd: &y [1, 2]\ne: &z foo\n', 'a:\n- 1\n- x: 2\n  y: 3\n', '# c\n\na: "hello"\nb: \'it\'\'s\'\nc: plain  # c\n',
      'a: { b: , c: [ ] }\n', 'a: null\nb: ~\nc:   # x\nd: 1\n', 'a:\n-\n- \n-  # c\n- x\n', 'a: [1, 2,]\nb: {x: 1,}\n', 'a: {"x":1, "y" : 2}\n',
      'a: "\\u00e9\\n\\t\\"x\\\\"\n', "a: ''\n", 'a: ""\n', 'a: x#c\n', 'a: -1\nb: +2\nc: .5\nd: 1.\ne: 1e3\nf: .inf\ng: -.Inf\nh: .nan\ni: 0x1f\nj: 0o17\nk: 007\nl: 1_000\n',
      'a: True\nb: FALSE\nc: Null\nd: yes\n', 'a: x\na: y\n', 'a: {x: 1, x: 2}\n', '__proto__: 1\n', 'a:\n  __proto__: 1\n  __proto__: 2\n', 'k: \n',
      'a: &a [1, 2]\nb: [*a, *a, *a]\nc: &c [*b, *b]\n', 'a: &a x\nb: *a\n', 'a: &a\n  - &b [1]\n  - *b\nc: *a\n', 'a: []\nb: {}\nc: &e []\nd: [*e, *e]\n',
      'k: &a\n  k: &a\n    x: 1\n  y: [*a]\n', 'a: >\n  folded\n  text\n\n  para\nb: |\n  lit\n    more\n  end\nc: >-\n  x\nd: |-\n  y\n\n\ne: 1\n',
      '- a\n- b\n', '[1, 2]\n', '{a: 1}\n', 'a:\n  - b: 1\n    c:\n    - 2\n  - [3]\n', 'a: {\n  b: 1\n}\n', 'a: [\n  1,\n  2\n  ]\n', 'a: [ # c\n  1 ]\n',
      'a: b: c\n', 'a: http://x.y/z\n', 'a: [a:b, c]\n', '"q": 1\n\'r\': 2\n', 'a: 1', 'a: >\n  x', 'a: - b\n', '- - a\n', 'a:\n  b: 1\n c: 2\n',
      'a: x\n  y\n', 'a: [x\n  y]\n', 'a: [1,,2]\n', 'a: {b}\n', 'a: &x\nb: *x\n', 'a: *nope\n', 'a: !!str 1\n', 'a: |+\n  x\n\n', '? a\n: b\n', 'a:\tb\n', 'a: b\r\n',
    ];
    for (const text of cases) expect({ text, differences: differences(text, 'm.yaml') }).toEqual({ text, differences: [] });
    const json = ['{"a":1,"a":2}', '{"__proto__": 1}', '{"a": {"b": [1, {"c": "\\u0041", "c": 2}]}}', '[1, 2, "x"]', '{"a\\u0062": 1, "ab": 2}', '{ "a" : -0.0e1 , "b":[ ] }', '"x"', '{"a": 1e999}'];
    for (const text of json) expect({ text, json: differences(text, 'm.json'), yaml: differences(text, 'm.yaml') }).toEqual({ text, json: [], yaml: [] });
  });

  it('counts aliases as the library does, up to its limit and one past it', () => {
    const list = (item: string, n: number) => Array.from({ length: n }, () => item).join(', ');
    const text = (n: number, m: number) => `a: &a [${list('x', 10)}]\nb: &b [${list('*a', 10)}]\nc: &c [${list('*b', n)}]\nd: [${list('*c', m)}]\n`;
    // The library counts an anchor's uses from 1 (the anchor itself) and weighs each use by the
    // largest count inside the anchored node (a scalar 1). a: 1 + 10 uses = 11, weight 1. b:
    // weight 11 × 1 = 11, used n times: 1 + n. c: weight (1 + n) × 11, used m times: the last
    // use of c counts (1 + m)(1 + n) × 11. n = 10: m = 7 gives 8 × 11 × 11 = 968 ≤ 1000, m = 8
    // gives 9 × 11 × 11 = 1089, past the limit.
    const reasons = (n: number, m: number) => readSource(text(n, m), 'm.yaml').issues.map((i) => i.params.reason);
    expect(readPlainYaml(text(10, 8))).toBeDefined();
    expect(reasons(10, 7)).toEqual([]);
    expect(reasons(10, 8)).toEqual(['alias-limit']);
    for (const [n, m] of [[10, 7], [10, 8], [3, 40], [2, 300]] as const) expect(differences(text(n, m), 'm.yaml')).toEqual([]);
  });

  it('on texts made from a grammar of the subset', { timeout: 60_000 }, () => {
    const scalar = fc.constantFrom('1', 'x', '"q"', "'s'", '~', '', 'a b', '1.5', '-2', 'true', '*a', '&a v', '"\\u00e9"', 'x # c', '{}', '[]', '&a []', '[*a, *a]', '{k: *a}', '0o7', '.inf');
    const key = fc.constantFrom('k', 'a', 'b', 'k', '__proto__', '"k"', "'a b'", 'c-d');
    const node: fc.Memo<string> = fc.memo((n) =>
      n <= 1
        ? scalar.map((s) => ` ${s}`)
        : fc.oneof(
            scalar.map((s) => ` ${s}`),
            fc.array(node(n - 1), { maxLength: 3 }).map((items) => ` [${items.map((i) => i.trim() || '1').join(', ')}]`),
            fc.array(fc.tuple(key, node(n - 1)), { minLength: 1, maxLength: 3 }).map((pairs) => pairs.map(([k, v]) => `\n${k}:${v}`).join('').replace(/\n/g, '\n  ')),
            fc.array(node(n - 1), { minLength: 1, maxLength: 3 }).map((items) => items.map((v) => `\n-${v}`).join('').replace(/\n/g, '\n  ')),
          ),
    );
    const document = fc.array(fc.tuple(key, node(4)), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${k}:${v}\n`).join(''));
    fc.assert(fc.property(document, (text) => {
      expect(differences(text, 'm.yaml')).toEqual([]);
    }), { numRuns: 400, seed: 20261201 });
  });

  it('on mutants of the library models, as YAML and as JSON', { timeout: 120_000 }, () => {
    const piece = fc.constantFrom(' ', '\n', ':', '-', '#', '"', "'", '&a ', '*a', '[', ']', '{', '}', ',', '  ', '- ', ': ', '\n  ', '\n- ', '0', 'null', '~', '\\', 'é', '__proto__: 1');
    const edit = fc.tuple(fc.nat(), fc.nat(5), piece);
    const mutant = fc.tuple(fc.nat(libraryTexts.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean());
    fc.assert(
      fc.property(mutant, ([which, edits, asJson]) => {
        let text = asJson ? JSON.stringify(readWithTree(libraryTexts[which]!, 'm.yaml').data) : libraryTexts[which]!;
        for (const [at, cut, inserted] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + inserted + text.slice(i + cut);
        }
        expect(differences(text, asJson ? 'm.json' : 'm.yaml')).toEqual([]);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});

describe('plainScalar', () => {
  it('resolves as the YAML 1.2 core schema does', () => {
    expect([plainScalar(''), plainScalar('~'), plainScalar('Null'), plainScalar('TRUE'), plainScalar('false'), plainScalar('yes')]).toEqual([null, null, null, true, false, 'yes']);
    // 0o17 = 15, 0x1f = 31, 007 is decimal 7, 1e3 = 1000, 1. = 1, .5 = 0.5; 1_000 is a string in YAML 1.2.
    expect([plainScalar('0o17'), plainScalar('0x1f'), plainScalar('007'), plainScalar('1e3'), plainScalar('1.'), plainScalar('.5'), plainScalar('1_000')]).toEqual([15, 31, 7, 1000, 1, 0.5, '1_000']);
    expect([plainScalar('-.inf'), plainScalar('.NaN'), plainScalar('+12'), plainScalar('2001-01-01')]).toEqual([-Infinity, NaN, 12, '2001-01-01']);
    expect(Object.is(plainScalar('-0'), -0)).toBe(true);
  });
});
