export type { Expr } from './ast.js';
export { namesIn, callsIn } from './ast.js';
export { parseExpression, ExpressionSyntaxError } from './parse.js';
export { evaluate, EvaluationError, FUNCTIONS, functionSpec, arityFault, type Scope } from './evaluate.js';
export { compileExpression, type CompiledExpression } from './compile.js';
