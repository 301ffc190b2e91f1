/**
 * Virtual adjuvant trials of the HER2-CSC model: virtual populations (population.ts, assumptions.ts),
 * patients simulated under both arms (patient.ts, clone.ts), the trial runner on worker threads (run.ts),
 * its analysis (analysis.ts, survival/), and the confrontation with NSABP B-47 (b47.ts).
 */

export {
  type ArmSummary,
  type HazardRatio,
  observed,
  type PatientOutcome,
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
  type ScanPoint,
  type ScanResult,
  scanB47,
} from './b47.js';
export type { Calibration } from './calibrate.js';
export type { CloneFate, CloneSettings } from './clone.js';
export { kmSvg, outcomesCsv, scanCsv } from './output.js';
export { ARMS, type ArmId, drawPatient, type Micromet, type Patient } from './population.js';
export { runTrial, type TrialOptions, type TrialResult } from './run.js';
