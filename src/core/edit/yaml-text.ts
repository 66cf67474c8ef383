/**
 * Writing an edited document back into its YAML text. The text is parsed with positions, compared
 * with the new data node by node, and only what differs is rewritten in place: a scalar's
 * characters, a renamed key, an added or removed entry. Everything else (comments, blank lines,
 * key order, quoting, flow or block style, alignment) stays byte for byte as the user wrote it.
 * Re-stringifying a `yaml` Document would keep comments but re-render every line.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parse, parseDocument, stringify, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { sameData } from './outcome.js';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * `text` rewritten so that it reads as `data`, changing only the lines the difference needs.
 *
 * @example
 * rewriteYaml('a: 1 # one\nb: 2\n', { a: 1, b: 3 }) // → 'a: 1 # one\nb: 3\n'
 */
export function rewriteYaml(text: string, data: unknown): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const root = doc.contents as Node | null;
  const edits: Edit[] = [];
  const writer = new Writer(text, edits);
  if (!isCollection(root) || doc.errors.length > 0 || !writer.sync(root as Node, data, false)) return render(data);
  const out = applyEdits(text, edits);
  // Every edit is checked by reading the result back; should one ever misfire, the data wins
  // over the formatting.
  return sameData(reads(out), data) ? out : render(data);
}

/**
 * New text in the house style of the library's models: a small record of plain values on one line
 * (`{ kind: segment, size: users }`, `{ x: 120, y: 40 }`), anything larger as block YAML. The
 * root stays block: it is the `key: value` or `- item` wrapper being written.
 */
function render(data: unknown): string {
  const doc = new Document(data);
  const leaf = (node: YAMLMap | YAMLSeq, values: unknown[]) => node !== doc.contents && values.every((v) => isScalar(v)) && String(node).length <= 72;
  visit(doc, {
    Map: (_, node) => void (node.flow = leaf(node, node.items.map((p) => p.value))),
    Seq: (_, node) => void (node.flow = leaf(node, node.items)),
  });
  return doc.toString({ lineWidth: 0 });
}

/** Reads YAML back, or undefined when it does not read. */
function reads(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  // From the end, so earlier offsets stay valid; insertions at one place keep their order.
  const order = edits.map((edit, i) => ({ edit, i })).sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.i - a.i);
  for (const { edit } of order) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

const isCollection = (value: unknown): value is object => typeof value === 'object' && value !== null;
const keyOf = (pair: Pair): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : undefined);
const rangeOf = (node: Node): [number, number, number] => node.range ?? [0, 0, 0];

class Writer {
  constructor(
    private readonly text: string,
    private readonly edits: Edit[],
  ) {}

  private replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  /** Makes `node` read as `value` in place; false when it cannot (the caller then rewrites it whole). */
  sync(node: Node, value: unknown, inFlow: boolean): boolean {
    if (sameData(node.toJSON(), value)) return true;
    if (isAlias(node)) return false;
    if (isScalar(node)) {
      if (isCollection(value)) return false;
      const [start, end] = rangeOf(node);
      this.replace(start, end, scalarText(value, node.type, inFlow || node.type === 'PLAIN'));
      return true;
    }
    if (isMap(node) && isCollection(value) && !Array.isArray(value)) {
      return node.flow || inFlow ? this.syncFlow(node, value, () => this.syncMap(node, value as Record<string, unknown>, true)) : this.syncMap(node, value as Record<string, unknown>, false);
    }
    if (isSeq(node) && Array.isArray(value)) {
      return node.flow || inFlow ? this.syncFlow(node, value, () => this.syncSeq(node, value, true)) : this.syncSeq(node, value, false);
    }
    return false;
  }

  /** Inside a flow collection, values and keys change in place; any other change rewrites its one line. */
  private syncFlow(node: YAMLMap | YAMLSeq, value: object, inPlace: () => boolean): boolean {
    const mark = this.edits.length;
    if (inPlace()) return true;
    this.edits.length = mark;
    const [start, end] = rangeOf(node);
    const padded = this.text[start + 1] === ' ';
    this.replace(start, end, stringify(value, { collectionStyle: 'flow', flowCollectionPadding: padded, lineWidth: 0 }).trimEnd());
    return true;
  }

  private syncMap(map: YAMLMap, value: Record<string, unknown>, flow: boolean): boolean {
    const pairs = map.items as Pair[];
    const keys = pairs.map(keyOf);
    if (keys.some((k) => k === undefined)) return false;
    const wanted = Object.keys(value);
    const renamed = pairRenames(keys as string[], wanted, (old, now) => sameData((pairs[keys.indexOf(old)]!.value as Node | null)?.toJSON(), value[now]));
    const kept = new Map<string, Pair>();
    for (const pair of pairs) {
      const key = keyOf(pair)!;
      const newKey = wanted.includes(key) ? key : renamed.get(key);
      if (newKey === undefined) {
        if (flow || !this.removePair(map, pair)) return false;
        continue;
      }
      if (newKey !== key) {
        const [start, end] = rangeOf(pair.key as Node);
        this.replace(start, end, keyText(newKey));
      }
      kept.set(newKey, pair);
      const node = pair.value as Node | null;
      if (node && this.sync(node, value[newKey], flow)) continue;
      if (flow) return false;
      this.replacePair(pair, newKey, value[newKey]);
    }
    const added = wanted.filter((k) => !kept.has(k));
    if (added.length > 0 && flow) return false;
    for (const key of added) {
      const next = wanted.slice(wanted.indexOf(key) + 1).find((k) => kept.has(k));
      if (!this.insertPair(map, next ? kept.get(next) : undefined, key, value[key])) return false;
    }
    return true;
  }

  /**
   * Items kept unchanged are matched (longest common subsequence), so inserting or removing one
   * leaves the others' lines alone; in each gap between matches, old items are changed into new
   * ones in place, and the rest removed or inserted.
   */
  private syncSeq(seq: YAMLSeq, value: unknown[], flow: boolean): boolean {
    const items = seq.items as Node[];
    const old = items.map((item) => item.toJSON() as unknown);
    const matches = [...commonItems(old, value), [items.length, value.length] as const];
    let i = 0;
    let j = 0;
    for (const [mi, mj] of matches) {
      const paired = Math.min(mi - i, mj - j);
      for (let k = 0; k < paired; k++) {
        const item = items[i + k]!;
        if (this.sync(item, value[j + k], flow)) continue;
        if (flow) return false;
        const start = rangeOf(item)[0];
        const end = this.valueEnd(item);
        this.replace(start, end, this.block(value[j + k], this.columnOf(start), this.endsLine(end)));
      }
      if (flow && mi - i !== mj - j) return false;
      for (const item of items.slice(i + paired, mi)) if (!this.removeItem(item)) return false;
      for (const item of value.slice(j + paired, mj)) if (!this.insertItem(seq, items[mi], item)) return false;
      i = mi + 1;
      j = mj + 1;
    }
    return true;
  }

  // Block layout: where lines start, what indentation a node has.

  private lineStart(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  private atLineStart(at: number): boolean {
    return /^[ \t]*$/.test(this.text.slice(this.lineStart(at), at));
  }

  private columnOf(at: number): number {
    return at - this.lineStart(at);
  }

  private endsLine(end: number): boolean {
    return this.text[end - 1] === '\n';
  }

  /**
   * Where a node's own text ends. The third number of a yaml range runs on over the comments and
   * indentation that follow, which belong to what comes next; the second stops at the value.
   */
  private valueEnd(node: Node): number {
    return rangeOf(node)[1];
  }

  /** `at`, or the end of its line (newline included) when `at` is inside one. */
  private lineEnd(at: number): number {
    if (at === 0 || this.endsLine(at)) return at;
    const newline = this.text.indexOf('\n', at);
    return newline < 0 ? this.text.length : newline + 1;
  }

  /** Where a pair's lines end: after its value and the rest of its last line. */
  private pairEnd(pair: Pair): number {
    return this.lineEnd(this.valueEnd((pair.value as Node | null) ?? (pair.key as Node)));
  }

  /** `value` as block YAML whose first line sits where the text already is, the others at `indent`. */
  private block(value: unknown, indent: number, endLine: boolean): string {
    return this.indented(render(value), indent, endLine);
  }

  private indented(rendered: string, indent: number, endLine: boolean): string {
    const lines = rendered.replace(/\n$/, '').split('\n');
    return lines.map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(indent) + line)).join('\n') + (endLine ? '\n' : '');
  }

  private replacePair(pair: Pair, key: string, value: unknown): void {
    const start = rangeOf(pair.key as Node)[0];
    const end = this.valueEnd((pair.value as Node | null) ?? (pair.key as Node));
    this.replace(start, end, this.indented(render({ [key]: value }), this.columnOf(start), this.endsLine(end)));
  }

  /**
   * Past `end`, the comment and blank lines indented deeper than `column`: they sit inside the
   * record that ends there (its last note), not above what follows.
   */
  private ownComments(end: number, column: number): number {
    let at = end;
    let kept = end;
    while (at < this.text.length) {
      const newline = this.text.indexOf('\n', at);
      const next = newline < 0 ? this.text.length : newline + 1;
      const line = this.text.slice(at, next);
      if (/^\s*$/.test(line)) {
        at = next;
        continue;
      }
      const comment = /^([ \t]*)#/.exec(line);
      if (!comment || comment[1]!.length <= column) break;
      at = kept = next;
    }
    return kept;
  }

  private removePair(map: YAMLMap, pair: Pair): boolean {
    const start = rangeOf(pair.key as Node)[0];
    if (this.atLineStart(start)) {
      this.replace(this.lineStart(start), this.ownComments(this.pairEnd(pair), this.columnOf(start)), '');
      return true;
    }
    // The first pair of a map that follows `- `: the next pair moves up to its place.
    const next = map.items[map.items.indexOf(pair) + 1] as Pair | undefined;
    if (!next) return false;
    this.replace(start, rangeOf(next.key as Node)[0], '');
    return true;
  }

  /** Inserts `key: value` before the pair `before`, or after the map's last pair. */
  private insertPair(map: YAMLMap, before: Pair | undefined, key: string, value: unknown): boolean {
    const pairs = map.items as Pair[];
    const first = pairs[0];
    if (!first) return false;
    const indent = this.columnOf(rangeOf(first.key as Node)[0]);
    const text = this.indented(render({ [key]: value }), indent, true);
    if (before) {
      const at = rangeOf(before.key as Node)[0];
      if (this.atLineStart(at)) this.replace(this.lineStart(at), this.lineStart(at), ' '.repeat(indent) + text);
      else this.replace(at, at, text + ' '.repeat(indent));
      return true;
    }
    const end = this.pairEnd(pairs[pairs.length - 1]!);
    this.replace(end, end, (this.endsLine(end) ? '' : '\n') + ' '.repeat(indent) + text);
    return true;
  }

  /** The `-` that opens a block sequence item, when it starts its line. */
  private dashOf(item: Node): number | undefined {
    const start = rangeOf(item)[0];
    const dash = this.text.lastIndexOf('-', start - 1);
    if (dash < 0 || !/^[ \t]*$/.test(this.text.slice(dash + 1, start)) || !this.atLineStart(dash)) return undefined;
    return dash;
  }

  private removeItem(item: Node): boolean {
    const dash = this.dashOf(item);
    if (dash === undefined) return false;
    this.replace(this.lineStart(dash), this.ownComments(this.lineEnd(this.valueEnd(item)), this.columnOf(dash)), '');
    return true;
  }

  private insertItem(seq: YAMLSeq, before: Node | undefined, value: unknown): boolean {
    const items = seq.items as Node[];
    const first = items[0] && this.dashOf(items[0]);
    if (first === undefined) return false;
    const indent = this.columnOf(first);
    const text = ' '.repeat(indent) + this.indented(render([value]), indent, true);
    if (before) {
      const dash = this.dashOf(before);
      if (dash === undefined) return false;
      this.replace(this.lineStart(dash), this.lineStart(dash), text);
      return true;
    }
    const at = this.lineEnd(this.valueEnd(items[items.length - 1]!));
    this.replace(at, at, (this.text[at - 1] === '\n' || at === 0 ? '' : '\n') + text);
    return true;
  }
}

/**
 * Pairs removed keys with added ones that take their place (same preceding kept key), so a
 * renamed id keeps its line, its comments and its position.
 */
function pairRenames(keys: string[], wanted: string[], same: (old: string, now: string) => boolean): Map<string, string> {
  const anchor = (list: string[], i: number, kept: (k: string) => boolean) => {
    for (let j = i - 1; j >= 0; j--) if (kept(list[j]!)) return list[j]!;
    return '';
  };
  const inBoth = (k: string) => keys.includes(k) && wanted.includes(k);
  const added = wanted.map((k, i) => ({ k, anchor: anchor(wanted, i, inBoth) })).filter(({ k }) => !keys.includes(k));
  const renames = new Map<string, string>();
  // A key gone and a key come holding the same record are one rename, wherever each sits: a new
  // record added beside two renamed ones must not take the first one's place.
  keys.forEach((k) => {
    if (wanted.includes(k)) return;
    const match = added.findIndex((a) => same(k, a.k));
    if (match >= 0) renames.set(k, added.splice(match, 1)[0]!.k);
  });
  keys.forEach((k, i) => {
    if (wanted.includes(k) || renames.has(k)) return;
    const at = anchor(keys, i, inBoth);
    const match = added.findIndex((a) => a.anchor === at);
    if (match >= 0) renames.set(k, added.splice(match, 1)[0]!.k);
  });
  return renames;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function keyText(key: string): string {
  return PLAIN_KEY.test(key) ? key : JSON.stringify(key);
}

/** A scalar in the style it had (quoted stays quoted), plain only where it reads back as itself. */
function scalarText(value: unknown, type: string | undefined, inFlow: boolean): string {
  if (typeof value !== 'string') return stringify(value).trimEnd();
  if (type === 'QUOTE_SINGLE' && !value.includes('\n')) return `'${value.replaceAll("'", "''")}'`;
  if (type === 'PLAIN' && readsBack(value, inFlow)) return value;
  return JSON.stringify(value);
}

function readsBack(text: string, inFlow: boolean): boolean {
  if (text === '' || text !== text.trim() || text.includes('\n') || text.includes(' #')) return false;
  try {
    return inFlow ? sameData(parse(`[${text}]`), [text]) : sameData(parse(`k: ${text}`), { k: text });
  } catch {
    return false;
  }
}

/** Index pairs of equal items in order: a longest common subsequence (lists here are short). */
function commonItems(a: unknown[], b: unknown[]): Array<readonly [number, number]> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = sameData(a[i], b[j]) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (sameData(a[i], b[j])) pairs.push([i++, j++] as const);
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}
