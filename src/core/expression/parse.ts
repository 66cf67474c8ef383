/**
 * The arithmetic expression language of model quantities: a hand-written lexer and Pratt parser.
 * Written here rather than taken from a library because it is the product's core: the same tree
 * feeds evaluation, dependency analysis (cycles between parameters) and currency checks, and it
 * never touches `eval` or `Function`.
 *
 * Grammar (loosest binding first):
 *   or:   and ('or' and)*            also ||
 *   and:  cmp ('and' cmp)*           also &&
 *   cmp:  sum (('=='|'!='|'<'|'<='|'>'|'>=') sum)?
 *   sum:  prod (('+'|'-') prod)*
 *   prod: unary (('*'|'/'|'%') unary)*
 *   unary: ('-'|'+'|'not') unary | power
 *   power: atom ('^' unary)?        right-associative; -2^2 is -(2^2)
 *   atom: number | name | name '(' args ')' | '(' or ')'
 * Numbers accept `_` separators (100_000) and exponents (1e6).
 */
import type { ExpressionParseFault, ExpressionSyntaxFault } from '../issues.js';
import type { Expr } from './ast.js';
import { LIMITS } from '../limits.js';

/** Why and where an expression does not parse; the message is rendered from `fault` (src/i18n). */
export class ExpressionSyntaxError extends Error {
  constructor(
    readonly fault: ExpressionParseFault,
    /** Offset of the fault inside the expression text. */
    readonly offset: number,
  ) {
    super(`expression-syntax: ${fault.reason} at ${offset}`);
  }
}

type Token =
  | { kind: 'num'; value: number; at: number; raw: string }
  | { kind: 'name'; name: string; at: number }
  | { kind: 'op'; op: string; at: number }
  | { kind: 'end'; at: number };

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '^', '(', ')', ',', '<', '>'];

// Sticky patterns, matched where the lexer stands: no copy of the rest of the text per token.
const NUMBER = /(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      const raw = number[0];
      if (/_$|_\.|\._|__/.test(raw.replace(/[eE].*$/, ''))) {
        throw new ExpressionSyntaxError({ reason: 'malformed-number', text: raw }, i);
      }
      tokens.push({ kind: 'num', value: Number(raw.replaceAll('_', '')), at: i, raw });
      i += raw.length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: 'name', name: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new ExpressionSyntaxError({ reason: 'unexpected-character', character: c }, i);
    tokens.push({ kind: 'op', op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

// Maps, not object literals: a name such as `constructor` must not find Object.prototype's.
const WORD_OPERATORS = new Map([['and', '&&'], ['or', '||'], ['not', '!']]);

/** Binding power of each binary operator; higher binds tighter. */
const BINARY = new Map<string, number>([
  ['||', 1],
  ['&&', 2],
  ['==', 3], ['!=', 3], ['<', 3], ['<=', 3], ['>', 3], ['>=', 3],
  ['+', 4], ['-', 4],
  ['*', 5], ['/', 5], ['%', 5],
]);

/**
 * Deepest tree accepted. Evaluation recurses once per level, so a limit keeps a pathological
 * expression (thousands of nested brackets or chained operators) a located error, not a crash.
 */
export const MAX_DEPTH = LIMITS.expressionDepth;

/** Most arguments of one call: functions spread them, and the stack bounds a spread. */
const MAX_ARGUMENTS = LIMITS.expressionArguments;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    const expr = this.parseBinary(0);
    const next = this.peek();
    if (next.kind !== 'end') throw new ExpressionSyntaxError(unexpected(next), next.at);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  /** The operator a token stands for, with `and`/`or`/`not` read as words. */
  private operatorOf(token: Token): string | undefined {
    if (token.kind === 'op') return token.op;
    if (token.kind === 'name') return WORD_OPERATORS.get(token.name);
    return undefined;
  }

  private parseBinary(minPower: number): Expr {
    let left = this.parseUnary();
    let chain = 0;
    for (;;) {
      const token = this.peek();
      const op = this.operatorOf(token);
      const power = op === undefined ? undefined : BINARY.get(op);
      if (op === undefined || power === undefined || power <= minPower) return left;
      this.next();
      const right = this.parseBinary(power);
      left = { type: 'binary', op, left, right, at: token.at };
      // Chains such as 1 + 1 + … build a tree as deep as they are long.
      if (++chain > MAX_DEPTH) throw new ExpressionSyntaxError({ reason: 'too-long', max: MAX_DEPTH }, token.at);
      if (power === 3 && BINARY.get(this.operatorOf(this.peek()) ?? '') === 3) {
        const extra = this.peek();
        throw new ExpressionSyntaxError({ reason: 'chained-comparison' }, extra.at);
      }
    }
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (++this.depth > MAX_DEPTH) throw new ExpressionSyntaxError({ reason: 'too-deep', max: MAX_DEPTH }, token.at);
    try {
      return this.parseUnaryAt(token);
    } finally {
      this.depth--;
    }
  }

  private parseUnaryAt(token: Token): Expr {
    const op = this.operatorOf(token);
    if (op === '-' || op === '+' || op === '!') {
      this.next();
      // The operand is a unary or a power, so -2^2 is -(2^2) and -a*b is (-a)*b.
      const operand = this.parseUnary();
      return { type: 'unary', op, operand, at: token.at };
    }
    return this.parsePower();
  }

  private parsePower(): Expr {
    const base = this.parseAtom();
    const token = this.peek();
    if (token.kind === 'op' && token.op === '^') {
      this.next();
      const exponent = this.parseUnary();
      return { type: 'binary', op: '^', left: base, right: exponent, at: token.at };
    }
    return base;
  }

  private parseAtom(): Expr {
    const token = this.next();
    if (token.kind === 'num') return { type: 'number', value: token.value, at: token.at };
    if (token.kind === 'name' && !WORD_OPERATORS.has(token.name)) {
      const open = this.peek();
      if (open.kind === 'op' && open.op === '(') {
        this.next();
        return { type: 'call', name: token.name, args: this.parseArguments(open.at), at: token.at };
      }
      return { type: 'name', name: token.name, at: token.at };
    }
    if (token.kind === 'op' && token.op === '(') {
      const inner = this.parseBinary(0);
      this.expect(')', token.at);
      return inner;
    }
    throw new ExpressionSyntaxError(token.kind === 'end' ? { reason: 'ends-early' } : unexpected(token), token.at);
  }

  private parseArguments(openAt: number): Expr[] {
    const args: Expr[] = [];
    const first = this.peek();
    if (first.kind === 'op' && first.op === ')') {
      this.next();
      return args;
    }
    for (;;) {
      if (args.length === MAX_ARGUMENTS) throw new ExpressionSyntaxError({ reason: 'limit', limit: 'expressionArguments', max: MAX_ARGUMENTS }, this.peek().at);
      args.push(this.parseBinary(0));
      const token = this.next();
      if (token.kind === 'op' && token.op === ')') return args;
      if (!(token.kind === 'op' && token.op === ',')) {
        throw new ExpressionSyntaxError({ reason: 'unclosed-call', open: openAt + 1 }, token.at);
      }
    }
  }

  private expect(op: string, openedAt: number): void {
    const token = this.next();
    if (!(token.kind === 'op' && token.op === op)) {
      throw new ExpressionSyntaxError({ reason: 'unclosed-bracket', open: openedAt + 1 }, token.at);
    }
  }
}

/** An unexpected token, as data: its kind and its text. */
function unexpected(token: Token): ExpressionSyntaxFault {
  switch (token.kind) {
    case 'num':
      return { reason: 'unexpected-token', token: 'number', text: String(token.value) };
    case 'name':
      return { reason: 'unexpected-token', token: 'name', text: token.name };
    case 'op':
      return { reason: 'unexpected-token', token: 'operator', text: token.op };
    case 'end':
      return { reason: 'ends-early' };
  }
}

/**
 * A date as people write one, maybe with a time: 2001-01-01, 2001-1-1T10:00, 1/2/2001, 01-02-2001.
 * YAML 1.2 reads `size: 2001-01-01` as text, which would be the arithmetic 2001 - 1 - 1.
 */
const DATE = /^\s*(?:\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?)?|\d{1,2}([/-])\d{1,2}\1\d{4})\s*$/;

/** Parses an expression, throwing {@link ExpressionSyntaxError} with the offset of the fault. */
export function parseExpression(text: string): Expr {
  if (text.trim() === '') throw new ExpressionSyntaxError({ reason: 'empty' }, 0);
  if (DATE.test(text)) throw new ExpressionSyntaxError({ reason: 'date', text: text.trim() }, text.search(/\S/));
  const tokens = tokenize(text);
  refuseWrittenNumbers(tokens, text);
  return new Parser(tokens).parseAll();
}

/**
 * Numbers written as people write them on paper, which the grammar would misread or reject with
 * a message that does not help: 3,000 and 0,5 (a comma in a number), 3 000 (digits grouped by a
 * space, thin or no-break ones included) and 30 % (a percentage; `%` is the remainder here,
 * and stays it when a number, a name or a bracket follows: `t % 12`, `10 % 3`).
 * Each is refused with the way to write it. A comma inside a call separates arguments, so
 * `min(3,500)` stays two arguments; `max(1,000)`, whose second "argument" has a leading zero,
 * is a number with a comma.
 */
function refuseWrittenNumbers(tokens: readonly Token[], text: string): void {
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.kind === 'op' && token.op === '(') depth++;
    if (token.kind === 'op' && token.op === ')') depth--;
    const before = tokens[k - 1];
    const after = tokens[k + 1];
    if (token.kind === 'op' && token.op === ',' && before?.kind === 'num' && after?.kind === 'num') {
      const touching = before.at + before.raw.length === token.at && token.at + 1 === after.at;
      if (touching && (depth === 0 || /^0\d/.test(after.raw))) throw commaInNumber(tokens, k - 1, text);
    }
    if (token.kind === 'num' && before?.kind === 'num' && /^\d{3}$/.test(token.raw) && /^\d{1,3}$/.test(before.raw)) {
      const groups = [before.raw, token.raw];
      for (let next = tokens[k + 1]; next?.kind === 'num' && /^\d{3}(?:\.\d+)?$/.test(next.raw); next = tokens[k + groups.length - 1]) groups.push(next.raw);
      throw new ExpressionSyntaxError({ reason: 'grouped-number', text: text.slice(before.at, tokens[k + groups.length - 2]!.at + groups.at(-1)!.length), write: groups.join('') }, before.at);
    }
    if (token.kind === 'op' && token.op === '%' && before?.kind === 'num') {
      // A percentage unless a plain operand follows: `100% - churn` is not 100 modulo −churn.
      const alone = after === undefined || after.kind === 'end' || (after.kind === 'op' && after.op !== '(') || (after.kind === 'name' && WORD_OPERATORS.has(after.name));
      if (alone) throw new ExpressionSyntaxError({ reason: 'percent', text: text.slice(before.at, token.at + 1), write: String(before.value / 100) }, before.at);
    }
  }
}

/** 3,000 or 1,000,000 (thousands: which reading is meant cannot be known) or 0,5 (a decimal comma). */
function commaInNumber(tokens: readonly Token[], first: number, text: string): ExpressionSyntaxError {
  const parts = [(tokens[first] as { raw: string }).raw];
  let last = first;
  for (let k = first + 1; ; k += 2) {
    const comma = tokens[k];
    const next = tokens[k + 1];
    if (comma?.kind !== 'op' || comma.op !== ',' || next?.kind !== 'num' || comma.at + 1 !== next.at) break;
    parts.push(next.raw);
    last = k + 1;
  }
  const end = tokens[last]!.at + (tokens[last] as { raw: string }).raw.length;
  const start = tokens[first]!.at;
  const thousands = parts.slice(1).every((part) => /^\d{3}$/.test(part));
  const decimal = parts.length === 2 ? `${parts[0]}.${parts[1]}` : undefined;
  return new ExpressionSyntaxError(
    { reason: 'comma-in-number', text: text.slice(start, end), ...(thousands && { thousands: parts.join('') }), ...(decimal !== undefined && { decimal }) },
    start,
  );
}
