/**
 * Every place of a document where a quantity (a model expression) or a dynamics equation is
 * written, visited with the means to replace it. What a rename reaches inside formulas.
 */
import type { Path } from '../issues.js';
import type { ModelDocument, Quantity, Step } from '../model/index.js';

/** Called with a quantity and its path; returns the value to keep there. */
export type QuantityVisitor = (value: Quantity, path: Path) => Quantity;

/** Visits every quantity of `doc`, in document order, replacing each by what `visit` returns. */
export function mapQuantities(doc: ModelDocument, visit: QuantityVisitor): void {
  for (const [name, parameter] of Object.entries(doc.parameters ?? {})) {
    if (typeof parameter === 'object') parameter.value = visit(parameter.value, ['parameters', name, 'value']);
    else doc.parameters![name] = visit(parameter, ['parameters', name]);
  }
  for (const [id, actor] of Object.entries(doc.actors ?? {})) {
    if (actor.size !== undefined) actor.size = visit(actor.size, ['actors', id, 'size']);
    actor.costs?.forEach((cost, i) => {
      for (const field of ['fixed', 'variable', 'investment'] as const) {
        const value = cost[field];
        if (value !== undefined) cost[field] = visit(value, ['actors', id, 'costs', i, field]);
      }
    });
  }
  for (const [id, object] of Object.entries(doc.valueObjects ?? {})) {
    const valuation = object.valuation;
    if (valuation === undefined) continue;
    if (typeof valuation === 'object') {
      for (const [receiver, value] of Object.entries(valuation)) valuation[receiver] = visit(value, ['valueObjects', id, 'valuation', receiver]);
    } else object.valuation = visit(valuation, ['valueObjects', id, 'valuation']);
  }
  for (const [id, transaction] of Object.entries(doc.transactions ?? {})) {
    transaction.transfers?.forEach((transfer, i) => {
      if (transfer.amount !== undefined) transfer.amount = visit(transfer.amount, ['transactions', id, 'transfers', i, 'amount']);
    });
  }
  for (const [id, scenario] of Object.entries(doc.scenarios ?? {})) {
    if (scenario.start?.count !== undefined) scenario.start.count = visit(scenario.start.count, ['scenarios', id, 'start', 'count']);
    if (Array.isArray(scenario.steps)) mapStepQuantities(scenario.steps, ['scenarios', id, 'steps'], visit);
  }
  for (const [id, variant] of Object.entries(doc.variants ?? {})) {
    for (const [name, value] of Object.entries(variant.set ?? {})) variant.set[name] = visit(value, ['variants', id, 'set', name]);
  }
}

function mapStepQuantities(steps: Step[], path: Path, visit: QuantityVisitor): void {
  steps.forEach((step, i) => {
    if (typeof step !== 'object' || step === null) return;
    const at = [...path, i];
    if (step.count !== undefined) step.count = visit(step.count, [...at, 'count']);
    if (step.and) mapStepQuantities(step.and, [...at, 'and'], visit);
    step.or?.forEach((branch, b) => {
      if (branch.fraction !== undefined) branch.fraction = visit(branch.fraction, [...at, 'or', b, 'fraction']);
      if (Array.isArray(branch.steps)) mapStepQuantities(branch.steps, [...at, 'or', b, 'steps'], visit);
    });
  });
}

export type Equation = string | number;
export type EquationVisitor = (value: Equation, path: Path) => Equation;

/** Visits every equation of the dynamics section: initial values, equations, per-element equations. */
export function mapEquations(doc: ModelDocument, visit: EquationVisitor): void {
  const dynamics = doc.dynamics;
  if (!dynamics) return;
  for (const section of ['stocks', 'flows', 'variables'] as const) {
    const records = dynamics[section] as Record<string, unknown> | undefined;
    for (const [name, record] of Object.entries(records ?? {})) {
      const path = ['dynamics', section, name];
      if (typeof record === 'string' || typeof record === 'number') {
        records![name] = visit(record, path);
        continue;
      }
      if (typeof record !== 'object' || record === null) continue;
      const long = record as Record<string, unknown>;
      for (const field of ['initial', 'equation'] as const) {
        const value = long[field];
        if (typeof value === 'string' || typeof value === 'number') long[field] = visit(value, [...path, field]);
      }
      const elements = long.elements as Record<string, Equation> | undefined;
      for (const [element, value] of Object.entries(elements ?? {})) elements![element] = visit(value, [...path, 'elements', element]);
    }
  }
}

/** Visits the flow names of every stock's inflows and outflows. */
export function mapFlowLists(doc: ModelDocument, visit: (name: string, path: Path) => string): void {
  for (const [name, stock] of Object.entries(doc.dynamics?.stocks ?? {})) {
    for (const field of ['inflows', 'outflows'] as const) {
      const list = stock[field];
      if (Array.isArray(list)) stock[field] = list.map((flow, i) => visit(flow, ['dynamics', 'stocks', name, field, i]));
    }
  }
}
