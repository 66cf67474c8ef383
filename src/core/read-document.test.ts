/** Reading a document for the store: migrated when older, kept as written when it is current. */
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from './migrate/index.js';
import { readDocument } from './read-document.js';

const model = (version: number) =>
  [
    '# comments and spacing are the writer’s',
    `symbiose: ${version}`,
    'name:   Small    # two spaces before the name',
    'currency: EUR',
    'period: month',
    'horizon: 12',
    'actors: { p: { kind: platform }, c: { kind: individual } }',
    'valueObjects: { m: { nature: money }, s: { nature: service } }',
    'transactions:',
    '  t: { transfers: [{ from: p, to: c, object: s }, { from: c, to: p, object: m, amount: 2 }] }',
    '',
  ].join('\n');

describe('readDocument', () => {
  it('keeps a text in the current version exactly as written', () => {
    const text = model(LATEST_VERSION);
    const read = readDocument(text, 'small.yaml');
    expect(read.issues).toEqual([]);
    expect(read.text).toBe(text);
    expect(read.document).toMatchObject({ symbiose: LATEST_VERSION, name: 'Small', actors: { p: { kind: 'platform' }, c: { kind: 'individual' } } });
  });

  it('migrates an older text, its comments kept, and writes JSON back indented', () => {
    const read = readDocument(model(1), 'small.yaml');
    expect(read.document?.symbiose).toBe(LATEST_VERSION);
    expect(read.text).toContain(`symbiose: ${LATEST_VERSION}\n`);
    expect(read.text).toContain('# comments and spacing are the writer’s\n');
    const json = readDocument('{"symbiose": 3, "name": "J", "currency": "EUR", "period": "month", "horizon": 1, "actors": {}, "valueObjects": {}, "transactions": {}}', 'j.json');
    expect(json.text).toBe(`${JSON.stringify({ symbiose: LATEST_VERSION, name: 'J', currency: 'EUR', period: 'month', horizon: 1, actors: {}, valueObjects: {}, transactions: {} }, null, 2)}\n`);
  });

  it('places the faults of a current text in it', () => {
    const read = readDocument(model(LATEST_VERSION).replace('kind: individual', 'kind: individuel'), 'small.yaml');
    expect(read.document).toBeUndefined();
    // Line 7, `actors: { p: { kind: platform }, c: { kind: ` is 44 characters: the value at column 45.
    expect(read.issues.map((i) => ({ code: i.code, path: i.path.join('.'), at: `${i.line}:${i.column}` }))).toEqual([{ code: 'schema', path: 'actors.c.kind', at: '7:45' }]);
  });
});
