import { describe, expect, it } from 'vitest';
import { freeId } from './free-id.js';

describe('freeId', () => {
  it('keeps the id when free, else takes the first free -copy, -copy-2, …', () => {
    expect(freeId('mint', [])).toBe('mint');
    expect(freeId('mint', ['mint'])).toBe('mint-copy');
    expect(freeId('mint', ['mint', 'mint-copy', 'mint-copy-2'])).toBe('mint-copy-3');
    expect(freeId('mint', ['mint', 'mint-copy-2'])).toBe('mint-copy');
  });
});
