/** Cooperative games: unanimity sums, every coalition enumerated in chunks, sampled orders, the core. */
export * from './unanimity.js';
export * from './enumerate.js';
export * from './sampling.js';
export * from './core.js';
