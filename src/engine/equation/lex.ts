/**
 * Tokens of an XMILE equation (XMILE 1.0 §3.2–3.3). Names may be quoted ("a/b") with `\"` and
 * `\\` escapes; unquoted names are letters (any script), digits, `_`, `$` and spaces between
 * words, so `Room Temperature` is one name. `{…}` is a comment.
 */
import { LIMITS } from '../../core/index.js';
import type { ParseFault } from '../issues.js';

/** Why and where an equation does not parse; the message is rendered from `fault` (src/i18n). */
export class EquationSyntaxError extends Error {
  constructor(
    readonly fault: ParseFault,
    readonly offset: number,
  ) {
    super(`equation-syntax: ${fault.reason} at ${offset}`);
  }
}

export type Token =
  | { kind: 'num'; value: number; at: number }
  /** `quoted` names are never keywords. */
  | { kind: 'name'; text: string; quoted: boolean; at: number }
  | { kind: 'op'; op: string; at: number }
  | { kind: 'end'; at: number };

const OPERATORS = ['<>', '<=', '>=', '==', '&&', '||', '+', '-', '*', '/', '^', '(', ')', '[', ']', ',', '<', '>', '=', ':', '!', '.'];
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME_START = /[\p{L}\p{Mn}_$]/u;
const NAME_PART = /[\p{L}\p{Mn}\p{Nd}_$'’]/u;
/** Words that end a name written with spaces: `IF a THEN b` must not read `a THEN b` as a name. */
const WORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    // Each token becomes at least one node: an equation past the bound is refused unread.
    if (tokens.length >= LIMITS.expandedNodes) {
      throw new EquationSyntaxError({ reason: 'limit', limit: 'expandedNodes', max: LIMITS.expandedNodes }, i);
    }
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '{') {
      const close = text.indexOf('}', i);
      if (close < 0) throw new EquationSyntaxError({ reason: 'unclosed-comment' }, i);
      i = close + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      tokens.push({ kind: 'num', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let name = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) j++;
        name += text[j];
        j++;
      }
      if (j >= text.length) throw new EquationSyntaxError({ reason: 'unclosed-quote' }, i);
      tokens.push({ kind: 'name', text: name, quoted: true, at: i });
      i = j + 1;
      continue;
    }
    if (NAME_START.test(c)) {
      const start = i;
      const words: string[] = [];
      let end = i;
      // A name may hold single spaces between words (`Room Temperature`), but stops before a
      // keyword, so `a AND b` stays three tokens.
      for (;;) {
        let j = end;
        while (j < text.length && NAME_PART.test(text[j]!)) j++;
        const word = text.slice(end, j);
        if (words.length > 0 && WORDS.has(word.toLowerCase())) break;
        words.push(word);
        end = j;
        if (WORDS.has(word.toLowerCase()) && words.length === 1) break;
        let k = end;
        while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
        if (k === end || k >= text.length || !NAME_START.test(text[k]!)) break;
        let m = k;
        while (m < text.length && NAME_PART.test(text[m]!)) m++;
        if (WORDS.has(text.slice(k, m).toLowerCase())) break;
        end = k;
      }
      const raw = text.slice(start, end).trimEnd();
      tokens.push({ kind: 'name', text: raw, quoted: false, at: start });
      i = start + raw.length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new EquationSyntaxError({ reason: 'unexpected-character', character: c }, i);
    tokens.push({ kind: 'op', op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}
