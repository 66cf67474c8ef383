import { describe, expect, it } from 'vitest';
import { issue } from '../../../src/core/index.js';
import { analyse } from './analyse.js';
import { fieldIssues, issuesByPlace, placeOf } from './places.js';

describe('where an issue is shown', () => {
  it('on the record its path starts in, and on the field under it', () => {
    expect(placeOf(['actors', 'shop', 'size'])).toEqual({ element: 'actor', id: 'shop', field: 'size' });
    expect(placeOf(['transactions', 'sale', 'transfers', 0, 'amount'])).toEqual({ element: 'transaction', id: 'sale', field: 'transfers.0.amount' });
    expect(placeOf(['horizon'])).toEqual({ element: 'model' });
    expect(placeOf(['constructor', 'x'])).toEqual({ element: 'model' });
  });

  it('an expression error typed into an amount is found at that transfer', () => {
    const doc = {
      symbiose: 2, name: 'm', currency: 'EUR', period: 'month', horizon: 3,
      actors: { a: { kind: 'organisation' }, b: { kind: 'organisation' } },
      valueObjects: { cash: { nature: 'money' }, help: { nature: 'service' } },
      transactions: { t: { transfers: [{ from: 'a', to: 'b', object: 'cash', amount: '10 *' }, { from: 'b', to: 'a', object: 'help' }] } },
      scenarios: { s: { start: { actor: 'a', count: 1 }, steps: ['t'] } },
    };
    const byPlace = issuesByPlace(analyse(doc).issues);
    const found = fieldIssues(byPlace, 'transaction', 't', 'transfers.0');
    expect(found.map((i) => i.code)).toContain('expression-syntax');
    expect(byPlace.get('transaction:t')?.length).toBeGreaterThan(0);
    expect(byPlace.has('actor:a')).toBe(false);
  });

  it('keeps model-wide issues apart', () => {
    const byPlace = issuesByPlace([issue('unknown-reference', ['horizon'], { kind: 'actor', id: 'x', known: [] })]);
    expect([...byPlace.keys()]).toEqual(['model']);
  });
});
