import { describe, expect, it } from 'vitest';
import { profitability } from '../../../src/analyses/index.js';
import type { ModelDocument } from '../../../src/core/index.js';
import { Jobs, startAnalyst, type AnalystRequest, type DraftAnalysis } from './analyst.js';

const analyse = (job: number): AnalystRequest => ({ kind: 'analyse', job, changes: null });
const evaluate = (job: number): AnalystRequest => ({ kind: 'evaluate', job, draft: 1, overrides: [] });

describe('the jobs sent to the analysis worker', () => {
  it('one at a time; of the waiting ones the newest of each kind, and a new draft drops waiting evaluations', () => {
    const sent: number[] = [];
    const dropped: number[] = [];
    const jobs = new Jobs((r) => sent.push(r.job), (r) => dropped.push(r.job));
    jobs.ask(analyse(1));
    jobs.ask(analyse(2));
    jobs.ask(analyse(3));
    expect(sent).toEqual([1]);
    expect(dropped).toEqual([2]);
    jobs.done();
    expect(sent).toEqual([1, 3]);
    jobs.ask(evaluate(4));
    jobs.ask(evaluate(5));
    jobs.ask(analyse(6));
    expect(dropped).toEqual([2, 4, 5]);
    jobs.done();
    jobs.done();
    expect(sent).toEqual([1, 3, 6]);
  });
});

describe('drafts analysed in the page', () => {
  // One shop selling to 10 customers at `price` a month, for 2 months.
  const doc = (price: number): ModelDocument =>
    ({
      symbiose: 4, name: 'm', currency: 'EUR', period: 'month', horizon: 2,
      parameters: { price: { value: price, range: [1, 20] } },
      actors: { shop: { kind: 'organisation' }, people: { kind: 'segment', size: 10 } },
      valueObjects: { cash: { nature: 'money' }, goods: { nature: 'product' } },
      transactions: { sale: { transfers: [{ from: 'people', to: 'shop', object: 'cash', amount: 'price' }, { from: 'shop', to: 'people', object: 'goods' }] } },
      scenarios: { buy: { start: { actor: 'people', count: 1 }, steps: ['sale'] } },
    }) as unknown as ModelDocument;

  it('analyses only the newest of the drafts asked together, after the keystroke, and evaluates what-if values on it', async () => {
    const heard: DraftAnalysis[] = [];
    const analyst = startAnalyst((a) => heard.push(a), 'page');
    const draft = (document: ModelDocument) => ({ base: document, changes: null, document });
    analyst.analyse(draft(doc(5)));
    const newest = analyst.analyse(draft(doc(7)));
    expect(heard).toEqual([]);
    await new Promise((r) => setTimeout(r, 10));
    expect(heard.map((a) => a.draft)).toEqual([newest]);
    // 10 people × 7 EUR × 2 months = 140; at 12 EUR: 240.
    expect(profitability(heard[0]!.ecosystem!, 'shop').totalNet).toBe(140);
    const moved = await analyst.evaluate(newest, new Map([['price', 12]]));
    expect(profitability(moved!.ecosystem!, 'shop').totalNet).toBe(240);
    // Values for a draft that is no longer the last one analysed are overtaken.
    expect(await analyst.evaluate(newest - 1, new Map([['price', 12]]))).toBeNull();
    analyst.stop();
  });

  it('does not ask again for the draft asked last (the same changes on the same base)', async () => {
    const heard: DraftAnalysis[] = [];
    const analyst = startAnalyst((a) => heard.push(a), 'page');
    const base = doc(5);
    const first = analyst.analyse({ base, changes: null, document: base });
    expect(analyst.analyse({ base, changes: null, document: base })).toBe(first);
    await new Promise((r) => setTimeout(r, 10));
    expect(heard.map((a) => a.draft)).toEqual([first]);
    // Other changes, or another base, are another draft.
    expect(analyst.analyse({ base, changes: [], document: base })).toBe(first + 1);
    expect(analyst.analyse({ base: doc(5), changes: null, document: base })).toBe(first + 2);
    analyst.stop();
  });
});
