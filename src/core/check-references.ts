/**
 * Checks that need the whole document: references between records, economic reciprocity, and
 * fields that only make sense for some kinds of record.
 */
import { issue, type Issue, type MisplacedFieldReason, type Path, type KindName } from './issues.js';
import { costKinds, recordById, type ModelDocument, type SectionName, type Step, type Transfer } from './model/index.js';
import { suggester } from './suggest.js';
import type { Structured } from './check-structure.js';
import { recordsOf, type Records } from './records.js';
import { checkCorrelationNames, checkExperiments } from './check-experiments.js';

const KIND_OF_SECTION: Record<SectionName, KindName> = {
  parameters: 'parameter',
  actors: 'actor',
  valueObjects: 'valueObject',
  transactions: 'transaction',
  scenarios: 'scenario',
  variants: 'variant',
  hypotheses: 'hypothesis',
  testCards: 'testCard',
  experiments: 'experiment',
  learningCards: 'learningCard',
};

/** `records`: the document's sections as recordsOf lists them, when the caller has them already. */
export function checkReferences(doc: ModelDocument, declared: Structured['declared'], records: Records = recordsOf(doc)): Issue[] {
  const issues: Issue[] = [];
  const suggestions = new Map<SectionName, (word: string) => string | undefined>();
  /** Reports an id its section does not declare; false, for `known(…) || unknown(…)`. */
  const unknown = (section: SectionName, id: string, path: Path): false => {
    let suggest = suggestions.get(section);
    if (!suggest) suggestions.set(section, (suggest = suggester(() => declared[section])));
    const suggestion = suggest(id);
    issues.push(issue('unknown-reference', path, {
      kind: KIND_OF_SECTION[section],
      id,
      ...(suggestion ? { suggestion } : { known: firstOf(declared[section], 12) }),
    }));
    return false;
  };
  // Paths are made only for the issues found: a model of 10⁵ records with none reported makes none.
  const ref = (section: SectionName, id: string, path: () => Path): boolean => declared[section].has(id) || unknown(section, id, path());

  for (const [id, actor] of records.actors) {
    if (actor.kind === 'segment' && actor.size === undefined) {
      issues.push(issue('missing-field', ['actors', id], { field: 'size', reason: 'segment-size' }));
    }
    if (actor.kind !== 'segment' && actor.members !== undefined) {
      issues.push(issue('misplaced-field', ['actors', id, 'members'], { field: 'members', reason: 'members-not-segment' }, { atKey: true }));
    }
    if (actor.kind !== 'segment' && actor.size !== undefined) {
      issues.push(issue('misplaced-field', ['actors', id, 'size'], { field: 'size', reason: 'size-not-segment' }, { atKey: true }));
    }
    actor.costs?.forEach((cost, i) => {
      const costPath = ['actors', id, 'costs', i];
      const kinds = costKinds(cost);
      if (kinds.length !== 1) issues.push(issue('cost-kind', costPath, { found: kinds }));
      if (cost.variable !== undefined && cost.per === undefined) {
        issues.push(issue('missing-field', costPath, { field: 'per', reason: 'variable-cost-per' }));
      }
      if (cost.per !== undefined) {
        if (cost.variable === undefined) issues.push(issue('misplaced-field', [...costPath, 'per'], { field: 'per', reason: 'per-not-variable' }, { atKey: true }));
        else ref('transactions', cost.per, () => [...costPath, 'per']);
      }
      if (cost.at !== undefined && cost.investment === undefined) {
        issues.push(issue('misplaced-field', [...costPath, 'at'], { field: 'at', reason: 'at-not-investment' }, { atKey: true }));
      }
      if (cost.at !== undefined && cost.at > doc.horizon) {
        issues.push(issue('schema', [...costPath, 'at'], { reason: 'after-horizon', at: cost.at, horizon: doc.horizon }));
      }
    });
  }

  for (const [id, object] of records.valueObjects) {
    const path = ['valueObjects', id];
    const field = (name: string, reason: MisplacedFieldReason) =>
      issues.push(issue('misplaced-field', [...path, name], { field: name, reason }, { atKey: true }));
    if (object.nature === 'money' && object.valuation !== undefined) field('valuation', 'valuation-of-money');
    if (object.nature !== 'money' && object.currency !== undefined) field('currency', 'currency-not-money');
    if (object.nature !== 'data' && object.personal !== undefined) field('personal', 'personal-not-data');
    if (typeof object.valuation === 'object') {
      for (const receiver of Object.keys(object.valuation)) {
        if (receiver !== 'default') ref('actors', receiver, () => [...path, 'valuation', receiver]);
      }
    }
  }

  for (const [id, transaction] of records.transactions) {
    let sound = true;
    transaction.transfers.forEach((transfer, i) => {
      const { from, to } = transfer;
      const fromOk = declared.actors.has(from) || unknown('actors', from, ['transactions', id, 'transfers', i, 'from']);
      const toOk = declared.actors.has(to) || unknown('actors', to, ['transactions', id, 'transfers', i, 'to']);
      const objectOk = declared.valueObjects.has(transfer.object) || unknown('valueObjects', transfer.object, ['transactions', id, 'transfers', i, 'object']);
      sound &&= fromOk && toOk;
      if (fromOk && toOk && from === to) issues.push(issue('self-transfer', ['transactions', id, 'transfers', i], { actor: from }));
      if (objectOk && transfer.amount === undefined && recordById(doc.valueObjects, transfer.object)?.nature === 'money') {
        issues.push(issue('missing-field', ['transactions', id, 'transfers', i], { field: 'amount', reason: 'money-amount', object: transfer.object }));
      }
    });
    // Reciprocity is judged only between known actors: a misspelt id is reported once, above.
    const oneWay = transaction.reciprocal !== false && sound ? oneWayActors(transaction.transfers) : undefined;
    if (oneWay) issues.push(issue('reciprocity', ['transactions', id, 'transfers'], { transaction: id, ...oneWay }, { atKey: true }));
  }

  for (const [id, scenario] of records.scenarios) {
    ref('actors', scenario.start.actor, () => ['scenarios', id, 'start', 'actor']);
    checkSteps(scenario.steps, ['scenarios', id, 'steps'], ref, issues);
  }
  for (const [id, variant] of Object.entries(doc.variants ?? {})) {
    for (const name of Object.keys(variant.set)) ref('parameters', name, () => ['variants', id, 'set', name]);
  }
  checkCorrelationNames(doc, ref);
  issues.push(...checkExperiments(doc, ref));
  issues.push(...unusedRecords(records), ...duplicateNames(records));
  return issues;
}

/**
 * The actors of a transaction who give without receiving, and who receive without giving, each
 * list in the order first met; undefined when every one does both.
 */
function oneWayActors(transfers: readonly Transfer[]): { givesOnly: string[]; receivesOnly: string[] } | undefined {
  // Most transactions are a few transfers that balance: seen by scanning them, with no set made.
  const balanced = transfers.length <= 8 && transfers.every((t) => transfers.some((u) => u.to === t.from) && transfers.some((u) => u.from === t.to));
  if (balanced) return undefined;
  const gives = new Set(transfers.map((t) => t.from));
  const receives = new Set(transfers.map((t) => t.to));
  const givesOnly = [...gives].filter((actor) => !receives.has(actor));
  const receivesOnly = [...receives].filter((actor) => !gives.has(actor));
  return givesOnly.length > 0 || receivesOnly.length > 0 ? { givesOnly, receivesOnly } : undefined;
}

/** The first `count` of a set, without copying the rest (one per unknown reference). */
function firstOf(values: Iterable<string>, count: number): string[] {
  const first: string[] = [];
  for (const value of values) {
    if (first.length === count) break;
    first.push(value);
  }
  return first;
}

/** Value objects no transfer carries, actors no transaction or scenario involves. */
function unusedRecords(records: Records): Issue[] {
  const objects = new Set<string>();
  const actors = new Set<string>();
  for (const [, transaction] of records.transactions) {
    for (const transfer of transaction.transfers) {
      objects.add(transfer.object);
      actors.add(transfer.from);
      actors.add(transfer.to);
    }
  }
  for (const [, scenario] of records.scenarios) actors.add(scenario.start.actor);
  const warn = (section: 'valueObjects' | 'actors', id: string) =>
    issue('unused-record', [section, id], { kind: section === 'actors' ? 'actor' : 'valueObject', id }, { severity: 'warning', atKey: true });
  return [
    ...records.valueObjects.flatMap(([id]) => (objects.has(id) ? [] : [warn('valueObjects', id)])),
    ...records.actors.flatMap(([id]) => (actors.has(id) ? [] : [warn('actors', id)])),
  ];
}

/** Records of one kind sharing a display name, which tables could not tell apart. */
function duplicateNames(records: Records): Issue[] {
  const issues: Issue[] = [];
  for (const section of ['actors', 'valueObjects', 'transactions'] as const) {
    const byName = new Map<string, string>();
    for (const [id, record] of records[section]) {
      const name = (record.name ?? id).trim().toLowerCase();
      const first = byName.get(name);
      if (first !== undefined) {
        issues.push(issue('duplicate-name', [section, id, 'name'], { kind: KIND_OF_SECTION[section], first, second: id, name: record.name ?? id }, { severity: 'warning' }));
      } else byName.set(name, id);
    }
  }
  return issues;
}

function checkSteps(
  steps: Step[],
  path: Path,
  ref: (section: SectionName, id: string, path: () => Path) => boolean,
  issues: Issue[],
): void {
  steps.forEach((step, i) => {
    if (typeof step === 'string') {
      ref('transactions', step, () => [...path, i]);
      return;
    }
    const at = [...path, i];
    const forms = (['transaction', 'and', 'or'] as const).filter((k) => step[k] !== undefined);
    if (forms.length !== 1) {
      issues.push(issue('schema', at, { reason: 'step-form', found: forms }));
    }
    if (step.count !== undefined && step.transaction === undefined) {
      issues.push(issue('misplaced-field', [...at, 'count'], { field: 'count', reason: 'count-not-transaction' }, { atKey: true }));
    }
    if (step.transaction !== undefined) ref('transactions', step.transaction, () => [...at, 'transaction']);
    if (step.and) checkSteps(step.and, [...at, 'and'], ref, issues);
    step.or?.forEach((branch, b) => checkSteps(branch.steps, [...at, 'or', b, 'steps'], ref, issues));
  });
}
