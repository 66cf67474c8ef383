import { describe, expect, it } from 'vitest';
import { evaluate, EvaluationError, ExpressionSyntaxError, namesIn, parseExpression } from './index.js';

const calc = (text: string, names: Record<string, number> = {}) => evaluate(parseExpression(text), (n) => names[n]);

describe('expressions', () => {
  it('follows the usual precedence and associativity', () => {
    expect(calc('1 + 2 * 3')).toBe(7);
    expect(calc('(1 + 2) * 3')).toBe(9);
    expect(calc('10 - 4 - 3')).toBe(3); // left-associative
    expect(calc('2 ^ 3 ^ 2')).toBe(512); // right-associative: 2^(3^2)
    expect(calc('-2 ^ 2')).toBe(-4); // -(2^2), as in mathematics and Excel's POWER
    expect(calc('2 * -3')).toBe(-6);
    expect(calc('7 % 4')).toBe(3);
  });

  it('reads numbers with separators and exponents', () => {
    expect(calc('100_000 * 1.5e-3')).toBe(150);
    expect(calc('.5 + 0.25')).toBe(0.75);
  });

  it('evaluates names, comparisons, logic and functions', () => {
    const env = { price: 20, discount: 0.3, t: 7 };
    expect(calc('price * (1 - discount)', env)).toBeCloseTo(14, 12);
    expect(calc('if(t <= 6, 0, price)', env)).toBe(20);
    expect(calc('t > 6 and t < 12', env)).toBe(1);
    expect(calc('not (t == 7) or 0', env)).toBe(0);
    expect(calc('min(3, 1, 2) + max(4, 5) + abs(-1) + clamp(15, 0, 10)')).toBe(17);
    expect(calc('round(2.345, 2) + floor(1.9) + ceil(1.1)')).toBeCloseTo(5.35, 12);
    expect(calc('round(-2.5)')).toBe(-3); // half away from zero
    expect(calc('sqrt(16) + ln(exp(2)) + log10(1000) + pow(2, 10)')).toBe(1033);
  });

  it('evaluates only the chosen branch of if and the needed side of and/or', () => {
    expect(calc('if(n > 0, 10 / n, 0)', { n: 0 })).toBe(0);
    expect(calc('n != 0 and 10 / n > 1', { n: 0 })).toBe(0);
  });

  it('keeps the remainder and commas between arguments where they are meant', () => {
    expect(calc('t % 12', { t: 14 })).toBe(2);
    expect(calc('10 % 3')).toBe(1);
    expect(calc('min(3,500)')).toBe(3);
    expect(calc('max(2, 3) * 10 % (4)')).toBe(2);
  });

  it('lists the names an expression reads, with the offset of their first use', () => {
    expect([...namesIn(parseExpression('a + b * a + f(c)'))]).toEqual([['a', 0], ['b', 4], ['c', 14]]);
  });

  it.each([
    ['1 +', 3, { reason: 'ends-early' }],
    ['(1 + 2', 6, { reason: 'unclosed-bracket', open: 1 }],
    ['2 $ 3', 2, { reason: 'unexpected-character', character: '$' }],
    ['a b', 2, { reason: 'unexpected-token', token: 'name', text: 'b' }],
    ['1 < 2 < 3', 6, { reason: 'chained-comparison' }],
    ['f(1,', 4, { reason: 'ends-early' }],
    ['f(1 2)', 4, { reason: 'unclosed-call', open: 2 }],
    ['1__0', 0, { reason: 'malformed-number', text: '1__0' }],
    ['   ', 0, { reason: 'empty' }],
    // Numbers as written on paper: refused with the way to write them, never misread.
    ['3,000', 0, { reason: 'comma-in-number', text: '3,000', thousands: '3000', decimal: '3.000' }],
    ['price * 1,000,000', 8, { reason: 'comma-in-number', text: '1,000,000', thousands: '1000000' }],
    ['0,5 * n', 0, { reason: 'comma-in-number', text: '0,5', decimal: '0.5' }],
    ['max(1,000)', 4, { reason: 'comma-in-number', text: '1,000', thousands: '1000', decimal: '1.000' }],
    ['3 000', 0, { reason: 'grouped-number', text: '3 000', write: '3000' }],
    ['1\u202f250\u00a0000 * 2', 0, { reason: 'grouped-number', text: '1\u202f250\u00a0000', write: '1250000' }],
    ['30 %', 0, { reason: 'percent', text: '30 %', write: '0.3' }],
    ['100% - churn', 0, { reason: 'percent', text: '100%', write: '1' }],
    ['price * (12.5%)', 9, { reason: 'percent', text: '12.5%', write: '0.125' }],
  ])('rejects %j at offset %i, with the fault as data', (text, offset, fault) => {
    try {
      parseExpression(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionSyntaxError);
      expect((error as ExpressionSyntaxError).offset).toBe(offset);
      expect((error as ExpressionSyntaxError).fault).toEqual(fault);
    }
  });

  it.each([
    ['1 / (a - a)', { reason: 'division-by-zero' }, 2],
    ['sqrt(-1)', { reason: 'domain', function: 'sqrt', value: -1 }, 0],
    ['ln(0)', { reason: 'domain', function: 'ln', value: 0 }, 0],
    ['(-8) ^ 0.5', { reason: 'not-real', base: -8, exponent: 0.5 }, 5],
    ['10 ^ 400', { reason: 'not-finite', value: 'Infinity' }, 3],
    ['nope + 1', { reason: 'unknown-name', name: 'nope' }, 0],
  ])('refuses to evaluate %j, with the fault as data', (text, fault, offset) => {
    try {
      calc(text, { a: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EvaluationError);
      expect((error as EvaluationError).fault).toEqual(fault);
      expect((error as EvaluationError).offset).toBe(offset);
    }
  });

  it('never runs code: JavaScript in an expression is a syntax error, not an effect', () => {
    for (const text of ['process.exit(1)', 'this.constructor', '`x`', 'a; b', 'x = 1', "require('fs')", '__proto__.polluted']) {
      expect(() => calc(text)).toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
