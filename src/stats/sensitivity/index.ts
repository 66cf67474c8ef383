/**
 * Sensitivity analysis, pure: which inputs move an output. One at a time over ranges (tornado),
 * sampling-based correlation and regression, Morris screening, and Sobol variance-based indices
 * with Saltelli's design. Designs are points in the unit cube (or, for the tornado, given values);
 * the caller runs the model at them and hands the outputs back.
 */
export * from './tornado.js';
export * from './regression.js';
export * from './morris.js';
export * from './saltelli.js';
export { averageRanks } from './matrix.js';
