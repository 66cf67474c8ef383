/**
 * Numbers written as people write them (issue 14 item 4): 3,000, 3 000, 0,5 and 30 % are refused
 * at the place they are written, with the way to write them, in both languages, and never read as
 * another number; a start count that reads as a population is flagged.
 */
import { describe, expect, it } from 'vitest';
import { profitability } from '../src/analyses/index.js';
import { issueMessage } from '../src/i18n/index.js';
import { ecosystemOf, issuesOf } from './helpers.js';

const model = (parameters: string, costs = '', start = 'buyers', count = '4') => `symbiose: 3
name: Shop
currency: EUR
period: month
horizon: 12
parameters:
${parameters}
actors:
  shop:
    kind: organisation
    costs:
${costs || '      - { name: Team, fixed: 100 }'}
  buyers: { kind: segment, size: 100 }
valueObjects:
  money: { nature: money }
  bread: { nature: product }
transactions:
  buy:
    transfers:
      - { from: shop, to: buyers, object: bread }
      - { from: buyers, to: shop, object: money, amount: price }
scenarios:
  weekly: { start: { actor: ${start}, count: ${count} }, steps: [buy] }
`;

const at = (text: string) => issuesOf(text).map((i) => [i.code, i.line, i.column, issueMessage(i, 'en')]);

describe('numbers written as on paper', () => {
  it('refuses 3,000 on its line, with both readings, and 0,5 as a decimal written with a point', () => {
    const text = model('  price: 2', '      - name: Rent\n        fixed: 3,000\n      - name: Heat\n        fixed: 0,5');
    expect(at(text)).toEqual([
      ['expression-syntax', 13, 16, 'invalid expression: "3,000": a number has no comma here; write 3000 (or 3_000) for "3,000" in thousands, or 3.000, with a point, for a decimal'],
      ['expression-syntax', 15, 16, 'invalid expression: "0,5": a number has no comma here; write 0.5, with a point, for a decimal'],
    ]);
    // French typography puts no-break spaces before « ; » and inside « »: compared as spaces.
    const french = issuesOf(text).map((i) => issueMessage(i, 'fr').replace(/[\u00a0\u202f]/g, ' '));
    expect(french[0]).toContain('« 3,000 » : un nombre s’écrit ici sans virgule ; écrivez 3000 (ou 3_000) pour « 3,000 » en milliers, ou 3.000, avec un point, pour un nombre décimal');
  });

  it('refuses digits grouped by spaces and a percentage, each located', () => {
    const issues = at(model('  price: 1 250\n  share: { value: "30 %" }\n  taken: "price * share"'));
    expect(issues.filter(([code]) => code === 'expression-syntax')).toEqual([
      ['expression-syntax', 7, 10, 'invalid expression: "1 250": a number has no spaces between its digits; write 1250 (or 1_250)'],
      ['expression-syntax', 8, 20, 'invalid expression: "30 %": a percentage is written as a share, 0.3; "%" here is the remainder of a division'],
    ]);
  });

  it('says that a comma in braces cut a number in two, instead of suggesting a field', () => {
    const issues = issuesOf(model('  price: 2', '      - { name: Team, fixed: 3,000 }'));
    expect(issues.map((i) => [i.code, i.line, i.params.key, i.params.suggestion])).toEqual([['unknown-key', 12, '0', undefined]]);
    expect(issueMessage(issues[0]!, 'en')).toMatch(/a number written with a comma \(3,000 or 0,5\) is read as two; write 3000 \(or 3_000\)/);
    expect(issueMessage(issues[0]!, 'fr')).toMatch(/un nombre écrit avec une virgule \(3,000 ou 0,5\) est lu en deux/);
  });

  it('still reads what these forms look like when they are meant: 3_000, a remainder, two arguments', () => {
    const sheet = profitability(ecosystemOf(model('  price: "min(3,500) + 12 % 5"', '      - { name: Team, fixed: 3_000 }')), 'shop');
    // min(3, 500) = 3 and 12 mod 5 = 2: a price of 5; 100 buyers × 4 purchases × 5 = 2,000 a month.
    expect(sheet.totals.revenue[1]).toBe(2000);
    expect(sheet.totals.costs[1]).toBe(3000);
  });
});

describe('a start count that reads as a population', () => {
  it('warns when an organisation starts a scenario 100,000 times a period, and says what the count means', () => {
    const issues = issuesOf(model('  price: 2', '', 'shop', '100000')).filter((i) => i.code === 'start-count');
    expect(issues.map((i) => [i.line, i.severity, i.params])).toEqual([[23, 'warning', { scenario: 'weekly', actor: 'shop', count: 100_000 }]]);
    expect(issueMessage(issues[0]!, 'en')).toContain('a start count is how many times the actor starts the scenario each period, not how many members it has');
    expect(issueMessage(issues[0]!, 'fr')).toContain('pas le nombre de ses membres');
  });

  it('warns on a parameter counted in people, and says nothing of a segment or of a few starts', () => {
    const people = model('  price: 2\n  members: { value: 40, unit: people }', '', 'shop', 'members');
    expect(issuesOf(people).filter((i) => i.code === 'start-count').map((i) => i.params.count)).toEqual([40]);
    expect(issuesOf(model('  price: 2', '', 'buyers', '100000')).filter((i) => i.code === 'start-count')).toEqual([]);
    expect(issuesOf(model('  price: 2', '', 'shop', '12')).filter((i) => i.code === 'start-count')).toEqual([]);
  });
});
