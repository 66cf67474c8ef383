/** Files in older format versions load as today's (migrated in memory); newer ones are refused, located. */
import { describe, expect, it } from 'vitest';
import { modelJsonSchema } from '../src/core/index.js';
import { issueMessage } from '../src/i18n/index.js';
import { issuesOf, ecosystemOf } from './helpers.js';

const body = `name: Shop
currency: EUR
period: month
horizon: 2
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
      - { from: buyers, to: shop, object: money, amount: 2 }
scenarios:
  weekly: { start: { actor: buyers, count: 4 }, steps: [buy] }
`;

describe('format versions', () => {
  it('loads a version-1 file as the current version, with the same figures', () => {
    const old = ecosystemOf(`symbiose: 1\n${body}`);
    const current = ecosystemOf(`symbiose: 4\n${body}`);
    expect(old.doc.symbiose).toBe(4);
    // 10 buyers × 4 purchases × 2 EUR = 80 a month.
    expect(old.ledger).toEqual(current.ledger);
  });

  it('reads positions from version 2', () => {
    const doc = ecosystemOf(`symbiose: 2\n${body.replace('shop: { kind: organisation }', 'shop: { kind: organisation, position: { x: 120, y: 40.5 } }')}`).doc;
    expect(doc.actors.shop!.position).toEqual({ x: 120, y: 40.5 });
  });

  it('reads texts in two languages from version 3, and refuses a language it does not speak, located', () => {
    const bilingual = body.replace('shop: { kind: organisation }', 'shop: { kind: organisation, description: { fr: Une épicerie, en: A corner shop } }');
    expect(ecosystemOf(`symbiose: 3\n${bilingual}`).doc.actors.shop!.description).toEqual({ fr: 'Une épicerie', en: 'A corner shop' });
    const german = issuesOf(`symbiose: 3\n${bilingual.replace('en: A corner shop', 'de: Ein Laden')}`);
    expect(german.map((i) => [i.code, i.line, i.params.key])).toEqual([['unknown-key', 7, 'de']]);
    const empty = issuesOf(`symbiose: 3\n${bilingual.replace('{ fr: Une épicerie, en: A corner shop }', '{}')}`);
    expect(empty.map((i) => [i.code, i.line])).toEqual([['schema', 7]]);
    expect(issueMessage(empty[0]!, 'en')).toMatch(/one text per language: \{ fr: …, en: … \}/);
    expect(issueMessage(empty[0]!, 'fr')).toMatch(/un texte par langue/);
  });

  it('refuses a version newer than it knows, at the version line', () => {
    const issues = issuesOf(`symbiose: 5\n${body}`);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([['format-version', 1, 11]]);
  });

  it('has a schema for editors that accepts every version and documents positions', () => {
    const schema = modelJsonSchema() as { properties: Record<string, any> };
    expect(schema.properties.symbiose.enum).toEqual([1, 2, 3, 4]);
    const position = schema.properties.actors.additionalProperties.properties.position;
    expect(position).toMatchObject({ required: ['x', 'y'], additionalProperties: false });
    expect(position.description).toMatch(/canvas units, y downwards/);
  });
});
