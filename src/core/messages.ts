/** English messages for every issue code, rendered from the issue's parameters. */
import type { Issue, IssueCode } from './issues.js';

type Params = Issue['params'];

const MESSAGES: Record<IssueCode, (p: Params) => string> = {
  syntax: (p) => `${p.detail}`,
  schema: (p) => `${p.detail}`,
  'unknown-key': (p) =>
    `unknown key "${p.key}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : p.expected ? `; expected one of: ${p.expected}` : ''}`,
  'unknown-reference': (p) =>
    `unknown ${p.kind} "${p.id}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}${p.known ? ` (known: ${p.known})` : ''}`,
  reciprocity: (p) =>
    `transaction "${p.transaction}" is not reciprocal: ${p.detail}; add the transfer in return, or set reciprocal: false for a one-way flow`,
  'self-transfer': (p) => `actor "${p.actor}" transfers to itself`,
  'or-fractions': (p) => `OR fractions sum to ${p.sum}${p.period ? ` at period ${p.period}` : ''}, expected 1`,
  'fraction-range': (p) => `fraction ${p.value}${p.period ? ` at period ${p.period}` : ''} is outside 0..1`,
  negative: (p) => `${p.what} is negative (${p.value})${p.period !== undefined ? ` at period ${p.period}` : ''}; expected 0 or more`,
  'expression-syntax': (p) => `invalid expression: ${p.detail}`,
  'unknown-name': (p) =>
    `unknown name "${p.name}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ': expected a parameter, t or horizon'}`,
  'unknown-function': (p) => `unknown function "${p.name}"; expected one of: ${p.known}`,
  arity: (p) => `${p.detail}`,
  'parameter-cycle': (p) => `parameters depend on each other in a cycle: ${p.cycle}`,
  evaluation: (p) => `${p.detail}${p.period !== undefined ? ` at period ${p.period}` : ''}`,
  'currency-mismatch': (p) => `${p.what} is in ${p.found}, but the model currency is ${p.expected}`,
  'missing-field': (p) => `missing "${p.field}"${p.context ? ` (${p.context})` : ''}`,
  'misplaced-field': (p) => `"${p.field}" is meaningless here: ${p.reason}`,
  'cost-kind': (p) => `a cost is exactly one of fixed, variable or investment; found ${p.found}`,
  'name-clash': (p) => `parameter "${p.name}" has the same name as ${p.other}; rename one of them`,
  dynamics: (p) => `${p.detail}`,
  'reserved-name': (p) => `"${p.name}" is reserved by the expression language; choose another name`,
  'unreached-transaction': (p) => `transaction "${p.transaction}" never happens: no scenario reaches it`,
  'unused-parameter': (p) => `parameter "${p.name}" is not used by any quantity`,
  'unused-record': (p) => `${p.kind} "${p.id}" ${p.detail}`,
  'duplicate-name': (p) => `${p.kind}s "${p.first}" and "${p.second}" are both named "${p.name}"; tables will not tell them apart`,
  'unit-period': (p) =>
    `parameter "${p.name}" is in ${p.unit} but the model's period is a ${p.period}: amounts are counted per ${p.period}; convert it`,
  'discount-rate': (p) => `a discount rate of ${p.rate} is ${p.percent} % a year; for ${p.rate} % write ${p.fraction}`,
  nesting: (p) => `${p.detail}`,
  'format-version': (p) =>
    `format version ${p.version} is not one this Symbiose knows (${p.oldest} to ${p.latest})${Number(p.version) > Number(p.latest) ? '; it was written by a newer Symbiose: update it' : ''}`,
  'migration-loss': (p) => `format version ${p.to} has no "${p.field}": ${p.count} dropped in migrating from version ${p.from}`,
  'edit-unknown': (p) => `change ${p.change}: there is no ${p.kind} "${p.id}"`,
  'edit-exists': (p) => `change ${p.change}: ${p.kind} "${p.id}" already exists`,
  'edit-invalid-id': (p) => `change ${p.change}: "${p.id}" cannot be the id of a ${p.kind}`,
  'edit-index': (p) => `change ${p.change}: there is no ${p.kind} ${p.index} (the list has ${p.count})`,
  'edit-in-use': (p) => `change ${p.change}: ${p.kind} "${p.id}" is removed but still referenced ${p.count} time(s)`,
  'edit-unwritable': (p) => `change ${p.change}: model expressions read "${p.id}", and could not read the name "${p.name}"`,
  'edit-unparsed': (p) => `change ${p.change}: this quantity does not parse, so "${p.id}" was not renamed in it`,
  'edit-needs-engine': (p) => `change ${p.change}: renaming "${p.id}" reaches into the dynamics' equations, which needs the engine's renamer`,
  'scenario-paths': (p) => `scenario "${p.scenario}" has more than ${p.limit} paths; its figures are given per scenario only, not per path`,
  'unknown-override': (p) => `"${p.name}" is neither a parameter nor a constant of the dynamics; it cannot be given a value`,
  'override-value': (p) => `the value given to "${p.name}" (${p.value}) is not a finite number`,
};

export function renderMessage(issue: Issue): string {
  return MESSAGES[issue.code](issue.params);
}
