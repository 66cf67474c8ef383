/**
 * Statistics of business-model experiments (issue 18), pure functions over counts: intervals for
 * rates and their comparison, exact tests for small samples, large-sample tests with their
 * conditions, and the planning of a test (power, sample size, detectable effect).
 */
export * from './counts.js';
export * from './intervals.js';
export * from './exact.js';
export * from './large-sample.js';
export * from './power.js';
export * from './exact-power.js';
export * from './design-check.js';
export * from './analysis.js';
export * from './verdict.js';
export * from './many-comparisons.js';
export * from './sample-ratio.js';
export * from './bayesian.js';
export * from './sequential.js';
export * from './sequential-plan.js';
export * from './calibration.js';
