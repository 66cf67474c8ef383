/**
 * The runtime: the one impure home the surfaces share (the CLI now; the server and background
 * jobs later). It holds what touches the host: worker threads, signals, file writes, the clock.
 */
export { EngineWorkerStopped, workerBackend } from './worker-backend.js';
export { workerPool, type WorkerPool, type PoolOptions } from './worker-pool.js';
export { CANCELLED_EXIT, interruptSignal, interruptTaken, listenForInterrupt, releaseInterrupt } from './interrupt.js';
export { checkpoint } from './checkpoint.js';
export { writeChunks } from './output.js';
export { writeFileSafely, WriteRefusedError, type FileContent, type NodeKind, type WriteFileOptions } from './write-file.js';
export { compareVariants, type VariantComparison } from './variants.js';
export { modelSimulation, splitNames, seriesData, MAX_JSON_VALUES, type Simulation } from './simulation.js';
export { xmileDocument, type XmileImport } from './xmile-import.js';
export { sheetsToXlsx } from './xlsx.js';
export { enumerateInWorkers, GameWorkerFailed, type GameWorkerOptions } from './game-backend.js';
export { fairShareOf } from './fair-share.js';
export { riskInWorkers, RiskWorkerFailed, type RiskWorkerOptions } from './risk-backend.js';
export { modelLoops, type ModelLoops } from './loops.js';
export { columnReader, columnOf, parseCsv } from './empirical.js';
export { sensitivityInWorker, SensitivityWorkerFailed, type SensitivityWorkerData, type SensitivityWorkerOptions } from './sensitivity-backend.js';
