/**
 * The virtual trial as a simulator for a calibration engine: a design is prepared once (options checked,
 * scenario, work context, the trial model compiled, and the whole population drawn: patients do not depend
 * on the model parameters), then `evaluate(params)` runs the trial for one vector of model parameter values
 * on the calling thread and returns its hazard ratios. The engine farms evaluations out; one evaluation is
 * the same numbers as runTrial({ ...options, modelParams: params, workers: 1 }).
 * Each evaluation reports its own time split (simulation, analysis, the rest = per-call setup), so that the
 * "no per-call setup above 5% of the trial's time" of issue 12 can be checked wherever it runs.
 */
import { analyse, estimableHr, type HazardRatio } from './analysis.js';
import { type Calibration, calibrateMean } from './calibrate.js';
import type { TrialDesign } from './design.js';
import { GroupedOutcomes } from './jackknife.js';
import { drawPatient, type Patient } from './population.js';
import { checkModelParams, type TrialOptions, trialSetup } from './run.js';
import { SummaryAccumulator } from './summary.js';
import { pilotPatient, trialPatient } from './work.js';

/** What prepareTrial accepts: runTrial's options that fix the design's population and path. */
export type SimulatorOptions = Pick<
  TrialOptions,
  'patients' | 'exact' | 'seed' | 'scenario' | 'micrometMean' | 'pilotPatients' | 'clone'
>;

export interface TrialEvaluation {
  /** Cox HR, trastuzumab vs control, randomised arms (NaN fields when too few events). */
  readonly hr: HazardRatio;
  /** Cox HR over both outcomes of every patient (the model's expected HR). */
  readonly counterfactual: HazardRatio;
  /** Monte Carlo standard error of log(counterfactual HR) over this cohort's patients (jackknife.ts). */
  readonly counterfactualLogSe: number;
  /** Kaplan-Meier DFS at the design's time point per randomised arm. */
  readonly dfs: { readonly control: number; readonly trastuzumab: number };
  readonly micrometMean: number;
  readonly calibration: Calibration | null;
  /** Wall times of this call (ms): patients simulated, analysis, and everything else (per-call setup). */
  readonly ms: {
    readonly total: number;
    readonly simulate: number;
    readonly analyse: number;
    readonly setup: number;
  };
}

export interface TrialSimulator {
  readonly design: TrialDesign;
  readonly patients: number;
  /** Time prepareTrial took (ms): paid once. */
  readonly prepareMs: number;
  /** The trial at model parameter values `params` (over each patient's own; InputError if unknown). */
  evaluate(params?: Readonly<Record<string, number>>): TrialEvaluation;
}

/** Prepares `design` (data; default B-47) for many evaluations. */
export function prepareTrial(design?: TrialDesign, options: SimulatorOptions = {}): TrialSimulator {
  const t0 = performance.now();
  const setup = design ? trialSetup(design, options) : trialSetup(options);
  const { ctx, patients, pilot, cap, scenario: sc } = setup;
  const drawn: Patient[] = Array.from({ length: Math.max(patients, pilot) }, (_, i) =>
    drawPatient(ctx.seed, i, sc, ctx.strata),
  );
  const background = Math.exp(-sc.backgroundPerYear * sc.calibrationYears);
  const years = setup.design.calibration.years;
  return {
    design: setup.design,
    patients,
    prepareMs: performance.now() - t0,
    evaluate(params = {}) {
      const start = performance.now();
      checkModelParams(params);
      const c = { ...ctx, modelParams: params };
      let simulate = 0;
      let calibration: Calibration | null = null;
      let mean = options.micrometMean;
      if (mean === undefined) {
        const s0 = performance.now();
        const K = new Int32Array(pilot);
        for (let i = 0; i < pilot; i++) K[i] = pilotPatient(c, i, drawn[i]).K;
        simulate += performance.now() - s0;
        calibration = calibrateMean(Array.from(K), sc.controlDfs5, cap, background, sc.calibrationYears);
        mean = calibration.mean;
      }
      const s1 = performance.now();
      const acc = new SummaryAccumulator(setup.design.eligibility.strata.map((s) => s.id));
      const groups = new GroupedOutcomes();
      for (let i = 0; i < patients; i++) {
        const outcome = trialPatient(c, i, mean, drawn[i]);
        acc.push(outcome);
        groups.push(outcome);
      }
      const a0 = performance.now();
      simulate += a0 - s1;
      const summary = acc.summary();
      const analysis = analyse(summary, years);
      const counterfactualLogSe = estimableHr(analysis.counterfactual) ? groups.logSe(summary) : Number.NaN;
      const end = performance.now();
      const dfsOf = (arm: string) => analysis.arms.find((x) => x.arm === arm)?.dfsAt ?? Number.NaN;
      return {
        hr: analysis.cox,
        counterfactual: analysis.counterfactual,
        counterfactualLogSe,
        dfs: { control: dfsOf('control'), trastuzumab: dfsOf('trastuzumab') },
        micrometMean: mean,
        calibration,
        ms: {
          total: end - start,
          simulate,
          analyse: end - a0,
          setup: end - start - simulate - (end - a0),
        },
      };
    },
  };
}
