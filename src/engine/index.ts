/**
 * The system-dynamics engine: XMILE in and out, checks, and Euler/RK4 runs, the equations run as
 * generated JavaScript (or closures where a host forbids generated code).
 *
 * @example
 * const { model, issues } = parseXmile(text, 'teacup.xmile');
 * const { program } = compile(model!);
 * const { times, series } = simulate(program!, { save: ['Teacup Temperature'] });
 */
export { readXmile as parseXmile, type ReadResult } from './xmile/read.js';
export { writeXmile } from './xmile/write.js';
export { compile, canonicalLabel, type CompileResult } from './compile/index.js';
export type { Program, ProgramInput } from './compile/program.js';
export { simulate, SimulationError, CancelledError, MAX_SAVED_VALUES, type Results, type SimulateOptions } from './simulate.js';
export { ModelRefusedError, type EngineBackend, type RunRequest, type RunOptions, type RunControl, type RunProgress, type RunResult } from './backend.js';
export { inProcessBackend, runRequest } from './in-process-backend.js';
export { withInputs, type Inputs } from './inputs.js';
export type { Engine, KernelFallback } from './kernel/index.js';
export { parseEquation, format as formatEquation, renameInEquation, type Equation } from './equation/index.js';
export { canonicalName } from './names.js';
export type { Model, Variable, Dimension, GraphicalFunction, SimSpecs, Method, Macro } from './model.js';
export {
  ENGINE_ISSUE_CODES,
  hasEngineErrors,
  type EngineIssue,
  type EngineIssueCode,
  type EngineParamsByCode,
  type EquationSyntaxFault,
  type RunRefusal,
} from './issues.js';
export {
  loadEcosystem, prepareDynamics, compileDynamics, periodMeans, dynamicsModel, dynamicsSection, unrepresentable, importedHorizon, DEFAULT_DT, applyModelChanges,
} from './link/index.js';
export {
  dynamicsLoops, modelFeedback, feedbackStructure, loopDominance, polarityOf, DEFAULT_LOOP_LIMITS, DEFAULT_DOMINANCE_LIMITS,
  type DynamicsLoops, type FeedbackLoop, type FeedbackStructure, type Polarity, type Dominance, type DominancePeriod,
  type DominanceRefusal, type LoopScores, type Unscored, type CausalLink, type LinkSign, type NodeKind, type CircuitLimits,
} from './loops/index.js';
