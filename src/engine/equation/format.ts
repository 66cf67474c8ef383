/**
 * Writes an equation tree back as XMILE text, fully parenthesised where precedence could be
 * misread, with names quoted so they read back to the same canonical name.
 */
import type { Equation, Index } from './ast.js';

const WORD_OPS = new Set(['mod', 'and', 'or']);

/** A name as an equation writes it: bare when it reads back as itself, else quoted. */
export function formatName(text: string): string {
  return /^[\p{L}_$][\p{L}\p{Nd}_$]*$/u.test(text) && !/^(if|then|else|and|or|not|mod)$/i.test(text)
    ? text
    : `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function formatIndex(index: Index): string {
  if (index.kind === 'wildcard') return '*';
  if (index.kind === 'range') return `${format(index.from)}:${format(index.to)}`;
  return format(index);
}

export function format(node: Equation): string {
  switch (node.kind) {
    case 'number':
      return Number.isFinite(node.value) ? String(node.value) : 'NAN';
    case 'name':
      return formatName(node.text);
    case 'subscript':
      return `${formatName(node.text)}[${node.indices.map(formatIndex).join(', ')}]`;
    case 'call':
      return `${node.fn}(${node.args.map(format).join(', ')})`;
    case 'unary':
      return node.op === 'not' ? `NOT (${format(node.operand)})` : `${node.op}(${format(node.operand)})`;
    case 'binary': {
      const op = WORD_OPS.has(node.op) ? ` ${node.op.toUpperCase()} ` : ` ${node.op} `;
      // `^` binds tighter than unary minus: a negated base needs its own brackets, or -(x) ^ y
      // would read back as -(x ^ y).
      const left = node.op === '^' && node.left.kind === 'unary' ? `(${format(node.left)})` : format(node.left);
      return `(${left}${op}${format(node.right)})`;
    }
    case 'if':
      return `(IF ${format(node.condition)} THEN ${format(node.then)} ELSE ${format(node.otherwise)})`;
  }
}
