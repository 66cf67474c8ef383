/**
 * Who pays and who is paid: every money transfer between actors, per scenario and overall, with
 * the totals each actor pays and receives (the questions seed 002 asks of every service).
 */
import type { Ecosystem, FlowColumns } from '../core/index.js';

export interface Payment {
  payer: string;
  payee: string;
  object: string;
  transaction: string;
  /** Occurrences over the horizon. */
  occurrences: number;
  /** Money over the horizon. */
  total: number;
}

export interface PaymentTable {
  /** undefined for the overall table */
  scenario: string | undefined;
  payments: Payment[];
  /** Per actor: total paid, total received, and received − paid, over the horizon. */
  byActor: Array<{ actor: string; paid: number; received: number; net: number }>;
  payers: string[];
  payees: string[];
}

export interface WhoPays {
  currency: string;
  horizon: number;
  overall: PaymentTable;
  scenarios: PaymentTable[];
}

export function whoPays(ecosystem: Ecosystem): WhoPays {
  const { flows } = ecosystem.ledger;
  const { lines, money } = flows;
  // The money flows that move some money, overall and by scenario, in the ledger's order.
  const moving: number[] = [];
  const byScenario = new Map<string, number[]>();
  for (let i = 0; i < money.length; i++) {
    const line = lines[i % lines.length]!;
    if (line.nature !== 'money' || money[i] === 0) continue;
    moving.push(i);
    let list = byScenario.get(line.scenario);
    if (!list) byScenario.set(line.scenario, (list = []));
    list.push(i);
  }
  const scenarioIds = Object.keys(ecosystem.doc.scenarios ?? {});
  const order = new Map(Object.keys(ecosystem.doc.actors).map((id, i) => [id, i]));
  return {
    currency: ecosystem.doc.currency,
    horizon: ecosystem.doc.horizon,
    overall: table(flows, order, undefined, moving),
    scenarios: scenarioIds.map((id) => table(flows, order, id, byScenario.get(id) ?? [])),
  };
}

/** The payments of some flows (by their index in the ledger), and each actor's totals. */
function table(flows: FlowColumns, order: ReadonlyMap<string, number>, scenario: string | undefined, indices: readonly number[]): PaymentTable {
  const { lines, occurrences, money } = flows;
  const rows = new Map<string, Payment>();
  // A line's row, found once per line rather than once per period.
  const rowOfLine = new Map<number, Payment>();
  for (const i of indices) {
    const l = i % lines.length;
    let row = rowOfLine.get(l);
    if (!row) {
      const flow = lines[l]!;
      const key = [flow.from, flow.to, flow.object, flow.transaction].join('\u0000');
      row = rows.get(key);
      if (!row) rows.set(key, (row = { payer: flow.from, payee: flow.to, object: flow.object, transaction: flow.transaction, occurrences: 0, total: 0 }));
      rowOfLine.set(l, row);
    }
    row.occurrences += occurrences[i]!;
    row.total += money[i]!;
  }
  const payments = [...rows.values()];
  // Each actor's totals, added in the payments' order; listed in the document's order.
  const totals = new Map<string, { paid: number; received: number }>();
  const of = (actor: string) => {
    let t = totals.get(actor);
    if (!t) totals.set(actor, (t = { paid: 0, received: 0 }));
    return t;
  };
  for (const p of payments) {
    of(p.payer).paid += p.total;
    of(p.payee).received += p.total;
  }
  const byActor = [...totals]
    .filter(([actor]) => order.has(actor))
    .sort(([a], [b]) => order.get(a)! - order.get(b)!)
    .map(([actor, { paid, received }]) => ({ actor, paid, received, net: received - paid }))
    .filter((row) => row.paid !== 0 || row.received !== 0);
  return {
    scenario,
    payments,
    byActor,
    payers: byActor.filter((r) => r.paid > 0).map((r) => r.actor),
    payees: byActor.filter((r) => r.received > 0).map((r) => r.actor),
  };
}
