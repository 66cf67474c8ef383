/**
 * Where the nodes that issues name are in a text, found without keeping a tree of the whole
 * document: the issues' paths are gathered in a trie, one scan of the text records the offsets of
 * the nodes on those paths (the fast readers, yaml-plain.ts and json-scan.ts, take the trie), and
 * each issue is then placed as the yaml library's tree would place it (source.ts
 * locateInDocument): the deepest node its path reaches, the key when the issue is about a key,
 * inside a scalar when it has an offset.
 */
import type { Issue, Path } from './issues.js';

/** What a scan found of a node: a scalar (quoted or not), or a collection or an alias. */
export const NodeKind = { Other: 0, Plain: 1, Quoted: 2 } as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/** One step of the issues' paths; `start` stays −1 until a scan finds the node. */
export class PathTrie {
  private readonly children = new Map<string, PathTrie>();
  start = -1;
  /** The offset of the node's key, when it is a mapping's value. */
  key = -1;
  kind: NodeKind = NodeKind.Other;
  /** Found as a list's item: a path reaches it only through a number, as in the yaml tree. */
  inList = false;

  /** The trie below this node for a mapping's key (keys and indices are one namespace here). */
  child(key: string): PathTrie | undefined {
    return this.children.size === 0 ? undefined : this.children.get(key);
  }

  /** Records the node, the first time only (the first of duplicate keys, as the tree is searched). */
  found(start: number, key: number, kind: NodeKind, inList: boolean): void {
    if (this.start >= 0) return;
    this.start = start;
    this.key = key;
    this.kind = kind;
    this.inList = inList;
  }

  add(path: Path): void {
    let node: PathTrie = this;
    for (const segment of path) {
      const name = String(segment);
      let next = node.children.get(name);
      if (!next) node.children.set(name, (next = new PathTrie()));
      node = next;
    }
  }

  /** The offset an issue is placed at, once a scan has filled the trie in. */
  offsetOf(found: Issue): number {
    let node: PathTrie = this;
    let atKey = -1;
    for (let i = 0; i < found.path.length; i++) {
      const segment = found.path[i]!;
      const next = node.children.get(String(segment));
      // Not in the text, or a list's item named by a string: the walk stops at the parent.
      if (!next || next.start < 0 || (next.inList && typeof segment !== 'number')) break;
      if (i === found.path.length - 1 && found.atKey === true && next.key >= 0) {
        atKey = next.key;
        break;
      }
      node = next;
    }
    if (atKey >= 0) return atKey;
    if (node.start < 0) return 0;
    if (found.offset !== undefined && node.kind !== NodeKind.Other) return node.start + found.offset + (node.kind === NodeKind.Quoted ? 1 : 0);
    return node.start;
  }
}

/** Offsets to lines and columns (both from 1), the lines' starts found once. */
export class LineStarts {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    // Past the end (inside an empty value at the end, say) counts on from the last line, as the library's LineCounter does.
    const at = Math.max(offset, 0);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - starts[low]! + 1 };
  }
}

function lineStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return starts;
}
