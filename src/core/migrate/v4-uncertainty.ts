/**
 * Version 4: a parameter may carry the `distribution` its value is drawn from; rank
 * `correlations` tie parameters together; `hypotheses`, `testCards`, `experiments` and
 * `learningCards` record the experiments that test the model; a segment says whether its
 * `members` are people or organisations; and a `range` always bounds the parameter's own value.
 *
 * Up: version 3 did not say what the range of an expression bounded (purple-button's
 * `cover_worth: premium * 1.15` carried [1.0, 1.4], the factor's range). When exactly one number
 * written in the expression lies inside the range, the range was that factor's: the number
 * becomes a parameter of its own (`cover_worth_factor`), named in the expression, with the range
 * and the assumption that explains it. Otherwise the range is read as bounding the value. Each
 * reading is said as a warning, so the author can check it. Down drops what version 3 cannot
 * hold and counts it; a factor made going up stays a parameter, which version 3 reads as well.
 */
import { ExpressionSyntaxError, parseExpression, type Expr } from '../expression/index.js';
import { issue, type Issue } from '../issues.js';
import { define, isPlainRecord, withKey, type Migration, type PlainDocument } from './migration.js';

/** Top-level blocks version 3 does not have. */
const NEW_BLOCKS = ['correlations', 'hypotheses', 'testCards', 'experiments', 'learningCards'] as const;
/** What moves from an expression to the factor its range bounded: the range and the words that explain the figure. */
const FACTOR_FIELDS = ['range', 'assumption', 'basis', 'calibrated'] as const;

export const uncertainty: Migration = {
  from: 3,
  adds: 'distributions and rank correlations; a range bounds its own value; experiment records; segment members',
  up(data) {
    const issues: Issue[] = [];
    let out = withKey(data, 'symbiose', 4);
    if (isPlainRecord(data.parameters)) out = withKey(out, 'parameters', factorsOut(data.parameters, issues));
    return { data: out, issues };
  },
  down(data) {
    const issues: Issue[] = [];
    const lost = (field: string, count: number, path: string[] = []) => {
      if (count > 0) issues.push(issue('migration-loss', path, { field, count, from: 4, to: 3 }, { severity: 'warning', ...(path.length > 0 && { atKey: true }) }));
    };
    let out = withKey(data, 'symbiose', 3);
    if (isPlainRecord(data.parameters)) {
      const { kept, dropped } = without(data.parameters, 'distribution');
      out = withKey(out, 'parameters', kept);
      lost('distribution', dropped, ['parameters']);
    }
    if (isPlainRecord(data.actors)) {
      const { kept, dropped } = without(data.actors, 'members');
      out = withKey(out, 'actors', kept);
      lost('members', dropped, ['actors']);
    }
    for (const block of NEW_BLOCKS) {
      if (!(block in out)) continue;
      const value = out[block];
      const { [block]: _, ...rest } = out;
      out = rest;
      lost(block, Array.isArray(value) ? value.length : isPlainRecord(value) ? Math.max(1, Object.keys(value).length) : 1);
    }
    return { data: out, issues };
  },
};

/** The records of a section without `field`, and how many had it. */
function without(section: PlainDocument, field: string): { kept: PlainDocument; dropped: number } {
  const kept: PlainDocument = {};
  let dropped = 0;
  for (const [id, record] of Object.entries(section)) {
    if (isPlainRecord(record) && field in record) {
      const { [field]: _, ...rest } = record;
      define(kept, id, rest);
      dropped++;
    } else define(kept, id, record);
  }
  return { kept, dropped };
}

/** The parameters with each factor a v3 range bounded made a parameter of its own, next to the expression. */
function factorsOut(parameters: PlainDocument, issues: Issue[]): PlainDocument {
  const out: PlainDocument = {};
  const taken = new Set(Object.keys(parameters));
  for (const [name, parameter] of Object.entries(parameters)) {
    const range = isPlainRecord(parameter) ? parameter.range : undefined;
    if (!isPlainRecord(parameter) || typeof parameter.value !== 'string' || !isRange(range)) {
      define(out, name, parameter);
      continue;
    }
    const literal = factorIn(parameter.value, range);
    const path = ['parameters', name, 'range'];
    if (!literal) {
      issues.push(issue('migration-range', path, { parameter: name, reading: 'value' }, { severity: 'warning', atKey: true }));
      define(out, name, parameter);
      continue;
    }
    const factor = freeName(`${name}_factor`, taken);
    const expression: PlainDocument = {};
    const moved: PlainDocument = { value: literal.value };
    for (const [key, field] of Object.entries(parameter)) {
      if ((FACTOR_FIELDS as readonly string[]).includes(key)) define(moved, key, field);
      else define(expression, key, key === 'value' ? spliced(parameter.value, literal, factor) : field);
    }
    define(out, name, expression);
    define(out, factor, moved);
    issues.push(issue('migration-range', path, { parameter: name, reading: 'factor', factor, number: literal.value }, { severity: 'warning', atKey: true }));
  }
  return out;
}

function isRange(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'number');
}

interface Literal { value: number; at: number; length: number }

/** The one number written in the expression that lies inside the range, if exactly one does. */
function factorIn(text: string, [low, high]: [number, number]): Literal | undefined {
  let tree: Expr;
  try {
    tree = parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return undefined;
    throw error;
  }
  const inside = numbersIn(tree).filter((n) => n.value >= low && n.value <= high);
  if (inside.length !== 1) return undefined;
  const { value, at } = inside[0]!;
  const written = /(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y;
  written.lastIndex = at;
  return { value, at, length: written.exec(text)![0].length };
}

function numbersIn(expr: Expr, found: Array<{ value: number; at: number }> = []): Array<{ value: number; at: number }> {
  if (expr.type === 'number') found.push({ value: expr.value, at: expr.at });
  else if (expr.type === 'unary') numbersIn(expr.operand, found);
  else if (expr.type === 'binary') {
    numbersIn(expr.left, found);
    numbersIn(expr.right, found);
  } else if (expr.type === 'call') expr.args.forEach((arg) => numbersIn(arg, found));
  return found;
}

function spliced(text: string, literal: Literal, name: string): string {
  return `${text.slice(0, literal.at)}${name}${text.slice(literal.at + literal.length)}`;
}

/** `wanted`, or `wanted_2`, `wanted_3`… whichever is free; marked taken. */
function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}_${n}`;
  taken.add(name);
  return name;
}
