/** How records are named in analyses: their display name, else their id. */
import { recordById, type Ecosystem, type ModelDocument } from '../core/index.js';

export function actorName(doc: ModelDocument, id: string): string {
  return recordById(doc.actors, id)?.name ?? id;
}

export function objectName(doc: ModelDocument, id: string): string {
  return recordById(doc.valueObjects, id)?.name ?? id;
}

export function transactionName(doc: ModelDocument, id: string): string {
  return recordById(doc.transactions, id)?.name ?? id;
}

export function scenarioName(doc: ModelDocument, id: string): string {
  return recordById(doc.scenarios, id)?.name ?? id;
}

/** The same ecosystem shown with the English labels, where records have one, as their names. */
export function withLabels(ecosystem: Ecosystem): Ecosystem {
  const relabel = <T extends { name?: string | undefined; label?: string | undefined }>(records: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(records).map(([id, r]) => [id, r.label ? { ...r, name: r.label } : r]));
  const doc = ecosystem.doc;
  return {
    ...ecosystem,
    doc: {
      ...doc,
      name: doc.label ?? doc.name,
      actors: relabel(doc.actors),
      valueObjects: relabel(doc.valueObjects),
      transactions: relabel(doc.transactions),
      ...(doc.scenarios ? { scenarios: relabel(doc.scenarios) } : {}),
    },
  };
}

/** The actor a user means: by id, else by name in any case; undefined when none is. */
export function findActor(doc: ModelDocument, wanted: string): string | undefined {
  if (Object.hasOwn(doc.actors, wanted)) return wanted;
  return Object.entries(doc.actors).find(([, a]) => a.name?.toLowerCase() === wanted.toLowerCase())?.[0];
}
