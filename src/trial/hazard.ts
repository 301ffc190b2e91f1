/**
 * One virtual trial's hazard ratio, synchronously on the calling thread: what a calibration evaluates for
 * every candidate parameter vector (src/fit/simulators/her2Evidence.ts). The same two stages as runTrial
 * (a pilot calibrates the mean micrometastasis count to the control arm's DFS, then both arms are
 * simulated) over the same work items, so for the same options it gives runTrial's Cox HR exactly; the
 * model is compiled once per thread (rates.ts), and a call costs only its patients.
 */
import { analyse, type HazardRatio } from './analysis.js';
import { type AssumptionId, scenarioForDesign } from './assumptions.js';
import { calibrateMean } from './calibrate.js';
import { administrationsOf, type TrialDesign } from './design.js';
import { runWork, type WorkContext } from './work.js';

export interface HazardOptions {
  readonly patients: number;
  readonly seed: number;
  readonly scenario?: Partial<Record<AssumptionId, number>>;
  readonly modelParams?: Readonly<Record<string, number>>;
}

const CHUNK = 20;

/** The Cox HR (95% CI) of trastuzumab vs control; null when there were too few events for one. */
export function trialHazard(design: TrialDesign, o: HazardOptions): HazardRatio | null {
  const sc = scenarioForDesign(design, o.scenario);
  const ctx: WorkContext = {
    seed: o.seed,
    scenario: sc,
    clone: {},
    modelParams: o.modelParams ?? {},
    strata: design.eligibility.strata,
    doses: administrationsOf(design.trastuzumab),
    exact: false,
  };
  const pilot = Math.min(1000, Math.max(200, o.patients));
  const K: number[] = [];
  for (let from = 0; from < pilot; from += CHUNK) {
    const r = runWork(ctx, { kind: 'pilot', from, to: Math.min(pilot, from + CHUNK) });
    if (r.kind === 'pilot') for (const k of r.K) K.push(k);
  }
  const background = Math.exp(-sc.backgroundPerYear * sc.calibrationYears);
  const mean = calibrateMean(
    K,
    sc.controlDfs5,
    Math.round(sc.maxMicromets),
    background,
    sc.calibrationYears,
  ).mean;
  const outcomes = [];
  for (let from = 0; from < o.patients; from += CHUNK) {
    const r = runWork(ctx, { kind: 'trial', from, to: Math.min(o.patients, from + CHUNK), mean });
    if (r.kind === 'trial') outcomes.push(...r.outcomes);
  }
  const cox = analyse(outcomes, design.calibration.years).cox;
  return Number.isFinite(cox.hr) && Number.isFinite(cox.lower) && Number.isFinite(cox.upper) ? cox : null;
}
