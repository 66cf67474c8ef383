/**
 * Analyses as JSON: their data keyed by ids, with the display name of every id beside it
 * (`payer` gets `payerName`, a cost line its `name`), so a reader needs no second look-up.
 * Names are the model's (or its English labels, through withLabels); no other words are added.
 * The CLI's --json and the HTTP API give the same text: withNames, then JSON with roundFigures.
 */
import type { ModelDocument } from '../core/index.js';
import { actorName, objectName, scenarioName, transactionName } from './names.js';

type Namer = (doc: ModelDocument, id: string) => string;

/** Fields that hold an id, and how their record is named. */
const NAMED: Record<string, Namer> = {
  actor: actorName,
  counterparty: actorName,
  payer: actorName,
  payee: actorName,
  from: actorName,
  to: actorName,
  object: objectName,
  transaction: transactionName,
  scenario: scenarioName,
};

/** Lists of ids, named in a parallel list. */
const NAMED_LISTS: Record<string, { key: string; name: Namer }> = {
  objects: { key: 'objectNames', name: objectName },
  payers: { key: 'payerNames', name: actorName },
  payees: { key: 'payeeNames', name: actorName },
  coalition: { key: 'coalitionNames', name: actorName },
  collapsed: { key: 'collapsedNames', name: actorName },
};

export function withNames(doc: ModelDocument, data: unknown): unknown {
  if (Array.isArray(data)) return data.map((item) => withNames(doc, item));
  if (typeof data !== 'object' || data === null) return data;
  const record = data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = withNames(doc, value);
    const name = NAMED[key];
    if (name && typeof value === 'string') out[`${key}Name`] = name(doc, value);
    const list = NAMED_LISTS[key];
    if (list && Array.isArray(value)) out[list.key] = value.map((id) => (typeof id === 'string' ? list.name(doc, id) : id));
  }
  if (record.kind === 'cost' && typeof record.actor === 'string' && typeof record.index === 'number') {
    out.name = doc.actors[record.actor]?.costs?.[record.index]?.name;
  }
  return out;
}

/**
 * A JSON.stringify replacer: 12 significant digits, so 3743.7499999999995 prints as 3743.75 and
 * no figure loses meaning.
 */
export function roundFigures(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}
