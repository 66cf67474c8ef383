/**
 * A fast reader for the plain YAML models are written in: block mappings and lists, flow
 * collections on one line or many, plain and quoted scalars on one line, comments, anchors and
 * aliases on values. It makes the same data as the yaml library (YAML 1.2, core schema) with no
 * tree: the library's parse tree costs about ten times the time and memory of the data, and a
 * model of 10⁵ actors would not load within a gigabyte.
 *
 * Anything else (block scalars, tags, explicit or complex keys, multi-line plain or quoted
 * scalars, documents markers, tabs, carriage returns, unusual indentation, any syntax fault, a
 * nesting past the depth limit) gives `undefined`: the caller then reads the text with the yaml
 * library, which reports every fault as before. So this reader never decides a fault of syntax;
 * it reports only what the loader checks on valid YAML: keys used twice, `__proto__` keys, and
 * aliases past LIMITS.yamlAliases, counted as the yaml library counts them.
 *
 * Given a PathTrie, it also records where the nodes on the trie's paths are (source-places.ts):
 * the second scan that places issues is this same reader.
 */
import { LIMITS } from './limits.js';
import { NodeKind, type PathTrie } from './source-places.js';

export interface PlainRead {
  data: unknown;
  /** Offsets of keys used a second time in one mapping. */
  duplicates: number[];
  /** Offsets of `__proto__` keys. */
  reserved: number[];
  /** An alias took the expansion past LIMITS.yamlAliases. */
  aliasLimit: boolean;
}

/** Thrown to leave the subset: the text is read by the yaml library instead. */
class OutsideSubset {}
const OUTSIDE = new OutsideSubset();

const NL = 10;
const SPACE = 32;
const DQ = 34;
const HASH = 35;
const AMP = 38;
const SQ = 39;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const GREATER = 62;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Characters outside the subset anywhere in the text (tabs, CR, other controls, BOM, Unicode breaks). */
const UNREAD_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
/** Document markers and directives. */
const DOCUMENT_LINES = /^(?:(?:---|\.\.\.)(?:[ \n]|$)|%)/m;

/** What an anchor names, and what the yaml library counts of it against alias bombs. */
interface Anchor {
  /** Its node is still being read: an alias to it is left to the yaml library. */
  open: boolean;
  value: unknown;
  scalar: boolean;
  /** Whether the anchored collection holds a scalar (a key counts). */
  holdsScalar: boolean;
  /** The aliases met inside the anchored node: aliasEvents[from, to). */
  from: number;
  to: number;
  count: number;
  aliasCount: number;
}


export function readPlainYaml(text: string, trie?: PathTrie): PlainRead | undefined {
  if (UNREAD_CHARACTERS.test(text) || DOCUMENT_LINES.test(text)) return undefined;
  try {
    return new Reader(text, trie).document();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

class Reader {
  /** Start of the first line not read yet. */
  private pos = 0;
  /** Set by content(): the start of the line it found. */
  private lineStart = 0;
  /** Set by the readers of one node: where it starts, what it is, where it ends. */
  private start = 0;
  private kind: NodeKind = NodeKind.Other;
  private end = 0;
  /** Set by key(): the key and the offset after its colon. */
  private keyText = '';
  private afterColon = 0;
  private readonly duplicates: number[] = [];
  private readonly reserved: number[] = [];
  private readonly anchors = new Map<string, Anchor>();
  private readonly aliasEvents: Anchor[] = [];
  private scalars = 0;
  private aliasLimit = false;
  /** Mappings that had a `__proto__` key (never stored as a property). */
  private readonly withProto = new WeakSet<object>();

  constructor(
    private readonly text: string,
    private readonly trie: PathTrie | undefined,
  ) {}

  document(): PlainRead | undefined {
    const at = this.content(0);
    // An empty document, or one that does not start at the left margin: the library's.
    if (at < 0 || at !== this.lineStart) return undefined;
    const c = this.text.charCodeAt(at);
    let data: unknown;
    if (c === LBRACE || c === LBRACKET) {
      data = this.flow(at, -1, this.trie, 1);
      this.pos = this.endOfLine(this.end);
    } else if (this.isDash(at)) data = this.blockList(at, 0, this.trie, 1);
    else data = this.blockMap(at, 0, this.trie, 1);
    if (this.content(this.pos) >= 0) return undefined;
    this.trie?.found(at, -1, NodeKind.Other, false);
    return { data, duplicates: this.duplicates, reserved: this.reserved, aliasLimit: this.aliasLimit };
  }

  /** The first character of the next line with content (blank and comment lines skipped), or −1. */
  private content(from: number): number {
    const t = this.text;
    let i = from;
    for (;;) {
      const lineStart = i;
      while (t.charCodeAt(i) === SPACE) i++;
      if (i >= t.length) return -1;
      const c = t.charCodeAt(i);
      if (c === NL) {
        i++;
        continue;
      }
      if (c === HASH) {
        const end = t.indexOf('\n', i);
        if (end < 0) return -1;
        i = end + 1;
        continue;
      }
      this.lineStart = lineStart;
      return i;
    }
  }

  /** After a node: only spaces and a comment may follow on its line. The next line's start. */
  private endOfLine(from: number): number {
    const t = this.text;
    let i = from;
    while (t.charCodeAt(i) === SPACE) i++;
    if (i >= t.length) return t.length;
    const c = t.charCodeAt(i);
    if (c === NL) return i + 1;
    if (c === HASH && i > from) {
      const end = t.indexOf('\n', i);
      return end < 0 ? t.length : end + 1;
    }
    throw OUTSIDE;
  }

  private isDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === NL || Number.isNaN(next);
  }

  private skipSpaces(from: number): number {
    let i = from;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  private depth(depth: number): void {
    if (depth > LIMITS.yamlDepth) throw OUTSIDE;
  }

  /** A block mapping whose keys are at column `indent`, its first key at `at`. */
  private blockMap(at: number, indent: number, trie: PathTrie | undefined, depth: number): Record<string, unknown> {
    this.depth(depth);
    const map: Record<string, unknown> = {};
    let key = at;
    for (;;) {
      if (!this.key(key, false)) throw OUTSIDE;
      const name = this.keyText;
      const stored = this.mapKey(map, name, key);
      const child = stored ? trie?.child(name) : undefined;
      const value = this.blockValue(this.afterColon, indent, true, child, depth);
      child?.found(this.start, key, this.kind, false);
      if (stored) map[name] = value;
      const next = this.content(this.pos);
      if (next < 0 || next - this.lineStart < indent) return map;
      if (next - this.lineStart > indent || this.isDash(next)) throw OUTSIDE;
      key = next;
    }
  }

  /** Checks a key against the mapping's: whether its value is to be stored (not a duplicate or `__proto__`). */
  private mapKey(map: Record<string, unknown>, name: string, at: number): boolean {
    this.scalars++;
    if (name === '__proto__') {
      // A second `__proto__` is a duplicate too, as the library's check finds.
      if (this.withProto.has(map)) this.duplicates.push(at);
      this.withProto.add(map);
      this.reserved.push(at);
      return false;
    }
    // Values are never undefined: the lookup first, then (rarely) whether it is the map's own.
    if (map[name] !== undefined && Object.hasOwn(map, name)) {
      this.duplicates.push(at);
      return false;
    }
    return true;
  }

  /** A block list whose dashes are at column `indent`, its first dash at `at`. */
  private blockList(at: number, indent: number, trie: PathTrie | undefined, depth: number): unknown[] {
    this.depth(depth);
    const list: unknown[] = [];
    let dash = at;
    for (;;) {
      const child = trie?.child(String(list.length));
      const p = this.skipSpaces(dash + 1);
      if (this.isDash(p)) throw OUTSIDE;
      const c = this.text.charCodeAt(p);
      let value: unknown;
      if (c !== NL && c !== HASH && c !== AMP && p < this.text.length && this.key(p, true)) {
        // A mapping on the dash's line: its keys are at the column of its first.
        value = this.blockMap(p, indent + (p - dash), child, depth + 1);
        this.start = p;
        this.kind = NodeKind.Other;
      } else value = this.blockValue(dash + 1, indent, false, child, depth);
      child?.found(this.start, -1, this.kind, true);
      list.push(value);
      const next = this.content(this.pos);
      if (next < 0 || next - this.lineStart < indent) return list;
      if (next - this.lineStart > indent) throw OUTSIDE;
      if (!this.isDash(next)) return list;
      dash = next;
    }
  }

  /**
   * The value after a key's colon or a list's dash, from `from` on that line: on the line, or a
   * block collection on the lines below (more indented, or a list at the same column under a
   * key). Leaves `pos` at the line after it, and start and kind set for the caller to record.
   */
  private blockValue(from: number, indent: number, listAtSameColumn: boolean, trie: PathTrie | undefined, depth: number): unknown {
    const t = this.text;
    let p = this.skipSpaces(from);
    let anchor: Anchor | undefined;
    if (t.charCodeAt(p) === AMP) {
      const end = this.nameEnd(p + 1, false);
      if (end === p + 1 || (end < t.length && t.charCodeAt(end) !== SPACE && t.charCodeAt(end) !== NL)) throw OUTSIDE;
      anchor = this.anchor(anchorName(t.slice(p + 1, end)));
      p = this.skipSpaces(end);
    }
    const scalarsBefore = this.scalars;
    const aliasesBefore = this.aliasEvents.length;
    const c = t.charCodeAt(p);
    let value: unknown;
    let kind: NodeKind;
    let at = p;
    if (p >= t.length || c === NL || c === HASH) {
      this.pos = this.endOfLine(p);
      const next = this.content(this.pos);
      const column = next - this.lineStart;
      if (next >= 0 && (column > indent || (column === indent && listAtSameColumn && this.isDash(next)))) {
        value = this.isDash(next) ? this.blockList(next, column, trie, depth + 1) : this.blockMap(next, column, trie, depth + 1);
        at = next;
        kind = NodeKind.Other;
      } else {
        // An empty value: null, placed where the line's content stops (as the library does).
        if (anchor !== undefined) throw OUTSIDE;
        value = null;
        kind = NodeKind.Plain;
        this.scalars++;
      }
    } else {
      if (c === STAR) {
        if (anchor !== undefined) throw OUTSIDE;
        value = this.alias(p, false);
        kind = NodeKind.Other;
      } else if (c === LBRACE || c === LBRACKET) {
        value = this.flow(p, indent, trie, depth + 1);
        kind = NodeKind.Other;
      } else if (c === DQ || c === SQ) {
        value = detached(this.quoted(p));
        kind = NodeKind.Quoted;
        this.scalars++;
      } else if (c === PIPE || c === GREATER) {
        value = this.blockScalar(p, indent);
        kind = NodeKind.Plain;
        this.scalars++;
      } else {
        value = this.blockPlain(p);
        kind = NodeKind.Plain;
        this.scalars++;
      }
      if (c !== PIPE && c !== GREATER) this.pos = this.endOfLine(this.end);
      // A line more indented after a value on its line would continue it, or be a fault.
      const next = this.content(this.pos);
      if (next >= 0 && next - this.lineStart > indent) throw OUTSIDE;
    }
    if (anchor !== undefined) this.anchored(anchor, value, kind !== NodeKind.Other, scalarsBefore, aliasesBefore);
    this.start = at;
    this.kind = kind;
    return value;
  }

  /** Whether a key (plain or quoted, then `: ` or a colon ending the line) starts at `at`. */
  private key(at: number, lookingAhead: boolean): boolean {
    const t = this.text;
    const c = t.charCodeAt(at);
    let colon: number;
    if (c === DQ || c === SQ) {
      const name = this.quoted(at);
      colon = this.skipSpaces(this.end);
      if (t.charCodeAt(colon) !== COLON) {
        if (lookingAhead) return false;
        throw OUTSIDE;
      }
      this.keyText = name;
    } else {
      if (!this.plainStart(at, false)) return false;
      for (colon = at; ; colon++) {
        const d = t.charCodeAt(colon);
        if (Number.isNaN(d) || d === NL || (d === HASH && t.charCodeAt(colon - 1) === SPACE)) return false;
        if (d === COLON && this.separates(colon + 1, false)) break;
      }
      if (t.charCodeAt(colon - 1) === SPACE) throw OUTSIDE;
      const name = t.slice(at, colon);
      // Keys the core schema reads as numbers, booleans or null, and very long implicit keys.
      if (name.length > 1000 || typeof plainScalar(name) !== 'string') throw OUTSIDE;
      this.keyText = name;
    }
    if (!this.separates(colon + 1, false)) throw OUTSIDE;
    this.afterColon = colon + 1;
    return true;
  }

  /** Whether the character at `at` ends a plain scalar before it (a space, a line end, a flow indicator in flow). */
  private separates(at: number, inFlow: boolean): boolean {
    const c = this.text.charCodeAt(at);
    return Number.isNaN(c) || c === SPACE || c === NL || (inFlow && (c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE));
  }

  /** Whether a plain scalar may start at `at`: not an indicator. */
  private plainStart(at: number, inFlow: boolean): boolean {
    const c = this.text.charCodeAt(at);
    if (c === DASH) return !this.separates(at + 1, inFlow);
    // ? : , [ ] { } # & * ! | > ' " % @ `
    return !(c === 63 || c === COLON || c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE || c === HASH ||
      c === AMP || c === STAR || c === 33 || c === 124 || c === 62 || c === SQ || c === DQ || c === 37 || c === 64 || c === 96 || c === SPACE ||
      Number.isNaN(c));
  }

  /** A plain scalar in a block, to the end of its line or its comment. */
  private blockPlain(at: number): unknown {
    if (!this.plainStart(at, false)) throw OUTSIDE;
    const t = this.text;
    let i = at;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === NL || (c === HASH && t.charCodeAt(i - 1) === SPACE)) break;
      if (c === COLON && this.separates(i + 1, false)) throw OUTSIDE;
    }
    while (t.charCodeAt(i - 1) === SPACE) i--;
    this.end = i;
    return detached(plainScalar(t.slice(at, i)));
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `at`, clipped or stripped
   * (`-`) of its final line break; its lines are more indented than `indent`. Leaves `pos` at
   * the line that ends it. Kept breaks (`+`), indentation indicators, leading blank lines, and
   * more indented lines of a folded scalar are the library's.
   */
  private blockScalar(at: number, indent: number): string {
    const t = this.text;
    const folded = t.charCodeAt(at) === GREATER;
    let i = at + 1;
    const strip = t.charCodeAt(i) === DASH;
    if (strip) i++;
    let line = this.endOfLine(i);
    let column = -1;
    const lines: string[] = [];
    let blankAtEnd = 0;
    for (;;) {
      if (line >= t.length) {
        // The scalar runs to the end of a text with no final line break: the library's.
        if (!t.endsWith('\n')) throw OUTSIDE;
        break;
      }
      const text = this.skipSpaces(line);
      const spaces = text - line;
      const c = t.charCodeAt(text);
      if (c === NL || text >= t.length) {
        if (column < 0 || spaces > column) throw OUTSIDE;
        blankAtEnd++;
        lines.push('');
        line = text + 1;
        continue;
      }
      if (column < 0) {
        if (spaces <= indent) throw OUTSIDE;
        column = spaces;
      }
      if (spaces < column) break;
      if (folded && spaces > column) throw OUTSIDE;
      let end = t.indexOf('\n', text);
      if (end < 0) end = t.length;
      lines.push(t.slice(line + column, end));
      blankAtEnd = 0;
      line = end + 1;
    }
    this.pos = Math.min(line, t.length);
    if (column < 0) throw OUTSIDE;
    const content = lines.slice(0, lines.length - blankAtEnd);
    let body: string;
    if (!folded) body = content.join('\n');
    else {
      // Folded: lines next to each other are joined by a space; n blank lines between give n breaks.
      body = content[0]!;
      let blanks = 0;
      for (let k = 1; k < content.length; k++) {
        const next = content[k]!;
        if (next === '') blanks++;
        else {
          body += blanks === 0 ? ` ${next}` : '\n'.repeat(blanks) + next;
          blanks = 0;
        }
      }
    }
    return detached(strip ? body : `${body}\n`);
  }

  /** A quoted scalar on one line; `end` after its closing quote. */
  private quoted(at: number): string {
    const t = this.text;
    const quote = t.charCodeAt(at);
    let out = '';
    let from = at + 1;
    for (let i = from; ; i++) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c) || c === NL) throw OUTSIDE;
      if (c === quote) {
        if (quote === SQ && t.charCodeAt(i + 1) === SQ) {
          out += t.slice(from, i + 1);
          from = i + 2;
          i++;
          continue;
        }
        this.end = i + 1;
        return out + t.slice(from, i);
      }
      if (c === BACKSLASH && quote === DQ) {
        out += t.slice(from, i) + this.escape(i);
        i += ESCAPE_LENGTH[t[i + 1]!] ?? 1;
        from = i + 1;
      }
    }
  }

  /** The character a double-quoted escape at `at` stands for (those JSON has, and \0 and \x). */
  private escape(at: number): string {
    const t = this.text;
    const letter = t[at + 1]!;
    const simple = ESCAPES[letter];
    if (simple !== undefined) return simple;
    const digits = letter === 'u' ? 4 : letter === 'x' ? 2 : 0;
    const hex = t.slice(at + 2, at + 2 + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw OUTSIDE;
    return String.fromCodePoint(parseInt(hex, 16));
  }

  /** The end of an anchor's or alias's name. */
  private nameEnd(from: number, inFlow: boolean): number {
    let i = from;
    while (i < this.text.length && !this.separates(i, inFlow)) i++;
    return i;
  }

  /** An alias: the anchored value itself (shared, as the library's toJS makes it), counted as the library counts. */
  private alias(at: number, inFlow: boolean): unknown {
    const end = this.nameEnd(at + 1, inFlow);
    const anchor = this.anchors.get(anchorName(this.text.slice(at + 1, end)));
    if (end === at + 1 || anchor === undefined || anchor.open) throw OUTSIDE;
    this.end = end;
    this.aliasEvents.push(anchor);
    // yaml's Alias.resolve: each use of an anchor counts the aliases its node holds.
    anchor.count += 1;
    if (anchor.aliasCount === 0) anchor.aliasCount = this.aliasCount(anchor);
    if (anchor.count * anchor.aliasCount > LIMITS.yamlAliases) this.aliasLimit = true;
    return anchor.value;
  }

  /** yaml's getAliasCount: the largest count of the node's leaves, a scalar 1, an alias its anchor's uses times its count. */
  private aliasCount(anchor: Anchor): number {
    if (anchor.scalar) return 1;
    let count = anchor.holdsScalar ? 1 : 0;
    for (let i = anchor.from; i < anchor.to; i++) {
      const inner = this.aliasEvents[i]!;
      count = Math.max(count, inner.count * inner.aliasCount);
    }
    return count;
  }

  /**
   * An anchor as its node starts. An alias names the last anchor of its name to start before it
   * (the library searches the nodes in document order), so one inside a node with the same
   * anchor names the inner.
   */
  private anchor(name: string): Anchor {
    // The library's count starts at 1, for the anchored node itself.
    const anchor: Anchor = { open: true, value: undefined, scalar: false, holdsScalar: false, from: 0, to: 0, count: 1, aliasCount: 0 };
    this.anchors.set(name, anchor);
    return anchor;
  }

  private anchored(anchor: Anchor, value: unknown, scalar: boolean, scalarsBefore: number, aliasesBefore: number): void {
    anchor.open = false;
    anchor.value = value;
    anchor.scalar = scalar;
    anchor.holdsScalar = this.scalars > scalarsBefore;
    anchor.from = aliasesBefore;
    anchor.to = this.aliasEvents.length;
  }

  /**
   * Spaces, line breaks and comments inside a flow collection. A line inside it must be indented
   * more than the block around it (`indent`, −1 at the root).
   */
  private flowSpace(from: number, indent: number): number {
    const t = this.text;
    let i = from;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === SPACE) i++;
      else if (c === NL) {
        i++;
        const lineStart = i;
        while (t.charCodeAt(i) === SPACE) i++;
        const d = t.charCodeAt(i);
        if (d !== NL && !Number.isNaN(d) && i - lineStart <= indent) throw OUTSIDE;
      } else if (c === HASH) {
        const before = t.charCodeAt(i - 1);
        if (before !== SPACE && before !== NL) throw OUTSIDE;
        const end = t.indexOf('\n', i);
        if (end < 0) throw OUTSIDE;
        i = end;
      } else return i;
    }
  }

  /** A flow collection at `at` ('{' or '['); `end` after its closing bracket. */
  private flow(at: number, indent: number, trie: PathTrie | undefined, depth: number): unknown {
    this.depth(depth);
    return this.text.charCodeAt(at) === LBRACE ? this.flowMap(at, indent, trie, depth) : this.flowList(at, indent, trie, depth);
  }

  private flowMap(at: number, indent: number, trie: PathTrie | undefined, depth: number): Record<string, unknown> {
    const t = this.text;
    const map: Record<string, unknown> = {};
    let i = this.flowSpace(at + 1, indent);
    for (;;) {
      if (t.charCodeAt(i) === RBRACE) break;
      const keyAt = i;
      const name = this.flowKey(i);
      const stored = this.mapKey(map, name, keyAt);
      const child = stored ? trie?.child(name) : undefined;
      const v = this.skipSpaces(this.afterColon);
      const c = t.charCodeAt(v);
      let value: unknown = null;
      if (c === COMMA || c === RBRACE) {
        // An empty value: null, placed at what follows it.
        this.scalars++;
        child?.found(v, keyAt, NodeKind.Plain, false);
        this.end = v;
      } else {
        if (c === NL || c === HASH || Number.isNaN(c)) throw OUTSIDE;
        value = this.flowValue(v, indent, child, depth);
        child?.found(this.start, keyAt, this.kind, false);
      }
      if (stored) map[name] = value;
      i = this.flowSpace(this.end, indent);
      if (t.charCodeAt(i) === RBRACE) break;
      if (t.charCodeAt(i) !== COMMA) throw OUTSIDE;
      i = this.flowSpace(i + 1, indent);
      if (t.charCodeAt(i) === COMMA) throw OUTSIDE;
    }
    this.end = i + 1;
    return map;
  }

  /** A key in a flow mapping: quoted (its colon may follow at once, as in JSON) or plain (then `: `). */
  private flowKey(at: number): string {
    const t = this.text;
    const c = t.charCodeAt(at);
    let name: string;
    let colon: number;
    if (c === DQ || c === SQ) {
      name = this.quoted(at);
      colon = this.skipSpaces(this.end);
      if (t.charCodeAt(colon) !== COLON) throw OUTSIDE;
    } else {
      if (!this.plainStart(at, true)) throw OUTSIDE;
      for (colon = at; ; colon++) {
        const d = t.charCodeAt(colon);
        if (Number.isNaN(d) || d === NL || d === COMMA || d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE || (d === HASH && t.charCodeAt(colon - 1) === SPACE)) throw OUTSIDE;
        if (d === COLON && this.separates(colon + 1, false)) break;
      }
      if (t.charCodeAt(colon - 1) === SPACE) throw OUTSIDE;
      name = t.slice(at, colon);
      if (name.length > 1000 || typeof plainScalar(name) !== 'string') throw OUTSIDE;
      if (!this.separates(colon + 1, false)) throw OUTSIDE;
    }
    this.afterColon = colon + 1;
    return name;
  }

  private flowList(at: number, indent: number, trie: PathTrie | undefined, depth: number): unknown[] {
    const t = this.text;
    const list: unknown[] = [];
    let i = this.flowSpace(at + 1, indent);
    for (;;) {
      if (t.charCodeAt(i) === RBRACKET) break;
      const child = trie?.child(String(list.length));
      list.push(this.flowValue(i, indent, child, depth));
      child?.found(this.start, -1, this.kind, true);
      i = this.flowSpace(this.end, indent);
      if (t.charCodeAt(i) === RBRACKET) break;
      if (t.charCodeAt(i) !== COMMA) throw OUTSIDE;
      i = this.flowSpace(i + 1, indent);
      if (t.charCodeAt(i) === COMMA) throw OUTSIDE;
    }
    this.end = i + 1;
    return list;
  }

  /** A value inside a flow collection; `end` after it, start and kind set. */
  private flowValue(at: number, indent: number, trie: PathTrie | undefined, depth: number): unknown {
    const t = this.text;
    let p = at;
    let anchor: Anchor | undefined;
    if (t.charCodeAt(p) === AMP) {
      const end = this.nameEnd(p + 1, true);
      if (end === p + 1 || t.charCodeAt(end) !== SPACE) throw OUTSIDE;
      anchor = this.anchor(anchorName(t.slice(p + 1, end)));
      p = this.skipSpaces(end);
    }
    const scalarsBefore = this.scalars;
    const aliasesBefore = this.aliasEvents.length;
    const c = t.charCodeAt(p);
    let value: unknown;
    let kind: NodeKind = NodeKind.Other;
    if (c === LBRACE || c === LBRACKET) value = this.flow(p, indent, trie, depth + 1);
    else if (c === STAR) {
      if (anchor !== undefined) throw OUTSIDE;
      value = this.alias(p, true);
    }
    else if (c === DQ || c === SQ) {
      value = detached(this.quoted(p));
      kind = NodeKind.Quoted;
      this.scalars++;
    } else {
      value = this.flowPlain(p);
      kind = NodeKind.Plain;
      this.scalars++;
    }
    if (anchor !== undefined) this.anchored(anchor, value, kind !== NodeKind.Other, scalarsBefore, aliasesBefore);
    this.start = p;
    this.kind = kind;
    return value;
  }

  /** A plain scalar in a flow collection, on one line. */
  private flowPlain(at: number): unknown {
    if (!this.plainStart(at, true)) throw OUTSIDE;
    const t = this.text;
    let i = at;
    for (; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === NL || c === COMMA || c === RBRACKET || c === RBRACE || (c === HASH && t.charCodeAt(i - 1) === SPACE)) break;
      if (c === LBRACKET || c === LBRACE || (c === COLON && this.separates(i + 1, true))) throw OUTSIDE;
    }
    while (t.charCodeAt(i - 1) === SPACE) i--;
    this.end = i;
    return detached(plainScalar(t.slice(at, i)));
  }
}

/** Anchor and alias names of letters, digits, `_` and `-`; others are the yaml library's to judge. */
function anchorName(name: string): string {
  if (!/^[\w-]+$/.test(name)) throw OUTSIDE;
  return name;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0' };
/** Characters after the backslash, past the first. */
const ESCAPE_LENGTH: Record<string, number> = { u: 5, x: 3 };

// YAML 1.2's core schema, as the yaml library resolves plain scalars (schema/core), in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const INTEGER = /^[-+]?[0-9]+$/;
const HEXADECIMAL = /^0x[0-9a-fA-F]+$/;
const NOT_A_NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * A value that does not hold on to the text it was read from. V8 makes a substring of 13
 * characters or more a view into its parent, so one long name kept in the document would keep
 * the whole file (20 MB) alive as long as the model: such a string is copied (the concatenation
 * is flattened into a string of its own, which the slice then views). Keys need nothing: V8
 * stores property names as strings of their own.
 */
function detached<T>(value: T): T {
  return typeof value === 'string' && value.length >= 13 ? ((' ' + value).slice(1) as T) : value;
}

/** A plain scalar's value: null, a boolean, a number, else the string itself. */
export function plainScalar(s: string): unknown {
  const c = s.charCodeAt(0);
  // Only these first characters can start anything but a string.
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || s === '')) return s;
  if (NULL.test(s)) return null;
  if (BOOLEAN.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCTAL.test(s)) return parseInt(s.substring(2), 8);
  if (INTEGER.test(s)) return parseInt(s, 10);
  if (HEXADECIMAL.test(s)) return parseInt(s.substring(2), 16);
  if (NOT_A_NUMBER.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXPONENT.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}
