/**
 * cscsim as a library: one model value, many engines.
 *
 *   import { models, compile, solve, simulate, runTrial } from 'cscsim';
 *   const problem = compile(models.her2Csc('MCF7', { site: 'bone' }));
 *   const sol = solve(problem, { tEnd: 60, outputTimes: [0, 30, 60] });
 */

export type { OdeMethod, OdeOptions, OdeSolution, OdeStats, StiffMethod } from './engines/ode/types.js';
export {
  type SensitivityOptions,
  type SensitivityResult,
  solveSensitivities,
} from './engines/sensitivity.js';
export { solve } from './engines/solve.js';
export type { EnsembleResult, SimulateOptions } from './engines/ssa/ensemble.js';
export { simulateHere } from './engines/ssa/ensemble.js';
export { type SteadyState, steadyState } from './engines/steady.js';
export { InputError, ModelError, SolverError } from './errors.js';
export type { AbcOptions, AbcResult, LikelihoodProblem, MultistartResult, ProblemSpec } from './fit/index.js';
export {
  abcSmc,
  loadProblemFile,
  multistart,
  odeLikelihood,
  parseProblem,
  petabLikelihood,
  registerSimulator,
} from './fit/index.js';
export { loadModelJson, saveModelJson } from './io/json.js';
export { loadModel } from './io/load-model.js';
export { readPetab } from './io/petab/index.js';
export { exportSbml, importSbml } from './io/sbml/index.js';
export { ModelBuilder, parseReactionEquation } from './model/builder.js';
export { type CompiledProblem, compile } from './model/compile.js';
export { parseExpr } from './model/expr/parse.js';
export type * from './model/types.js';
export {
  isCountUnit,
  largestRemainder,
  nonCountSpecies,
  ROUNDING_RULE,
  wholeCounts,
  wholeCountsInitial,
} from './model/whole-counts.js';
export { getModel, modelIds, models } from './models/index.js';
export { type ParallelSimulateOptions, simulate } from './parallel/ensemble.js';
export type { PetabEvaluation, PetabOptions, PetabProblem } from './petab/problem.js';
export { loadPetab } from './petab/problem.js';
export { simulationTable } from './petab/table.js';
export type { CompiledEvent, Observer, Problem, SolveContext } from './problem/types.js';
export { stream } from './random/index.js';
export type { ScanResult, TrialAnalysis, TrialDesign, TrialOptions, TrialResult } from './trial/index.js';
export {
  B47,
  checkDesign,
  DESIGNS,
  designOf,
  forestRows,
  forestSvg,
  runB47,
  runTrial,
  scanB47,
  scanTrial,
  TRIAL_IDS,
} from './trial/index.js';
export type { ConfType, CoxResult, KaplanMeier, LogRank } from './trial/survival/index.js';
export { coxPH, coxTwoGroup, kaplanMeier, kaplanMeierByGroup, logRank } from './trial/survival/index.js';
