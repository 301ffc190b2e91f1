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
import { zForLevel } from './survival/pvalue.js';

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

export interface TrialHazard extends HazardRatio {
  /**
   * Standard error of log(hr) from this cohort's sampling: for 'expected', the Monte Carlo error over the
   * virtual patients (grouped jackknife, jackknife.ts; the Cox interval's own, which treats the paired arms as
   * independent, when a group's deletion leaves too few events); for 'randomised', the Cox interval's.
   */
  readonly logSe: number;
}

/** The Cox HR (95% CI) of trastuzumab vs control; null when there were too few events for one. */
export function trialHazard(design: TrialDesign, o: HazardOptions): TrialHazard | null {
  const sim = prepareTrial(design, {
    patients: o.patients,
    seed: o.seed,
    ...(o.scenario ? { scenario: o.scenario } : {}),
  });
  const e = sim.evaluate(o.modelParams ?? {});
  const expected = o.statistic === 'expected';
  const cox = expected ? e.counterfactual : e.hr;
  if (!(Number.isFinite(cox.hr) && Number.isFinite(cox.lower) && Number.isFinite(cox.upper))) return null;
  // The Cox interval is at 0.95 (coxOfTable's default level).
  const coxSe = Math.log(cox.upper / cox.lower) / (2 * zForLevel(0.95));
  const mc = e.counterfactualLogSe;
  return { ...cox, logSe: expected && Number.isFinite(mc) ? mc : coxSe };
}
