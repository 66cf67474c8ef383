/**
 * One pass over a text JSON.parse has accepted, for what JSON.parse does not say: keys used twice
 * in one object (JSON.parse keeps the last silently) and `__proto__` keys, by offset, whether the
 * nesting goes past a depth, and, given a PathTrie, where the nodes on its paths are
 * (source-places.ts). Iterative: no nesting can overflow the stack.
 */
import { NodeKind, type PathTrie } from './source-places.js';

export interface JsonScan {
  duplicates: number[];
  reserved: number[];
  tooDeep: boolean;
}

interface Open {
  /** An object's keys so far; undefined for an array. */
  keys: Set<string> | undefined;
  trie: PathTrie | undefined;
  items: number;
}

const QUOTE = 34;
const BACKSLASH = 92;

export function scanJson(text: string, maxDepth: number, trie?: PathTrie): JsonScan {
  const result: JsonScan = { duplicates: [], reserved: [], tooDeep: false };
  const stack: Open[] = [];
  let i = 0;
  const skip = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  /** Past a string at i (the text is valid JSON: escapes need no checking). */
  const skipString = (): void => {
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i++;
        return;
      }
      i += c === BACKSLASH ? 2 : 1;
    }
  };
  /** The value at i: a container opened, or a scalar passed. False past the depth. */
  const value = (node: PathTrie | undefined, key: number, inList: boolean): boolean => {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (stack.length + 1 > maxDepth) return false;
      stack.push({ keys: c === 123 ? new Set() : undefined, trie: node, items: 0 });
      i++;
      node?.found(start, key, NodeKind.Other, inList);
      return true;
    }
    if (c === QUOTE) {
      skipString();
      node?.found(start, key, NodeKind.Quoted, inList);
      return true;
    }
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 93 || d === 125 || d === 32 || d === 10 || d === 13 || d === 9) break;
      i++;
    }
    node?.found(start, key, NodeKind.Plain, inList);
    return true;
  };

  skip();
  if (!value(trie, -1, false)) return { ...result, tooDeep: true };
  while (stack.length > 0) {
    skip();
    const open = stack[stack.length - 1]!;
    const c = text.charCodeAt(i);
    if (c === 125 || c === 93) {
      stack.pop();
      i++;
      continue;
    }
    if (c === 44) {
      i++;
      skip();
    }
    let node: PathTrie | undefined;
    let key = -1;
    if (open.keys) {
      key = i;
      skipString();
      const raw = text.slice(key + 1, i - 1);
      const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      if (open.keys.has(name)) result.duplicates.push(key);
      else {
        open.keys.add(name);
        node = open.trie?.child(name);
      }
      if (name === '__proto__') result.reserved.push(key);
      skip();
      i++; // the colon
      skip();
    } else node = open.trie?.child(String(open.items++));
    if (!value(node, key, !open.keys)) return { ...result, tooDeep: true };
  }
  return result;
}
