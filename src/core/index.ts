/** The core: the model format, its validation and its quantification. Pure: no I/O. */
export * from './model/index.js';
export * from './issues.js';
export { LIMITS, LIMIT_NAMES, type LimitName } from './limits.js';
export { closest } from './suggest.js';
export { loadModel, type LoadResult, type LoadOptions } from './load.js';
export { readDocument, checkDocument, type ReadDocument } from './read-document.js';
export { locateAll, readSource } from './source.js';
export { fromZod } from './check-structure.js';
export {
  prepare,
  evaluate,
  type Prepared,
  type PrepareOptions,
  type Evaluation,
  type EvaluateOptions,
  type Overrides,
  type Ecosystem,
  type ScenarioPath,
  type PathFlow,
  type PathCost,
  type PathFigures,
  type DynamicsPreparer,
  type PreparedDynamics,
  type DynamicsRun,
  type DynamicsRunOptions,
  type DynamicsBlockOptions,
  type DynamicsFallback,
  withValues,
  blockEvaluator,
  type BlockEvaluator,
  type BlockRun,
  type BlockLedger,
  type DrawLedger,
} from './prepare/index.js';
export type { PeriodSeries } from './quantify.js';
export { flowRecords, costRecords, occurrencesAt, type Flow, type FlowLine, type FlowColumns, type CostLine, type CostRow, type CostColumns, type OccurrenceColumns, type Ledger } from './ledger.js';
export { constantValues } from './quantify.js';
export type { CompiledModel } from './compile.js';
export { annualDiscountRate, readDiscountRate } from './discount-rate.js';
export * as expression from './expression/index.js';
export { applyChanges, rewriteYaml, expressionName, changesBetween, ChangeSchema, ChangeListSchema, type Applied, type ApplyOptions, type Change, type EquationRenamer, type RecordKind, type ItemKind, type ListOf } from './edit/index.js';
export { migrate, migrateText, versionOf, MIGRATIONS, LATEST_VERSION, OLDEST_VERSION, type Migrated, type MigratedText, type Migration } from './migrate/index.js';
export { timingParameters } from './timing.js';
