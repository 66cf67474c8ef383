/**
 * Model text → plain data, with a way to place any issue path at a file line and column.
 *
 * Two ways in. The fast one reads the data with no tree: JSON.parse for a .json file, the plain
 * YAML reader (yaml-plain.ts) for the rest; the loader's checks on valid text (keys used twice,
 * `__proto__` keys, aliases past their limit, nesting) are made on the way, and the issues'
 * places are found afterwards, by one more scan over the text for the paths they name
 * (source-places.ts). Text the fast readers do not take (any syntax fault, YAML outside the plain
 * subset, nesting past the limit) is read as before by the yaml library, keeping its tree: JSON
 * as YAML 1.2, then held to strict JSON. Both give the same data, issues and places.
 */
import { Composer, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, visit, type CST, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { issue, type Issue, type LocatedIssue, type Path } from './issues.js';
import { scanJson } from './json-scan.js';
import { jsonFault } from './json-syntax.js';
import { LIMITS } from './limits.js';
import { LineStarts, PathTrie } from './source-places.js';
import { readPlainYaml } from './yaml-plain.js';

export interface SourceText {
  file: string;
  data: unknown;
  issues: Issue[];
  /** Places a path (and an offset inside its scalar) in the file. */
  locate(issue: Issue): { line: number; column: number };
  /** Places many issues at once: one scan of the text, however many they are. */
  locateMany(issues: readonly Issue[]): Array<{ line: number; column: number }>;
}

export function readSource(text: string, file: string): SourceText {
  return (/\.json$/i.test(file) ? readJson(text, file) : readYaml(text, file)) ?? readWithTree(text, file);
}

/** A .json file JSON.parse accepts, with its keys checked by one scan. */
function readJson(text: string, file: string): SourceText | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const scan = scanJson(text, LIMITS.yamlDepth);
  if (scan.tooDeep) return undefined;
  return fastSource(text, file, { data, ...scan, aliasLimit: false }, (trie) => scanJson(text, LIMITS.yamlDepth, trie));
}

function readYaml(text: string, file: string): SourceText | undefined {
  const read = readPlainYaml(text);
  return read && fastSource(text, file, read, (trie) => readPlainYaml(text, trie));
}

interface FastRead {
  data: unknown;
  duplicates: readonly number[];
  reserved: readonly number[];
  aliasLimit: boolean;
}

/**
 * A text read by a fast reader: its key faults placed at their keys (in the text's order), every
 * other issue placed by `scan`, run again with the issues' paths.
 */
function fastSource(text: string, file: string, read: FastRead, scan: (trie: PathTrie) => unknown): SourceText {
  const lines = new LineStarts(text);
  const faults = [
    ...read.duplicates.map((offset) => ({ offset, found: issue('syntax', [], { reason: 'yaml', yamlCode: 'DUPLICATE_KEY' }) })),
    ...read.reserved.map((offset) => ({ offset, found: issue('schema', [], { reason: 'reserved-key', key: '__proto__' }) })),
  ].sort((a, b) => a.offset - b.offset);
  const placedAt = new Map(faults.map(({ found, offset }) => [found, offset]));
  const issues = faults.map(({ found }) => found);
  // The yaml library expands aliases only in a text with no error, so says nothing of them else.
  if (issues.length === 0 && read.aliasLimit) issues.push(issue('syntax', [], { reason: 'alias-limit' }));
  const locateMany = (found: readonly Issue[]) => {
    const trie = new PathTrie();
    const inTree = found.filter((f) => !placedAt.has(f));
    for (const f of inTree) trie.add(f.path);
    if (inTree.length > 0) scan(trie);
    return found.map((f) => lines.position(placedAt.get(f) ?? trie.offsetOf(f)));
  };
  return { file, data: issues.length > 0 ? undefined : read.data, issues, locate: (found) => locateMany([found])[0]!, locateMany };
}

/** The text read by the yaml library into its tree: any YAML, every syntax fault reported (the reference the fast readers are tested against). */
export function readWithTree(text: string, file: string): SourceText {
  const lineCounter = new LineCounter();
  const parsed = parseTokens(text, lineCounter);
  const issues: Issue[] = [];
  const syntaxPositions = new Map<Issue, { line: number; column: number }>();
  const placed = (found: Issue, offset: number): void => {
    const at = lineCounter.linePos(Math.min(offset, text.length));
    syntaxPositions.set(found, { line: at.line, column: at.col });
    issues.push(found);
  };
  const locateSyntax = (found: Issue) => syntaxPositions.get(found) ?? { line: 1, column: 1 };
  // The YAML parser, composer and every later walk recurse once per level: the nesting is
  // bounded as the parser goes, then on its tokens, before anything recurses deeper.
  const tooDeep = 'tooDeep' in parsed ? parsed.tooDeep : firstTooDeep(parsed.tokens, LIMITS.yamlDepth);
  if (tooDeep !== undefined || 'tooDeep' in parsed) {
    placed(issue('limit', [], { limit: 'yamlDepth', max: LIMITS.yamlDepth }), tooDeep!);
    return { file, data: undefined, issues, locate: locateSyntax, locateMany: (found) => found.map(locateSyntax) };
  }
  const { doc, second } = composeFirst(parsed.tokens, text.length);
  if (second !== undefined) placed(issue('syntax', [], { reason: 'yaml', yamlCode: 'MULTIPLE_DOCS' }), second);
  const problems = [
    ...doc.errors.map((e) => ({ e, severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ e, severity: 'warning' as const })),
  ];
  // The parser may report one fault many times at one place (once per token it skips): once is enough.
  const reported = new Set<string>();
  for (const { e, severity } of problems) {
    const key = `${e.code} ${e.pos[0]}`;
    if (reported.has(key)) continue;
    reported.add(key);
    placed(issue('syntax', [], { reason: 'yaml', yamlCode: e.code }, { severity }), e.pos[0]);
  }
  // YAML accepts what JSON does not (trailing commas, comments): hold .json files to JSON.
  if (/\.json$/i.test(file) && doc.errors.length === 0) {
    const fault = jsonFault(text);
    if (fault) {
      placed(issue('syntax', [], fault.character === undefined ? { reason: 'json', fault: 'unexpected-end' } : { reason: 'json', fault: 'unexpected-character', character: fault.character }), fault.offset);
    }
  }
  for (const { found, offset } of keyFaults(doc)) placed(found, offset);
  let data: unknown = undefined;
  if (!issues.some((i) => i.severity === 'error')) {
    try {
      data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
    } catch (error) {
      // Alias bombs: refuse rather than expand without bound. The YAML library throws a bare
      // ReferenceError for them and for an alias with no anchor (its only failures here).
      if (!(error instanceof ReferenceError)) throw error;
      issues.push(issue('syntax', [], { reason: hasUnresolvedAlias(doc) ? 'unresolved-alias' : 'alias-limit' }));
    }
  }
  const index = new MapIndex();
  const locate = (found: Issue) => syntaxPositions.get(found) ?? locateInDocument(doc, lineCounter, index, found);
  return { file, data, issues, locate, locateMany: (found) => found.map(locate) };
}

/** The text's first document, as parseDocument makes it, and where a second one starts. */
function composeFirst(tokens: readonly CST.Token[], end: number): { doc: Document.Parsed; second?: number } {
  const composer = new Composer({ uniqueKeys: false, keepSourceTokens: false });
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, end)) {
    if (first) return { doc: first, second: doc.range[0] };
    first = doc;
  }
  // compose(…, forceDoc) always yields a document, if only an empty one.
  return { doc: first! };
}

/**
 * Keys used twice in one mapping, and `__proto__` keys (JavaScript would make them a prototype
 * rather than a record). The YAML library's own duplicate check compares each key with every
 * earlier one, quadratic in a mapping's size: this is one pass with a set per mapping.
 */
function keyFaults(doc: Document.Parsed): Array<{ found: Issue; offset: number }> {
  const faults: Array<{ found: Issue; offset: number }> = [];
  for (const map of mapsOf(doc.contents)) {
    const seen = new Set<unknown>();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const offset = pair.key.range?.[0] ?? 0;
      if (seen.has(pair.key.value)) faults.push({ found: issue('syntax', [], { reason: 'yaml', yamlCode: 'DUPLICATE_KEY' }), offset });
      seen.add(pair.key.value);
      if (String(pair.key.value) === '__proto__') faults.push({ found: issue('schema', [], { reason: 'reserved-key', key: '__proto__' }), offset });
    }
  }
  // In the text's order (the walk above goes deepest last first), as the fast readers give them.
  return faults.sort((a, b) => a.offset - b.offset);
}

/**
 * The parser's tokens, fed one lexeme at a time (as the library's own parse() does) so that the
 * collections it holds open can be counted as it goes: it closes them recursively, so a few
 * thousand levels would overflow the stack before any check on its tokens. Past the limit, the
 * offset of the first collection too deep.
 */
function parseTokens(text: string, lineCounter: LineCounter): { tokens: CST.Token[] } | { tooDeep: number } {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // A cheap test first: the stack also holds the document and keys waiting for their value.
    if (parser.stack.length > LIMITS.yamlDepth) {
      const open = parser.stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection');
      if (open.length > LIMITS.yamlDepth) return { tooDeep: open[LIMITS.yamlDepth]!.offset };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

/** Every mapping of a document, keys' included, without recursion. */
function* mapsOf(root: unknown): Generator<YAMLMap<unknown, unknown>> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      yield node;
      for (const pair of node.items) stack.push(pair.key, pair.value);
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
}

/**
 * The offset of the first collection nested deeper than `max`, if any. Iterative over the
 * parser's tokens: mappings, lists and flow collections, keys included.
 */
export function firstTooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > max) return token.offset;
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Whether an alias names an anchor the document does not set before it. */
function hasUnresolvedAlias(doc: Document): boolean {
  let unresolved = false;
  visit(doc, {
    Alias(_, alias) {
      if (!alias.resolve(doc)) unresolved = true;
    },
  });
  return unresolved;
}

/**
 * Each mapping's pairs by key, made the first time an issue is placed in it: placing thousands of
 * issues (one per unused parameter) then costs one pass over each mapping, not one per issue.
 */
class MapIndex {
  private readonly byMap = new WeakMap<YAMLMap, Map<string, Pair>>();

  pair(map: YAMLMap, key: string): Pair | undefined {
    let pairs = this.byMap.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const p of map.items) {
        // The first of duplicate keys, as the duplicate is reported on the second.
        if (isPair(p) && isScalar(p.key) && !pairs.has(String(p.key.value))) pairs.set(String(p.key.value), p);
      }
      this.byMap.set(map, pairs);
    }
    return pairs.get(key);
  }
}

function locateInDocument(doc: Document, lines: LineCounter, index: MapIndex, found: Issue): { line: number; column: number } {
  const { node, atKeyNode } = walk(doc.contents as Node | null, found.path, found.atKey === true, index);
  const target = atKeyNode ?? node;
  let offset = target?.range?.[0] ?? 0;
  if (found.offset !== undefined && target && isScalar(target) && !atKeyNode) {
    const quoted = target.type === 'QUOTE_DOUBLE' || target.type === 'QUOTE_SINGLE';
    offset += found.offset + (quoted ? 1 : 0);
  }
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** Follows a path as far as the tree goes, so a missing key is placed at its parent. */
function walk(root: Node | null, path: Path, wantKey: boolean, index: MapIndex): { node: Node | null; atKeyNode?: Node } {
  let node: Node | null = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = index.pair(node, String(segment));
      if (!pair) return { node };
      if (last && wantKey) return { node, atKeyNode: pair.key as Node };
      // A key with no value (`size:`) has no value node: point at the key.
      if (pair.value === null || pair.value === undefined) return { node, atKeyNode: pair.key as Node };
      node = pair.value as Node;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) return { node };
      node = item as Node;
    } else {
      return { node };
    }
  }
  return { node };
}

/** What places issues in a text: a SourceText without its data. */
export type Placer = Pick<SourceText, 'file' | 'locateMany'>;

export function locateAll(source: Placer, issues: readonly Issue[]): LocatedIssue[] {
  const places = source.locateMany(issues);
  return issues.map((found, i) => ({ ...found, file: source.file, ...places[i]! }));
}
