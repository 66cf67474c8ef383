/**
 * Minimal types for the two engines the cross-engine tests compare with; neither ships
 * declarations that TypeScript finds (simulation's package.json points at a types file it does
 * not contain; @sdeverywhere/compile has none). Only what the tests use is declared.
 */

/** Insight Maker's engine (AGPL): tests and benchmarks only, never src/. */
declare module 'simulation' {
  export interface Primitive {
    name: string;
  }
  export interface Results {
    times(): number[];
    series(primitive: Primitive): unknown[];
  }
  export class Model {
    constructor(config?: {
      timeStart?: number;
      timeLength?: number;
      timeStep?: number;
      timeUnits?: 'Seconds' | 'Minutes' | 'Hours' | 'Days' | 'Weeks' | 'Months' | 'Years';
      algorithm?: 'Euler' | 'RK4';
    });
    Stock(config: { name: string; initial?: string | number; nonNegative?: boolean }): Primitive;
    Variable(config: { name: string; value?: string | number }): Primitive;
    Flow(from: Primitive | null, to: Primitive | null, config: { name: string; rate?: string | number; nonNegative?: boolean }): Primitive;
    Link(from: Primitive, to: Primitive): Primitive;
    simulate(): Results;
  }
}

/** SDEverywhere's compiler (MIT); its API is not public yet (see its README). */
declare module '@sdeverywhere/compile' {
  export interface ParsedModel {
    kind: 'xmile' | 'vensim';
    root: unknown;
  }
  export function parseModel(input: string, modelKind: 'xmile' | 'vensim', modelDir?: string, options?: { sort?: boolean }): ParsedModel;
  /** JavaScript (operations ['generateJS']) or C source for the parsed model. */
  export function generateCode(
    parsedModel: ParsedModel,
    opts: {
      spec: { outputVarNames?: string[]; [key: string]: unknown };
      operations: string[];
      extData: Map<string, unknown>;
      directData: Map<string, unknown>;
      modelDirname: string;
    },
  ): string;
  /** Clears the compiler's module-level state (variables, subscripts) between models. */
  export function resetState(): void;
}
