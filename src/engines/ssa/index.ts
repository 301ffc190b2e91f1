/** The stochastic engine's public surface. */
export { type EnsembleSummary, quantile } from './accumulate.js';
export {
  type Chunk,
  type ChunkResult,
  Ensemble,
  type EnsembleResult,
  type SimulateOptions,
  simulateHere,
} from './ensemble.js';
export type { SsaMethod, SsaMethodName, SsaStats, SsaTuning } from './method.js';
export { validateOutputTimes, validateStochastic } from './validate.js';
