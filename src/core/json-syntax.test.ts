import { describe, expect, it } from 'vitest';
import { jsonFault } from './json-syntax.js';

describe('the JSON syntax check', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}} ', '"s"', '0', '[[[]]]', '{"a": {}, "b": [], "c": [{}, []]}']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonFault(text), text).toBeUndefined();
    }
  });

  it.each([
    ['{"a": 1,}', 8, '}'], // trailing comma
    ['[1, 2,]', 6, ']'],
    ['{"a": 1 // note\n}', 8, '/'],
    ["{'a': 1}", 1, "'"],
    ['{a: 1}', 1, 'a'],
    ['{"a" 1}', 5, '1'],
    ['[01]', 2, '1'],
    ['{"a": 1} x', 9, 'x'],
    ['[1 2]', 3, '2'],
    ['"\t"', 1, '\t'], // a raw tab inside a string
  ])('places the fault of %j at offset %i (%j)', (text, offset, character) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonFault(text)).toEqual({ offset, character });
  });

  it('says when the text ends too early', () => {
    expect(jsonFault('{"a": [1, 2')).toEqual({ offset: 11 });
    expect(jsonFault('')).toEqual({ offset: 0 });
  });

  it('survives deep nesting without recursion', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonFault(deep)).toBeUndefined();
  });
});
