/**
 * The ledger: what a quantification leaves, as columns. What a flow or a cost line is (its
 * scenario, transaction, actors, object) is fixed when the model is prepared and held once, in
 * `lines` and `rows`; each evaluation only fills typed arrays of numbers, period by period. An
 * analysis reads the columns directly; flowRecords, costRecords and occurrencesAt give the same
 * figures as one record per flow, cost or period, for code that wants records.
 */
import type { CostKind, Nature } from './model/index.js';

/** What one flow is, apart from its figures: one transfer of a transaction as one scenario puts it through. */
export interface FlowLine {
  scenario: string;
  transaction: string;
  /** Position of the transfer in its transaction. */
  transfer: number;
  from: string;
  to: string;
  object: string;
  nature: Nature;
  channel: string | undefined;
}

/**
 * The flows of every period, line by line: flow (period − 1) × lines.length + l is line l in
 * period 1..horizon, so the flows come period by period, each period in the order of `lines`.
 */
export interface FlowColumns {
  /** The same objects for every evaluation of one prepared model. */
  lines: readonly FlowLine[];
  occurrences: Float64Array;
  /** Money amount or units per occurrence. */
  perOccurrence: Float64Array;
  /** Total money moved (0 unless the object is money). */
  money: Float64Array;
  /** Total worth of a non-money object to its receiver (0 for money or when not valued). */
  value: Float64Array;
}

/** What one cost line is, apart from its amounts: actors.ACTOR.costs[index], by scenario when variable. */
export interface CostRow {
  actor: string;
  index: number;
  name: string;
  kind: CostKind;
  /** For variable costs: the scenario whose occurrences cause it. */
  scenario?: string;
}

/**
 * Every amount charged, in the order it was incurred (period by period; in a period, the
 * investments, then the other costs in the model's order). Entry i is rows[row[i]] in period[i].
 * A variable cost is charged only in periods where its transaction occurs.
 */
export interface CostColumns {
  /** The same objects for every evaluation of one prepared model. */
  rows: readonly CostRow[];
  row: Int32Array;
  period: Int32Array;
  amount: Float64Array;
}

/** Occurrences of every transaction some scenario reaches, summed over scenarios, per period. */
export interface OccurrenceColumns {
  /** In the order the scenarios first reach them. */
  transactions: readonly string[];
  /** Position of each transaction in `transactions`. */
  index: ReadonlyMap<string, number>;
  /** counts[period × transactions.length + i], periods 0..horizon; period 0 holds none. */
  counts: Float64Array;
}

export interface Ledger {
  horizon: number;
  flows: FlowColumns;
  costs: CostColumns;
  occurrences: OccurrenceColumns;
  /** Size of each segment in periods 1..horizon (index 0 is period 1). */
  sizes: Map<string, number[]>;
}

/** One flow as a record: its line and its figures. */
export interface Flow extends FlowLine {
  period: number;
  occurrences: number;
  perOccurrence: number;
  money: number;
  value: number;
}

/** One cost charged, as a record. */
export interface CostLine extends CostRow {
  period: number;
  amount: number;
}

/** Every flow as a record, period by period. */
export function flowRecords(ledger: Ledger): Flow[] {
  const { lines, occurrences, perOccurrence, money, value } = ledger.flows;
  const records: Flow[] = [];
  for (let i = 0; i < occurrences.length; i++) {
    records.push({
      period: Math.floor(i / lines.length) + 1,
      ...lines[i % lines.length]!,
      occurrences: occurrences[i]!,
      perOccurrence: perOccurrence[i]!,
      money: money[i]!,
      value: value[i]!,
    });
  }
  return records;
}

/** Every cost charged as a record, in the order incurred. */
export function costRecords(ledger: Ledger): CostLine[] {
  const { rows, row, period, amount } = ledger.costs;
  return Array.from(row, (r, i) => ({ period: period[i]!, ...rows[r]!, amount: amount[i]! }));
}

/** Occurrences of each reached transaction in one period (none in period 0). */
export function occurrencesAt(ledger: Ledger, period: number): Map<string, number> {
  const { transactions, counts } = ledger.occurrences;
  if (period < 1 || period > ledger.horizon) return new Map();
  return new Map(transactions.map((t, i) => [t, counts[period * transactions.length + i]!]));
}
