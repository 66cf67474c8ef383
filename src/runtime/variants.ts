/**
 * Variants beside the model as written, as `symbiose compare` and the API's compare give them.
 * Pure: what each surface says about a refusal is its own. A variant that only sets numbers is
 * the base evaluated with those values (no parsing or compiling); one that sets expressions is
 * prepared from the document it makes.
 */
import { variantOutcome, type VariantOutcome } from '../analyses/index.js';
import { applyVariant, evaluate, hasErrors, prepare, type Ecosystem, type Evaluation, type Issue, type ModelDocument, type Prepared } from '../core/index.js';
import { prepareDynamics } from '../engine/index.js';

export type VariantComparison =
  | { outcomes: VariantOutcome[] }
  | { refused: 'no-variants' }
  | { refused: 'unknown-variant'; variant: string; variants: string[] }
  | { refused: 'variant-does-not-load'; variant: string; issues: Issue[] };

/** The base's outcome (named `baseName`) and each variant's, all of them when `chosen` is absent. */
export function compareVariants(base: Ecosystem, prepared: Prepared, chosen: readonly string[] | undefined, baseName: string): VariantComparison {
  const all = Object.keys(base.doc.variants ?? {});
  if (all.length === 0) return { refused: 'no-variants' };
  const ids = chosen ?? all;
  const unknown = ids.find((id) => !all.includes(id));
  if (unknown !== undefined) return { refused: 'unknown-variant', variant: unknown, variants: all };
  const outcomes: VariantOutcome[] = [variantOutcome('base', baseName, base)];
  for (const id of ids) {
    const { evaluated, issues } = variantEvaluation(base.doc, prepared, id);
    if (!evaluated.ecosystem || hasErrors(issues)) return { refused: 'variant-does-not-load', variant: id, issues };
    outcomes.push(variantOutcome(id, base.doc.variants![id]!.name ?? id, evaluated.ecosystem));
  }
  return { outcomes };
}

function variantEvaluation(doc: ModelDocument, base: Prepared, id: string): { evaluated: Evaluation; issues: Issue[] } {
  const set = doc.variants![id]!.set;
  if (Object.values(set).every((value) => typeof value === 'number')) {
    const evaluated = evaluate(base, set as Record<string, number>);
    return { evaluated, issues: evaluated.issues };
  }
  const prepared = prepare(applyVariant(doc, id), { dynamics: prepareDynamics });
  const evaluated = evaluate(prepared);
  return { evaluated, issues: [...prepared.issues, ...evaluated.issues] };
}
