/**
 * Virtual adjuvant trials of the HER2-CSC model: designs as data (design.ts, designs.ts: B-31/N9831, its
 * HER2-negative central-testing subgroups, B-47), virtual populations (population.ts, assumptions.ts),
 * patients simulated under both arms (patient.ts; the fast path fastClone.ts, composedLaw.ts, reference.ts,
 * cellSystem.ts, rateKernel.ts, pk.ts; the exact reference path clone.ts), the trial runner on worker threads (run.ts), the trial as a
 * calibration simulator (simulator.ts: prepare once, evaluate many), its analysis
 * (analysis.ts, survival/), the scan (b47.ts) and its outputs (output.ts, forest.ts).
 */

export {
  type ArmSummary,
  estimableHr,
  type HazardRatio,
  hazardRatioOf,
  type TrialAnalysis,
} from './analysis.js';
export {
  type AssumptionId,
  type AssumptionSpec,
  assumptionSpecs,
  type Distribution,
  type DistSpec,
  populationSpecs,
  scenario,
  type TrialScenario,
} from './assumptions.js';
export {
  B47,
  DEFAULT_GRID,
  runB47,
  type ScanGrid,
  type ScanOptions,
  type ScanPoint,
  type ScanResult,
  scanB47,
  scanTrial,
} from './b47.js';
export type { Calibration } from './calibrate.js';
export type { CloneFate, CloneSettings } from './clone.js';
export {
  administrationsOf,
  checkDesign,
  type Her2Stratum,
  type PublishedHr,
  type TrastuzumabSchedule,
  type TrialDesign,
} from './design.js';
export { DESIGNS, designOf, TRIAL_IDS, type TrialId } from './designs.js';
export { type ForestRow, forestCsv, forestRows, forestSvg } from './forest.js';
export { observed, type PatientOutcome } from './outcome.js';
export { kmSvg, OUTCOME_COLUMNS, OutcomeFiles, outcomesCsv, scanCsv } from './output.js';
export { ARMS, type ArmId, drawPatient, type Micromet, type Patient } from './population.js';
export { runTrial, type TrialOptions, type TrialResult } from './run.js';
export {
  prepareTrial,
  type SimulatorOptions,
  type TrialEvaluation,
  type TrialSimulator,
} from './simulator.js';
export type { DayCounts, OutcomeSummary } from './summary.js';
