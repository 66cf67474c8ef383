/**
 * Unit hints: a stock in "people" fed by a flow in "EUR/month" is likely a mistake. Only what the
 * model states is compared (stocks and the flows attached to them, with the model's time unit);
 * units are normalised loosely (case, plurals, "per") and a mismatch is a warning, never an error.
 */
import { engineIssue, type EngineIssue } from './issues.js';
import type { Model } from './model.js';
import { canonicalName } from './names.js';

/** "Degrees Fahrenheit / minutes" → ["degree fahrenheit", "minute"]. */
function parts(units: string): string[] {
  return units
    .toLowerCase()
    .replace(/\s+per\s+/g, '/')
    .split('/')
    .map((part) =>
      part
        .trim()
        .split(/\s+/)
        .map((word) => (word === 'people' ? 'person' : word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word))
        .join(' '),
    );
}

const TIME_WORDS = new Set(['time', 'period', 'dt', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year']);

export function unitHints(model: Model): EngineIssue[] {
  const issues: EngineIssue[] = [];
  const byName = new Map(model.variables.map((v) => [canonicalName(v.name), v]));
  const timeUnit = model.specs.timeUnits ? parts(model.specs.timeUnits)[0] : undefined;
  for (const stock of model.variables) {
    if (stock.kind !== 'stock' || !stock.units) continue;
    const [stockUnit] = parts(stock.units);
    for (const flowName of [...(stock.inflows ?? []), ...(stock.outflows ?? [])]) {
      // A module's stock names its flows within its instance (XMILE 1.0 §3.7).
      const flow = byName.get(canonicalName(stock.namespace ? `${stock.namespace}.${flowName}` : flowName));
      if (!flow?.units) continue;
      const [numerator, denominator, ...rest] = parts(flow.units);
      const perTime = denominator !== undefined && rest.length === 0 && (denominator === timeUnit || TIME_WORDS.has(denominator));
      if (numerator === stockUnit && perTime) continue;
      issues.push(
        engineIssue(
          'units',
          { flow: flow.name, flowUnits: flow.units, stock: stock.name, stockUnits: stock.units, time: model.specs.timeUnits ?? 'time' },
          { variable: flow.name },
          'warning',
        ),
      );
    }
  }
  return issues;
}
