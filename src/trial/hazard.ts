/**
 * One virtual trial's hazard ratio at a given biology (scenario) and model parameters, synchronously on the
 * calling thread: what a calibration evaluates for a candidate whose trial assumptions vary too (the
 * population depends on them, so it is drawn per call through prepareTrial). The same numbers as runTrial
 * with the same options (tested).
 */
import type { HazardRatio } from './analysis.js';
import type { AssumptionId } from './assumptions.js';
import type { TrialDesign } from './design.js';
import { prepareTrial } from './simulator.js';

export interface HazardOptions {
  readonly patients: number;
  readonly seed: number;
  readonly scenario?: Partial<Record<AssumptionId, number>>;
  readonly modelParams?: Readonly<Record<string, number>>;
  /**
   * 'randomised' (default): the Cox HR of the randomised arms, what a real trial of this size reports.
   * 'expected': the Cox HR over both outcomes of every patient (each simulated under both arms, common
   * random numbers), the model's own HR with far less sampling noise: what a published HR with its CI is
   * compared to, since the CI already holds the real trial's sampling error.
   */
  readonly statistic?: 'randomised' | 'expected';
}

/** The Cox HR (95% CI) of trastuzumab vs control; null when there were too few events for one. */
export function trialHazard(design: TrialDesign, o: HazardOptions): HazardRatio | null {
  const sim = prepareTrial(design, {
    patients: o.patients,
    seed: o.seed,
    ...(o.scenario ? { scenario: o.scenario } : {}),
  });
  const e = sim.evaluate(o.modelParams ?? {});
  const cox = o.statistic === 'expected' ? e.counterfactual : e.hr;
  return Number.isFinite(cox.hr) && Number.isFinite(cox.lower) && Number.isFinite(cox.upper) ? cox : null;
}
