/**
 * Runs a model document's dynamics for the core (a DynamicsRunner): build the engine model,
 * check and compile it, simulate, and give each variable per period. Engine issues are placed
 * at the dynamics entry they concern, so they are located in the model file like any other.
 */
import {
  canonicalName,
  dynamicsNames,
  issue,
  type DynamicsRunner,
  type Issue,
  type ModelDocument,
  type Path,
  type PeriodSeries,
} from '../../core/index.js';
import { compile } from '../compile/index.js';
import type { EngineIssue } from '../issues.js';
import { renderEngineIssue } from '../messages.js';
import { simulate, SimulationError, type Results } from '../simulate.js';
import { dynamicsModel } from './from-document.js';

export const runDynamics: DynamicsRunner = (doc, constants) => {
  const dynamics = doc.dynamics!;
  const model = dynamicsModel(doc, dynamics, constants);
  const start = model.specs.start;
  if (model.specs.stop < start + doc.horizon) {
    return {
      series: undefined,
      issues: [issue('dynamics', ['dynamics', 'stop'], { detail: `the dynamics stop at ${model.specs.stop}, before the horizon ends (${start + doc.horizon})` })],
    };
  }
  const compiled = compile(model);
  const issues = compiled.issues.map((found) => placed(doc, found));
  if (!compiled.program) return { series: undefined, issues };
  let results: Results;
  try {
    results = simulate(compiled.program, { until: start + doc.horizon });
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
    return { series: undefined, issues: [...issues, issue('dynamics', ['dynamics'], { detail: error.detail }, { atKey: true })] };
  }
  return { series: periodMeans(results, start, doc.horizon), issues };
};

/**
 * Each variable per period: index 0 is the initial value; period p is the mean over the steps
 * that start in [start + p − 1, start + p), so a flow's mean is exactly what Euler moved in it.
 */
export function periodMeans(results: Results, start: number, horizon: number): PeriodSeries {
  const { times } = results;
  const out = new Map<string, Float64Array>();
  for (const [label, values] of results.series) {
    const perPeriod = new Float64Array(horizon + 1);
    perPeriod[0] = values[0]!;
    const sums = new Float64Array(horizon + 1);
    const counts = new Uint32Array(horizon + 1);
    for (let i = 0; i < times.length; i++) {
      // The small tolerance puts a step that starts at p − 1e-12 (float drift) in period p.
      const period = Math.floor(times[i]! - start + 1e-9) + 1;
      if (period < 1 || period > horizon) continue;
      sums[period]! += values[i]!;
      counts[period]!++;
    }
    for (let p = 1; p <= horizon; p++) perPeriod[p] = counts[p]! > 0 ? sums[p]! / counts[p]! : Number.NaN;
    out.set(canonicalName(label), perPeriod);
  }
  return out;
}

/** An engine issue at the dynamics entry (or parameter) it concerns. */
function placed(doc: ModelDocument, found: EngineIssue): Issue {
  const params = { detail: renderEngineIssue(found) };
  const severity = found.severity;
  if (found.variable === undefined) return issue('dynamics', ['dynamics'], params, { severity, atKey: true });
  const entry = dynamicsNames(doc.dynamics).get(canonicalName(found.variable));
  if (!entry) {
    const parameter = Object.keys(doc.parameters ?? {}).find((p) => canonicalName(p) === canonicalName(found.variable!));
    return issue('dynamics', parameter ? ['parameters', parameter] : ['dynamics'], params, { severity, atKey: true });
  }
  const path: Path = ['dynamics', entry.section, entry.name];
  const record = doc.dynamics?.[entry.section]?.[entry.name];
  if (typeof record !== 'object' || record === null) {
    // The short form `name: "equation"`: the offset points into that very scalar.
    return issue('dynamics', path, params, { severity, ...(found.offset !== undefined ? { offset: found.offset } : {}) });
  }
  const field = 'initial' in record ? 'initial' : 'equation';
  const fieldText = (record as Record<string, unknown>)[field];
  const element = Object.entries((record as { elements?: Record<string, unknown> }).elements ?? {}).find(([, e]) => String(e) === found.equation);
  if (element) return issue('dynamics', [...path, 'elements', element[0]], params, { severity, ...(found.offset !== undefined ? { offset: found.offset } : {}) });
  if (fieldText !== undefined && String(fieldText) === found.equation) {
    return issue('dynamics', [...path, field], params, { severity, ...(found.offset !== undefined ? { offset: found.offset } : {}) });
  }
  return issue('dynamics', path, params, { severity, atKey: true });
}
