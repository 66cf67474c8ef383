/**
 * How the fuzzer makes hostile inputs from good ones: text mutations (any input), document
 * mutations (a model's parsed tree changed, then written back as YAML or JSON) and inputs made
 * from nothing (fast-check arbitraries: expression-shaped text, any text). Every function takes
 * the case's generator (random.mjs), so a case is rebuilt from its seed.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

/** Numbers at the edges: overflow, underflow, precision, signs, and things that are not numbers. */
export const NUMBERS = ['0', '-0', '-1', '1e308', '-1e308', '1e309', '5e-324', '2e-400', 'NaN', 'Infinity', '-Infinity', '.nan', '.inf', '9007199254740993', '1e10', '1e7', '2147483648', '4294967296', 'abc', '""', '1_000', '0x10', '0o17', '2001-01-01', '.5', '1e', '--1', '1e1000000', '0.000000000000000000001', '~', 'null', 'true'];

/** Names that JavaScript objects already have, and names that are long, odd or not ASCII. */
export const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'then', 'length', '__defineGetter__', 'isPrototypeOf', 'Object', 'NaN', 'Infinity', 'undefined', 'ßü名前', 'a b', 'x'.repeat(300), 'if', 'min', 'TIME', 'DT', '$', 'a.b', 'a"b', "a'b", 'a\\b', '\u202e'];

const SPECIAL_CHARACTERS = [...'{}[]()<>:;,"\'`&*!|%@#-=+/\\?~^\n\t\r '].concat(['\u0000', '\ufffd', '\u202e', '\ud800', '\u00a0', '\u2028']);

/** Pieces worth inserting, by kind of input. */
const DICTIONARY = {
  yaml: ['<<: *a', '&a ', '*a', '!!binary ', '!!float ', '!!js/function ', '!!python/object ', '? ', '- ', '{', '}', '[', ']', ': ', '|\n', '>-\n', '"\\u0000"', '~', '.nan', '.inf', '0o17', '1e400', '---\n', '...\n', '%YAML 1.2\n', '#', "'", '"', '  ', '\t', 'symbiose: 99\n', 'dynamics: {}\n', 'variants: {x: {}}\n'],
  xmile: ['<dim name="D" size="1000000000"/>', '<dim name="D" size="-1"/>', '<dim name="D" size="abc"/>', '<dim name="D" size="1e10"/>', '<dimensions><dim name="D"/></dimensions>', '<eqn>', '</eqn>', '<![CDATA[', ']]>', '&lt;', '&amp;', '&#0;', '&#x10FFFF;', '<!DOCTYPE x [<!ENTITY e "eeeeeeeeee">]>', '&e;', '<module name="m"/>', '<aux name="__proto__"><eqn>1</eqn></aux>', '<aux name="constructor"><eqn>constructor</eqn></aux>', '<gf><xscale min="0" max="1"/><ypts>a,b</ypts></gf>', '<stop>1e9</stop>', '<dt>1e-9</dt>', '<dt>0</dt>', '<dt>-1</dt>', '<start>NaN</start>', '<macro name="M"><eqn>M(1)</eqn></macro>', 'IF 1 THEN 2 ELSE 3', 'DELAY3(', 'SMTH1(', 'PULSE(', 'TIME', 'DT', '[', ']', '*', '/'],
  expression: ['+', '-', '*', '/', '^', '%', '(', ')', ',', 'min(', 'max(', 'if(', 'round(', 'pow(', ' and ', ' or ', 'not ', '==', '<=', '!=', '&&', '||', 't', '1e308', '0', '-', '_', '.', 'e5', '1_0', 'constructor', '__proto__'],
  equation: ['+', '-', '*', '/', '^', '(', ')', ',', 'IF ', ' THEN ', ' ELSE ', 'ABS(', 'MIN(', 'MAX(', 'DELAY3(', 'SMTH1(', 'PULSE(', 'STEP(', 'RAMP(', 'LOOKUP(', 'INIT(', 'TIME', 'DT', 'STARTTIME', 'a[1]', '[', ']', '"', "'", ' AND ', ' OR ', ' NOT ', '=', '<>', '<=', 'constructor', '__proto__', '{', '}', '1e308', '0'],
};

/** Nesting that a recursive reader may not survive: opening, core, closing, by kind of input. */
const NESTINGS = {
  yaml: [['[', '1', ']'], ['{a: ', '1', '}'], ['- ', '1', '']],
  xmile: [['<a>', '', '</a>'], ['<module name="m">', '', '</module>']],
  expression: [['(', '1', ')'], ['-', '1', ''], ['abs(', '1', ')'], ['if(1, ', '1', ', 0)'], ['not ', '1', '']],
  equation: [['(', '1', ')'], ['-', '1', ''], ['ABS(', '1', ')'], ['IF 1 THEN ', '1', ' ELSE 0'], ['NOT ', '1', '']],
};
const DEPTHS = [20, 200, 2000, 20000];

/** Inputs stop growing here: a little past the 20 MB file limit (so it is tried), far below memory trouble. */
const MAX_FILE_CHARACTERS = 24_000_000;
/** An equation or an expression: a megabyte is already far past any limit. */
const MAX_TEXT_CHARACTERS = 2_000_000;

const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;
const NAME_TOKEN = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Every place `pattern` matches in `text`, as [start, end] pairs. */
function spans(text, pattern) {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** One text mutation, chosen by `rng`, for an input of kind `kind`; `others` are texts to splice from. */
const TEXT_MUTATIONS = {
  number(text, rng) {
    const found = spans(text, NUMBER_TOKEN);
    if (found.length === 0) return text + rng.pick(NUMBERS);
    const [a, b] = rng.pick(found);
    return text.slice(0, a) + rng.pick(NUMBERS) + text.slice(b);
  },
  name(text, rng) {
    const found = spans(text, NAME_TOKEN);
    if (found.length === 0) return rng.pick(NAMES) + text;
    const [a, b] = rng.pick(found);
    const old = text.slice(a, b);
    const name = rng.pick(NAMES);
    // Renaming every use keeps references consistent, so the name itself is what is tested.
    if (old.length <= 100 && rng.chance(0.5)) return text.replace(new RegExp(`\\b${old}\\b`, 'g'), () => name);
    return text.slice(0, a) + name + text.slice(b);
  },
  erase(text, rng) {
    const a = rng.below(text.length + 1);
    return text.slice(0, a) + text.slice(Math.min(text.length, a + 1 + rng.below(64)));
  },
  eraseLines(text, rng) {
    const starts = lineStarts(text);
    const first = rng.below(starts.length);
    const last = Math.min(starts.length, first + 1 + rng.below(5));
    return text.slice(0, starts[first]) + (last < starts.length ? text.slice(starts[last]) : '');
  },
  repeatLines(text, rng) {
    const starts = lineStarts(text);
    const first = rng.below(starts.length);
    const end = first + 1 + rng.below(4) < starts.length ? starts[first + 1 + rng.below(4)] : text.length;
    const block = text.slice(starts[first], end);
    const times = rng.pick([2, 10, 100, 1000]);
    if (block.length * times > MAX_FILE_CHARACTERS) return text;
    return text.slice(0, end) + (block.endsWith('\n') ? block : `${block}\n`).repeat(times) + text.slice(end);
  },
  swapLines(text, rng) {
    const lines = text.split('\n');
    const i = rng.below(lines.length);
    const j = rng.below(lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  character(text, rng) {
    const a = rng.below(text.length + 1);
    return text.slice(0, a) + rng.pick(SPECIAL_CHARACTERS) + text.slice(a + (rng.chance(0.5) ? 1 : 0));
  },
  dictionary(text, rng, kind) {
    const a = rng.below(text.length + 1);
    return text.slice(0, a) + rng.pick(DICTIONARY[kind]) + text.slice(a);
  },
  nesting(text, rng, kind) {
    const [open, core, close] = rng.pick(NESTINGS[kind]);
    const depth = rng.pick(DEPTHS);
    const a = rng.below(text.length + 1);
    return text.slice(0, a) + open.repeat(depth) + core + close.repeat(depth) + text.slice(a);
  },
  truncate(text, rng) {
    return text.slice(0, rng.below(text.length + 1));
  },
  splice(text, rng, _kind, others) {
    const other = rng.pick(others);
    const a = rng.below(other.length + 1);
    const piece = other.slice(a, a + 1 + rng.below(200));
    const at = rng.below(text.length + 1);
    return text.slice(0, at) + piece + text.slice(at);
  },
  longToken(text, rng) {
    const found = spans(text, NAME_TOKEN);
    if (found.length === 0) return text;
    const [a, b] = rng.pick(found);
    const times = rng.pick([100, 10_000, 100_000]);
    if ((b - a) * times > MAX_FILE_CHARACTERS) return text;
    return text.slice(0, a) + text.slice(a, b).repeat(times) + text.slice(b);
  },
};

export const TEXT_MUTATION_NAMES = Object.keys(TEXT_MUTATIONS);

/** `text` after 1 to 4 mutations; returns the text and the names of the mutations, for the report. */
export function mutateText(text, rng, kind, others) {
  let result = text;
  const applied = [];
  const count = 1 + rng.below(4);
  const cap = kind === 'yaml' || kind === 'xmile' ? MAX_FILE_CHARACTERS : MAX_TEXT_CHARACTERS;
  for (let i = 0; i < count; i++) {
    const name = rng.pick(TEXT_MUTATION_NAMES);
    const mutated = TEXT_MUTATIONS[name](result, rng, kind, others);
    if (mutated.length > cap) continue;
    result = mutated;
    applied.push(name);
  }
  return { text: result, applied };
}

/** Paths to every value of a parsed document: [['actors', 'app', 'kind'], …]. */
function pathsIn(value, prefix = []) {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((key) => pathsIn(value[key], [...prefix, key]))];
}

const DOCUMENT_MUTATIONS = {
  /** A value replaced by anything JSON can hold. */
  anyValue: (doc, path, rng) => set(doc, path, rng.sample(fc.jsonValue({ maxDepth: 3 }))),
  edgeNumber: (doc, path, rng) => set(doc, path, rng.pick([0, -1, 1e308, -1e308, 5e-324, 1e10, 2 ** 53 + 2, 0.1, 1e-300, 123456789012])),
  edgeString: (doc, path, rng) => set(doc, path, rng.pick([...NAMES, ...NUMBERS, '', 'x'.repeat(100_000), '(((((((((((1)))))))))))', 'a * '.repeat(2000) + '1'])),
  remove: (doc, path) => set(doc, path, undefined),
  /** A record copied many times under new ids: many records, references to all of them. */
  copies(doc, path, rng) {
    if (path.length < 2) return;
    const parent = get(doc, path.slice(0, -1));
    if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return;
    const record = parent[path.at(-1)];
    const times = rng.pick([10, 100, 1000, 5000]);
    for (let i = 0; i < times; i++) parent[`${String(path.at(-1))}_${i}`] = structuredClone(record);
  },
  /** A key renamed to one JavaScript objects already have. */
  hostileKey(doc, path, rng) {
    if (path.length < 1) return;
    const parent = get(doc, path.slice(0, -1));
    if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return;
    const value = parent[path.at(-1)];
    delete parent[path.at(-1)];
    Object.defineProperty(parent, rng.pick(NAMES), { value, enumerable: true, configurable: true, writable: true });
  },
};

function get(doc, path) {
  return path.reduce((value, key) => (value === null || value === undefined ? undefined : value[key]), doc);
}

function set(doc, path, value) {
  if (path.length === 0) return;
  const parent = get(doc, path.slice(0, -1));
  if (!parent || typeof parent !== 'object') return;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
    else delete parent[path.at(-1)];
  } else parent[path.at(-1)] = value;
}

/** A model's document with 1 to 3 changes in its tree, written back as YAML or JSON. */
export function mutateDocument(yamlText, rng) {
  const doc = parse(yamlText);
  const applied = [];
  const count = 1 + rng.below(3);
  for (let i = 0; i < count; i++) {
    const name = rng.pick(Object.keys(DOCUMENT_MUTATIONS));
    DOCUMENT_MUTATIONS[name](doc, rng.pick(pathsIn(doc)), rng);
    applied.push(name);
  }
  const asJson = rng.chance(0.3);
  return { text: asJson ? JSON.stringify(doc, null, 1) : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }), json: asJson, applied };
}

/** Expression-shaped text, from a grammar of the expression language (and the equation one's words). */
const expressionArbitrary = (words) =>
  fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('leaf'), tie('binary'), tie('unary'), tie('call'), tie('group')),
    leaf: fc.oneof(fc.constantFrom(...NUMBERS, ...NAMES, ...words), fc.double().map(String), fc.integer().map(String)),
    binary: fc.tuple(tie('node'), fc.constantFrom('+', '-', '*', '/', '^', '%', '==', '<', '>=', ' and ', ' or ', ' AND ', '<>', '='), tie('node')).map((p) => p.join('')),
    unary: fc.tuple(fc.constantFrom('-', '+', 'not ', 'NOT '), tie('node')).map((p) => p.join('')),
    call: fc.tuple(fc.constantFrom(...words, 'min', 'max', 'if', 'round', 'pow', 'ABS', 'MIN', 'IF', 'DELAY3', 'SMTH1', 'PULSE', 'constructor'), fc.array(tie('node'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    group: tie('node').map((n) => `(${n})`),
  })).node;

/** A new input from nothing: expression-shaped text (`words` are names to use), or any text. */
export function generateText(rng, words) {
  if (rng.chance(0.15)) return rng.sample(fc.string({ unit: 'binary', maxLength: 200 }));
  return rng.sample(expressionArbitrary(words.length > 0 ? words : ['x']));
}
