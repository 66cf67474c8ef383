/**
 * Pratt parser for XMILE equations (XMILE 1.0 §3.3). Precedence, loosest first:
 *   OR; AND; = <>; < <= > >=; + -; * / MOD; unary + - NOT; ^ (right to left); call, subscript.
 * `^` binds tighter than unary minus, so -2^2 is -4, as Stella and Vensim compute it (the suite's
 * `exponentiation` test). `mod` is an operator only between two operands; elsewhere it is a name.
 */
import { LIMITS } from '../../core/index.js';
import { canonicalName } from '../names.js';
import type { EquationSyntaxFault, ParseFault } from '../issues.js';
import type { BinaryOp, Equation, Index } from './ast.js';
import { EquationSyntaxError, tokenize, type Token } from './lex.js';

/** Binding power of each binary operator as written; higher binds tighter. */
const BINARY: Record<string, [BinaryOp, number]> = {
  or: ['or', 1],
  '||': ['or', 1],
  and: ['and', 2],
  '&&': ['and', 2],
  '=': ['=', 3],
  '==': ['=', 3],
  '<>': ['<>', 3],
  '<': ['<', 4],
  '<=': ['<=', 4],
  '>': ['>', 4],
  '>=': ['>=', 4],
  '+': ['+', 5],
  '-': ['-', 5],
  '*': ['*', 6],
  '/': ['/', 6],
  mod: ['mod', 6],
};
const RESERVED = new Set(['then', 'else', 'and', 'or']);

class Parser {
  private pos = 0;
  /** Inside `[...]`, where `Dim.Element` and `Dim.*` name an element rather than a module. */
  private indexDepth = 0;
  /**
   * Operands being read inside one another (each bracket, call argument, sign and exponent is a
   * level): bounded so the parser's own stack is.
   */
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Equation {
    const expr = this.parseBinary(0);
    const next = this.peek();
    if (next.kind !== 'end') throw new EquationSyntaxError(unexpected(next), next.at);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private next(): Token {
    return this.tokens[this.pos++]!;
  }

  private isOp(token: Token, op: string): boolean {
    return token.kind === 'op' && token.op === op;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === 'name' && !token.quoted && token.text.toLowerCase() === word;
  }

  private binaryOf(token: Token): [BinaryOp, number] | undefined {
    // Own keys only: a variable named `constructor` is no operator.
    const key = token.kind === 'op' ? token.op : token.kind === 'name' && !token.quoted ? token.text.toLowerCase() : undefined;
    if (key !== undefined && Object.hasOwn(BINARY, key)) return BINARY[key];
    return undefined;
  }

  private parseBinary(minPower: number): Equation {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      const op = this.binaryOf(token);
      if (op === undefined || op[1] <= minPower) return left;
      this.next();
      const right = this.parseBinary(op[1]);
      left = { kind: 'binary', op: op[0], left, right, at: left.at };
    }
  }

  /** Reads one level deeper, refusing to pass LIMITS.equationDepth. */
  private nested<T>(read: () => T): T {
    if (this.depth >= LIMITS.equationDepth) {
      throw new EquationSyntaxError({ reason: 'limit', limit: 'equationDepth', max: LIMITS.equationDepth }, this.peek().at);
    }
    this.depth++;
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private parseUnary(): Equation {
    return this.nested(() => this.parseUnaryHere());
  }

  private parseUnaryHere(): Equation {
    const token = this.peek();
    if (this.isOp(token, '-') || this.isOp(token, '+') || this.isOp(token, '!') || this.isWord(token, 'not')) {
      this.next();
      const op = this.isOp(token, '-') ? '-' : this.isOp(token, '+') ? '+' : 'not';
      // NOT binds like unary minus in XMILE; its operand may be a comparison only in parentheses.
      return { kind: 'unary', op, operand: this.parseUnary(), at: token.at };
    }
    return this.parsePower();
  }

  private parsePower(): Equation {
    const base = this.parseAtom();
    if (!this.isOp(this.peek(), '^')) return base;
    this.next();
    // Right-associative, as in mathematics: the suite's `arithmetics_exp` expects
    // 30^1.2^1.2 = 30^(1.2^1.2) = 68.92. The exponent may carry a sign: 2^-1.
    const next = this.peek();
    const exponent = this.isOp(next, '-') || this.isOp(next, '+') ? this.parseUnary() : this.nested(() => this.parsePower());
    return { kind: 'binary', op: '^', left: base, right: exponent, at: base.at };
  }

  private parseAtom(): Equation {
    const token = this.next();
    if (token.kind === 'num') return { kind: 'number', value: token.value, at: token.at };
    if (this.isOp(token, '(')) {
      const inner = this.parseBinary(0);
      this.expect(')', token.at);
      return inner;
    }
    if (token.kind === 'name') {
      const word = token.quoted ? '' : token.text.toLowerCase();
      if (word === 'if') return this.parseIf(token.at);
      if (RESERVED.has(word)) throw new EquationSyntaxError({ reason: 'unexpected-token', token: 'name', text: token.text }, token.at);
      const after = this.peek();
      if (this.isOp(after, '(') && !token.quoted) {
        this.next();
        const fn = canonicalName(token.text).toUpperCase();
        return { kind: 'call', fn, args: this.parseArguments(after.at), at: token.at };
      }
      if (this.isOp(after, '.') && this.indexDepth > 0) {
        this.next();
        const element = this.next();
        if (this.isOp(element, '*')) return { kind: 'name', name: canonicalName(token.text), text: token.text, at: token.at };
        if (element.kind !== 'name') throw new EquationSyntaxError({ reason: 'expected-element-name' }, element.at);
        return { kind: 'name', name: canonicalName(element.text), text: element.text, at: element.at };
      }
      let name = canonicalName(token.text);
      let text = token.text;
      // `instance.name`: a variable of a module instance (XMILE 1.0 §3.7), read from the model
      // that holds the module.
      while (this.isOp(this.peek(), '.')) {
        const dot = this.next();
        const part = this.next();
        if (part.kind !== 'name') throw new EquationSyntaxError({ reason: 'expected-name-after-dot' }, dot.at);
        name = `${name}.${canonicalName(part.text)}`;
        text = `${text}.${part.text}`;
      }
      const open = this.peek();
      if (this.isOp(open, '[')) {
        this.next();
        return { kind: 'subscript', name, text, indices: this.parseIndices(open.at), at: token.at };
      }
      return { kind: 'name', name, text, at: token.at };
    }
    throw new EquationSyntaxError(unexpected(token), token.at);
  }

  private parseIf(at: number): Equation {
    const condition = this.parseBinary(0);
    const then = this.peek();
    if (!this.isWord(then, 'then')) throw new EquationSyntaxError({ reason: 'expected-then' }, then.at);
    this.next();
    const whenTrue = this.parseBinary(0);
    const otherwise = this.peek();
    if (!this.isWord(otherwise, 'else')) throw new EquationSyntaxError({ reason: 'expected-else' }, otherwise.at);
    this.next();
    return { kind: 'if', condition, then: whenTrue, otherwise: this.parseBinary(0), at };
  }

  private parseArguments(openAt: number): Equation[] {
    const args: Equation[] = [];
    if (this.isOp(this.peek(), ')')) {
      this.next();
      return args;
    }
    for (;;) {
      if (args.length >= LIMITS.equationArguments) {
        throw new EquationSyntaxError({ reason: 'limit', limit: 'equationArguments', max: LIMITS.equationArguments }, this.peek().at);
      }
      args.push(this.parseBinary(0));
      const token = this.next();
      if (this.isOp(token, ')')) return args;
      if (!this.isOp(token, ',')) {
        throw new EquationSyntaxError({ reason: 'unclosed-call', open: openAt + 1 }, token.at);
      }
    }
  }

  private parseIndices(openAt: number): Index[] {
    this.indexDepth++;
    try {
      return this.parseIndexList(openAt);
    } finally {
      this.indexDepth--;
    }
  }

  private parseIndexList(openAt: number): Index[] {
    const indices: Index[] = [];
    for (;;) {
      const token = this.peek();
      if (this.isOp(token, '*')) {
        this.next();
        // `*:Dim` (Stella) is every element of Dim: the dimension name says which one.
        if (this.isOp(this.peek(), ':')) {
          this.next();
          const dim = this.next();
          if (dim.kind !== 'name') throw new EquationSyntaxError({ reason: 'expected-dimension-name' }, dim.at);
        }
        indices.push({ kind: 'wildcard', at: token.at });
      } else {
        const from = this.parseBinary(0);
        if (this.isOp(this.peek(), ':')) {
          this.next();
          indices.push({ kind: 'range', from, to: this.parseBinary(0), at: from.at });
        } else indices.push(from);
      }
      const close = this.next();
      if (this.isOp(close, ']')) return indices;
      if (!this.isOp(close, ',')) {
        throw new EquationSyntaxError({ reason: 'unclosed-subscript', open: openAt + 1 }, close.at);
      }
    }
  }

  private expect(op: string, openedAt: number): void {
    const token = this.next();
    if (!this.isOp(token, op)) {
      throw new EquationSyntaxError({ reason: 'unclosed-bracket', open: openedAt + 1 }, token.at);
    }
  }
}

/** An unexpected token, as data: its kind and its text. */
function unexpected(token: Token): EquationSyntaxFault {
  switch (token.kind) {
    case 'num':
      return { reason: 'unexpected-token', token: 'number', text: String(token.value) };
    case 'name':
      return { reason: 'unexpected-token', token: 'name', text: token.text };
    case 'op':
      return { reason: 'unexpected-token', token: 'operator', text: token.op };
    case 'end':
      return { reason: 'ends-early' };
  }
}

export type ParseResult = { ok: true; equation: Equation } | { ok: false; fault: ParseFault; offset: number };

/**
 * Parses an equation; a fault comes back as data with its offset, never as an exception. The
 * tree is at most LIMITS.equationDepth deep, so everything that walks it recursively (compile,
 * format) stays well inside the stack.
 */
export function parseEquation(text: string): ParseResult {
  try {
    if (text.trim() === '') return { ok: false, fault: { reason: 'empty' }, offset: 0 };
    const equation = new Parser(tokenize(text)).parseAll();
    const deep = tooDeep(equation, LIMITS.equationDepth);
    if (deep) return { ok: false, fault: { reason: 'limit', limit: 'equationDepth', max: LIMITS.equationDepth }, offset: deep.at };
    return { ok: true, equation };
  } catch (error) {
    if (error instanceof EquationSyntaxError) {
      return { ok: false, fault: error.fault, offset: error.offset };
    }
    throw error;
  }
}

/**
 * The first node found deeper than `max` (the root at depth 1), without recursion: a chain such
 * as `a + b + c …` is parsed in a loop but makes a tree as deep as it is long.
 */
export function tooDeep(root: Equation, max: number): Equation | undefined {
  const stack: Array<[Equation | Index, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return node.kind === 'wildcard' || node.kind === 'range' ? undefined : node;
    for (const next of children(node)) stack.push([next, depth + 1]);
  }
  return undefined;
}

function children(node: Equation | Index): Array<Equation | Index> {
  switch (node.kind) {
    case 'subscript':
      return node.indices;
    case 'call':
      return node.args;
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'if':
      return [node.condition, node.then, node.otherwise];
    case 'range':
      return [node.from, node.to];
    default:
      return [];
  }
}
