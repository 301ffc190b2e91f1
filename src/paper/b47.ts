/**
 * The reproduction's confrontation with NSABP B-47 (Fehrenbacher et al., J Clin Oncol 2020): the virtual
 * trial of src/trial/ at B-47's size under the mouse-calibrated model, and a compact scan over the two
 * assumptions that decide its answer (Fc-receptor effector activity in patients x HER2 share of CSC
 * self-renewal), with claim C4's status in mice per HER2 share. The full 48-point scan stays in
 * `cscsim trial b47 --scan`. Facts and JSON here; the report section is b47Section.ts.
 */
import type { IndexedMap } from '../parallel/map.js';
import {
  B47,
  c4HoldsAt,
  type HazardRatio,
  runB47,
  type ScanGrid,
  type ScanResult,
  scanB47,
  type TrialResult,
} from '../trial/index.js';
import { estimable, hrText } from './format.js';

export interface B47Plan {
  /** Patients of the trial (default B-47's 3,270). */
  readonly patients?: number;
  /** Patients per scan point (default 500; 0 skips the scan). */
  readonly scanPatients?: number;
  readonly grid?: ScanGrid;
}

/** The compact grid: Fc activity x HER2 share, no dormancy (12 points). */
export const REPORT_GRID: ScanGrid = {
  her2Share: [0.25, 0.5, 1],
  dormantFraction: [0],
  effectors: [0, 0.03, 0.1, 1],
};

/** Patients per scan point in the report: sized so that `npm run reproduce` stays near 2 minutes on 2 cores. */
export const REPORT_SCAN_PATIENTS = 500;

export interface B47Confrontation {
  readonly trial: TrialResult;
  readonly scan: ScanResult | null;
  /** Claim C4 in mice per HER2 share of the scan. */
  readonly c4: readonly { readonly share: number; readonly holds: boolean }[];
  readonly seconds: number;
}

export interface B47RunOptions {
  readonly seed: number;
  readonly workers: number;
  readonly map?: IndexedMap;
  readonly progress?: (line: string) => void;
}

export async function confrontB47(plan: B47Plan, o: B47RunOptions): Promise<B47Confrontation> {
  const t0 = performance.now();
  const trial = await runB47({
    ...(plan.patients !== undefined ? { patients: plan.patients } : {}),
    seed: o.seed,
    workers: o.workers,
    ...(o.map ? { map: o.map } : {}),
    onProgress: (stage, done, total) => o.progress?.(`B-47 ${stage}: ${done}/${total} patients`),
  });
  const scanPatients = plan.scanPatients ?? REPORT_SCAN_PATIENTS;
  const grid = plan.grid ?? REPORT_GRID;
  const scan =
    scanPatients > 0
      ? await scanB47({
          patients: scanPatients,
          seed: o.seed,
          workers: o.workers,
          ...(o.map ? { map: o.map } : {}),
          grid,
          onPoint: (done, total, p) =>
            o.progress?.(`B-47 scan: ${done}/${total} points (model HR ${hrText(p.hr)})`),
        })
      : null;
  const c4 = (scan ? (grid.her2Share ?? []) : []).map((share) => ({ share, holds: c4HoldsAt(share) }));
  return { trial, scan, c4, seconds: (performance.now() - t0) / 1000 };
}

/** Is an HR inside B-47's 95% interval? */
export const insideB47 = (hr: number): boolean => hr >= B47.lower && hr <= B47.upper;

const hrOf = (h: HazardRatio) => ({ hr: h.hr, lower: h.lower, upper: h.upper, p: h.p });

/** The facts the report states, as plain data (the report section, the summary and claims.json read these). */
export function b47Facts(c: B47Confrontation) {
  const { trial: r, scan } = c;
  const a = r.analysis;
  const points = scan?.points ?? [];
  const both = points.filter((p) => p.b47 && p.c4 !== false);
  return {
    published: B47,
    patients: r.patients,
    seed: r.seed,
    micrometMean: r.micrometMean,
    calibration: r.calibration,
    arms: a.arms.map(({ km: _km, ...arm }) => arm),
    cox: hrOf(a.cox),
    logRank: a.logRank,
    counterfactual: hrOf(a.counterfactual),
    benefit: a.benefit,
    medianFollowUpMonths: a.medianFollowUpMonths,
    /** The randomised HR's point estimate lies inside B-47's interval (null: too few events to estimate it). */
    compatible: estimable(a.cox) ? insideB47(a.cox.hr) : null,
    /** The two intervals overlap (null: not estimable). */
    overlaps: estimable(a.cox) ? a.cox.lower <= B47.upper && a.cox.upper >= B47.lower : null,
    scan: scan
      ? {
          patients: scan.patients,
          grid: scan.grid,
          points: scan.points.map((p) => ({
            values: p.values,
            micrometMean: p.micrometMean,
            controlDfs5: p.controlDfs5,
            hr: hrOf(p.hr),
            randomisedHr: hrOf(p.randomisedHr),
            prevented: p.prevented,
            delayed: p.delayed,
            recurredControl: p.recurredControl,
            b47: p.b47,
            c4: p.c4,
          })),
          compatibleWithBoth: both.map((p) => p.values),
        }
      : null,
    c4: c.c4,
    seconds: c.seconds,
  };
}

export type B47Facts = ReturnType<typeof b47Facts>;
