/** Statistics by method family, pure: cooperative games, concentration, a seeded generator, distributions and sampling designs for uncertainty. */
export * from './random.js';
export * from './concentration.js';
export * from './games/index.js';
export * from './experiments/index.js';
export * from './wtp/index.js';
export { betaCdf, betaQuantile, gammaQ, lnBeta, lnGamma, normalCdf, normalDensity, normalQuantile } from './special.js';
export * from './distributions.js';
export * from './sobol.js';
export * from './sampling.js';
export * from './summary.js';
export * from './rank-correlation.js';
export * from './quantile-sketch.js';
export * from './draws.js';
export * from './sensitivity/index.js';
