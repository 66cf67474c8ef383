import { describe, expect, it } from 'vitest';
import { profitability } from '../../../src/analyses/index.js';
import type { Change, ModelDocument } from '../../../src/core/index.js';
import { applyModelChanges } from '../../../src/engine/index.js';
import { analyse, reevaluate } from './analyse.js';
import { receiveAnalysis, receiveEvaluation, sameValue, shipAnalysis, shipEvaluation, transferred } from './shipping.js';

// One shop selling to 10 customers at `price` a month, for 2 months, and a courier paid per sale.
const shop = (): ModelDocument =>
  ({
    symbiose: 4, name: 'm', currency: 'EUR', period: 'month', horizon: 2,
    parameters: { price: { value: 7, range: [1, 20] } },
    actors: { shop: { kind: 'organisation' }, people: { kind: 'segment', size: 10 }, courier: { kind: 'organisation' } },
    valueObjects: { cash: { nature: 'money' }, goods: { nature: 'product' }, fee: { nature: 'money' }, carriage: { nature: 'service' } },
    transactions: {
      sale: { transfers: [{ from: 'people', to: 'shop', object: 'cash', amount: 'price' }, { from: 'shop', to: 'people', object: 'goods' }] },
      delivery: { transfers: [{ from: 'shop', to: 'courier', object: 'fee', amount: 1 }, { from: 'courier', to: 'shop', object: 'carriage' }] },
    },
    scenarios: { buy: { start: { actor: 'people', count: 1 }, steps: ['sale', 'delivery'] } },
  }) as unknown as ModelDocument;

const issuesOf = (doc: ModelDocument) => analyse(doc).issues.map((i) => i.code);
const edited = (doc: ModelDocument, changes: Change[]) => applyModelChanges(doc, changes).document;
/** What the page receives: a structured clone, as postMessage makes it. */
const across = <T>(value: T): T => structuredClone(value);

describe('ecosystems shipped from the analysis worker', () => {
  it('sends the whole structure first, and the page rebuilds the same ecosystem', () => {
    const doc = shop();
    expect(issuesOf(doc)).toEqual([]);
    const ecosystem = analyse(doc).ecosystem!;
    const { shipped } = shipAnalysis(ecosystem, undefined);
    expect(Object.keys(shipped.structure!).sort()).toEqual(['index', 'lines', 'model', 'paths', 'rows', 'transactions']);
    const { ecosystem: rebuilt } = receiveAnalysis(across(shipped), undefined, doc);
    expect(rebuilt).toEqual(ecosystem);
    // 10 people × 7 EUR × 2 months, less 1 EUR per sale to the courier: 140 − 20.
    expect(profitability(rebuilt, 'shop').totalNet).toBe(120);
  });

  it('leaves out the structure a name typed does not change, and the page keeps the parts it has', () => {
    const first = shop();
    const one = shipAnalysis(analyse(first).ecosystem!, undefined);
    const received = receiveAnalysis(across(one.shipped), undefined, first).received;
    const renamed = edited(first, [{ op: 'set-label', kind: 'actor', id: 'shop', field: 'name', text: 'The shop' }]);
    const ecosystem = analyse(renamed).ecosystem!;
    const two = shipAnalysis(ecosystem, one.sent);
    expect(two.shipped.structure).toEqual({});
    const rebuilt = receiveAnalysis(across(two.shipped), received, renamed);
    expect(rebuilt.ecosystem).toEqual(ecosystem);
    expect(rebuilt.ecosystem.doc).toBe(renamed);
    expect(rebuilt.ecosystem.ledger.flows.lines).toBe(received.lines);
  });

  it('sends the compiled model again when an amount changes, and the flows when a transfer does', () => {
    const first = shop();
    const one = shipAnalysis(analyse(first).ecosystem!, undefined);
    const received = receiveAnalysis(across(one.shipped), undefined, first).received;
    const dearer = edited(first, [{ op: 'update', kind: 'transfer', transaction: 'sale', index: 0, record: { from: 'people', to: 'shop', object: 'cash', amount: 'price * 2' } }]);
    const two = shipAnalysis(analyse(dearer).ecosystem!, one.sent);
    expect(Object.keys(two.shipped.structure!)).toEqual(['model']);
    const rebuilt = receiveAnalysis(across(two.shipped), received, dearer);
    // 10 × 14 × 2 − 20.
    expect(profitability(rebuilt.ecosystem, 'shop').totalNet).toBe(260);
    const rerouted = edited(dearer, [
      { op: 'update', kind: 'transfer', transaction: 'delivery', index: 0, record: { from: 'people', to: 'courier', object: 'fee', amount: 1 } },
      { op: 'update', kind: 'transfer', transaction: 'delivery', index: 1, record: { from: 'courier', to: 'people', object: 'carriage' } },
    ]);
    const three = shipAnalysis(analyse(rerouted).ecosystem!, two.sent);
    expect(Object.keys(three.shipped.structure!).sort()).toEqual(['lines', 'paths']);
    const again = receiveAnalysis(across(three.shipped), rebuilt.received, rerouted);
    // The people pay the courier now: 10 × 14 × 2.
    expect(profitability(again.ecosystem, 'shop').totalNet).toBe(280);
    expect(again.ecosystem).toEqual(analyse(rerouted).ecosystem);
  });

  it('puts a what-if evaluation on the structure of the analysis it evaluates', () => {
    const doc = shop();
    const analysis = analyse(doc);
    const base = receiveAnalysis(across(shipAnalysis(analysis.ecosystem!, undefined).shipped), undefined, doc).ecosystem;
    const values = new Map([['price', 12]]);
    const moved = reevaluate(analysis.prepared!, values)!;
    const rebuilt = receiveEvaluation(across(shipEvaluation(moved)), base, values);
    // 10 × 12 × 2 − 20.
    expect(profitability(rebuilt, 'shop').totalNet).toBe(220);
    expect(rebuilt.ledger.flows.lines).toBe(base.ledger.flows.lines);
    // The document with the value written in, as the core gives it, the rest shared.
    expect(rebuilt.doc).toEqual(moved.doc);
    expect(rebuilt.doc.parameters!.price).toEqual({ value: 12, range: [1, 20] });
    expect(rebuilt.doc.actors).toBe(doc.actors);
  });

  it('transfers the one buffer the figures stand in', () => {
    const shipped = shipAnalysis(analyse(shop()).ecosystem!, undefined).shipped;
    const buffers = transferred(shipped);
    expect(buffers).toHaveLength(1);
    const moved = structuredClone(shipped, { transfer: buffers });
    expect(buffers[0]!.byteLength).toBe(0);
    expect(moved.figures.flows.money.buffer).toBe(moved.figures.paths.value.buffer);
  });

  it('compares what a structured clone carries, telling 0 from −0', () => {
    expect(sameValue({ a: [1, { b: new Map([['x', new Float64Array([1, 2])]]) }] }, { a: [1, { b: new Map([['x', new Float64Array([1, 2])]]) }] })).toBe(true);
    expect(sameValue(new Map([['x', 1]]), new Map([['x', 2]]))).toBe(false);
    expect(sameValue({ value: 0 }, { value: -0 })).toBe(false);
    expect(sameValue([NaN], [NaN])).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});
