/**
 * The confrontation with a published trial, NSABP B-47 first (Fehrenbacher et al., J Clin Oncol 2020):
 * (a) `runB47`: the trial with the model as calibrated on the mouse claims (assumptions.ts defaults);
 * (b) `scanTrial` / `scanB47`: the assumptions that decide the answer - how much of CSC self-renewal HER2
 *     drives in patients' tumors, dormancy of residual micrometastases, Fc-receptor killing in humans - on
 *     a grid; per point the model's HR and whether it lies in the published interval, and (given a `c4`
 *     judge from the caller, src/paper) whether claim C4 holds in mice with the same HER2 share.
 * The control arm's DFS is calibrated (an input); the HR is the prediction.
 */
import type { HazardRatio } from './analysis.js';
import { type AssumptionId, assumptionSpecs } from './assumptions.js';
import type { TrialDesign } from './design.js';
import { DESIGNS } from './designs.js';
import { runTrial, type TrialOptions, type TrialResult } from './run.js';

const b47 = DESIGNS.b47;

/** B-47's published numbers (from its design, designs.ts). */
export const B47 = {
  source: b47.published.source,
  patients: b47.patients,
  dfs5: {
    control: b47.published.dfsControl ?? Number.NaN,
    trastuzumab: b47.published.dfsTrastuzumab ?? Number.NaN,
  },
  hr: b47.published.hr,
  lower: b47.published.lower,
  upper: b47.published.upper,
  p: b47.published.p ?? Number.NaN,
  medianFollowUpMonths: b47.followUp.medianFollowUpMonths,
} as const;

/** (a): the trial under the default assumptions (mouse-calibrated model carried into patients). */
export function runB47(options: Omit<TrialOptions, 'scenario'> = {}): Promise<TrialResult> {
  return runTrial(b47, options);
}

/** Grid axes: assumption id -> values. */
export type ScanGrid = Readonly<Partial<Record<AssumptionId, readonly number[]>>>;

export const DEFAULT_GRID: ScanGrid = {
  her2Share: [0.25, 0.5, 0.75, 1],
  dormantFraction: [0, 0.5, 0.9],
  effectors: [0, 0.03, 0.1, 1],
};

export interface ScanPoint {
  readonly values: Readonly<Partial<Record<AssumptionId, number>>>;
  readonly micrometMean: number;
  readonly controlDfs5: number;
  /** Hazard ratio over both outcomes of every patient (the model's expected HR). */
  readonly hr: HazardRatio;
  /** Hazard ratio of the randomised comparison (one trial's worth of noise). */
  readonly randomisedHr: HazardRatio;
  /** Patients whose recurrence trastuzumab prevents or delays, of those recurring under control. */
  readonly prevented: number;
  readonly delayed: number;
  readonly recurredControl: number;
  /** The model's HR lies inside the published 95% interval (B-47's in the B-47 scan). */
  readonly b47: boolean;
  /** Claim C4 holds in mice with the same HER2 share of self-renewal (null: the axis is not scanned). */
  readonly c4: boolean | null;
}

export interface ScanResult {
  readonly grid: ScanGrid;
  readonly patients: number;
  readonly points: readonly ScanPoint[];
}

/** Assumptions that change the mouse model too: only the HER2 share (ps0, psHER2 are tumor-cell traits). */
const SHARED_WITH_MICE: readonly AssumptionId[] = ['her2Share'];

function product(grid: ScanGrid): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const [id, values] of Object.entries(grid)) {
    if (!(id in assumptionSpecs)) throw new RangeError(`unknown trial assumption '${id}'`);
    out = out.flatMap((o) => (values ?? []).map((v) => ({ ...o, [id]: v })));
  }
  return out;
}

/**
 * The scan. The control arm does not depend on Fc-receptor activity (no drug, no killing), so the
 * calibration is shared by the points that differ only in `effectors`.
 */
export type ScanOptions = Omit<TrialOptions, 'scenario' | 'micrometMean' | 'onProgress'> & {
  readonly grid?: ScanGrid;
  readonly onPoint?: (done: number, total: number, point: ScanPoint) => void;
  /** Judge of claim C4 in mice at a HER2 share (src/paper supplies it; absent: null per point). */
  readonly c4?: (share: number) => boolean;
};

/** The B-47 scan. */
export function scanB47(options: ScanOptions = {}): Promise<ScanResult> {
  return scanTrial(b47, options);
}

/** The scan of any design, each point judged against its published interval. */
export async function scanTrial(design: TrialDesign, options: ScanOptions = {}): Promise<ScanResult> {
  const grid = options.grid ?? DEFAULT_GRID;
  const patients = options.patients ?? 1000;
  const points: ScanPoint[] = [];
  const combos = product(grid);
  const means = new Map<string, number>();
  for (const values of combos) {
    const key = JSON.stringify(Object.entries(values).filter(([id]) => id !== 'effectors'));
    const r = await runTrial(design, {
      ...options,
      patients,
      scenario: values,
      micrometMean: means.get(key),
      pilotPatients: options.pilotPatients ?? Math.min(patients, 500),
    });
    means.set(key, r.micrometMean);
    const a = r.analysis;
    const share = values.her2Share;
    const shared = SHARED_WITH_MICE.some((id) => id in values);
    const point: ScanPoint = {
      values,
      micrometMean: r.micrometMean,
      controlDfs5: a.arms.find((x) => x.arm === 'control')?.dfs5 ?? Number.NaN,
      hr: a.counterfactual,
      randomisedHr: a.cox,
      prevented: a.benefit.prevented,
      delayed: a.benefit.delayed,
      recurredControl: a.benefit.recurredControl,
      b47: a.counterfactual.hr >= design.published.lower && a.counterfactual.hr <= design.published.upper,
      c4: shared && share !== undefined && options.c4 ? options.c4(share) : null,
    };
    points.push(point);
    options.onPoint?.(points.length, combos.length, point);
  }
  return { grid, patients, points };
}
