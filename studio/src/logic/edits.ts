/**
 * The studio's edits as change lists (pure): what each gesture on the graph or in the side panel
 * asks of the model, in the src/core/edit changes every surface speaks. Nothing here talks to the
 * server; the page sends the lists with the version they edit.
 */
import { FORMAT_VERSION, type Actor, type ActorKind, type Change, type ModelDocument, type Nature, type Period, type Position, type Quantity, type Transaction, type ValueObject } from '../../../src/core/index.js';

/** An empty model a strategist starts from: no actors yet, one currency, one period length. */
export function newModelDocument(name: string, currency: string, period: Period, horizon: number): ModelDocument {
  return { symbiose: FORMAT_VERSION, name, currency, period, horizon, actors: {}, valueObjects: {}, transactions: {} };
}

/** An id made from a name (letters, digits, _ and -), unused in `taken`. */
export function freeId(name: string, taken: ReadonlySet<string> | readonly string[]): string {
  const used = taken instanceof Set ? taken : new Set(taken);
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^([0-9-])/, '_$1') || 'x';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

const ids = (record: Record<string, unknown> | undefined) => new Set(Object.keys(record ?? {}));

/** Where a new node goes: the first free cell of a grid from `near`, so no existing node moves. */
export function freePosition(doc: ModelDocument, near: Position = { x: 0, y: 0 }): Position {
  const taken = Object.values(doc.actors).flatMap((a) => (a.position ? [a.position] : []));
  const clear = (p: Position) => taken.every((q) => Math.abs(q.x - p.x) >= 200 || Math.abs(q.y - p.y) >= 110);
  for (let ring = 0; ring < 50; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: Math.round(near.x + dx * 220), y: Math.round(near.y + dy * 130) };
        if (clear(p)) return p;
      }
    }
  }
  return { x: near.x, y: near.y + 130 * (taken.length + 1) };
}

export function addActor(doc: ModelDocument, name: string, kind: ActorKind, position: Position): { id: string; changes: Change[] } {
  const id = freeId(name, ids(doc.actors));
  const record: Actor = { name, kind, position, ...(kind === 'segment' ? { size: 100 } : {}) };
  return { id, changes: [{ op: 'add', kind: 'actor', id, record }] };
}

/**
 * A connection drawn from `payer` to `provider`: one transaction in which the payer pays money
 * and receives a service (economic reciprocity), the two value objects it carries, and a
 * scenario in which the payer starts it once a period (per member for a segment), so it counts
 * in every figure from the start. Each part is then edited in the side panel.
 */
export function connect(doc: ModelDocument, payer: string, provider: string, words: { payment: string; service: string; transaction: string }): { id: string; changes: Change[] } {
  const id = freeId(`${payer}_${provider}`, new Set([...ids(doc.transactions), ...ids(doc.scenarios)]));
  const objects = ids(doc.valueObjects);
  const payment = freeId(`${id}_payment`, objects);
  objects.add(payment);
  const service = freeId(`${id}_service`, objects);
  const paymentObject: ValueObject = { name: words.payment, nature: 'money' };
  const serviceObject: ValueObject = { name: words.service, nature: 'service' };
  const transaction: Transaction = {
    name: words.transaction,
    transfers: [
      { from: payer, to: provider, object: payment, amount: 10 },
      { from: provider, to: payer, object: service },
    ],
  };
  return {
    id,
    changes: [
      { op: 'add', kind: 'valueObject', id: payment, record: paymentObject },
      { op: 'add', kind: 'valueObject', id: service, record: serviceObject },
      { op: 'add', kind: 'transaction', id, record: transaction },
      { op: 'add', kind: 'scenario', id, record: { start: { actor: payer, count: 1 }, steps: [id] } },
    ],
  };
}

/** Scenarios that start at `actor` or run any of `transactions` anywhere in their steps. */
function scenariosTouching(doc: ModelDocument, actor: string | undefined, transactions: ReadonlySet<string>): string[] {
  const runs = (value: unknown): boolean =>
    typeof value === 'string'
      ? transactions.has(value)
      : Array.isArray(value)
        ? value.some(runs)
        : typeof value === 'object' && value !== null && Object.values(value).some(runs);
  return Object.entries(doc.scenarios ?? {})
    .filter(([, s]) => s.start.actor === actor || runs(s.steps))
    .map(([id]) => id);
}

/** Removes transactions, the scenarios that run them, and the value objects only they carried. */
function removeTransactions(doc: ModelDocument, removed: ReadonlySet<string>, actor?: string): Change[] {
  const changes: Change[] = scenariosTouching(doc, actor, removed).map((id) => ({ op: 'remove', kind: 'scenario', id }));
  const stillCarried = new Set<string>();
  for (const [id, t] of Object.entries(doc.transactions)) if (!removed.has(id)) for (const tr of t.transfers) stillCarried.add(tr.object);
  const freed = new Set<string>();
  for (const id of removed) {
    changes.push({ op: 'remove', kind: 'transaction', id });
    for (const tr of doc.transactions[id]?.transfers ?? []) if (!stillCarried.has(tr.object)) freed.add(tr.object);
  }
  for (const id of freed) if (Object.hasOwn(doc.valueObjects, id)) changes.push({ op: 'remove', kind: 'valueObject', id });
  return changes;
}

export function deleteTransaction(doc: ModelDocument, id: string): Change[] {
  return removeTransactions(doc, new Set([id]));
}

/** Removes an actor with everything that names it: its transactions, their scenarios, its costs' lines. */
export function deleteActor(doc: ModelDocument, id: string): Change[] {
  const touching = new Set(Object.entries(doc.transactions).filter(([, t]) => t.transfers.some((tr) => tr.from === id || tr.to === id)).map(([tid]) => tid));
  return [...removeTransactions(doc, touching, id), { op: 'remove', kind: 'actor', id }];
}

/** A quantity as typed: a plain number (1.5, or 1,5 in French) is a number, anything else an expression. */
export function quantityOf(typed: string): Quantity {
  const text = typed.trim().replace(/[\u00a0\u202f ]/g, '');
  if (/^-?\d+([.,]\d+)?(e-?\d+)?$/i.test(text)) return Number(text.replace(',', '.'));
  return typed.trim();
}

export function setActor(doc: ModelDocument, id: string, patch: Partial<Actor>): Change[] {
  const actor = doc.actors[id];
  if (!actor) return [];
  const record: Actor = { ...actor, ...patch };
  if (record.kind !== 'segment') delete record.size;
  else if (record.size === undefined) record.size = 100;
  return [{ op: 'update', kind: 'actor', id, record }];
}

export function setName(kind: 'actor' | 'transaction' | 'valueObject', id: string, text: string): Change[] {
  return [{ op: 'set-label', kind, id, field: 'name', text: text.trim() === '' ? null : text }];
}

export function setTransferAmount(doc: ModelDocument, transaction: string, index: number, typed: string): Change[] {
  const transfer = doc.transactions[transaction]?.transfers[index];
  if (!transfer) return [];
  const { amount: _, ...rest } = transfer;
  const record = typed.trim() === '' ? rest : { ...rest, amount: quantityOf(typed) };
  return [{ op: 'update', kind: 'transfer', transaction, index, record }];
}

export function setNature(doc: ModelDocument, object: string, nature: Nature): Change[] {
  const current = doc.valueObjects[object];
  if (!current) return [];
  const { currency: _c, personal: _p, ...rest } = current;
  return [{ op: 'update', kind: 'valueObject', id: object, record: { ...rest, nature } }];
}

/** How often the scenario starting a transaction happens per period. */
export function setScenarioCount(doc: ModelDocument, scenario: string, typed: string): Change[] {
  const current = doc.scenarios?.[scenario];
  if (!current) return [];
  return [{ op: 'update', kind: 'scenario', id: scenario, record: { ...current, start: { ...current.start, count: quantityOf(typed) } } }];
}

/** The scenario a connection made for this transaction, when it is the only thing it runs. */
export function ownScenario(doc: ModelDocument, transaction: string): string | undefined {
  return Object.entries(doc.scenarios ?? {}).find(([, s]) => s.steps.length === 1 && s.steps[0] === transaction)?.[0];
}

export function addFixedCost(doc: ModelDocument, actor: string, name: string): Change[] {
  if (!doc.actors[actor]) return [];
  return [{ op: 'add', kind: 'cost', actor, record: { name, fixed: 0 } }];
}

export function setCostAmount(doc: ModelDocument, actor: string, index: number, typed: string): Change[] {
  const cost = doc.actors[actor]?.costs?.[index];
  if (!cost) return [];
  const key = cost.variable !== undefined ? 'variable' : cost.investment !== undefined ? 'investment' : 'fixed';
  return [{ op: 'update', kind: 'cost', actor, index, record: { ...cost, [key]: quantityOf(typed) } }];
}

export function removeCost(actor: string, index: number): Change[] {
  return [{ op: 'remove', kind: 'cost', actor, index }];
}

/** Every actor placed where the layout put it, in one change list. */
export function placeAll(positions: ReadonlyMap<string, Position>): Change[] {
  return [...positions].map(([actor, position]) => ({ op: 'set-position', actor, position: { x: Math.round(position.x), y: Math.round(position.y) } }));
}
