/**
 * Checks of the experiment records (format version 4): every reference names a record that
 * exists (a test card its hypothesis, an experiment its test card and the parameter it informs,
 * each variant the parameter it informs, a learning card its hypothesis, experiment and the
 * parameters it calibrated, a hypothesis its parameters), an experiment
 * has at least two variants and at most one control, and counts do not exceed what they count:
 * converted ≤ exposed ≤ planned.
 */
import { issue, type Issue, type Path } from './issues.js';
import { correlationMatrix, type ModelDocument, type SectionName } from './model/index.js';

type Ref = (section: SectionName, id: string, path: () => Path) => boolean;

export function checkExperiments(doc: ModelDocument, ref: Ref): Issue[] {
  const issues: Issue[] = [];
  for (const [id, hypothesis] of Object.entries(doc.hypotheses ?? {})) {
    hypothesis.parameters?.forEach((name, i) => ref('parameters', name, () => ['hypotheses', id, 'parameters', i]));
  }
  for (const [id, card] of Object.entries(doc.testCards ?? {})) ref('hypotheses', card.hypothesis, () => ['testCards', id, 'hypothesis']);
  for (const [id, experiment] of Object.entries(doc.experiments ?? {})) {
    const path = ['experiments', id];
    ref('testCards', experiment.testCard, () => [...path, 'testCard']);
    if (experiment.informs !== undefined) ref('parameters', experiment.informs, () => [...path, 'informs']);
    for (const [vid, variant] of Object.entries(experiment.variants)) {
      if (variant.informs !== undefined) ref('parameters', variant.informs, () => [...path, 'variants', vid, 'informs']);
    }
    issues.push(...variantIssues(id, experiment.variants, path));
  }
  for (const [id, card] of Object.entries(doc.learningCards ?? {})) {
    if (card.hypothesis !== undefined) ref('hypotheses', card.hypothesis, () => ['learningCards', id, 'hypothesis']);
    if (card.experiment !== undefined) ref('experiments', card.experiment, () => ['learningCards', id, 'experiment']);
    card.calibrated?.forEach((c, i) => ref('parameters', c.parameter, () => ['learningCards', id, 'calibrated', i, 'parameter']));
  }
  return issues;
}

/** The parameters rank correlations name, checked like any reference. */
export function checkCorrelationNames(doc: ModelDocument, ref: Ref): void {
  const correlations = doc.correlations;
  if (!correlations) return;
  if (Array.isArray(correlations)) {
    correlations.forEach(({ between }, i) => between.forEach((name, k) => ref('parameters', name, () => ['correlations', i, 'between', k])));
  } else {
    correlationMatrix(correlations).parameters.forEach((name, i) => ref('parameters', name, () => ['correlations', 'parameters', i]));
  }
}

function variantIssues(experiment: string, variants: NonNullable<ModelDocument['experiments']>[string]['variants'], path: Path): Issue[] {
  const issues: Issue[] = [];
  const entries = Object.entries(variants);
  if (entries.length < 2) {
    issues.push(issue('experiment-variants', [...path, 'variants'], { experiment, reason: 'too-few', count: entries.length }, { atKey: true }));
  }
  const controls = entries.filter(([, v]) => v.control === true).length;
  if (controls > 1) issues.push(issue('experiment-variants', [...path, 'variants'], { experiment, reason: 'controls', count: controls }, { atKey: true }));
  for (const [id, variant] of entries) {
    const at = [...path, 'variants', id];
    const observed = variant.observed;
    if (!observed) continue;
    if (observed.converted > observed.exposed) {
      issues.push(issue('experiment-count', [...at, 'observed', 'converted'], { variant: id, field: 'converted', count: observed.converted, limit: observed.exposed, of: 'exposed' }));
    }
    if (variant.planned !== undefined && observed.exposed > variant.planned) {
      issues.push(issue('experiment-count', [...at, 'observed', 'exposed'], { variant: id, field: 'exposed', count: observed.exposed, limit: variant.planned, of: 'planned' }));
    }
  }
  return issues;
}
