/**
 * Model text → plain data, keeping the YAML tree so any issue path can be placed at a file line and
 * column. JSON is read by the same parser (JSON is YAML 1.2), so both formats get positions.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { issue, type Issue, type LocatedIssue, type Path } from './issues.js';

export interface SourceText {
  file: string;
  data: unknown;
  issues: Issue[];
  /** Places a path (and an offset inside its scalar) in the file. */
  locate(issue: Issue): { line: number; column: number };
}

export function readSource(text: string, file: string): SourceText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const issues: Issue[] = [];
  const syntaxPositions = new Map<Issue, { line: number; column: number }>();
  const problems = [
    ...doc.errors.map((e) => ({ e, severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ e, severity: 'warning' as const })),
  ];
  for (const { e, severity } of problems) {
    const at = lineCounter.linePos(e.pos[0]);
    const found = issue('syntax', [], { detail: firstLine(e.message) }, { severity });
    syntaxPositions.set(found, { line: at.line, column: at.col });
    issues.push(found);
  }
  // YAML accepts what JSON does not (trailing commas, comments): hold .json files to JSON.
  if (/\.json$/i.test(file) && doc.errors.length === 0) {
    const fault = jsonSyntaxError(text);
    if (fault) {
      const at = lineCounter.linePos(Math.min(fault.offset, text.length));
      const found = issue('syntax', [], { detail: fault.message });
      syntaxPositions.set(found, { line: at.line, column: at.col });
      issues.push(found);
    }
  }
  // JavaScript would turn a `__proto__` key into a prototype rather than a record: refuse it.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && String(pair.key.value) === '__proto__') {
        const at = lineCounter.linePos(pair.key.range?.[0] ?? 0);
        const found = issue('schema', [], { detail: 'the key "__proto__" is reserved; choose another id' });
        syntaxPositions.set(found, { line: at.line, column: at.col });
        issues.push(found);
      }
    },
  });
  let data: unknown = undefined;
  if (!issues.some((i) => i.severity === 'error')) {
    try {
      data = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      // Alias bombs and similar: refuse rather than expand without bound.
      issues.push(issue('syntax', [], { detail: firstLine(String((error as Error).message)) }));
    }
  }
  return {
    file,
    data,
    issues,
    locate: (found) => syntaxPositions.get(found) ?? locateInDocument(doc, lineCounter, found),
  };
}

function jsonSyntaxError(text: string): { message: string; offset: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = String((error as Error).message);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return { message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`, offset };
  }
}

/** The YAML parser's message, first line, in the words of a model file. */
function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (/multiple documents/.test(line)) return 'a model file holds one YAML document, but this one has several (separated by ---)';
  if (/Map keys must be unique/.test(line)) return 'this key appears twice in the same mapping';
  return line;
}

function locateInDocument(doc: Document, lines: LineCounter, found: Issue): { line: number; column: number } {
  const { node, atKeyNode } = walk(doc.contents as Node | null, found.path, found.atKey === true);
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
function walk(root: Node | null, path: Path, wantKey: boolean): { node: Node | null; atKeyNode?: Node } {
  let node: Node | null = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
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

export function locateAll(source: SourceText, issues: readonly Issue[]): LocatedIssue[] {
  return issues.map((found) => ({ ...found, file: source.file, ...source.locate(found) }));
}
