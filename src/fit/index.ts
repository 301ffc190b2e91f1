/**
 * Calibration over problems as data. Layout:
 * - priors.ts, problem.ts, problemFile.ts, simulators/: shared by every method (priors with normalised
 *   densities and bounds, models with simulators, observed statistics, files with errors by path);
 * - abc/: ABC-SMC with model selection (abcSmc), its checkpoints, outputs and report;
 * - pool.ts: the one adapter to the worker threads (src/parallel), used by abc/ through the Evaluator type.
 * - multistart/: likelihood problems (types.ts; odeLikelihood.ts with gradients from the ODE engine's forward
 *   sensitivities), a bounded projected L-BFGS (optimise.ts), Latin-hypercube multistart, its problem files
 *   (a `likelihood:` section, or a PEtab YAML through petabLikelihood.ts) and outputs. Profile likelihoods are not implemented yet.
 */
export type { AbcSettings, AbcState, GenerationStats } from './abc/checkpoint.js';
export { readCheckpoint, writeCheckpoint } from './abc/checkpoint.js';
export { abcReport } from './abc/report.js';
export { type AbcOptions, type AbcProgress, type AbcResult, type AbcStatus, abcSmc } from './abc/smc.js';
export { type ParameterSummary, posteriorCsv, summarise, summaryOf } from './abc/summary.js';
export type { Population } from './abc/types.js';
export { checkLikelihoodProblem, type MultistartOptions, multistart } from './multistart/multistart.js';
export { type Measurement, type OdeLikelihoodSpec, odeLikelihood } from './multistart/odeLikelihood.js';
export { minimiseBounded, type OptimiseOptions, type OptimiseResult } from './multistart/optimise.js';
export {
  type GradientMethod,
  type PetabLikelihood,
  petabLikelihood,
} from './multistart/petabLikelihood.js';
export { loadLikelihoodFile } from './multistart/problemFile.js';
export type { LikelihoodProblem, MultistartResult, ParameterScale, StartResult } from './multistart/types.js';
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
