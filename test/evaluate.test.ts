/**
 * prepare/evaluate against the text pipeline: on every library model, random overrides within
 * each parameter's declared range give exactly the figures (same bits) of loading the model's
 * text with those values written in; and, by hand on a small model, each scenario path's
 * figures, which add up to the ledger's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { canvas, profitabilityOfAll, provenance, valueSharing, whoPays } from '../src/analyses/index.js';
import { costRecords, evaluate, flowRecords, occurrencesAt, prepare, type Ecosystem, type Prepared } from '../src/core/index.js';
import { loadEcosystem, prepareDynamics } from '../src/engine/link/index.js';
import { describeIssue, ecosystemOf } from './helpers.js';

const library = readdirSync('library').filter((f) => f.endsWith('.yaml')).sort().map((file) => {
  const text = readFileSync(`library/${file}`, 'utf8');
  const doc = ecosystemOf(text, file).doc;
  const ranged = Object.entries(doc.parameters ?? {}).flatMap(([name, p]) =>
    typeof p === 'object' && p.range && typeof p.value === 'number' ? [{ name, low: p.range[0], high: p.range[1] }] : [],
  );
  return { file, text, doc, ranged };
});
const preparedOf = new Map<string, Prepared>();

/** The model's text with these values written in, as a user would edit it. */
function writtenIn(text: string, values: Record<string, number>): string {
  const yaml = parseDocument(text);
  for (const [name, value] of Object.entries(values)) yaml.setIn(['parameters', name, 'value'], value);
  return yaml.toString();
}

/** Every number of two ledgers compared bit for bit (Object.is: 0 and -0 differ, NaN equals NaN). */
function sameBits(a: Ecosystem, b: Ecosystem): void {
  const bFlows = flowRecords(b.ledger);
  expect(a.ledger.flows.occurrences.length).toBe(b.ledger.flows.occurrences.length);
  flowRecords(a.ledger).forEach((f, i) => {
    const g = bFlows[i]!;
    for (const key of ['occurrences', 'perOccurrence', 'money', 'value'] as const) {
      expect(Object.is(f[key], g[key]), `flow ${i} (${f.transaction}, period ${f.period}) ${key}: ${f[key]} against ${g[key]}`).toBe(true);
    }
  });
  expect(costRecords(a.ledger)).toEqual(costRecords(b.ledger));
  expect(a.ledger).toEqual(b.ledger);
}

describe('evaluate against the text pipeline', () => {
  it('gives the same bits as loading the text with the values written in (library, random values within their ranges)', () => {
    const draw = fc.integer({ min: 0, max: library.length - 1 }).chain((m) =>
      fc.record({
        model: fc.constant(m),
        values: fc.uniqueArray(fc.record({ at: fc.nat({ max: Math.max(0, library[m]!.ranged.length - 1) }), u: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 3,
          selector: (v) => v.at,
        }),
      }),
    );
    fc.assert(
      fc.property(draw, ({ model, values }) => {
        const { file, text, doc, ranged } = library[model]!;
        if (ranged.length === 0) return;
        const overrides = Object.fromEntries(values.map(({ at, u }) => {
          const p = ranged[at]!;
          return [p.name, p.low + (p.high - p.low) * u];
        }));
        let prepared = preparedOf.get(file);
        if (!prepared) {
          prepared = prepare(doc, { dynamics: prepareDynamics });
          preparedOf.set(file, prepared);
        }
        const evaluated = evaluate(prepared, overrides);
        const loaded = loadEcosystem(writtenIn(text, overrides), file);
        expect(evaluated.ecosystem === undefined, `${file} ${JSON.stringify(overrides)}: ${loaded.issues.map(describeIssue).join('; ')}`).toBe(loaded.ecosystem === undefined);
        if (!evaluated.ecosystem || !loaded.ecosystem) return;
        sameBits(evaluated.ecosystem, loaded.ecosystem);
        expect(evaluated.ecosystem.series).toEqual(loaded.ecosystem.series);
        expect(evaluated.ecosystem.doc).toEqual(loaded.ecosystem.doc);
        expect(profitabilityOfAll(evaluated.ecosystem)).toEqual(profitabilityOfAll(loaded.ecosystem));
        expect(valueSharing(evaluated.ecosystem)).toEqual(valueSharing(loaded.ecosystem));
      }),
      { numRuns: 80 },
    );
    // 80 whole library loads: 14 s alone, twice that beside the rest of the suite on two cores.
  }, 120_000);

  it('refuses an override that names nothing or is not a number, and says so', () => {
    const prepared = prepare(library[0]!.doc, { dynamics: prepareDynamics });
    const wrong = evaluate(prepared, { no_such_parameter: 1, [library[0]!.ranged[0]!.name]: Number.NaN });
    expect(wrong.ecosystem).toBeUndefined();
    expect(wrong.issues.map((i) => [i.code, i.params.name])).toEqual([
      ['unknown-override', 'no_such_parameter'],
      ['override-value', library[0]!.ranged[0]!.name],
    ]);
  });
});

/**
 * A shop and its members. 100 members each come once a period and get 2 pieces of advice
 * (worth 3 each to them); a quarter of the visits end in a purchase (10 each, costing the shop 1
 * to serve), three quarters in nothing. Two paths, per period:
 *   buying  (or[0]): weight 100 × 0.25 = 25: advice 25 × 2 = 50, worth 50 × 3 = 150; purchase 25,
 *                    money 25 × 10 = 250; the variable cost 25 × 1 = 25.
 *   leaving (or[1]): weight 100 × 0.75 = 75: advice 75 × 2 = 150, worth 450; no purchase.
 * Ledger: advice 100 × 2 = 200 = 50 + 150, worth 600 = 150 + 450; purchases 25; cost 25.
 */
const SHOP = `symbiose: 1
name: Shop
currency: EUR
period: month
horizon: 2
parameters:
  members_count: { value: 100, source: test }
  buy_share: { value: 0.25, source: test }
actors:
  members: { kind: segment, size: members_count }
  shop: { kind: organisation, costs: [{ name: Serving a purchase, variable: 1, per: buy }, { name: Rent, fixed: 50 }] }
valueObjects:
  money: { nature: money }
  advice: { nature: service, valuation: { members: 3 } }
  attention: { nature: attention }
  goods: { nature: product }
transactions:
  visit: { transfers: [{ from: shop, to: members, object: advice }, { from: members, to: shop, object: attention }] }
  buy: { transfers: [{ from: shop, to: members, object: goods }, { from: members, to: shop, object: money, amount: 10 }] }
scenarios:
  a-month:
    start: { actor: members, count: 1 }
    steps:
      - { transaction: visit, count: 2 }
      - or:
          - { fraction: buy_share, steps: [buy] }
          - { fraction: "1 - buy_share", steps: [] }
`;

describe('scenario paths', () => {
  const ecosystem = ecosystemOf(SHOP);
  const { paths, width } = ecosystem.paths;
  const row = (array: Float64Array, r: number) => [...array.subarray(r * width, (r + 1) * width)];

  it('gives each path its occurrences, valued flows and variable costs per period', () => {
    expect(paths.map((p) => [p.scenario, p.actor, p.branches.map((b) => b.join('.'))])).toEqual([
      ['a-month', 'members', ['scenarios.a-month.steps.1.or.0']],
      ['a-month', 'members', ['scenarios.a-month.steps.1.or.1']],
    ]);
    const [buying, leaving] = paths as [(typeof paths)[0], (typeof paths)[0]];
    const occurrences = (p: typeof buying, t: string) => row(ecosystem.paths.occurrences, p.transactions.find((x) => x.transaction === t)!.row);
    expect(occurrences(buying, 'visit')).toEqual([0, 50, 50]);
    expect(occurrences(buying, 'buy')).toEqual([0, 25, 25]);
    expect(occurrences(leaving, 'visit')).toEqual([0, 150, 150]);
    expect(leaving.transactions.map((t) => t.transaction)).toEqual(['visit']);
    const flow = (p: typeof buying, object: string) => p.flows.find((f) => f.object === object)!;
    expect(row(ecosystem.paths.value, flow(buying, 'advice').row)).toEqual([0, 150, 150]);
    expect(row(ecosystem.paths.money, flow(buying, 'money').row)).toEqual([0, 250, 250]);
    expect(row(ecosystem.paths.value, flow(leaving, 'advice').row)).toEqual([0, 450, 450]);
    expect(buying.variableCosts.map((c) => [c.actor, c.name, c.transaction])).toEqual([['shop', 'Serving a purchase', 'buy']]);
    expect(row(ecosystem.paths.variableCosts, buying.variableCosts[0]!.row)).toEqual([0, 25, 25]);
    expect(leaving.variableCosts).toEqual([]);
  });

  it('adds up, over the paths, to the ledger in every period', () => {
    for (let period = 1; period <= 2; period++) {
      const sum = (array: Float64Array, rows: number[]) => rows.reduce((s, r) => s + array[r * width + period]!, 0);
      const flows = flowRecords(ecosystem.ledger).filter((f) => f.period === period);
      for (const transaction of ['visit', 'buy']) {
        const rows = paths.flatMap((p) => p.transactions.filter((t) => t.transaction === transaction).map((t) => t.row));
        expect(sum(ecosystem.paths.occurrences, rows)).toBe(occurrencesAt(ecosystem.ledger, period).get(transaction));
      }
      const flowRows = paths.flatMap((p) => p.flows.map((f) => f.row));
      expect(sum(ecosystem.paths.money, flowRows)).toBe(flows.reduce((s, f) => s + f.money, 0));
      expect(sum(ecosystem.paths.value, flowRows)).toBe(flows.reduce((s, f) => s + f.value, 0));
      const costRows = paths.flatMap((p) => p.variableCosts.map((c) => c.row));
      const variable = costRecords(ecosystem.ledger).filter((c) => c.period === period && c.kind === 'variable');
      expect(sum(ecosystem.paths.variableCosts, costRows)).toBe(variable.reduce((s, c) => s + c.amount, 0));
    }
  });

  it('writes the overridden numbers into the document it gives, as they were when evaluated', () => {
    const prepared = prepare(ecosystem.doc);
    const overrides: Record<string, number> = { buy_share: 0.5 };
    const half = evaluate(prepared, overrides).ecosystem!;
    // Changed after the evaluation, and before its document is first read: the document keeps 0.5.
    overrides.buy_share = 0.9;
    expect(half.doc.parameters!.buy_share).toEqual({ value: 0.5, source: 'test' });
    expect(half.doc.parameters!.members_count).toEqual({ value: 100, source: 'test' });
    expect(half.doc).toBe(half.doc);
    // The prepared document is untouched, and an evaluation without overrides gives it as it is.
    expect(prepared.doc.parameters!.buy_share).toEqual({ value: 0.25, source: 'test' });
    expect(evaluate(prepared).ecosystem!.doc).toBe(prepared.doc);
    // Spread and serialised like any record, the document included.
    expect({ ...half }.doc).toBe(half.doc);
    expect(JSON.parse(JSON.stringify({ doc: half.doc })).doc.parameters.buy_share.value).toBe(0.5);
    expect(Object.keys(half)).toEqual(['doc', 'model', 'ledger', 'series', 'paths']);
  });

  it('gives a new draw its own figures, leaving the earlier ones as they were', () => {
    const prepared = prepare(ecosystem.doc);
    const half = evaluate(prepared, { buy_share: 0.5 }).ecosystem!;
    // buying now weighs 100 × 0.5 = 50: 50 purchases, 500 of money.
    const buying = half.paths.paths[0]!;
    expect(row(half.paths.money, buying.flows.find((f) => f.object === 'money')!.row)).toEqual([0, 500, 500]);
    expect(row(ecosystem.paths.money, ecosystem.paths.paths[0]!.flows.find((f) => f.object === 'money')!.row)).toEqual([0, 250, 250]);
  });
});

/**
 * What is worked out once per evaluation (quantities that read only constants) against what is
 * worked out every period: an investment at period 3 reads a constant first evaluated there, a
 * fixed cost reads t. By hand: investments 1000 at period 0 and 2 × 600 = 1200 at period 3;
 * the rent 50 + 10·t is 60, 70, 80, 90; fees 4 × 25 = 100 a period.
 */
const PLANT = `symbiose: 1
name: Plant
currency: EUR
period: year
horizon: 4
parameters:
  capex: { value: 600, source: test }
  fee: { value: 25, source: test }
actors:
  clients: { kind: segment, size: 4 }
  plant:
    kind: organisation
    costs:
      - { name: Build, investment: 1000, at: 0 }
      - { name: Extend, investment: "2 * capex", at: 3 }
      - { name: Rent, fixed: "50 + 10 * t" }
valueObjects:
  money: { nature: money }
  power: { nature: product }
transactions:
  supply: { transfers: [{ from: plant, to: clients, object: power }, { from: clients, to: plant, object: money, amount: fee }] }
scenarios:
  yearly: { start: { actor: clients, count: 1 }, steps: [supply] }
`;

describe('constants worked out once', () => {
  it('give every period the figure evaluating it there would', () => {
    const { ledger } = ecosystemOf(PLANT);
    const costs = (name: string) => costRecords(ledger).filter((c) => c.name === name).map((c) => [c.period, c.amount]);
    expect(costs('Build')).toEqual([[0, 1000]]);
    expect(costs('Extend')).toEqual([[3, 1200]]);
    expect(costs('Rent')).toEqual([[1, 60], [2, 70], [3, 80], [4, 90]]);
    expect(flowRecords(ledger).filter((f) => f.object === 'money').map((f) => f.money)).toEqual([100, 100, 100, 100]);
    const again = evaluate(prepare(ecosystemOf(PLANT).doc), { capex: 700, fee: 30 }).ecosystem!.ledger;
    expect(costRecords(again).filter((c) => c.name === 'Extend').map((c) => c.amount)).toEqual([1400]);
    expect(flowRecords(again).filter((f) => f.object === 'money').map((f) => f.money)).toEqual([120, 120, 120, 120]);
  });
});

/**
 * Every analysis, through evaluate and through the text path, on every library model: two
 * evaluations of one prepared model in a row (the second reuses the first one's working arrays)
 * and the first again, each against loading the text with the same values written in.
 */
describe('every analysis, evaluate against the text path', () => {
  const analyses = (e: Ecosystem) => ({
    canvas: Object.keys(e.doc.actors).map((actor) => canvas(e, actor)),
    payers: whoPays(e),
    profit: profitabilityOfAll(e),
    summary: valueSharing(e),
    provenance: provenance(e.doc),
    flows: flowRecords(e.ledger),
    costs: costRecords(e.ledger),
    occurrences: e.ledger.occurrences,
    sizes: e.ledger.sizes,
    paths: e.paths,
  });
  it.each(library.map((m) => [m.file, m] as const))('%s', (_, { file, text, doc, ranged }) => {
    const prepared = prepare(doc, { dynamics: prepareDynamics });
    const at = (u: number) => Object.fromEntries(ranged.slice(0, 2).map((p) => [p.name, p.low + (p.high - p.low) * u]));
    let recycled: Ecosystem | undefined;
    for (const values of [at(0.3), at(0.7), at(0.3)]) {
      const evaluated = evaluate(prepared, values).ecosystem!;
      const loaded = loadEcosystem(writtenIn(text, values), file).ecosystem!;
      expect(evaluated, `${file} ${JSON.stringify(values)}`).toBeDefined();
      const expected = analyses(loaded);
      expect(analyses(evaluated)).toEqual(expected);
      // The last draw's arrays, overwritten with this one's figures.
      const again = evaluate(prepared, values, { recycle: recycled }).ecosystem!;
      if (recycled) expect(again.ledger.flows.money.buffer).toBe(recycled.ledger.flows.money.buffer);
      expect(analyses(again)).toEqual(expected);
      recycled = again;
    }
  });

  it.each(library.map((m) => [m.file, m] as const))('%s: periods that repeat the one before, copied, give the figures working them out would', (_, { doc }) => {
    const prepared = prepare(doc, { dynamics: prepareDynamics });
    // A quantity read t: no period may then be copied from the one before.
    const everyPeriod = { ...prepared, quantities: { ...prepared.quantities, readsTime: true } };
    expect(analyses(evaluate(prepared).ecosystem!)).toEqual(analyses(evaluate(everyPeriod).ecosystem!));
  });
});
