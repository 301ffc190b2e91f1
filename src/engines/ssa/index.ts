/** The stochastic engine's public surface. */
export { type EnsembleSummary, quantile } from './accumulate.js';
export { type EnsembleResult, type SimulateOptions, simulate } from './ensemble.js';
export type { SsaMethod, SsaMethodName, SsaStats, SsaTuning } from './method.js';
export { validateOutputTimes, validateStochastic } from './validate.js';
