/** Statistics by method family, pure: cooperative games, concentration, a seeded generator. */
export * from './random.js';
export * from './concentration.js';
export * from './games/index.js';
