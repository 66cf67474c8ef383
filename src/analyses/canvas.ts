/**
 * The Business Model Canvas (Osterwalder & Pigneur 2010) of one actor, as a projection of the
 * value network: every block is read off the transactions the actor takes part in, the flows the
 * scenarios put through them, and the actor's declared activities, resources and costs.
 */
import type { ActorKind, CostKind, Ecosystem, Ledger, Nature } from '../core/index.js';

export const CANVAS_BLOCKS = [
  'keyPartners',
  'keyActivities',
  'keyResources',
  'valuePropositions',
  'customerRelationships',
  'channels',
  'customerSegments',
  'costStructure',
  'revenueStreams',
] as const;
export type CanvasBlock = (typeof CANVAS_BLOCKS)[number];

/**
 * One entry of a canvas block, keyed by what it is (actors, value objects, transactions and cost
 * lines by id). Renderers turn it into words, with the names or labels of the day.
 */
export type CanvasItem =
  /** A customer segment: an actor the actor serves, and what it gives it. */
  | { kind: 'customer'; actor: string; actorKind: ActorKind; objects: string[] }
  /** A value proposition: an object given to a customer, with its worth to them where valued. */
  | { kind: 'proposition'; object: string; nature: Nature; personal: boolean; to: string; amount?: number }
  | { kind: 'channel'; channel: string; object: string; to: string }
  /** A key activity read off the flows: providing an object. */
  | { kind: 'provide'; object: string }
  /** An activity or resource the model declares, in the model's own words. */
  | { kind: 'declared'; text: string }
  | { kind: 'resource'; object: string; nature: Nature; personal: boolean; from: string }
  /** A customer relationship: declared words, and how often the actor serves the customer. */
  | { kind: 'relationship'; actor: string; declared: string[]; frequency: Frequency | undefined }
  /** A key partner: what it supplies (to the actor, or to `to`); nothing when the actor only pays it. */
  | { kind: 'partner'; actor: string; supplies: Array<{ object: string; to?: string }> }
  /** Money of one transaction with one counterparty, over the horizon; its price when one. */
  | { kind: 'money'; transaction: string; counterparty: string; direction: 'in' | 'out'; price?: number; amount: number }
  /** One of the actor's cost lines: actors.ACTOR.costs[index], over the horizon. */
  | { kind: 'cost'; actor: string; index: number; costKind: CostKind; amount: number };

/** Transactions per period while the relationship lasts: per member when the customer is a segment. */
export interface Frequency {
  rate: number;
  perMember: boolean;
}

export interface Canvas {
  actor: string;
  currency: string;
  horizon: number;
  blocks: Record<CanvasBlock, CanvasItem[]>;
}

interface Edge {
  transaction: string;
  from: string;
  to: string;
  object: string;
  money: boolean;
  /** Equity, loans and their repayment: money that is neither revenue nor cost. */
  financing: boolean;
  channel: string | undefined;
}

export function canvas(ecosystem: Ecosystem, actor: string): Canvas {
  const { doc, ledger } = ecosystem;
  const blocks = Object.fromEntries(CANVAS_BLOCKS.map((b) => [b, [] as CanvasItem[]])) as Canvas['blocks'];
  // Items meet again under the same key (the same object to the same customer from two
  // transactions): they are one item, their amounts added.
  // One map per block, so that no key is made twice as long for every item of a large canvas.
  const seen = new Map<CanvasBlock, Map<string, CanvasItem>>(CANVAS_BLOCKS.map((b) => [b, new Map()]));
  const add = (block: CanvasBlock, key: string, item: CanvasItem): void => {
    const inBlock = seen.get(block)!;
    const existing = inBlock.get(key);
    if (!existing) {
      inBlock.set(key, item);
      blocks[block].push(item);
    } else if ('amount' in item && item.amount !== undefined && 'amount' in existing) {
      existing.amount = (existing.amount ?? 0) + item.amount;
    }
  };
  const linesOf = edgeLines(ledger, actor);
  const { lines } = ledger.flows;
  const total = (edge: Edge, key: 'money' | 'value') => sumOverHorizon([linesOf(edge)], lines.length, ledger.horizon, ledger.flows[key]);
  // Only the transactions the actor takes part in are looked at, and those whole; `mine` are
  // their transfers from or to the actor, in the model's order.
  const mine: Edge[] = [];
  const byTransaction = new Map<string, Edge[]>();
  for (const id of Object.keys(doc.transactions)) {
    const t = doc.transactions[id]!;
    if (!t.transfers.some((tr) => tr.from === actor || tr.to === actor)) continue;
    const within: Edge[] = [];
    for (const tr of t.transfers) {
      const edge: Edge = {
        transaction: id,
        from: tr.from,
        to: tr.to,
        object: tr.object,
        money: doc.valueObjects[tr.object]?.nature === 'money',
        financing: t.financing === true,
        channel: tr.channel ?? t.channel,
      };
      within.push(edge);
      if (edge.from === actor || edge.to === actor) mine.push(edge);
    }
    byTransaction.set(id, within);
  }
  const serves = servesIn(byTransaction, (id) => doc.actors[id]?.kind);
  // Customers are served by the actor; partners serve it (they supply it, against money or not).
  const offers = mine.filter((e) => e.from === actor && !e.money && serves(actor, e.to, e.transaction));
  const customers = new Set(offers.map((e) => e.to));
  // Personal data given to the actor without the actor paying for it is supplied too: whoever
  // gives it is a partner, served in return or not (seed 003's individuals as data providers).
  const unpaidData = (e: Edge) =>
    doc.valueObjects[e.object]?.personal === true && !byTransaction.get(e.transaction)!.some((x) => x.from === actor && x.to === e.from && x.money);
  const supplies = mine.filter((e) => e.to === actor && !e.money && (serves(e.from, actor, e.transaction) || unpaidData(e)));
  const suppliers = new Set(supplies.map((e) => e.from));
  // Also partners: those the actor pays within a transaction where they deliver something to
  // someone (a bundle where a partner serves the actor's customers, paid by the actor).
  const contributions = mine
    .filter((e) => e.from === actor && e.money)
    .flatMap((pay) => byTransaction.get(pay.transaction)!.filter((e) => e.from === pay.to && !e.money && e.to !== actor));
  const paid = new Set(mine.filter((e) => e.from === actor && e.money && !customers.has(e.to)).map((e) => e.to));
  // Items are written field by field: an object spread followed by more fields leaves V8's fast
  // path (about a microsecond each), and a platform's canvas has an item per customer.
  const nature = (id: string) => doc.valueObjects[id]!.nature;
  const personal = (id: string) => doc.valueObjects[id]!.personal === true;

  const offersTo = groupBy(offers, (e) => e.to);
  for (const customer of customers) {
    const objects = unique(offersTo.get(customer)!.map((e) => e.object));
    add('customerSegments', customer, { kind: 'customer', actor: customer, actorKind: doc.actors[customer]!.kind, objects });
  }
  for (let i = 0; i < offers.length; i++) {
    const edge = offers[i]!;
    const worth = total(edge, 'value');
    const { object, to } = edge;
    const proposition: CanvasItem =
      worth > 0 ? { kind: 'proposition', object, nature: nature(object), personal: personal(object), to, amount: worth } : { kind: 'proposition', object, nature: nature(object), personal: personal(object), to };
    add('valuePropositions', `${edge.object}\u0000${edge.to}`, proposition);
    if (edge.channel) add('channels', `${edge.channel}\u0000${edge.object}\u0000${edge.to}`, { kind: 'channel', channel: edge.channel, object: edge.object, to: edge.to });
    add('keyActivities', `provide\u0000${edge.object}`, { kind: 'provide', object: edge.object });
  }
  for (const activity of doc.actors[actor]?.activities ?? []) add('keyActivities', `declared\u0000${activity}`, { kind: 'declared', text: activity });
  for (const customer of customers) {
    add('customerRelationships', customer, relationship(ecosystem, customer, offersTo.get(customer)!, doc.actors[actor]?.relationship));
  }
  for (const edge of mine.filter((e) => e.to === actor && !e.money)) {
    add('keyResources', `${edge.object}\u0000${edge.from}`, { kind: 'resource', object: edge.object, nature: nature(edge.object), personal: personal(edge.object), from: edge.from });
  }
  for (const resource of doc.actors[actor]?.resources ?? []) add('keyResources', `declared\u0000${resource}`, { kind: 'declared', text: resource });
  const suppliesFrom = groupBy(supplies, (e) => e.from);
  const contributionsFrom = groupBy(contributions, (e) => e.from);
  for (const partner of new Set([...suppliers, ...contributions.map((e) => e.from), ...paid])) {
    const supplied: Array<{ object: string; to?: string }> = [
      ...(suppliesFrom.get(partner) ?? []).map((e) => ({ object: e.object })),
      ...(contributionsFrom.get(partner) ?? []).map((e) => ({ object: e.object, to: e.to })),
    ];
    const distinct = [...new Map(supplied.map((s) => [`${s.object}\u0000${s.to ?? ''}`, s])).values()];
    add('keyPartners', partner, { kind: 'partner', actor: partner, supplies: distinct });
  }
  for (const item of moneyItems(mine, actor, linesOf, ledger)) {
    add(item.direction === 'in' ? 'revenueStreams' : 'costStructure', `money\u0000${item.transaction}\u0000${item.counterparty}`, item);
  }
  const { rows, row, amount } = ledger.costs;
  for (let i = 0; i < row.length; i++) {
    const cost = rows[row[i]!]!;
    if (cost.actor === actor) add('costStructure', `cost\u0000${cost.index}`, { kind: 'cost', actor, index: cost.index, costKind: cost.kind, amount: amount[i]! });
  }
  return { actor, currency: doc.currency, horizon: doc.horizon, blocks };
}

/**
 * The actor's money lines, one per transaction, counterparty and direction. A price of zero over
 * the whole horizon (a subsidy never paid) is no stream of money, and financing (equity, loans,
 * repayments) is neither a revenue stream nor a cost, as the profitability sheets keep it apart.
 */
function moneyItems(mine: Edge[], actor: string, linesOf: (edge: Edge) => readonly number[], ledger: Ledger): Array<Extract<CanvasItem, { kind: 'money' }>> {
  // Grouped by transaction, then counterparty and direction (a transaction has few of those).
  const groups = new Map<string, Array<{ transaction: string; counterparty: string; direction: 'in' | 'out'; lines: Array<readonly number[]> }>>();
  for (let i = 0; i < mine.length; i++) {
    const edge = mine[i]!;
    if (!edge.money || edge.financing) continue;
    const direction: 'in' | 'out' = edge.to === actor ? 'in' : 'out';
    const counterparty = direction === 'in' ? edge.from : edge.to;
    // Arrays made with their first element, not empty then pushed to (which reserves room for
    // 17): a platform has a group per customer.
    const inTransaction = groups.get(edge.transaction);
    const group = inTransaction?.find((g) => g.counterparty === counterparty && g.direction === direction);
    if (group) group.lines.push(linesOf(edge));
    else {
      const made = { transaction: edge.transaction, counterparty, direction, lines: [linesOf(edge)] };
      if (inTransaction) inTransaction.push(made);
      else groups.set(edge.transaction, [made]);
    }
  }
  const { lines, money, perOccurrence } = ledger.flows;
  const items: Array<Extract<CanvasItem, { kind: 'money' }>> = [];
  for (const inTransaction of groups.values()) {
    for (const { lines: groupLines, transaction, counterparty, direction } of inTransaction) {
      const amount = sumOverHorizon(groupLines, lines.length, ledger.horizon, money);
      if (amount === 0) continue;
      // The price per occurrence, when every occurrence had the same (to rounding noise); the
      // same numbers need no rounding to be seen as one.
      const flows = flowsOver(groupLines, lines.length, ledger.horizon);
      const first = perOccurrence[flows[0]!]!;
      const same = flows.every((i) => perOccurrence[i] === first);
      const prices = same ? 1 : new Set(flows.map((i) => roundedPrice(perOccurrence[i]!))).size;
      items.push(prices === 1 ? { kind: 'money', transaction, counterparty, direction, price: first, amount } : { kind: 'money', transaction, counterparty, direction, amount });
    }
  }
  return items;
}

/** A price to 3 significant digits (whole from 100 up): prices that differ by less are one. */
function roundedPrice(x: number): number {
  return Math.abs(x) >= 100 ? Math.round(x) : Number(x.toPrecision(3));
}

/**
 * Whether `giver` serves `receiver` in a transaction: it gives it something other than money
 * and is paid for it, or at least does not pay it (then it would be buying from it). In a barter,
 * an organisation serves the individuals and segments it trades with, not the other way round.
 */
function servesIn(byTransaction: ReadonlyMap<string, Edge[]>, kindOf: (id: string) => string | undefined) {
  const consumer = (id: string) => kindOf(id) === 'segment' || kindOf(id) === 'individual';
  return (giver: string, receiver: string, transaction: string): boolean => {
    const within = byTransaction.get(transaction) ?? [];
    if (!within.some((e) => e.from === giver && e.to === receiver && !e.money)) return false;
    if (within.some((e) => e.from === receiver && e.to === giver && e.money)) return true;
    if (within.some((e) => e.from === giver && e.to === receiver && e.money)) return false;
    return !(consumer(giver) && !consumer(receiver));
  };
}

/** Declared relationships, else how often the actor serves the customer. */
function relationship(ecosystem: Ecosystem, customer: string, offers: Edge[], declaredByActor: string | undefined): CanvasItem {
  const { doc, ledger } = ecosystem;
  const transactions = unique(offers.map((e) => e.transaction));
  const declaredOnTransactions = unique(
    transactions.map((t) => doc.transactions[t]?.relationship).filter((r): r is string => r !== undefined),
  );
  const declared = declaredOnTransactions.length > 0 ? declaredOnTransactions : declaredByActor ? [declaredByActor] : [];
  // The rate while the relationship lasts: a 12-month test in a 36-month model is monthly.
  const { index, counts } = ledger.occurrences;
  const reached = transactions.map((t) => index.get(t));
  const segment = doc.actors[customer]?.kind === 'segment';
  // Counted in loops, without an array per period: a platform has one relationship per customer.
  let occurrences = 0;
  let activePeriods = 0;
  const active: number[] = [];
  for (let p = 1; p <= ledger.horizon; p++) {
    let s = 0;
    for (let k = 0; k < reached.length; k++) {
      const r = reached[k];
      s = s + (r === undefined ? 0 : counts[p * index.size + r]!);
    }
    occurrences += s;
    if (s > 0) {
      activePeriods++;
      if (segment) active.push(p);
    }
  }
  let frequency: Frequency | undefined;
  if (occurrences > 0) {
    const perPeriod = occurrences / activePeriods;
    const size = segment ? segmentSize(ecosystem, customer, active) : undefined;
    frequency = size ? { rate: perPeriod / size, perMember: true } : { rate: perPeriod, perMember: false };
  }
  return { kind: 'relationship', actor: customer, declared, frequency };
}

/** The segment's mean size over the given periods (sizes are stored from period 1). */
function segmentSize(ecosystem: Ecosystem, id: string, periods: number[]): number | undefined {
  const sizes = ecosystem.ledger.sizes.get(id);
  if (!sizes || periods.length === 0) return undefined;
  const mean = periods.reduce((sum, p) => sum + (sizes[p - 1] ?? 0), 0) / periods.length;
  return mean > 0 ? mean : undefined;
}

/**
 * The flow lines (their index in the ledger's lines) of each transfer the actor takes part in:
 * what filtering every line by the edge's transaction, actors and object would give. The flow of
 * line l in period p + 1 is at p × lines.length + l.
 */
function edgeLines(ledger: Ledger, actor: string): (edge: Edge) => readonly number[] {
  const { lines } = ledger.flows;
  // Indexed by transaction, then filtered: no key string made per line.
  const byTransaction = new Map<string, number[]>();
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.from !== actor && line.to !== actor) continue;
    const found = byTransaction.get(line.transaction);
    if (found) found.push(l);
    else byTransaction.set(line.transaction, [l]);
  }
  return (edge) => {
    const within = byTransaction.get(edge.transaction) ?? [];
    const matches = (l: number) => {
      const line = lines[l]!;
      return line.from === edge.from && line.to === edge.to && line.object === edge.object;
    };
    return within.every(matches) ? within : within.filter(matches);
  };
}

/**
 * The sum of `values` over the flows of each list of lines in turn, period by period: the
 * order in which adding the flows one by one would take them. Loops over a platform's
 * customers count with indexes: for…of made an iterator result per element here (~50 MB at
 * 10⁵ customers).
 */
function sumOverHorizon(groups: ReadonlyArray<readonly number[]>, lineCount: number, horizon: number, values: ArrayLike<number>): number {
  let sum = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    for (let p = 0; p < horizon; p++) for (let k = 0; k < group.length; k++) sum = sum + values[p * lineCount + group[k]!]!;
  }
  return sum;
}

/** The flows (their index in the ledger) of each list of lines in turn, period by period. */
function flowsOver(groups: ReadonlyArray<readonly number[]>, lineCount: number, horizon: number): number[] {
  const flows: number[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    for (let p = 0; p < horizon; p++) for (let k = 0; k < group.length; k++) flows.push(p * lineCount + group[k]!);
  }
  return flows;
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function unique<T>(values: T[]): T[] {
  // Most lists of a large canvas hold one value (one offer to each customer): no set for them.
  return values.length <= 1 ? values.slice() : [...new Set(values)];
}
