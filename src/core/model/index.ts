export * from './common.js';
export * from './parameter.js';
export * from './actor.js';
export * from './value-object.js';
export * from './transaction.js';
export * from './scenario.js';
export * from './document.js';
export * from './dynamics.js';
