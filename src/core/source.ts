/**
 * Model text → plain data, keeping the YAML tree so any issue path can be placed at a file line and
 * column. JSON is read by the same parser (JSON is YAML 1.2), so both formats get positions.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { issue, type Issue, type LocatedIssue, type Path } from './issues.js';
import { jsonFault } from './json-syntax.js';
import { LIMITS } from './limits.js';

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
    const found = issue('syntax', [], { reason: 'yaml', yamlCode: e.code }, { severity });
    syntaxPositions.set(found, { line: at.line, column: at.col });
    issues.push(found);
  }
  // YAML accepts what JSON does not (trailing commas, comments): hold .json files to JSON.
  if (/\.json$/i.test(file) && doc.errors.length === 0) {
    const fault = jsonFault(text);
    if (fault) {
      const at = lineCounter.linePos(Math.min(fault.offset, text.length));
      const found = issue('syntax', [], fault.character === undefined ? { reason: 'json', fault: 'unexpected-end' } : { reason: 'json', fault: 'unexpected-character', character: fault.character });
      syntaxPositions.set(found, { line: at.line, column: at.col });
      issues.push(found);
    }
  }
  // JavaScript would turn a `__proto__` key into a prototype rather than a record: refuse it.
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && String(pair.key.value) === '__proto__') {
        const at = lineCounter.linePos(pair.key.range?.[0] ?? 0);
        const found = issue('schema', [], { reason: 'reserved-key', key: '__proto__' });
        syntaxPositions.set(found, { line: at.line, column: at.col });
        issues.push(found);
      }
    },
  });
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
  return {
    file,
    data,
    issues,
    locate: (found) => syntaxPositions.get(found) ?? locateInDocument(doc, lineCounter, found),
  };
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
