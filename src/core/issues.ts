/**
 * Problems found in a model, as data: a stable code, a path into the document and parameters.
 * Messages are rendered from them in messages.ts, never assembled where the fault is found.
 */
export type Path = ReadonlyArray<string | number>;

export type IssueCode =
  | 'syntax' // the text is not valid YAML/JSON
  | 'schema' // a value has the wrong shape or type
  | 'unknown-key' // a key the format does not define
  | 'unknown-reference' // an id that names nothing
  | 'reciprocity' // a reciprocal transaction where an actor only gives or only receives
  | 'self-transfer' // an actor giving to itself
  | 'or-fractions' // OR fractions that do not sum to 1
  | 'fraction-range' // a fraction outside [0, 1]
  | 'negative' // a count, size, amount or cost below zero
  | 'expression-syntax'
  | 'unknown-name' // an expression reads a name that is not a parameter
  | 'unknown-function'
  | 'arity' // a function called with the wrong number of arguments
  | 'parameter-cycle'
  | 'evaluation' // division by zero, non-finite result, domain error
  | 'currency-mismatch'
  | 'missing-field' // a field required by the record's kind (segment size, money amount)
  | 'misplaced-field' // a field meaningless for the record's kind (valuation of money)
  | 'cost-kind' // a cost line that is not exactly one of fixed, variable, investment
  | 'reserved-name'
  | 'name-clash' // a parameter and a dynamics variable with the same name
  | 'dynamics' // a problem in the dynamics section, found by the engine
  | 'unreached-transaction' // warning: no scenario makes it happen
  | 'unused-parameter' // warning
  | 'unused-record' // warning: a value object in no transfer, an actor in no transaction
  | 'duplicate-name' // warning: two records shown under the same name
  | 'unit-period' // warning: a unit per period that is not the model's period
  | 'discount-rate' // warning: a discount rate above 100 % a year
  | 'nesting' // an expression too long or too deeply nested to evaluate safely
  | 'format-version' // a format version this code cannot read (newer than it knows)
  | 'migration-loss' // warning: migrating down dropped what the older version cannot hold
  | 'edit-unknown' // a change names a record that does not exist
  | 'edit-exists' // a change adds or renames onto an id already taken
  | 'edit-invalid-id' // a change gives an id the format does not allow
  | 'edit-index' // a change names a cost, transfer, step or branch past the end of its list
  | 'edit-in-use' // warning: a removed record is still referenced
  | 'edit-unwritable' // a renamed dynamics variable that model expressions could no longer name
  | 'edit-unparsed' // warning: a quantity or equation left as it is by a rename, for it does not parse
  | 'edit-needs-engine' // a rename reaching into dynamics equations, without the engine's renamer
  | 'scenario-paths' // warning: a scenario with too many paths to give each one's figures
  | 'unknown-override' // evaluate(): an override that names no parameter nor dynamics constant
  | 'override-value'; // evaluate(): an override that is not a finite number

export type Severity = 'error' | 'warning';

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Path inside the document, e.g. ['transactions', 'buy', 'transfers', 0, 'to']. */
  path: Path;
  params: Record<string, string | number>;
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

export function issue(
  code: IssueCode,
  path: Path,
  params: Issue['params'] = {},
  extra: Partial<Pick<Issue, 'offset' | 'atKey' | 'severity'>> = {},
): Issue {
  return { code, severity: extra.severity ?? 'error', path, params, ...extra };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Formats a path the way people write it: transactions.buy.transfers[0].to */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : /^[A-Za-z_$][\w$-]*$/.test(segment) ? `.${segment}` : `["${segment}"]`;
  }
  return out || '(document)';
}
