import { describe, expect, it } from 'vitest';
import { coalesced } from './delivery.js';

describe('output gathered into chunks before it is written', () => {
  it('joins small pieces into chunks of at least the size, the rest last, nothing lost', () => {
    const pieces = ['ab', 'cd', 'e', 'fgh', 'i'];
    expect([...coalesced(pieces, 4)]).toEqual(['abcd', 'efgh', 'i']);
    expect([...coalesced([], 4)]).toEqual([]);
    expect([...coalesced(['a long piece'], 4)]).toEqual(['a long piece']);
  });

  it('reads the pieces only as chunks are taken', () => {
    let read = 0;
    function* pieces() {
      for (const p of ['ab', 'cd', 'ef', 'gh']) {
        read++;
        yield p;
      }
    }
    const chunks = coalesced(pieces(), 4);
    expect(chunks.next().value).toBe('abcd');
    expect(read).toBe(2);
  });
});
