/**
 * The yearly discount rate of a model, whatever form its `discountRate` takes: a yearly number,
 * an expression of numbers, or a rate per period (`{ value, per }`), compounded to a year. The
 * analyses discount with it; compile() reports why a rate cannot be read, with its place.
 */
import { evaluate, EvaluationError } from './expression/evaluate.js';
import { ExpressionSyntaxError, namesIn, parseExpression } from './expression/index.js';
import { issue, type Issue, type Path } from './issues.js';
import { PERIODS_PER_YEAR, type DiscountRate, type Period } from './model/index.js';

/** The highest yearly rate read without a warning: above it, a percentage was likely meant. */
const PLAUSIBLE_RATE = 1;

/** The yearly rate, or 0 when the model gives none or gives one that cannot be read (compile says why). */
export function annualDiscountRate(rate: DiscountRate | undefined): number {
  return readDiscountRate(rate).rate;
}

/** The yearly rate with the issues that reading it raised, located under `discountRate`. */
export function readDiscountRate(rate: DiscountRate | undefined): { rate: number; issues: Issue[] } {
  if (rate === undefined) return { rate: 0, issues: [] };
  const per: Period = typeof rate === 'object' ? rate.per : 'year';
  const path: Path = typeof rate === 'object' ? ['discountRate', 'value'] : ['discountRate'];
  const value = typeof rate === 'object' ? rate.value : rate;
  const given = valueOf(value, path);
  if (given.issue) return { rate: 0, issues: [given.issue] };
  const yearly = (1 + given.value) ** PERIODS_PER_YEAR[per] - 1;
  const issues: Issue[] = [];
  if (given.value < 0 || !Number.isFinite(yearly)) {
    issues.push(issue('negative', path, { quantity: 'discount-rate', value: given.value }));
    return { rate: 0, issues };
  }
  if (per === 'year' && given.value > PLAUSIBLE_RATE) {
    issues.push(issue('discount-rate', path, { rate: given.value, percent: given.value * 100, fraction: given.value / 100 }, { severity: 'warning' }));
  }
  return { rate: yearly, issues };
}

function valueOf(value: number | string, path: Path): { value: number; issue?: undefined } | { value?: undefined; issue: Issue } {
  if (typeof value === 'number') return { value };
  try {
    const expr = parseExpression(value);
    const [name] = namesIn(expr);
    if (name) return { issue: issue('discount-rate-name', path, { name: name[0] }, { offset: name[1] }) };
    return { value: evaluate(expr, () => undefined) };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      const fault = error.fault;
      return { issue: fault.reason === 'limit' ? issue('limit', path, { limit: fault.limit, max: fault.max }, { offset: error.offset }) : issue('expression-syntax', path, fault, { offset: error.offset }) };
    }
    if (error instanceof EvaluationError) return { issue: issue('evaluation', path, error.fault, { offset: error.offset }) };
    throw error;
  }
}
