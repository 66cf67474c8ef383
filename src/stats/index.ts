/** Statistics by method family, pure: cooperative games, concentration, a seeded generator, distributions and sampling designs for uncertainty. */
export * from './random.js';
export * from './concentration.js';
export * from './games/index.js';
export * from './experiments/index.js';
// normalQuantile (AS 241) stays inside the family: games/ exports its own (Acklam's) under that name.
export { betaCdf, betaQuantile, lnBeta, lnGamma, normalCdf, normalDensity } from './special.js';
export * from './distributions.js';
export * from './sobol.js';
export * from './sampling.js';
export * from './summary.js';
export * from './rank-correlation.js';
// Two families name a thing alike: the sampling design's check and estimate keep the plain names,
// the experiments' come under names of their own.
export { checkDesign } from './sampling.js';
export type { Estimate } from './summary.js';
export { checkDesign as checkExperimentDesign, type Estimate as IntervalEstimate } from './experiments/index.js';
