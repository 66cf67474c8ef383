/**
 * The Business Model Canvas (Osterwalder & Pigneur 2010) of one actor, as a projection of the
 * value network: every block is read off the transactions the actor takes part in, the flows the
 * scenarios put through them, and the actor's declared activities, resources and costs.
 */
import type { Ecosystem, Flow } from '../core/index.js';
import { actorName, objectName, transactionName } from './names.js';

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

export const BLOCK_TITLES: Record<CanvasBlock, string> = {
  keyPartners: 'Key partners',
  keyActivities: 'Key activities',
  keyResources: 'Key resources',
  valuePropositions: 'Value propositions',
  customerRelationships: 'Customer relationships',
  channels: 'Channels',
  customerSegments: 'Customer segments',
  costStructure: 'Cost structure',
  revenueStreams: 'Revenue streams',
};

export interface CanvasItem {
  text: string;
  /** Money over the horizon, where the item has one. */
  amount?: number;
}

export interface Canvas {
  actor: string;
  name: string;
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
  channel: string | undefined;
}

export function canvas(ecosystem: Ecosystem, actor: string): Canvas {
  const { doc, ledger } = ecosystem;
  const blocks = Object.fromEntries(CANVAS_BLOCKS.map((b) => [b, [] as CanvasItem[]])) as Canvas['blocks'];
  const add = (block: CanvasBlock, text: string, amount?: number): void => {
    const existing = blocks[block].find((item) => item.text === text);
    if (existing) {
      if (amount !== undefined) existing.amount = (existing.amount ?? 0) + amount;
    } else blocks[block].push(amount === undefined ? { text } : { text, amount });
  };
  const name = (id: string) => actorName(doc, id);
  const flowsOf = (edge: Edge): Flow[] =>
    ledger.flows.filter((f) => f.transaction === edge.transaction && f.from === edge.from && f.to === edge.to && f.object === edge.object);
  const total = (flows: Flow[], key: 'money' | 'value') => flows.reduce((sum, f) => sum + f[key], 0);

  const edges: Edge[] = Object.entries(doc.transactions).flatMap(([id, t]) =>
    t.transfers.map((tr) => ({
      transaction: id,
      from: tr.from,
      to: tr.to,
      object: tr.object,
      money: doc.valueObjects[tr.object]?.nature === 'money',
      channel: tr.channel ?? t.channel,
    })),
  );
  const mine = edges.filter((e) => e.from === actor || e.to === actor);
  const serves = servesIn(edges, (id) => doc.actors[id]?.kind);
  // Customers are served by the actor; partners serve it (they supply it, against money or not).
  const offers = mine.filter((e) => e.from === actor && !e.money && serves(actor, e.to, e.transaction));
  const customers = new Set(offers.map((e) => e.to));
  const supplies = mine.filter((e) => e.to === actor && !e.money && serves(e.from, actor, e.transaction));
  const suppliers = new Set(supplies.map((e) => e.from));
  // Also partners: those the actor pays within a transaction where they deliver something to
  // someone (a bundle where a partner serves the actor's customers, paid by the actor).
  const contributions = mine
    .filter((e) => e.from === actor && e.money)
    .flatMap((pay) => edges.filter((e) => e.transaction === pay.transaction && e.from === pay.to && !e.money && e.to !== actor));
  const paid = new Set(mine.filter((e) => e.from === actor && e.money && !customers.has(e.to)).map((e) => e.to));

  for (const customer of customers) {
    const member = doc.actors[customer];
    const given = offers.filter((e) => e.to === customer).map((e) => objectName(doc, e.object));
    const kind = member?.kind === 'segment' ? 'segment' : member?.kind ?? 'actor';
    add('customerSegments', `${name(customer)} (${kind}) — receives ${unique(given).join(', ')}`);
  }
  for (const edge of offers) {
    const object = doc.valueObjects[edge.object]!;
    const worth = total(flowsOf(edge), 'value');
    const personal = object.personal ? ', personal' : '';
    add('valuePropositions', `${objectName(doc, edge.object)} (${object.nature}${personal}) to ${name(edge.to)}`, worth > 0 ? worth : undefined);
    if (edge.channel) add('channels', `${edge.channel} — ${objectName(doc, edge.object)} to ${name(edge.to)}`);
    add('keyActivities', `Provide ${objectName(doc, edge.object)}`);
  }
  for (const activity of doc.actors[actor]?.activities ?? []) add('keyActivities', activity);

  for (const customer of customers) add('customerRelationships', relationship(ecosystem, customer, offers, doc.actors[actor]?.relationship));

  for (const edge of mine.filter((e) => e.to === actor && !e.money)) {
    const object = doc.valueObjects[edge.object]!;
    const personal = object.personal ? ', personal' : '';
    add('keyResources', `${objectName(doc, edge.object)} (${object.nature}${personal}) from ${name(edge.from)}`);
  }
  for (const resource of doc.actors[actor]?.resources ?? []) add('keyResources', resource);

  for (const partner of new Set([...suppliers, ...contributions.map((e) => e.from), ...paid])) {
    const supplied = [
      ...supplies.filter((e) => e.from === partner).map((e) => objectName(doc, e.object)),
      ...contributions.filter((e) => e.from === partner).map((e) => `${objectName(doc, e.object)} to ${name(e.to)}`),
    ];
    add('keyPartners', supplied.length > 0 ? `${name(partner)} — supplies ${unique(supplied).join(', ')}` : `${name(partner)} — paid by ${name(actor)}`);
  }

  for (const edge of mine.filter((e) => e.money)) {
    const flows = flowsOf(edge);
    // A price of zero over the whole horizon (a subsidy never paid) is no stream of money.
    if (total(flows, 'money') === 0) continue;
    const label = transactionName(doc, edge.transaction);
    if (edge.to === actor) add('revenueStreams', `${label} — paid by ${name(edge.from)}${pricing(flows)}`, total(flows, 'money'));
    else add('costStructure', `${label} — paid to ${name(edge.to)}${pricing(flows)}`, total(flows, 'money'));
  }
  for (const cost of ledger.costs.filter((c) => c.actor === actor)) {
    add('costStructure', `${cost.name} (${cost.kind})`, cost.amount);
  }
  return { actor, name: name(actor), currency: doc.currency, horizon: doc.horizon, blocks };
}

/**
 * Whether `giver` serves `receiver` in a transaction: it gives it something other than money
 * and is paid for it, or at least does not pay it (then it would be buying from it). In a barter,
 * an organisation serves the individuals and segments it trades with, not the other way round.
 */
function servesIn(edges: Edge[], kindOf: (id: string) => string | undefined) {
  const consumer = (id: string) => kindOf(id) === 'segment' || kindOf(id) === 'individual';
  return (giver: string, receiver: string, transaction: string): boolean => {
    const within = edges.filter((e) => e.transaction === transaction);
    if (!within.some((e) => e.from === giver && e.to === receiver && !e.money)) return false;
    if (within.some((e) => e.from === receiver && e.to === giver && e.money)) return true;
    if (within.some((e) => e.from === giver && e.to === receiver && e.money)) return false;
    return !(consumer(giver) && !consumer(receiver));
  };
}

/** Declared relationships, else how often the actor serves the customer. */
function relationship(ecosystem: Ecosystem, customer: string, offers: Edge[], declaredByActor: string | undefined): string {
  const { doc, ledger } = ecosystem;
  const transactions = unique(offers.filter((e) => e.to === customer).map((e) => e.transaction));
  const declared = unique(
    transactions.map((t) => doc.transactions[t]?.relationship).filter((r): r is string => r !== undefined),
  );
  const words = declared.length > 0 ? declared.join(', ') : declaredByActor;
  // The rate while the relationship lasts: a 12-month test in a 36-month model is monthly.
  const perPeriodCounts = ledger.occurrences.map((m, p) => (p === 0 ? 0 : transactions.reduce((s, t) => s + (m.get(t) ?? 0), 0)));
  const active = perPeriodCounts.map((n, p) => (n > 0 ? p : -1)).filter((p) => p > 0);
  const occurrences = perPeriodCounts.reduce((a, b) => a + b, 0);
  const member = doc.actors[customer];
  let frequency: string;
  if (occurrences === 0) frequency = 'no transactions in the scenarios';
  else {
    const perPeriod = occurrences / active.length;
    const size = member?.kind === 'segment' ? segmentSize(ecosystem, customer, active) : undefined;
    const rate = size ? perPeriod / size : perPeriod;
    const noun = rate === 1 ? 'transaction' : 'transactions';
    frequency = size ? `${format(rate)} ${noun} per member per ${doc.period}` : `${format(rate)} ${noun} per ${doc.period}`;
  }
  return `${actorName(doc, customer)}: ${words ? `${words}; ` : ''}${frequency}`;
}

/** The segment's mean size over the given periods (sizes are stored from period 1). */
function segmentSize(ecosystem: Ecosystem, id: string, periods: number[]): number | undefined {
  const sizes = ecosystem.ledger.sizes.get(id);
  if (!sizes || periods.length === 0) return undefined;
  const mean = periods.reduce((sum, p) => sum + (sizes[p - 1] ?? 0), 0) / periods.length;
  return mean > 0 ? mean : undefined;
}

function pricing(flows: Flow[]): string {
  const prices = unique(flows.map((f) => format(f.perOccurrence)));
  return prices.length === 1 && flows.length > 0 ? ` (${prices[0]} per transaction)` : '';
}

/** Counts and prices in prose: whole numbers with separators from 100 up, else 3 significant digits. */
function format(x: number): string {
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return String(Number(x.toPrecision(3)));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
