/**
 * Format version 4: what a model says about its uncertainty (distributions, what a range bounds,
 * rank correlations, timings) and its experiment records, read and refused with located messages
 * in both languages. Line numbers are those of the model text as written in each test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawnDistribution, loadModel, timingParameters, type LocatedIssue } from '../src/core/index.js';
import { issueMessage } from '../src/i18n/index.js';
import { issuesOf } from './helpers.js';

const model = (parameters: string, rest = '') => `symbiose: 4
name: Shop
currency: EUR
period: month
horizon: 12
parameters:
${parameters}
actors:
  shop: { kind: organisation }
  buyers: { kind: segment, size: 10 }
valueObjects:
  money: { nature: money }
  bread: { nature: product }
transactions:
  buy:
    transfers:
      - { from: shop, to: buyers, object: bread }
      - { from: buyers, to: shop, object: money, amount: "price * markup" }
scenarios:
  weekly: { start: { actor: buyers, count: "if(t >= launch, 4, 0)" }, steps: [buy] }
${rest}`;

const USED = `  markup: 1
  launch: 1
`;
const summary = (issues: LocatedIssue[]) => issues.map((i) => `${i.code} ${i.line}:${i.column} ${i.params.reason ?? ''}`.trim());
/** The message in English and in French, the French with its no-break spaces read as spaces. */
const both = (found: LocatedIssue) => [issueMessage(found, 'en'), issueMessage(found, 'fr').replace(/[\u00a0\u202f]/g, ' ')];
/** line:column of the spot marked `|` in `marked`, the first text of the model that reads so once the mark is taken out. */
function place(text: string, marked: string): string {
  const at = text.indexOf(marked.replace('|', ''));
  if (at < 0) throw new Error(`not in the model: ${marked}`);
  const spot = at + marked.indexOf('|');
  const before = text.slice(0, spot).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('distributions on parameters', () => {
  it('reads every kind, with the mode or mean defaulting to the value, and gives src/stats its form', () => {
    const text = model(`  price:
    value: 2
    range: [1, 4]
    distribution: { kind: pert, min: 1, max: 4 }
  markup: { value: 1.1, distribution: { kind: discrete, values: [1, 1.1, 1.3], probabilities: [0.2, 0.5, 0.3] } }
  launch: { value: 3, distribution: { kind: uniform, min: 1, max: 6 } }
  spare: { value: 5, distribution: { kind: normal, sd: 1, min: 0, max: 10 } }
  beta_share: { value: 0.3, distribution: { kind: beta, alpha: 2, beta: 5 } }
  tail: { value: 7, distribution: { kind: lognormal, mu: 2, sigma: 0.5 } }
  history: { value: 0.2, distribution: { kind: empirical, file: data/churn.csv, column: churn } }
  tri: { value: 3, distribution: { kind: triangular, min: 1, mode: 2, max: 5 } }
`);
    const loaded = loadModel(text, 'm.yaml');
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const p = loaded.ecosystem!.doc.parameters!;
    const spec = (name: string) => p[name] as { value: number; distribution: Parameters<typeof drawnDistribution>[0] };
    expect(drawnDistribution(spec('price').distribution, 2)).toEqual({ kind: 'pert', min: 1, mode: 2, max: 4 });
    expect(drawnDistribution(spec('spare').distribution, 5)).toEqual({ kind: 'normal', mean: 5, sd: 1, min: 0, max: 10 });
    expect(drawnDistribution(spec('markup').distribution, 1.1)).toEqual({ kind: 'discrete', values: [1, 1.1, 1.3], weights: [0.2, 0.5, 0.3] });
    expect(drawnDistribution(spec('tri').distribution, 3)).toEqual({ kind: 'triangular', min: 1, mode: 2, max: 5 });
    // An empirical column is drawn as its observed values, each equally likely; unread, it has no draw.
    expect(drawnDistribution(spec('history').distribution, 0.2, [0.1, 0.3])).toEqual({ kind: 'discrete', values: [0.1, 0.3], weights: [1, 1] });
    expect(drawnDistribution(spec('history').distribution, 0.2)).toBeUndefined();
  });

  it('refuses distributions that cannot be drawn from, at the field at fault, in both languages', () => {
    const text = model(`  price: { value: 2, distribution: { kind: uniform, min: 5, max: 1 } }
  markup: { value: 1, distribution: { kind: normal, sd: -0.1 } }
  launch: { value: 1, distribution: { kind: discrete, values: [1, 2], probabilities: [0.5, 0.4] } }
  mode_out: { value: 9, distribution: { kind: pert, min: 1, max: 4 } }
  lengths: { value: 1, distribution: { kind: discrete, values: [1, 2], probabilities: [1] } }
`);
    const issues = issuesOf(text).filter((i) => i.code === 'distribution');
    expect(summary(issues)).toEqual([
      `distribution ${place(text, 'min: |5')} min-not-below-max`,
      `distribution ${place(text, 'sd: |-0.1')} not-positive`,
      `distribution ${place(text, 'probabilities: |[0.5, 0.4]')} probabilities-sum`,
      // The mode defaults to the value, 9: placed at the distribution, whose mode is missing.
      `distribution ${place(text, 'value: 9, |distribution')} mode-outside-range`,
      `distribution ${place(text, 'probabilities: |[1]')} discrete-lengths`,
    ]);
    expect(both(issues[0]!)).toEqual(['the minimum (5) must be below the maximum (1)', 'le minimum (5) doit être inférieur au maximum (1)']);
    expect(both(issues[1]!)).toEqual(['sd must be above 0, not -0.1', 'sd doit être supérieur à 0, pas −0,1']);
    expect(both(issues[2]!)[0]).toBe('the probabilities sum to 0.9, not 1');
    expect(both(issues[2]!)[1]).toBe('la somme des probabilités vaut 0,9, pas 1');
    expect(both(issues[3]!)[0]).toBe('the most likely value (9) lies outside the minimum and maximum (1 to 4)');
  });

  it('names the kinds when a kind is not one of them', () => {
    const text = model(`  price: { value: 2, distribution: { kind: gaussian, sd: 1 } }\n${USED}`);
    const issues = issuesOf(text);
    // The parameter is refused whole, so the amount that reads it names an unknown name.
    expect(summary(issues)).toEqual([`schema ${place(text, 'kind: |gaussian')} expected`, `unknown-name ${place(text, 'amount: "|price')}`]);
    expect(both(issues[0]!)[0]).toBe('expected a distribution: { kind: uniform, triangular, pert, normal, lognormal, beta, discrete or empirical, and its fields }');
  });

  it('refuses a distribution on an expression, whose value comes from its inputs', () => {
    const text = model(`  price: { value: "markup * 2", distribution: { kind: uniform, min: 1, max: 3 } }\n${USED}`);
    const issues = issuesOf(text);
    expect(summary(issues.filter((i) => i.code === 'distribution'))).toEqual([`distribution ${place(text, '"markup * 2", |distribution')} of-expression`]);
    const [en, fr] = both(issues.find((i) => i.code === 'distribution')!);
    expect(en).toMatch(/"price" is an expression: .* put the distribution on the uncertain factor, as a parameter of its own/);
    expect(fr).toMatch(/« price » est une expression/);
  });
});

describe('what a range bounds', () => {
  it('refuses a range upside down, and warns of a value outside its own range', () => {
    const text = model(`  price: { value: 2, range: [4, 1] }\n  markup: { value: 5, range: [1, 1.4] }\n  launch: 1\n`);
    const issues = issuesOf(text);
    expect(summary(issues)).toEqual([`range-order ${place(text, 'range: |[4, 1]')}`, `range-value ${place(text, 'range: |[1, 1.4]')}`]);
    expect(issues[1]!.severity).toBe('warning');
    expect(both(issues[1]!)).toEqual(['"markup" is 5, outside its own range (1 to 1.4)', '« markup » vaut 5, hors de sa propre fourchette (1 à 1,4)']);
  });
});

describe('timings', () => {
  const timed = `  price: 2
  markup: 1
  start: 2
  launch: "start + delay"
  delay: { value: 1, distribution: { kind: normal, sd: 2 } }
`;

  it('finds the parameters compared with t, through the parameters they are read in', () => {
    const { prepared } = loadModel(model(timed.replace('{ kind: normal, sd: 2 }', '{ kind: normal, sd: 2, min: 0, max: 4 }')), 'm.yaml');
    // `t >= launch` and launch = start + delay: all three set when the shop sells; price does not.
    expect([...timingParameters(prepared!.model).keys()].sort()).toEqual(['delay', 'launch', 'start']);
  });

  it('leaves out a threshold: a name scaled or passed to a function, even beside something that grows with t', () => {
    const text = model(`  price: 2\n  markup: 1\n  launch: 1\n  growth: 0.1\n  capacity: 30\n  users: "10 * (1 + growth) ^ t"\n  phase: "t - launch"\n`)
      .replace('count: "if(t >= launch, 4, 0)"', 'count: "if(users * markup > capacity, 4, 0) + if(phase > 0, 1, 0) + if(floor(t / 12) == price, 1, 0)"');
    const { prepared } = loadModel(text, 'm.yaml');
    // phase = t - launch: launch is added to t; users, markup and capacity are compared as amounts; price with floor(t / 12), a function of t.
    expect([...timingParameters(prepared!.model).keys()]).toEqual(['phase', 'launch']);
  });

  it('refuses an unbounded distribution on one: each draw is a whole period, and needs bounds to stay in', () => {
    const text = model(timed);
    const issues = issuesOf(text).filter((i) => i.code === 'distribution');
    expect(summary(issues)).toEqual([`distribution ${place(text, 'value: 1, |distribution: { kind: normal')} timing-unbounded`]);
    expect(both(issues[0]!)[0]).toBe(
      '"delay" sets a timing (it is compared with the period t), so each draw is taken as a whole period; a normal distribution without min and max has no bounds to keep the draws in: give min and max',
    );
  });
});

describe('rank correlations', () => {
  const drawn = `  price: { value: 2, range: [1, 3] }
  markup: { value: 1, distribution: { kind: uniform, min: 0.9, max: 1.2 } }
  launch: { value: 1, range: [1, 3] }
`;

  it('reads pairs and a matrix', () => {
    const pairs = loadModel(model(drawn, 'correlations:\n  - { between: [price, markup], rank: 0.5 }\n'), 'm.yaml');
    expect(pairs.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const matrix = loadModel(model(drawn, 'correlations:\n  parameters: [price, markup]\n  matrix: [[1, 0.5], [0.5, 1]]\n'), 'm.yaml');
    expect(matrix.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses correlations that cannot hold together (not positive semi-definite), in both languages', () => {
    // price~markup 0.9, price~launch 0.9, markup~launch −0.9: the determinant of this matrix is
    // 1 − 3(0.81) − 2(0.729) = −2.888 < 0, so no three inputs can be correlated so.
    const rest = 'correlations:\n  - { between: [price, markup], rank: 0.9 }\n  - { between: [price, launch], rank: 0.9 }\n  - { between: [markup, launch], rank: -0.9 }\n';
    const text = model(drawn, rest);
    const issues = issuesOf(text).filter((i) => i.code === 'correlation');
    expect(summary(issues)).toEqual([`correlation ${place(text, '|correlations:')} not-positive-semidefinite`]);
    expect(both(issues[0]!)[0]).toMatch(/cannot hold together \(the matrix is not positive semi-definite, from "launch" on\)/);
    expect(both(issues[0]!)[1]).toMatch(/la matrice n’est pas semi-définie positive, à partir de « launch »/);
  });

  it('refuses an unknown name, a name never drawn, a pair given twice and a matrix that is not symmetric', () => {
    const rest = 'correlations:\n  - { between: [price, markups], rank: 0.5 }\n  - { between: [price, launch], rank: 0.2 }\n  - { between: [launch, price], rank: 0.3 }\n';
    const text = model(drawn.replace('launch: { value: 1, range: [1, 3] }', 'launch: 1'), rest);
    const issues = issuesOf(text);
    expect(summary(issues.filter((i) => ['correlation', 'unknown-reference'].includes(i.code)))).toEqual([
      `unknown-reference ${place(text, '[price, |markups]')}`,
      `correlation ${place(text, '[price, |launch], rank: 0.2')} not-drawn`,
      `correlation ${place(text, '- |{ between: [launch, price]')} duplicate`,
      `correlation ${place(text, '[|launch, price]')} not-drawn`,
    ]);
    const matrix = issuesOf(model(drawn, 'correlations:\n  parameters: [price, markup]\n  matrix: [[1, 0.5], [0.4, 1]]\n')).filter((i) => i.code === 'correlation');
    expect(matrix.map((i) => [i.params.reason, i.path.join('.')])).toEqual([['not-symmetric', 'correlations.matrix.0.1']]);
  });
});

describe('experiment records', () => {
  const records = `hypotheses:
  pay-less:
    kind: desirability
    statement: { fr: les individus changent pour payer moins, en: people change to pay less }
    importance: high
    evidence: none
    parameters: [price]
testCards:
  sam:
    hypothesis: pay-less
    believe: les jeunes conducteurs changeront de comportement pour payer moins
    verify: proposer une réduction de 30 %
    measure: le nombre de téléchargements
experiments:
  young-drivers:
    testCard: sam
    measure: téléchargements de l'application Sam
    informs: markup
    variants:
      a: { planned: 50, observed: { exposed: 50, converted: 9, invented: true } }
      b: { planned: 50, observed: { exposed: 50, converted: 14, invented: true } }
learningCards:
  first:
    experiment: young-drivers
    believed: a
    observed: b
    learned: c
    decision: d
    modelVersion: 3
`;

  it('reads hypotheses, test cards, experiments and learning cards', () => {
    const loaded = loadModel(model(`  price: 2\n${USED}`, records), 'm.yaml');
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const doc = loaded.ecosystem!.doc;
    expect(doc.experiments!['young-drivers']!.variants.b!.observed).toEqual({ exposed: 50, converted: 14, invented: true });
    expect(doc.hypotheses!['pay-less']!.statement).toEqual({ fr: 'les individus changent pour payer moins', en: 'people change to pay less' });
  });

  it('refuses references to records that do not exist and counts above what they count, located', () => {
    const broken = records
      .replace('hypothesis: pay-less', 'hypothesis: pay-les')
      .replace('converted: 14', 'converted: 51')
      .replace('{ planned: 50, observed: { exposed: 50, converted: 9', '{ planned: 40, observed: { exposed: 50, converted: 9')
      .replace('experiment: young-drivers', 'experiment: young-driver')
      .replace('parameters: [price]', 'parameters: [prices]');
    const text = model(`  price: 2\n${USED}`, broken);
    const issues = issuesOf(text);
    expect(summary(issues.filter((i) => i.severity === 'error'))).toEqual([
      `unknown-reference ${place(text, 'parameters: [|prices]')}`,
      `unknown-reference ${place(text, 'hypothesis: |pay-les')}`,
      `experiment-count ${place(text, 'exposed: |50, converted: 9')}`,
      `experiment-count ${place(text, 'converted: |51')}`,
      `unknown-reference ${place(text, 'experiment: |young-driver\n')}`,
    ]);
    const count = issues.find((i) => i.code === 'experiment-count' && i.params.field === 'converted')!;
    expect(both(count)).toEqual(['variant "b": 51 converted, more than the 50 exposed', 'variante « b » : 51 convertis, plus que les 50 exposés']);
    const reference = issues.find((i) => i.code === 'unknown-reference' && i.params.kind === 'hypothesis')!;
    expect(issueMessage(reference, 'fr')).toMatch(/hypothèse/);
  });

  it("refuses a variant's informs, a learning card's calibrated parameter and a test card's threshold that do not fit, located", () => {
    const extended = records
      .replace('measure: le nombre de téléchargements', 'measure: le nombre de téléchargements\n    threshold: 1.5\n    baseline: 0.1')
      .replace('a: { planned: 50,', 'a: { informs: markups, planned: 50,')
      .replace('    modelVersion: 3\n', '    modelVersion: 3\n    calibrated: [{ parameter: prise, before: { mean: 0.5, low: 0.1, high: 0.9 }, after: { mean: 0.3, low: 0.2, high: 0.4 } }]\n');
    const text = model(`  price: 2\n${USED}`, extended);
    const issues = issuesOf(text).filter((i) => i.severity === 'error');
    expect(summary(issues)).toEqual([
      `schema ${place(text, 'threshold: |1.5')} at-most`,
      `unknown-reference ${place(text, 'informs: |markups')}`,
      `unknown-reference ${place(text, 'parameter: |prise')}`,
    ]);
    const fixed = extended.replace('threshold: 1.5', 'threshold: 0.15').replace('informs: markups', 'informs: markup').replace('parameter: prise', 'parameter: price');
    const loaded = loadModel(model(`  price: 2\n${USED}`, fixed), 'm.yaml');
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(loaded.ecosystem!.doc.experiments!['young-drivers']!.variants.a!.informs).toBe('markup');
    expect(loaded.ecosystem!.doc.testCards!.sam!.threshold).toBe(0.15);
  });

  it('refuses an experiment with one variant', () => {
    const one = records.replace(/      b: .*\n/, '');
    const issues = issuesOf(model(`  price: 2\n${USED}`, one)).filter((i) => i.code === 'experiment-variants');
    expect(both(issues[0]!)[0]).toBe('experiment "young-drivers" has 1 variant: a test compares at least two');
  });
});

describe('segment members', () => {
  it('takes people or organisations on a segment only', () => {
    const text = model(`  price: 2\n${USED}`).replace('shop: { kind: organisation }', 'shop: { kind: organisation, members: people }').replace('buyers: { kind: segment, size: 10 }', 'buyers: { kind: segment, size: 10, members: organisations }');
    const issues = issuesOf(text);
    expect(summary(issues)).toEqual([`misplaced-field ${place(text, 'organisation, |members')} members-not-segment`]);
    expect(both(issues[0]!)[0]).toMatch(/only a segment has members/);
    const firms = text.replace('members: organisations', 'members: firms');
    expect(summary(issuesOf(firms))).toContain(`schema ${place(firms, 'members: |firms')} one-of`);
  });
});

describe('empirical distributions, read by the command line', () => {
  const BIN = resolve('bin/symbiose.js');
  const run = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SYMBIOSE_LANG: 'en' } });
  const text = model(`  price: { value: 2, distribution: { kind: empirical, file: data/prices.csv, column: price } }\n${USED}`);

  it('reads the column relative to the model file, and refuses a column it does not have, located', () => {
    const dir = mkdtempSync(join(tmpdir(), 'symbiose-empirical-'));
    mkdirSync(join(dir, 'models', 'data'), { recursive: true });
    writeFileSync(join(dir, 'models', 'shop.yaml'), text);
    writeFileSync(join(dir, 'models', 'data', 'prices.csv'), 'week,price\n1,1.8\n2,2.1\n');
    expect(run(dir, 'validate', 'models/shop.yaml').status).toBe(0);
    writeFileSync(join(dir, 'models', 'data', 'prices.csv'), 'week,prix\n1,1.8\n');
    const refused = run(dir, 'validate', 'models/shop.yaml');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(`models/shop.yaml:${place(text, 'column: |price')}: error the file "data/prices.csv" has no column "price" (its columns: "week", "prix")`);
    writeFileSync(join(dir, 'models', 'data', 'prices.csv'), 'price\n\n');
    expect(run(dir, 'validate', 'models/shop.yaml', '--lang', 'fr').stdout.replace(/[\u00a0\u202f]/g, ' ')).toContain('la colonne « price » de « data/prices.csv » ne contient aucune valeur');
  });
});
