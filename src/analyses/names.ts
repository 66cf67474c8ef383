/** How records are named in analyses: their display name, else their id. */
import type { ModelDocument } from '../core/index.js';

export function actorName(doc: ModelDocument, id: string): string {
  return doc.actors[id]?.name ?? id;
}

export function objectName(doc: ModelDocument, id: string): string {
  return doc.valueObjects[id]?.name ?? id;
}

export function transactionName(doc: ModelDocument, id: string): string {
  return doc.transactions[id]?.name ?? id;
}

export function scenarioName(doc: ModelDocument, id: string): string {
  return doc.scenarios?.[id]?.name ?? id;
}
