/**
 * Where a model's numbers come from: each parameter's source or assumption (with its range), and
 * the numbers that have neither, whether a parameter or a figure written inline in the model.
 * A library model must leave no number unexplained.
 */
import { parameterSpec, type ModelDocument, type Path, type Text } from '../core/index.js';

export interface ParameterProvenance {
  name: string;
  value: number | string;
  unit: string | undefined;
  source: string | undefined;
  /** The rationale, in one language or in each. */
  assumption: Text | undefined;
  range: [number, number] | undefined;
}

export interface Provenance {
  parameters: ParameterProvenance[];
  sourced: number;
  assumed: number;
  /** Paths of numbers with neither a source nor an assumption. */
  unexplained: Path[];
}

/** Numbers too structural to need a source: none and one. */
const STRUCTURAL = new Set([0, 1]);

/** The fields whose values are quantities (numbers or expressions), outside parameters. */
const QUANTITY_KEYS = new Set(['size', 'count', 'fraction', 'amount', 'valuation', 'fixed', 'variable', 'investment']);

export function provenance(doc: ModelDocument): Provenance {
  const parameters = Object.entries(doc.parameters ?? {}).map(([name, p]): ParameterProvenance => {
    const spec = parameterSpec(p);
    return { name, value: spec.value, unit: spec.unit, source: spec.source, assumption: spec.assumption, range: spec.range };
  });
  const unexplained: Path[] = parameters
    .filter((p) => p.source === undefined && p.assumption === undefined && typeof p.value === 'number')
    .map((p) => ['parameters', p.name]);
  // Inline numbers anywhere else: explained only by the provenance of the record holding them.
  const visit = (value: unknown, path: Path, explained: boolean): void => {
    const quantity = path.some((segment) => typeof segment === 'string' && QUANTITY_KEYS.has(segment));
    if (typeof value === 'number') {
      if (quantity && !explained && !STRUCTURAL.has(value)) unexplained.push(path);
    } else if (typeof value === 'string') {
      if (!quantity) return;
      for (const match of value.matchAll(/(?<![\w.])\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
        const n = Number(match[0].replaceAll('_', ''));
        if (!explained && !STRUCTURAL.has(n)) unexplained.push(path);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i], explained));
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const own = explained || typeof record.source === 'string' || record.assumption !== undefined;
      for (const [key, item] of Object.entries(record)) visit(item, [...path, key], own);
    }
  };
  for (const section of ['actors', 'valueObjects', 'transactions', 'scenarios'] as const) {
    visit(doc[section] ?? {}, [section], false);
  }
  return {
    parameters,
    sourced: parameters.filter((p) => p.source !== undefined).length,
    assumed: parameters.filter((p) => p.assumption !== undefined).length,
    unexplained: dedupe(unexplained),
  };
}

function dedupe(paths: Path[]): Path[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
