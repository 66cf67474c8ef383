/** Analyses: pure functions from a quantified ecosystem to the answers users ask of it. */
export * from './canvas.js';
export * from './payments.js';
export * from './profitability.js';
export * from './sharing.js';
export * from './names.js';
export * from './provenance.js';
export * from './catalogue.js';
export * from './variants.js';
export { withNames, roundFigures } from './with-names.js';
export * from './game.js';
export * from './fair-share.js';
export * from './checks.js';
export * from './data-value.js';
export * from './loops.js';
export * from './risk.js';
export * from './sensitivity.js';
