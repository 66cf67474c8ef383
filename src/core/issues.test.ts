import { describe, expect, it } from 'vitest';
import { formatPath } from './issues.js';

describe('formatPath', () => {
  it('writes paths the way people do, and the whole document as no path (no English word)', () => {
    expect(formatPath(['transactions', 'buy', 'transfers', 0, 'to'])).toBe('transactions.buy.transfers[0].to');
    expect(formatPath(['parameters', 'prix unitaire'])).toBe('parameters["prix unitaire"]');
    expect(formatPath([])).toBe('');
  });
});
