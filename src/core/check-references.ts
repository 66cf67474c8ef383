/**
 * Checks that need the whole document: references between records, economic reciprocity, and
 * fields that only make sense for some kinds of record.
 */
import { issue, type Issue, type MisplacedFieldReason, type Path, type KindName } from './issues.js';
import { costKinds, type ModelDocument, type SectionName, type Step } from './model/index.js';
import { suggester } from './suggest.js';
import type { Structured } from './check-structure.js';

const KIND_OF_SECTION: Record<SectionName, KindName> = {
  parameters: 'parameter',
  actors: 'actor',
  valueObjects: 'valueObject',
  transactions: 'transaction',
  scenarios: 'scenario',
  variants: 'variant',
};

export function checkReferences(doc: ModelDocument, declared: Structured['declared']): Issue[] {
  const issues: Issue[] = [];
  const suggestions = new Map<SectionName, (word: string) => string | undefined>();
  const ref = (section: SectionName, id: string, path: Path): boolean => {
    if (declared[section].has(id)) return true;
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

  for (const [id, actor] of Object.entries(doc.actors)) {
    const path = ['actors', id];
    if (actor.kind === 'segment' && actor.size === undefined) {
      issues.push(issue('missing-field', path, { field: 'size', reason: 'segment-size' }));
    }
    if (actor.kind !== 'segment' && actor.size !== undefined) {
      issues.push(issue('misplaced-field', [...path, 'size'], { field: 'size', reason: 'size-not-segment' }, { atKey: true }));
    }
    actor.costs?.forEach((cost, i) => {
      const costPath = [...path, 'costs', i];
      const kinds = costKinds(cost);
      if (kinds.length !== 1) issues.push(issue('cost-kind', costPath, { found: kinds }));
      if (cost.variable !== undefined && cost.per === undefined) {
        issues.push(issue('missing-field', costPath, { field: 'per', reason: 'variable-cost-per' }));
      }
      if (cost.per !== undefined) {
        if (cost.variable === undefined) issues.push(issue('misplaced-field', [...costPath, 'per'], { field: 'per', reason: 'per-not-variable' }, { atKey: true }));
        else ref('transactions', cost.per, [...costPath, 'per']);
      }
      if (cost.at !== undefined && cost.investment === undefined) {
        issues.push(issue('misplaced-field', [...costPath, 'at'], { field: 'at', reason: 'at-not-investment' }, { atKey: true }));
      }
      if (cost.at !== undefined && cost.at > doc.horizon) {
        issues.push(issue('schema', [...costPath, 'at'], { reason: 'after-horizon', at: cost.at, horizon: doc.horizon }));
      }
    });
  }

  for (const [id, object] of Object.entries(doc.valueObjects)) {
    const path = ['valueObjects', id];
    const field = (name: string, reason: MisplacedFieldReason) =>
      issues.push(issue('misplaced-field', [...path, name], { field: name, reason }, { atKey: true }));
    if (object.nature === 'money' && object.valuation !== undefined) field('valuation', 'valuation-of-money');
    if (object.nature !== 'money' && object.currency !== undefined) field('currency', 'currency-not-money');
    if (object.nature !== 'data' && object.personal !== undefined) field('personal', 'personal-not-data');
    if (typeof object.valuation === 'object') {
      for (const receiver of Object.keys(object.valuation)) {
        if (receiver !== 'default') ref('actors', receiver, [...path, 'valuation', receiver]);
      }
    }
  }

  for (const [id, transaction] of Object.entries(doc.transactions)) {
    const path = ['transactions', id];
    const gives = new Set<string>();
    const receives = new Set<string>();
    let sound = true;
    transaction.transfers.forEach((transfer, i) => {
      const at = [...path, 'transfers', i];
      const fromOk = ref('actors', transfer.from, [...at, 'from']);
      const toOk = ref('actors', transfer.to, [...at, 'to']);
      const objectOk = ref('valueObjects', transfer.object, [...at, 'object']);
      sound &&= fromOk && toOk;
      if (fromOk && toOk && transfer.from === transfer.to) issues.push(issue('self-transfer', at, { actor: transfer.from }));
      gives.add(transfer.from);
      receives.add(transfer.to);
      const object = doc.valueObjects[transfer.object];
      if (objectOk && object?.nature === 'money' && transfer.amount === undefined) {
        issues.push(issue('missing-field', at, { field: 'amount', reason: 'money-amount', object: transfer.object }));
      }
    });
    // Reciprocity is judged only between known actors: a misspelt id is reported once, above.
    if (transaction.reciprocal !== false && sound) {
      const givesOnly = [...gives].filter((actor) => !receives.has(actor));
      const receivesOnly = [...receives].filter((actor) => !gives.has(actor));
      if (givesOnly.length > 0 || receivesOnly.length > 0) {
        issues.push(issue('reciprocity', [...path, 'transfers'], { transaction: id, givesOnly, receivesOnly }, { atKey: true }));
      }
    }
  }

  for (const [id, scenario] of Object.entries(doc.scenarios ?? {})) {
    const path = ['scenarios', id];
    ref('actors', scenario.start.actor, [...path, 'start', 'actor']);
    checkSteps(scenario.steps, [...path, 'steps'], ref, issues);
  }
  for (const [id, variant] of Object.entries(doc.variants ?? {})) {
    for (const name of Object.keys(variant.set)) ref('parameters', name, ['variants', id, 'set', name]);
  }
  issues.push(...unusedRecords(doc), ...duplicateNames(doc));
  return issues;
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
function unusedRecords(doc: ModelDocument): Issue[] {
  const transfers = Object.values(doc.transactions).flatMap((t) => t.transfers);
  const objects = new Set(transfers.map((t) => t.object));
  const actors = new Set([...transfers.flatMap((t) => [t.from, t.to]), ...Object.values(doc.scenarios ?? {}).map((s) => s.start.actor)]);
  const warn = (section: 'valueObjects' | 'actors', id: string) =>
    issue('unused-record', [section, id], { kind: section === 'actors' ? 'actor' : 'valueObject', id }, { severity: 'warning', atKey: true });
  return [
    ...Object.keys(doc.valueObjects).filter((id) => !objects.has(id)).map((id) => warn('valueObjects', id)),
    ...Object.keys(doc.actors).filter((id) => !actors.has(id)).map((id) => warn('actors', id)),
  ];
}

/** Records of one kind sharing a display name, which tables could not tell apart. */
function duplicateNames(doc: ModelDocument): Issue[] {
  const issues: Issue[] = [];
  for (const section of ['actors', 'valueObjects', 'transactions'] as const) {
    const byName = new Map<string, string>();
    for (const [id, record] of Object.entries(doc[section])) {
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
  ref: (section: SectionName, id: string, path: Path) => boolean,
  issues: Issue[],
): void {
  steps.forEach((step, i) => {
    const at = [...path, i];
    if (typeof step === 'string') {
      ref('transactions', step, at);
      return;
    }
    const forms = (['transaction', 'and', 'or'] as const).filter((k) => step[k] !== undefined);
    if (forms.length !== 1) {
      issues.push(issue('schema', at, { reason: 'step-form', found: forms }));
    }
    if (step.count !== undefined && step.transaction === undefined) {
      issues.push(issue('misplaced-field', [...at, 'count'], { field: 'count', reason: 'count-not-transaction' }, { atKey: true }));
    }
    if (step.transaction !== undefined) ref('transactions', step.transaction, [...at, 'transaction']);
    if (step.and) checkSteps(step.and, [...at, 'and'], ref, issues);
    step.or?.forEach((branch, b) => checkSteps(branch.steps, [...at, 'or', b, 'steps'], ref, issues));
  });
}
