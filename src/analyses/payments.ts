/**
 * Who pays and who is paid: every money transfer between actors, per scenario and overall, with
 * the totals each actor pays and receives (the questions seed 002 asks of every service).
 */
import type { Ecosystem, Flow } from '../core/index.js';

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
  const money = ecosystem.ledger.flows.filter((f) => f.nature === 'money' && f.money !== 0);
  const scenarioIds = Object.keys(ecosystem.doc.scenarios ?? {});
  return {
    currency: ecosystem.doc.currency,
    horizon: ecosystem.doc.horizon,
    overall: table(ecosystem, undefined, money),
    scenarios: scenarioIds.map((id) => table(ecosystem, id, money.filter((f) => f.scenario === id))),
  };
}

function table(ecosystem: Ecosystem, scenario: string | undefined, flows: Flow[]): PaymentTable {
  const rows = new Map<string, Payment>();
  for (const flow of flows) {
    const key = [flow.from, flow.to, flow.object, flow.transaction].join('\u0000');
    const row = rows.get(key) ?? { payer: flow.from, payee: flow.to, object: flow.object, transaction: flow.transaction, occurrences: 0, total: 0 };
    row.occurrences += flow.occurrences;
    row.total += flow.money;
    rows.set(key, row);
  }
  const payments = [...rows.values()];
  const byActor = Object.keys(ecosystem.doc.actors)
    .map((actor) => {
      const paid = sum(payments.filter((p) => p.payer === actor).map((p) => p.total));
      const received = sum(payments.filter((p) => p.payee === actor).map((p) => p.total));
      return { actor, paid, received, net: received - paid };
    })
    .filter((row) => row.paid !== 0 || row.received !== 0);
  return {
    scenario,
    payments,
    byActor,
    payers: byActor.filter((r) => r.paid > 0).map((r) => r.actor),
    payees: byActor.filter((r) => r.received > 0).map((r) => r.actor),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
