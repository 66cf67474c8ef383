/**
 * Feedback loops of a model's dynamics: read from the equations with their polarity
 * (structure.ts), and which of them dominates when, after a run (dominance.ts).
 */
import type { ModelDocument } from '../../core/index.js';
import { compile } from '../compile/index.js';
import { compileDynamics } from '../link/run.js';
import type { Model } from '../model.js';
import { loopDominance, type Dominance, type DominanceRefusal } from './dominance.js';
import { feedbackStructure, type FeedbackStructure } from './structure.js';

export { feedbackStructure, polarityOf, DEFAULT_LOOP_LIMITS, type FeedbackLoop, type FeedbackStructure, type Polarity } from './structure.js';
export { loopDominance, DEFAULT_DOMINANCE_LIMITS, type Dominance, type DominancePeriod, type DominanceRefusal, type LoopScores, type Unscored } from './dominance.js';
export type { CausalLink, LinkSign, NodeKind } from './graph.js';
export type { CircuitLimits } from './circuits.js';

export interface DynamicsLoops extends FeedbackStructure {
  /** After a run of the dynamics as the model sets it; a refusal when it would be too large. */
  dominance: Dominance | DominanceRefusal;
}

/**
 * The feedback loops of a model document's dynamics, and their dominance over one run with the
 * model's constants (`constants`, as core's constantValues gives them). Undefined when the model
 * has no dynamics or they do not compile (loading the model reports why).
 */
export function dynamicsLoops(doc: ModelDocument, constants: ReadonlyMap<string, number>): DynamicsLoops | undefined {
  if (!doc.dynamics) return undefined;
  const { model, program } = compileDynamics(doc, constants);
  if (!model || !program) return undefined;
  const structure = feedbackStructure(model);
  return { ...structure, dominance: loopDominance(model, program, structure) };
}

/** The same for an engine model (an XMILE file): undefined when it does not compile. */
export function modelFeedback(model: Model): DynamicsLoops | undefined {
  const { program } = compile(model);
  if (!program) return undefined;
  const structure = feedbackStructure(model);
  return { ...structure, dominance: loopDominance(model, program, structure) };
}
