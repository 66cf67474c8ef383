/**
 * Every reference to a record, found or rewritten: ids in transfers, scenario steps, cost lines,
 * valuations and variants; parameters named by rank correlations and experiment records; names
 * in model expressions; names in the dynamics' equations and in
 * stocks' flow lists. Parameters are read by their exact name in expressions; the dynamics'
 * variables, and anything read by an equation, by the canonical name rule (XMILE: case and
 * spaces or underscores do not matter).
 */
import type { Path } from '../issues.js';
import { canonicalName, type ModelDocument, type Step } from '../model/index.js';
import type { RecordKind } from './changes.js';
import { renameInExpression } from './expression-names.js';
import { DYNAMICS_KINDS, isTree, renameKey } from './records.js';
import { mapEquations, mapFlowLists, mapQuantities } from './sites.js';

/**
 * Rewrites every name in an XMILE equation whose canonical form is that of `from` as `to`
 * (quoted when it must be); `undefined` when the equation cannot be read. The engine provides it:
 * the core does not parse equations.
 */
export type EquationRenamer = (equation: string, from: string, to: string) => string | undefined;

export interface Rewrite {
  kind: RecordKind;
  from: string;
  /** The new name; absent to count the references only. */
  to?: string;
  equations?: EquationRenamer | undefined;
}

export interface Rewritten {
  /** How many places refer to the record (quantities and equations count once each). */
  count: number;
  /** Quantities and equations that could not be read, left as they are. */
  unparsed: Path[];
  /** Model expressions read the record, but could not read its new name. */
  unwritable: boolean;
  /** Equations could refer to the record and no equation renamer was given. */
  needsEngine: boolean;
}

/** How a model expression writes a dynamics variable's name: `Active Users` as Active_Users. */
export function expressionName(name: string): string {
  return name.normalize('NFC').trim().replace(/[\s_]+/g, '_');
}
const EXPRESSION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Rewrites (in the draft) or counts every reference to a record. */
export function rewriteReferences(doc: ModelDocument, rewrite: Rewrite): Rewritten {
  const out: Rewritten = { count: 0, unparsed: [], unwritable: false, needsEngine: false };
  const { kind, from } = rewrite;
  const to = rewrite.to ?? from;
  const id = (value: string): string => {
    if (value !== from) return value;
    out.count++;
    return to;
  };
  switch (kind) {
    case 'actor':
      for (const transaction of Object.values(doc.transactions ?? {})) {
        for (const transfer of transaction.transfers ?? []) {
          transfer.from = id(transfer.from);
          transfer.to = id(transfer.to);
        }
      }
      for (const scenario of Object.values(doc.scenarios ?? {})) if (scenario.start) scenario.start.actor = id(scenario.start.actor);
      for (const object of Object.values(doc.valueObjects ?? {})) {
        if (isTree(object.valuation) && Object.hasOwn(object.valuation, from)) {
          out.count++;
          renameKey(object.valuation, from, to);
        }
      }
      break;
    case 'valueObject':
      for (const transaction of Object.values(doc.transactions ?? {})) {
        for (const transfer of transaction.transfers ?? []) transfer.object = id(transfer.object);
      }
      break;
    case 'transaction':
      for (const actor of Object.values(doc.actors ?? {})) for (const cost of actor.costs ?? []) if (cost.per !== undefined) cost.per = id(cost.per);
      for (const scenario of Object.values(doc.scenarios ?? {})) if (Array.isArray(scenario.steps)) renameInSteps(scenario.steps, id);
      break;
    case 'parameter':
      for (const variant of Object.values(doc.variants ?? {})) {
        if (isTree(variant.set) && Object.hasOwn(variant.set, from)) {
          out.count++;
          renameKey(variant.set, from, to);
        }
      }
      renameInUncertainty(doc, id);
      inFormulas(doc, rewrite, (name) => name === from, to, out);
      break;
    case 'stock':
    case 'flow':
    case 'variable': {
      const canonical = canonicalName(from);
      mapFlowLists(doc, (flow) => (canonicalName(flow) === canonical ? (out.count++, to) : flow));
      inFormulas(doc, rewrite, (name) => canonicalName(name) === canonical, expressionName(to), out);
      break;
    }
    case 'hypothesis':
      for (const card of Object.values(doc.testCards ?? {})) card.hypothesis = id(card.hypothesis);
      for (const card of Object.values(doc.learningCards ?? {})) if (card.hypothesis !== undefined) card.hypothesis = id(card.hypothesis);
      break;
    case 'testCard':
      for (const experiment of Object.values(doc.experiments ?? {})) experiment.testCard = id(experiment.testCard);
      break;
    case 'experiment':
      for (const card of Object.values(doc.learningCards ?? {})) if (card.experiment !== undefined) card.experiment = id(card.experiment);
      break;
    case 'scenario':
    case 'variant':
    case 'learningCard':
      break; // nothing in a document refers to them
  }
  return out;
}

/** The parameters named by rank correlations, hypotheses and the experiments they inform. */
function renameInUncertainty(doc: ModelDocument, id: (value: string) => string): void {
  const correlations = doc.correlations;
  if (Array.isArray(correlations)) {
    for (const pair of correlations) if (Array.isArray(pair.between)) pair.between = [id(pair.between[0]), id(pair.between[1])];
  } else if (correlations && Array.isArray(correlations.parameters)) {
    correlations.parameters = correlations.parameters.map(id);
  }
  for (const hypothesis of Object.values(doc.hypotheses ?? {})) {
    if (Array.isArray(hypothesis.parameters)) hypothesis.parameters = hypothesis.parameters.map(id);
  }
  for (const experiment of Object.values(doc.experiments ?? {})) {
    if (experiment.informs !== undefined) experiment.informs = id(experiment.informs);
    for (const variant of Object.values(experiment.variants ?? {})) if (variant.informs !== undefined) variant.informs = id(variant.informs);
  }
  for (const card of Object.values(doc.learningCards ?? {})) for (const c of card.calibrated ?? []) if (typeof c.parameter === 'string') c.parameter = id(c.parameter);
}

function renameInSteps(steps: Step[], id: (value: string) => string): void {
  steps.forEach((step, i) => {
    if (typeof step === 'string') steps[i] = id(step);
    else if (typeof step === 'object' && step !== null) {
      if (step.transaction !== undefined) step.transaction = id(step.transaction);
      if (step.and) renameInSteps(step.and, id);
      for (const branch of step.or ?? []) if (Array.isArray(branch.steps)) renameInSteps(branch.steps, id);
    }
  });
}

/** Names read by model expressions and, for what equations can read, by the dynamics' equations. */
function inFormulas(doc: ModelDocument, rewrite: Rewrite, matches: (name: string) => boolean, written: string, out: Rewritten): void {
  const counting = rewrite.to === undefined;
  mapQuantities(doc, (value, path) => {
    if (typeof value !== 'string') return value;
    // Counting replaces the name by a longer one and looks for a difference.
    const renamed = renameInExpression(value, matches, counting ? `${written}_` : written);
    if (renamed === undefined) {
      out.unparsed.push(path);
      return value;
    }
    if (renamed === value) return value;
    out.count++;
    if (!EXPRESSION_NAME.test(written)) out.unwritable = true;
    return counting ? value : renamed;
  });
  // Equations read parameters (the constant ones) and the dynamics' variables.
  if (rewrite.kind !== 'parameter' && !DYNAMICS_KINDS.includes(rewrite.kind)) return;
  const equations = rewrite.equations;
  mapEquations(doc, (value, path) => {
    if (typeof value !== 'string') return value;
    if (!equations) {
      out.needsEngine = true;
      return value;
    }
    const to = rewrite.to ?? `${rewrite.from}_`;
    const renamed = equations(value, rewrite.from, to);
    if (renamed === undefined) {
      out.unparsed.push(path);
      return value;
    }
    if (renamed === value) return value;
    out.count++;
    return counting ? value : renamed;
  });
}
