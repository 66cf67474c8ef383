/**
 * Problems found in a model, as data: a stable code, a path into the document and parameters
 * that are ids, numbers, paths and sub-codes, never prose. Messages are rendered from them by
 * locale in src/i18n/issues/, never assembled where the fault is found.
 */
import type { ErrorCode } from 'yaml';
import type { LimitName } from './limits.js';

export type Path = ReadonlyArray<string | number>;

/** The YAML parser's error codes, which `syntax` issues carry. */
export type YamlErrorCode = ErrorCode;

/** A parameter of an issue: an id, a number, a sub-code, or a list of ids. */
export type ParamValue = string | number | readonly string[];

/**
 * The kinds of record an issue names: the records kept by id (as core/edit names them) and the
 * items kept in their lists.
 */
export type KindName =
  | 'parameter' | 'actor' | 'valueObject' | 'transaction' | 'scenario' | 'variant' | 'stock' | 'flow' | 'variable'
  | 'cost' | 'transfer' | 'step' | 'branch'
  | 'hypothesis' | 'testCard' | 'experiment' | 'learningCard' | 'experimentVariant';

/** What a value is, for "expected …, found …". */
export type ValueKind = 'nothing' | 'list' | 'mapping' | 'string' | 'number' | 'boolean' | 'other';

/** Why an expression does not parse (see expression/parse.ts). */
export type ExpressionSyntaxFault =
  | { reason: 'empty' | 'ends-early' | 'chained-comparison' }
  | { reason: 'malformed-number'; text: string }
  /** A date (2001-01-01, 1/2/2001), which would otherwise read as a subtraction or a division. */
  | { reason: 'date'; text: string }
  | { reason: 'unexpected-character'; character: string }
  /** 3,000 or 0,5: `thousands` and `decimal` are the readings it may have meant, each written as Symbiose reads it. */
  | { reason: 'comma-in-number'; text: string; thousands?: string; decimal?: string }
  /** 3 000: digits grouped by spaces; `write` is the number without them. */
  | { reason: 'grouped-number'; text: string; write: string }
  /** 30 %: a percentage, which Symbiose writes as a share (`write`: 0.3). */
  | { reason: 'percent'; text: string; write: string }
  | { reason: 'unexpected-token'; token: 'number' | 'name' | 'operator' | 'end'; text: string }
  | { reason: 'too-long' | 'too-deep'; max: number }
  /** `open` is the 1-based character of the bracket left open. */
  | { reason: 'unclosed-call' | 'unclosed-bracket'; open: number };

/** Why an expression cannot be read: a syntax fault, or past a bound (reported as the `limit` issue). */
export type ExpressionParseFault = ExpressionSyntaxFault | { reason: 'limit'; limit: LimitName; max: number };

/** Why an expression has no value (see expression/evaluate.ts). */
export type EvaluationFault =
  | { reason: 'division-by-zero' }
  /** `value` is 'NaN', 'Infinity' or '-Infinity'. */
  | { reason: 'not-finite'; value: string }
  | { reason: 'not-real'; base: number; exponent: number }
  | { reason: 'domain'; function: string; value: number }
  | { reason: 'unknown-name'; name: string }
  | { reason: 'unknown-function'; name: string }
  | { reason: 'unknown-operator'; operator: string }
  | ({ reason: 'arity' } & ArityParams);

/** A function called with a wrong number of arguments; no `max` means no upper limit. */
export type ArityParams = { name: string; min: number; max?: number; found: number };

/** Schema faults: zod's, mapped from its issue codes, and the structure checks' own. */
export type SchemaFault =
  | { reason: 'type'; expected: string; received: ValueKind }
  | { reason: 'at-least' | 'more-than' | 'at-most' | 'less-than'; origin: string; limit: number }
  | { reason: 'one-of'; values: readonly string[] }
  /** One of the forms the format names (SCHEMA_EXPECTATIONS in model/common.ts). */
  | { reason: 'expected'; expected: string }
  | { reason: 'format'; format: string }
  | { reason: 'multiple-of'; divisor: number }
  /** A zod check with no mapping of its own; `zodCode` is zod's issue code. */
  | { reason: 'invalid'; zodCode: string }
  | { reason: 'document-not-mapping'; received: ValueKind }
  | { reason: 'section-not-mapping'; section: string; received: ValueKind }
  | { reason: 'invalid-id'; section: string; id: string }
  | { reason: 'reserved-key'; key: string }
  | { reason: 'after-horizon'; at: number; horizon: number }
  | { reason: 'step-form'; found: readonly string[] };

/** The quantity a "negative" or "currency" issue is about. */
export type QuantityKind = 'investment' | 'cost' | 'segment-size' | 'start-count' | 'count' | 'amount' | 'valuation' | 'money' | 'discount-rate';

export type MissingFieldReason = 'required-section' | 'segment-size' | 'variable-cost-per' | 'money-amount' | 'format-version';
export type MisplacedFieldReason =
  | 'size-not-segment'
  | 'per-not-variable'
  | 'at-not-investment'
  | 'valuation-of-money'
  | 'currency-not-money'
  | 'personal-not-data'
  | 'count-not-transaction'
  | 'members-not-segment';

type Period = { period?: number };

/** Why a distribution is refused (see the `distribution` issue). */
export type DistributionFault =
  | { reason: 'min-not-below-max'; min: number; max: number }
  | { reason: 'mode-outside-range'; mode: number; min: number; max: number }
  | { reason: 'not-positive'; field: string; value: number }
  | { reason: 'truncation-empty'; min: number; max: number }
  | { reason: 'discrete-lengths'; values: number; probabilities: number }
  | { reason: 'negative-probability'; probability: number }
  | { reason: 'probabilities-sum'; sum: number }
  | { reason: 'of-expression'; name: string }
  | { reason: 'timing-unbounded'; name: string; kind: string }
  /** An empirical column the surface read: missing, without numbers, or with a cell that is not one (`row` counts from 1, the header row included). */
  | { reason: 'empirical-file'; file: string }
  | { reason: 'empirical-column'; file: string; column: string; known: readonly string[] }
  | { reason: 'empirical-empty'; file: string; column: string }
  | { reason: 'empirical-cell'; file: string; column: string; row: number; text: string }
  /** An empirical column on a surface that reads no files (the API, the studio): the parameter cannot be drawn there. */
  | { reason: 'empirical-server'; name: string; file: string; column: string };

/** Why rank correlations are refused (see the `correlation` issue). */
export type CorrelationFault =
  | { reason: 'self'; name: string }
  | { reason: 'duplicate'; first: string; second: string }
  | { reason: 'outside-unit'; value: number }
  | { reason: 'not-square'; size: number; found: number }
  | { reason: 'diagonal-not-one'; name: string; value: number }
  | { reason: 'not-symmetric'; first: string; second: string; value: number; mirror: number }
  | { reason: 'not-positive-semidefinite'; name: string }
  /** A correlated parameter with neither a distribution nor a range: it is never drawn. */
  | { reason: 'not-drawn'; name: string };

/** An issue about change number `change` of an edit list. */
type Edit = { change: number; kind: KindName; id: string };

/** The parameters of each issue code: what a message in any language is rendered from. */
export type IssueParamsByCode = {
  /** The text is not valid YAML/JSON: the YAML parser's error code, or our own JSON check. */
  syntax:
    | { reason: 'yaml'; yamlCode: YamlErrorCode }
    | { reason: 'json'; fault: 'unexpected-character'; character: string }
    | { reason: 'json'; fault: 'unexpected-end' }
    | { reason: 'alias-limit' | 'unresolved-alias' };
  schema: SchemaFault;
  /** `looksLike: 'cut-number'`: the key is digits, most likely a number with a comma that YAML's braces cut in two. */
  'unknown-key': { key: string; suggestion?: string; expected?: readonly string[]; looksLike?: 'cut-number' };
  'unknown-reference': { kind: KindName; id: string; suggestion?: string; known?: readonly string[] };
  /** A reciprocal transaction where some actors only give or only receive. */
  reciprocity: { transaction: string; givesOnly: readonly string[]; receivesOnly: readonly string[] };
  'self-transfer': { actor: string };
  'or-fractions': { sum: number } & Period;
  'fraction-range': { value: number } & Period;
  /** `name`: the cost or investment's name, or the segment's id. */
  negative: { quantity: QuantityKind; name?: string; value: number } & Period;
  'expression-syntax': ExpressionSyntaxFault;
  'unknown-name': { name: string; suggestion?: string };
  'unknown-function': { name: string; known: readonly string[] };
  arity: ArityParams;
  'parameter-cycle': { cycle: readonly string[] };
  evaluation: (EvaluationFault | { reason: 'before-start' }) & Period;
  /** `record`: the cost's name or the value object's id; `parameter`: through which it came. */
  'currency-mismatch': { quantity: QuantityKind; record: string; parameter?: string; found: string; expected: string };
  'missing-field': { field: string; reason: MissingFieldReason; object?: string } | { field: string; reason: 'schema'; expected?: string; values?: readonly string[] };
  'misplaced-field': { field: string; reason: MisplacedFieldReason };
  'cost-kind': { found: readonly string[] };
  'reserved-name': { name: string };
  /** A parameter and a dynamics variable with the same name. */
  'name-clash': { name: string; section: string; other: string };
  /**
   * A problem the engine found in the dynamics section: its engine code and parameters, rendered
   * by the engine's messages (src/i18n/issues). `variable` names the dynamics variable.
   */
  dynamics: { engineCode: string; variable?: string } & Record<string, ParamValue | undefined>;
  /** The dynamics stop before the model's horizon ends. */
  'dynamics-stop': { stop: number; end: number };
  /** dt does not divide a period into whole steps, while model quantities read the dynamics. */
  'dynamics-dt': { dt: number; period: string };
  /** A model with dynamics loaded without the engine. */
  'dynamics-engine': Record<string, never>;
  /** A dynamics equation reads a parameter that depends on t or the dynamics. */
  'dynamics-varying-parameter': { variable: string; parameter: string };
  'unreached-transaction': { transaction: string };
  'unused-parameter': { name: string };
  'unused-record': { kind: 'actor' | 'valueObject'; id: string };
  'duplicate-name': { kind: KindName; first: string; second: string; name: string };
  /** A parameter in a unit per period that is not the model's period. */
  'unit-period': { name: string; unit: string; period: string };
  /** A discount rate above 100 % a year. */
  'discount-rate': { rate: number; percent: number; fraction: number };
  /** A discount rate that reads a parameter (`name`): it must be numbers only. */
  'discount-rate-name': { name: string };
  /** A scenario started `count` times a period by an actor that is not a segment, a count that reads as a population. */
  'start-count': { scenario: string; actor: string; count: number };
  /** A format version this code cannot read (newer than it knows, or unknown). */
  'format-version': { version: number; oldest: number; latest: number };
  /** Warning: migrating down dropped what the older version cannot hold. */
  'migration-loss': { field: string; count: number; from: number; to: number };
  /** A change names a record that does not exist. */
  'edit-unknown': Edit;
  /** A change adds or renames onto an id already taken. */
  'edit-exists': Edit;
  /** A change gives an id the format does not allow. */
  'edit-invalid-id': Edit;
  /** A change names a cost, transfer, step or branch past the end of its list. */
  'edit-index': { change: number; kind: KindName; index: number; count: number };
  /** Warning: a removed record is still referenced `count` times. */
  'edit-in-use': Edit & { count: number };
  /** A renamed dynamics variable that model expressions could no longer name as `name`. */
  'edit-unwritable': Edit & { name: string };
  /** Warning: a quantity or equation left as it is by a rename, for it does not parse. */
  'edit-unparsed': Edit;
  /** A rename reaching into dynamics equations, without the engine's renamer. */
  'edit-needs-engine': Edit;
  /** Warning: a scenario with more than `limit` paths, whose figures are given per scenario only. */
  'scenario-paths': { scenario: string; limit: number };
  /** evaluate(): an override that names no parameter nor dynamics constant. */
  'unknown-override': { name: string };
  /** evaluate(): an override that is not a finite number; `value` as written ('NaN', 'Infinity'). */
  'override-value': { name: string; value: string };
  /**
   * A distribution that cannot be drawn from, or that does not fit its parameter (format 4);
   * the path is the field at fault. The faults are src/stats's (distribution-check.ts) and the
   * format's own: `of-expression` (a distribution on an expression, whose value comes from its
   * inputs), `probabilities-sum` (discrete probabilities not summing to 1), `timing-unbounded`
   * (a parameter that sets a timing is drawn as a whole period, so its draws need bounds).
   */
  distribution: DistributionFault;
  /** A range whose low end is above its high end. */
  'range-order': { low: number; high: number };
  /** Warning: a number outside its own range. */
  'range-value': { name: string; value: number; low: number; high: number };
  /** Rank correlations that cannot be induced; `row`/`column` index the matrix when it is one. */
  correlation: CorrelationFault;
  /** An experiment's counts that do not add up: more converted than exposed, or than planned. */
  'experiment-count': { variant: string; field: 'converted' | 'exposed'; count: number; limit: number; of: 'exposed' | 'planned' };
  /** An experiment with fewer than two variants, or more than one control. */
  'experiment-variants': { experiment: string; reason: 'too-few' | 'controls'; count: number };
  /** Warning: the v3 → v4 migration read a range on an expression as bounding a factor (moved to its own parameter) or the value. */
  'migration-range': { parameter: string; reading: 'factor' | 'value'; factor?: string; number?: number };
  /** Past one of the bounds of core/limits.ts; `found` when the size is known (it may stop counting at the limit). */
  limit: { limit: LimitName; max: number; found?: number };
};

export type IssueCode = keyof IssueParamsByCode;

/** Every code, for tests that check each has a message in every language. */
export const ISSUE_CODES = [
  'syntax', 'schema', 'unknown-key', 'unknown-reference', 'reciprocity', 'self-transfer', 'or-fractions',
  'fraction-range', 'negative', 'expression-syntax', 'unknown-name', 'unknown-function', 'arity',
  'parameter-cycle', 'evaluation', 'currency-mismatch', 'missing-field', 'misplaced-field', 'cost-kind',
  'reserved-name', 'name-clash', 'dynamics', 'dynamics-stop', 'dynamics-dt', 'dynamics-engine',
  'dynamics-varying-parameter', 'unreached-transaction', 'unused-parameter', 'unused-record', 'duplicate-name',
  'unit-period', 'discount-rate', 'discount-rate-name', 'start-count', 'format-version', 'migration-loss', 'edit-unknown', 'edit-exists', 'edit-invalid-id',
  'edit-index', 'edit-in-use', 'edit-unwritable', 'edit-unparsed', 'edit-needs-engine', 'scenario-paths', 'unknown-override',
  'override-value', 'limit', 'distribution', 'range-order', 'range-value', 'correlation', 'experiment-count',
  'experiment-variants', 'migration-range',
] as const satisfies readonly IssueCode[];

export type Severity = 'error' | 'warning';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Path inside the document, e.g. ['transactions', 'buy', 'transfers', 0, 'to']. */
  path: Path;
  /** Read through IssueParamsByCode[code]; typed loosely so any code's can be read. */
  params: Readonly<Record<string, ParamValue | undefined>>;
  /** Offset inside the scalar at `path` (an expression's faulty character), when known. */
  offset?: number;
  /** For `unknown-key`: the issue is about the key, not its value. */
  atKey?: boolean;
}

/** An issue placed in its file. Lines and columns count from 1. */
export interface LocatedIssue extends Issue {
  file: string;
  line: number;
  column: number;
}

export function issue<C extends IssueCode>(
  code: C,
  path: Path,
  params: IssueParamsByCode[C],
  extra: Partial<Pick<Issue, 'offset' | 'atKey' | 'severity'>> = {},
): Issue {
  return { code, severity: extra.severity ?? 'error', path, params: shortParams(params), ...extra };
}

/** Characters of a name an issue repeats; the path still says exactly where it is. */
const SHOWN_CHARS = 60;

/**
 * A name as an issue repeats it: whole up to SHOWN_CHARS characters, else its start and "…", so
 * a name of a million characters is not echoed whole (by every message and every list of names).
 */
export function shortened(text: string): string {
  if (text.length <= SHOWN_CHARS) return text;
  let kept = '';
  let count = 0;
  // By code points, so a character outside the BMP is never cut in half.
  for (const character of text) {
    if (count++ === SHOWN_CHARS) return `${kept}…`;
    kept += character;
  }
  return kept;
}

function shortParams<P extends object>(params: P): P {
  const values = Object.values(params) as unknown[];
  const long = (v: unknown) => (typeof v === 'string' && v.length > SHOWN_CHARS) || (Array.isArray(v) && v.some(long));
  if (!values.some(long)) return params;
  const short = (v: unknown): unknown => (typeof v === 'string' ? shortened(v) : Array.isArray(v) ? v.map(short) : v);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, short(v)])) as P;
}

/** The parameters of an issue as its code defines them. */
export function paramsOf<C extends IssueCode>(found: Issue & { code: C }): IssueParamsByCode[C] {
  return found.params as IssueParamsByCode[C];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/**
 * Formats a path the way people write it: transactions.buy.transfers[0].to. The whole document
 * is the empty string: no word here, since renderers say it in the reader's language.
 */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const name = shortened(segment);
      out += out === '' ? name : /^[A-Za-z_$][\w$-]*$/.test(segment) ? `.${name}` : `["${name}"]`;
    }
  }
  return out;
}
