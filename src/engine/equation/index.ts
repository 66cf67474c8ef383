export type { BinaryOp, Equation, Index, UnaryOp } from './ast.js';
export { walk } from './ast.js';
export { parseEquation, type ParseResult } from './parse.js';
export { format, formatName } from './format.js';
export { renameInEquation } from './rename.js';
