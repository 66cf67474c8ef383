/**
 * The block evaluator (core's blockEvaluator, what risk's evaluateDraws runs) against the
 * reference it replaces: evaluate() draw by draw. Over every library model and the platform
 * template, with every declared range drawn, each draw the block settles must have exactly the
 * ledger evaluate() gives it (every flow and cost entry, compared with Object.is: the same bits,
 * −0 apart from 0), and evaluateDraws must give exactly the figures of evaluate() + readFigures,
 * draw by draw, refusals included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawInputs, evaluateDraws, planRisk, type ChunkOutcome, type RiskPlan } from '../src/analyses/index.js';
import { drawFigures, readFigures } from '../src/analyses/risk-figures.js';
import { blockEvaluator, evaluate, hasErrors, loadModel, type Ecosystem, type Prepared } from '../src/core/index.js';
import { prepareDynamics } from '../src/engine/index.js';
import { streamSeed } from '../src/stats/index.js';
import { platformTemplate } from '../src/templates/index.js';

/** More than one block of 256 draws, the last one partial. */
const DRAWS = 300;
const SEED = 7;

function loaded(text: string, file: string): { prepared: Prepared; ecosystem: Ecosystem } {
  const result = loadModel(text, file, { dynamics: prepareDynamics });
  expect(result.ecosystem, `${file}: ${JSON.stringify(result.issues.filter((i) => i.severity === 'error'))}`).toBeDefined();
  return { prepared: result.prepared!, ecosystem: result.ecosystem! };
}

/** Whether two arrays hold the same numbers, bit for bit (Object.is); the first place they differ otherwise. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): string | undefined {
  if (a.length !== b.length) return `length ${a.length} ≠ ${b.length}`;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return `at ${i}: ${a[i]} ≠ ${b[i]}`;
  return undefined;
}

/** What evaluateDraws gave before blocks: evaluate() then readFigures, row after row. */
function oneByOne(prepared: Prepared, plan: RiskPlan, inputs: Float64Array, count: number): ChunkOutcome {
  const sampled = plan.assumptions.sampled;
  const actors = plan.layout.actors.length, width = plan.layout.horizon + 1;
  const figures = drawFigures(plan.layout);
  const kept = { headline: [] as number[], breakEven: [] as number[], deepest: [] as number[], cumulative: [] as number[], inputs: [] as number[] };
  let failed = 0, failure: string[] | undefined;
  for (let i = 0; i < count; i++) {
    const overrides = new Map(sampled.map((a, j) => [a.parameter, inputs[i * sampled.length + j]!]));
    const evaluation = evaluate(prepared, overrides, { seed: streamSeed(plan.options.seed, i) });
    if (!evaluation.ecosystem) {
      failed++;
      failure ??= evaluation.issues.map((x) => x.code);
      continue;
    }
    readFigures(plan.layout, evaluation.ecosystem, figures);
    kept.headline.push(...figures.headline);
    kept.breakEven.push(...figures.breakEven);
    kept.deepest.push(...figures.deepest);
    kept.cumulative.push(...figures.cumulative);
    kept.inputs.push(...inputs.subarray(i * sampled.length, (i + 1) * sampled.length));
  }
  expect(kept.cumulative.length).toBe(kept.headline.length * width);
  expect(kept.headline.length % Math.max(1, actors)).toBe(0);
  return {
    chunk: -1, draws: count, kept: count - failed, failed, ...(failure ? { failure } : {}),
    headline: Float64Array.from(kept.headline), breakEven: Float64Array.from(kept.breakEven), deepest: Float64Array.from(kept.deepest),
    cumulative: Float64Array.from(kept.cumulative), inputs: Float64Array.from(kept.inputs),
  };
}

/** Block and one-by-one over the same draws; how many draws the block settled. */
function compare(text: string, file: string): { settled: number; draws: number } {
  const { prepared, ecosystem } = loaded(text, file);
  const plan = planRisk(ecosystem, { runs: DRAWS, seed: SEED, sampling: 'mc', chunkSize: DRAWS });
  const inputs = drawInputs(plan, 0);
  const count = plan.design.chunkRuns(0);
  const names = plan.assumptions.sampled.map((a) => a.parameter);

  // The core: each settled draw's ledger is evaluate()'s, entry for entry.
  const block = blockEvaluator(prepared, names, 256)!;
  expect(block).toBeDefined();
  let settled = 0;
  // Library models are small: their blocks hold every draw asked for.
  expect(block.capacity).toBe(256);
  for (let start = 0; start < count; start += 256) {
    const rows = Math.min(256, count - start);
    const run = block.run(inputs.subarray(start * names.length, (start + rows) * names.length), rows, (d) => streamSeed(SEED, start + d));
    for (let d = 0; d < rows; d++) {
      if (!run.settled[d]) continue;
      settled++;
      const i = start + d;
      const overrides = new Map(names.map((name, j) => [name, inputs[i * names.length + j]!]));
      const reference = evaluate(prepared, overrides, { seed: streamSeed(SEED, i) });
      expect(reference.ecosystem, `${file} draw ${i}: settled, but evaluate() refuses it`).toBeDefined();
      expect(hasErrors(reference.issues)).toBe(false);
      const mine = run.ledgerOf(d);
      const { flows, costs } = reference.ecosystem!.ledger;
      for (const [what, a, b] of [
        ['money', mine.flows.money, flows.money], ['value', mine.flows.value, flows.value],
        ['cost rows', mine.costs.row, costs.row], ['cost periods', mine.costs.period, costs.period], ['cost amounts', mine.costs.amount, costs.amount],
      ] as const) {
        expect(sameBits(a, b), `${file} draw ${i}, ${what}`).toBeUndefined();
      }
    }
  }

  // The analysis: the figures of every draw, the refused ones left out the same way.
  const mine = evaluateDraws(prepared, plan, inputs, count);
  const reference = oneByOne(prepared, plan, inputs, count);
  expect([mine.kept, mine.failed, mine.failure]).toEqual([reference.kept, reference.failed, reference.failure]);
  for (const key of ['headline', 'breakEven', 'deepest', 'cumulative', 'inputs'] as const) {
    expect(sameBits(mine[key], reference[key]), `${file}, ${key}`).toBeUndefined();
  }
  return { settled, draws: count };
}

describe('the block evaluator gives every draw the bits evaluate() gives it', () => {
  it.each(readdirSync('library').filter((f) => f.endsWith('.yaml')))('%s, every range drawn', (file) => {
    const { settled, draws } = compare(readFileSync(join('library', file), 'utf8'), file);
    // Library models refuse no draw within their ranges: the block settles them all but those
    // it leaves to evaluate() (none today).
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThanOrEqual(draws);
  });

  it('the platform template, two sides, 60 months (the benchmark model)', () => {
    const text = JSON.stringify(platformTemplate({ sides: ['buyers', 'sellers'], horizon: 60 }));
    expect(compare(text, 'platform.json').settled).toBe(DRAWS);
  });

  /**
   * Draws that evaluate() refuses or that only it can judge: a negative price in about half of
   * them (its `negative` issue), a division by zero in a branch taken only after the launch (lazy
   * `if`: never a fault at t = launch), an OR split whose fraction is drawn, a segment with a size.
   */
  it('a model whose draws are refused in part: the same draws kept, the same figures', () => {
    const text = `symbiose: 4
name: Refusals
currency: EUR
period: month
horizon: 12
discountRate: 0.05
parameters:
  price: { value: 5, unit: EUR, assumption: a guess, range: [-5, 10] }
  launch: { value: 3, unit: month, assumption: a guess, range: [1, 8] }
  later: { value: "if(t > launch, 100 / (t - launch), 0)", unit: EUR }
  share: { value: 0.5, assumption: a guess, range: [0.2, 0.8] }
  people: { value: 100, unit: people, assumption: a guess, range: [10, 1000] }
actors:
  shop: { name: Shop, kind: organisation, costs: [{ name: Rent, fixed: "20 + later" }] }
  buyers: { name: Buyers, kind: segment, size: people }
valueObjects:
  money: { nature: money }
  good: { name: Good, nature: product, valuation: { buyers: "price * 2" } }
transactions:
  buy:
    name: Buy
    transfers:
      - { from: buyers, to: shop, object: money, amount: price }
      - { from: shop, to: buyers, object: good }
  browse:
    name: Browse
    transfers:
      - { from: buyers, to: shop, object: money, amount: 0.1 }
      - { from: shop, to: buyers, object: good }
scenarios:
  month:
    name: A month
    start: { actor: buyers, count: 1 }
    steps:
      - or:
          - { fraction: share, steps: [buy] }
          - { fraction: "1 - share", steps: [browse] }
`;
    const { settled, draws } = compare(text, 'refusals.yaml');
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThan(draws);
  });

  it('a model whose dynamics draw (NORMAL): each draw seeded by the run and its number, in the block as alone', () => {
    const text = `symbiose: 4
name: Noisy demand
currency: EUR
period: month
horizon: 12
discountRate: 0
parameters:
  level: { value: 10, assumption: a guess, range: [5, 20] }
actors:
  shop: { name: Shop, kind: organisation }
  buyer: { name: Buyer, kind: organisation }
valueObjects:
  money: { nature: money }
  goods: { nature: product }
transactions:
  sale:
    transfers:
      - { from: shop, to: buyer, object: goods }
      - { from: buyer, to: shop, object: money, amount: 1 }
scenarios:
  buy:
    start: { actor: buyer, count: demand }
    steps: [sale]
dynamics:
  dt: 1
  variables:
    demand:
      equation: MAX(0, NORMAL(level, 2))
`;
    expect(compare(text, 'noisy.yaml').settled).toBe(DRAWS);
  });
});
