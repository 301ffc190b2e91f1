/** Calibration: ABC-SMC with model selection over problems as data (priors, simulators, statistics). */
export type { AbcSettings, AbcState, GenerationStats } from './abc/checkpoint.js';
export { readCheckpoint, writeCheckpoint } from './abc/checkpoint.js';
export { abcReport } from './abc/report.js';
export { type AbcOptions, type AbcProgress, type AbcResult, type AbcStatus, abcSmc } from './abc/smc.js';
export { type ParameterSummary, posteriorCsv, summarise, summaryOf } from './abc/summary.js';
export type { Population } from './abc/types.js';
export { makePrior, type Prior, type PriorSpec, parsePrior, priorFromRange } from './priors.js';
export {
  type DistanceSpec,
  type ModelSpec,
  type ParameterSpec,
  type ProblemSpec,
  parseProblem,
  resolveProblem,
} from './problem.js';
export { loadProblemFile, type ProblemFile, problemFromText } from './problemFile.js';
export {
  registerSimulator,
  type Simulator,
  type SimulatorDefinition,
  type SimulatorParameter,
  simulatorNames,
} from './simulators/index.js';
