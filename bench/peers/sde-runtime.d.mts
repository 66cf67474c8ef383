/** Types of sde-runtime.mjs, for the TypeScript tests that share it. */
export interface JsModel {
  outputVarNames: string[];
  getInitialTime(): number;
  getFinalTime(): number;
  getTimeStep(): number;
  setModelFunctions(fns: unknown): void;
  setTime(time: number): void;
  initConstants(): void;
  initLevels(): void;
  evalAux(): void;
  evalLevels(): void;
  storeOutputs(store: (value: unknown) => void): void;
}

export function modelFunctions(ctx: { timeStep: number; currentTime: number }): Record<string, unknown>;
export function runJsModel(model: JsModel, storeFor: (lastStep: number) => (value: unknown) => void, onStep?: (time: number) => void): number;
