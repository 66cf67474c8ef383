/**
 * Which parts of a ledger concern each actor, found in one pass: an analysis of every actor
 * then reads each flow and cost once, not once per actor.
 */
import type { Ledger } from '../core/index.js';

/** An actor's flow lines (it gives or receives) and cost entries, each in the ledger's order. */
export interface ActorEntries {
  lines: number[];
  costs: number[];
}

/** Every actor's entries, or only `actor`'s when given. */
export function actorsLedger(ledger: Ledger, actor?: string): Map<string, ActorEntries> {
  const byActor = new Map<string, ActorEntries>();
  const of = (id: string): ActorEntries | undefined => {
    if (actor !== undefined && id !== actor) return undefined;
    let entries = byActor.get(id);
    if (!entries) byActor.set(id, (entries = { lines: [], costs: [] }));
    return entries;
  };
  ledger.flows.lines.forEach((line, l) => {
    of(line.from)?.lines.push(l);
    if (line.to !== line.from) of(line.to)?.lines.push(l);
  });
  const { rows, row } = ledger.costs;
  for (let i = 0; i < row.length; i++) of(rows[row[i]!]!.actor)?.costs.push(i);
  return byActor;
}
