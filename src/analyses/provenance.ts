/**
 * Where a model's numbers come from: each parameter's source or assumption (with its range), and
 * the numbers that have neither, whether a parameter or a figure written inline in the model.
 * A library model must leave no number unexplained.
 */
import { parameterSpec, type Distribution, type ModelDocument, type ParameterSpec, type Path, type Text } from '../core/index.js';

/**
 * What a figure rests on. `stated`: a source whose quoted words state it. `cited`: a source
 * without words that state it, which overstates the source (a library model has none).
 * `calibrated`: tuned to reproduce a figure of a source. `assumed`: an assumption. `derived`: an
 * expression of other parameters, which rests on theirs.
 */
export type FigureKind = 'stated' | 'cited' | 'calibrated' | 'assumed' | 'derived' | 'unexplained';

export interface ParameterProvenance {
  name: string;
  value: number | string;
  unit: string | undefined;
  kind: FigureKind;
  source: string | undefined;
  quote: string | undefined;
  /** The rationale, in one language or in each. */
  assumption: Text | undefined;
  basis: string | undefined;
  calibrated: Text | undefined;
  /** The bounds of its value (format version 4: always the value, never a factor in it). */
  range: [number, number] | undefined;
  /** The distribution its value is drawn from, when one is declared. */
  distribution: Distribution | undefined;
}

export interface Provenance {
  parameters: ParameterProvenance[];
  /** How many parameters are of each kind. */
  counts: Record<FigureKind, number>;
  /** Paths of numbers with neither a source nor an assumption. */
  unexplained: Path[];
}

/** Numbers too structural to need a source: none and one. */
const STRUCTURAL = new Set([0, 1]);

/** The fields whose values are quantities (numbers or expressions), outside parameters. */
const QUANTITY_KEYS = new Set(['size', 'count', 'fraction', 'amount', 'valuation', 'fixed', 'variable', 'investment']);

export function provenance(doc: ModelDocument): Provenance {
  const parameters = Object.entries(doc.parameters ?? {}).map(([name, p]): ParameterProvenance => {
    const spec = parameterSpec(p);
    const { value, unit, source, quote, assumption, basis, calibrated, range, distribution } = spec;
    return { name, value, unit, kind: figureKind(spec), source, quote, assumption, basis, calibrated, range, distribution };
  });
  const unexplained: Path[] = parameters.filter((p) => p.kind === 'unexplained').map((p) => ['parameters', p.name]);
  // Inline numbers anywhere else: explained only by the provenance of the record holding them.
  const visit = (value: unknown, path: Path, explained: boolean): void => {
    const quantity = path.some((segment) => typeof segment === 'string' && QUANTITY_KEYS.has(segment));
    if (typeof value === 'number') {
      if (quantity && !explained && !STRUCTURAL.has(value)) unexplained.push(path);
    } else if (typeof value === 'string') {
      if (!quantity) return;
      for (const match of value.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
        const n = Number(match[0].replaceAll('_', ''));
        if (!explained && !STRUCTURAL.has(n)) unexplained.push(path);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i], explained));
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const own = explained || typeof record.source === 'string' || record.assumption !== undefined || record.calibrated !== undefined;
      for (const [key, item] of Object.entries(record)) visit(item, [...path, key], own);
    }
  };
  for (const section of ['actors', 'valueObjects', 'transactions', 'scenarios'] as const) {
    visit(doc[section] ?? {}, [section], false);
  }
  const counts: Record<FigureKind, number> = { stated: 0, cited: 0, calibrated: 0, assumed: 0, derived: 0, unexplained: 0 };
  for (const p of parameters) counts[p.kind]++;
  return { parameters, counts, unexplained: dedupe(unexplained) };
}

function figureKind(spec: ParameterSpec): FigureKind {
  if (spec.calibrated !== undefined) return 'calibrated';
  if (spec.source !== undefined) return spec.quote !== undefined && quoteStates(spec.quote, spec.value) ? 'stated' : 'cited';
  if (spec.assumption !== undefined) return 'assumed';
  // An expression of other parameters rests on theirs; a number with nothing is unexplained.
  return typeof spec.value === 'number' ? 'unexplained' : 'derived';
}

/**
 * Whether a quote states a figure: the number itself, or each number an expression writes, is
 * among the numbers the quote writes, read the way French and English write them (below).
 */
export function quoteStates(quote: string, value: number | string): boolean {
  const said = numbersIn(quote);
  const wanted = typeof value === 'number' ? [value] : [...value.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].map((m) => Number(m[0].replaceAll('_', '')));
  return wanted.length > 0 && wanted.every((n) => STRUCTURAL.has(n) || said.some((x) => close(x, Math.abs(n))));
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Multipliers written after a number: « 2,8 milliards », « 190 M$ », "3 million". */
const SCALES = new Map<string, number>([
  ['milliard', 1e9], ['milliards', 1e9], ['md', 1e9], ['mds', 1e9], ['mrd', 1e9], ['billion', 1e9], ['billions', 1e9], ['g', 1e9],
  ['million', 1e6], ['millions', 1e6], ['m', 1e6], ['mio', 1e6],
  ['millier', 1e3], ['milliers', 1e3], ['mille', 1e3], ['thousand', 1e3], ['k', 1e3],
]);

/** Numbers written as words: « un vendredi par mois », « deux groupes », "a dozen". */
const NUMBER_WORDS = new Map<string, number>([
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7], ['huit', 8], ['neuf', 9],
  ['dix', 10], ['onze', 11], ['douze', 12], ['quinze', 15], ['vingt', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50],
  ['soixante', 60], ['cent', 100], ['mille', 1000], ['moitié', 0.5], ['quart', 0.25], ['tiers', 1 / 3], ['douzaine', 12],
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['twelve', 12], ['twenty', 20], ['hundred', 100], ['half', 0.5], ['quarter', 0.25], ['third', 1 / 3], ['dozen', 12],
  ['annuel', 1], ['annuelle', 1], ['mensuel', 1], ['mensuelle', 1], ['yearly', 1], ['monthly', 1],
]);

/**
 * Every number a text writes, as a reader understands it: digit groups joined (1 000 000, with
 * any kind of space), decimal commas read as points (2,8), a scale word applied (2,8 milliards =
 * 2.8e9, 190 M$), a percentage also read as a share (30 % = 0.3) and number words (« un vendredi
 * par mois » = 1). Signs are dropped: « -30 % » states a reduction of 0.3.
 */
export function numbersIn(text: string): number[] {
  const flat = text
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d),(?=\d)/g, '$1.');
  const tokens = [...flat.matchAll(/\d+(?:\.\d+)?|[a-zà-ÿ]+|%/g)].map((m) => m[0]);
  const found: number[] = [];
  tokens.forEach((token, i) => {
    const base = /^\d/.test(token) ? Number(token) : NUMBER_WORDS.get(token);
    if (base === undefined) return;
    found.push(base);
    const next = tokens[i + 1];
    const scale = next === undefined ? undefined : SCALES.get(next);
    if (scale !== undefined) found.push(base * scale);
    if (next === '%' || next === 'pour' && tokens[i + 2] === 'cent' || next === 'percent') found.push(base / 100);
  });
  return found;
}

function dedupe(paths: Path[]): Path[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
