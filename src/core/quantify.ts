/**
 * Quantification: every period, evaluate the parameters, follow each scenario's dependency path
 * from its start stimulus to count the occurrences of every transaction (expected values, so
 * fractional), and turn them into money and valued flows between actors, plus each actor's costs.
 * This is the e3value method (Gordijn & Akkermans 2003) applied period by period.
 */
import { evaluate, EvaluationError } from './expression/index.js';
import type { CompiledModel, CompiledQuantity, CompiledStep } from './compile.js';
import { issue, type Issue, type Path } from './issues.js';
import { canonicalName, type CostKind, type Nature } from './model/index.js';

/** One value transfer of one transaction, in one period, for the occurrences one scenario causes. */
export interface Flow {
  period: number;
  scenario: string;
  transaction: string;
  transfer: number;
  from: string;
  to: string;
  object: string;
  nature: Nature;
  channel: string | undefined;
  occurrences: number;
  /** Money amount or units per occurrence. */
  perOccurrence: number;
  /** Total money moved (0 unless the object is money). */
  money: number;
  /** Total worth of a non-money object to its receiver (0 for money or when not valued). */
  value: number;
}

export interface CostLine {
  period: number;
  actor: string;
  /** Position in the actor's cost list (actors.ACTOR.costs[index]). */
  index: number;
  name: string;
  kind: CostKind;
  amount: number;
  /** For variable costs: the scenario whose occurrences caused it. */
  scenario?: string;
}

export interface Ledger {
  horizon: number;
  flows: Flow[];
  costs: CostLine[];
  /** occurrences[period].get(transaction) summed over scenarios; period 0 has none. */
  occurrences: Array<Map<string, number>>;
  /** Size of each segment in periods 1..horizon (index 0 is period 1). */
  sizes: Map<string, number[]>;
}

const FRACTION_TOLERANCE = 1e-9;

/** Values of the dynamics' variables per period (index 0..horizon), by canonical name. */
export type PeriodSeries = ReadonlyMap<string, ArrayLike<number>>;

export function quantify(model: CompiledModel, series: PeriodSeries = new Map()): { ledger: Ledger; issues: Issue[] } {
  const { doc } = model;
  const issues: Issue[] = [];
  const reported = new Set<string>();
  const report = (found: Issue): void => {
    const key = `${found.code}|${JSON.stringify(found.path)}`;
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(found);
  };

  const ledger: Ledger = { horizon: doc.horizon, flows: [], costs: [], occurrences: [new Map()], sizes: new Map() };
  for (let period = 0; period <= doc.horizon; period++) {
    const values = new Map<string, number>([['t', period], ['horizon', doc.horizon]]);
    const scope = (name: string) => values.get(name) ?? series.get(canonicalName(name))?.[period];
    const value = (q: CompiledQuantity | undefined, fallback = Number.NaN, quiet = false): number => {
      if (!q) return fallback;
      try {
        return evaluate(q.expr, scope);
      } catch (error) {
        if (!(error instanceof EvaluationError)) throw error;
        // Unknown names mean a broken parameter already reported; everything else is new.
        if (!quiet && !error.detail.startsWith('unknown name')) {
          report(issue('evaluation', q.path, { detail: error.detail, period }, { offset: error.offset }));
        }
        return Number.NaN;
      }
    };
    const nonNegative = (amount: number, what: string, path: Path): number => {
      if (amount < 0) report(issue('negative', path, { what, value: round(amount), period }));
      return amount;
    };
    // Period 0 only holds investments, before t starts at 1: a parameter such as "12 / t" need
    // not make sense there, so its failures count only if an investment at 0 reads it.
    const quiet = period === 0;
    for (const { name, value: q } of model.parameters) values.set(name, value(q, Number.NaN, quiet));

    for (const cost of model.costs) {
      if (cost.kind !== 'investment' || cost.at !== period) continue;
      const amount = nonNegative(value(cost.amount, Number.NaN, quiet), `investment "${cost.name}"`, cost.amount?.path ?? cost.path);
      if (Number.isNaN(amount) && cost.amount && quiet) {
        report(issue('evaluation', cost.amount.path, { detail: 'cannot be evaluated before operations start: it reads a parameter that does not exist at period 0 (t = 0)', period }));
      }
      ledger.costs.push({ period, actor: cost.actor, index: cost.index, name: cost.name, kind: 'investment', amount });
    }
    if (period === 0) continue;

    for (const [actor, q] of model.sizes) {
      const size = nonNegative(value(q), `size of segment "${actor}"`, q?.path ?? ['actors', actor]);
      ledger.sizes.set(actor, [...(ledger.sizes.get(actor) ?? []), size]);
    }

    const occurrences = new Map<string, number>();
    const byScenario = new Map<string, Map<string, number>>();
    for (const scenario of model.scenarios) {
      const counts = new Map<string, number>();
      byScenario.set(scenario.id, counts);
      let starts = nonNegative(value(scenario.count), 'start count', scenario.count?.path ?? ['scenarios', scenario.id]);
      // A segment's need occurs `count` times per member: e3value's segment size × need occurrences.
      if (doc.actors[scenario.actor]?.kind === 'segment') starts *= ledger.sizes.get(scenario.actor)?.[period - 1] ?? Number.NaN;
      const walk = (steps: CompiledStep[], reaching: number): void => {
        for (const step of steps) {
          if (step.kind === 'transaction') {
            const count = step.count ? nonNegative(value(step.count), 'count', step.count.path) : 1;
            counts.set(step.transaction, (counts.get(step.transaction) ?? 0) + reaching * count);
          } else if (step.kind === 'and') {
            walk(step.steps, reaching);
          } else {
            const fractions = step.branches.map((b) => value(b.fraction));
            fractions.forEach((f, i) => {
              if (f < 0 || f > 1) report(issue('fraction-range', step.branches[i]!.fraction!.path, { value: round(f), period }));
            });
            const sum = fractions.reduce((a, b) => a + b, 0);
            if (!Number.isNaN(sum) && Math.abs(sum - 1) > FRACTION_TOLERANCE) {
              report(issue('or-fractions', step.path, { sum: round(sum), period }, { atKey: true }));
            }
            step.branches.forEach((branch, i) => walk(branch.steps, reaching * fractions[i]!));
          }
        }
      };
      walk(scenario.steps, starts);
      for (const [transaction, n] of counts) occurrences.set(transaction, (occurrences.get(transaction) ?? 0) + n);
    }
    ledger.occurrences.push(occurrences);

    for (const [scenario, counts] of byScenario) {
      for (const [transactionId, n] of counts) {
        const transaction = doc.transactions[transactionId];
        if (!transaction) continue;
        transaction.transfers.forEach((transfer, i) => {
          const object = doc.valueObjects[transfer.object];
          if (!object) return;
          const q = model.amounts.get(transactionId)?.[i];
          const perOccurrence = nonNegative(value(q, 1), 'amount', q?.path ?? ['transactions', transactionId, 'transfers', i]);
          let worth = 0;
          if (object.nature !== 'money') {
            const valuation = model.valuations.get(transfer.object);
            const q = valuation?.byReceiver.get(transfer.to) ?? valuation?.other;
            worth = q ? value(q) : 0;
          }
          ledger.flows.push({
            period,
            scenario,
            transaction: transactionId,
            transfer: i,
            from: transfer.from,
            to: transfer.to,
            object: transfer.object,
            nature: object.nature,
            channel: transfer.channel ?? transaction.channel,
            occurrences: n,
            perOccurrence,
            money: object.nature === 'money' ? n * perOccurrence : 0,
            value: object.nature === 'money' ? 0 : n * perOccurrence * worth,
          });
        });
      }
    }

    for (const cost of model.costs) {
      if (cost.kind === 'investment') continue;
      const path = cost.amount?.path ?? cost.path;
      const amount = nonNegative(value(cost.amount), `cost "${cost.name}"`, path);
      if (cost.kind === 'fixed') {
        ledger.costs.push({ period, actor: cost.actor, index: cost.index, name: cost.name, kind: 'fixed', amount });
        continue;
      }
      for (const [scenario, counts] of byScenario) {
        const n = counts.get(cost.per!) ?? 0;
        if (n > 0) ledger.costs.push({ period, actor: cost.actor, index: cost.index, name: cost.name, kind: 'variable', amount: n * amount, scenario });
      }
    }
  }

  const reached = new Set(ledger.occurrences.flatMap((m) => [...m.keys()]));
  for (const id of Object.keys(doc.transactions)) {
    if (!reached.has(id)) report(issue('unreached-transaction', ['transactions', id], { transaction: id }, { severity: 'warning', atKey: true }));
  }
  return { ledger, issues };
}

/** The value of every constant parameter (see CompiledModel.constantParameters). */
export function constantValues(model: CompiledModel): Map<string, number> {
  const values = new Map<string, number>([['horizon', model.doc.horizon]]);
  const constant = new Set(model.constantParameters);
  for (const { name, value } of model.parameters) {
    if (!constant.has(name) || !value) continue;
    try {
      values.set(name, evaluate(value.expr, (n) => values.get(n)));
    } catch {
      // Reported by quantify, which evaluates every parameter in every period.
    }
  }
  values.delete('horizon');
  return values;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
