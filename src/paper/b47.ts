/**
 * The reproduction's confrontation with NSABP B-47 (Fehrenbacher et al., J Clin Oncol 2020): the virtual
 * trial of src/trial/ at B-47's size under the mouse-calibrated model, and a compact scan over the two
 * assumptions that decide its answer (Fc-receptor effector activity in patients x HER2 share of CSC
 * self-renewal), with claim C4's status in mice per HER2 share. The full 48-point scan stays in
 * `cscsim trial b47 --scan`. Facts and JSON here; the report section is b47Section.ts.
 */
import { hierarchyParams, specOf } from '../models/parameters.js';
import type { IndexedMap } from '../parallel/map.js';
import {
  B47,
  DESIGNS,
  type ForestRow,
  forestRows,
  type HazardRatio,
  runB47,
  runTrial,
  type ScanGrid,
  type ScanResult,
  scanB47,
  scanTrial,
  type TrialResult,
} from '../trial/index.js';
import { c4 as claimC4 } from './claims/c4.js';
import { estimable, hrText } from './format.js';

const c4Cache = new Map<number, boolean>();

/** Does claim C4 hold in mice when HER2 provides `share` of maximal CSC self-renewal (ps0 + psHER2 kept)? */
export function c4HoldsAt(share: number): boolean {
  let hit = c4Cache.get(share);
  if (hit === undefined) {
    const psMax = specOf(hierarchyParams, 'ps0').value + specOf(hierarchyParams, 'psHER2').value;
    hit = claimC4.holds(() => ({ ps0: (1 - share) * psMax, psHER2: share * psMax }));
    c4Cache.set(share, hit);
  }
  return hit;
}

export interface B47Plan {
  /** Patients of the trial (default B-47's 3,270). */
  readonly patients?: number;
  /** Patients per scan point (default 500; 0 skips the scan). */
  readonly scanPatients?: number;
  readonly grid?: ScanGrid;
  /** Also run B-31/N9831 and its HER2-negative subgroups at their published sizes (default true). */
  readonly others?: boolean;
}

/** Another trial beside B-47: its run at the mouse-calibrated parameters and its compact scan. */
export interface OtherTrial {
  readonly trial: TrialResult;
  readonly scan: ScanResult | null;
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
  /** B-31/N9831 and its subgroups (empty when not run). */
  readonly others: readonly OtherTrial[];
  /** Model beside published HR for every trial and subgroup. */
  readonly forest: readonly ForestRow[];
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
          c4: c4HoldsAt,
          onPoint: (done, total, p) =>
            o.progress?.(`B-47 scan: ${done}/${total} points (model HR ${hrText(p.hr)})`),
        })
      : null;
  const c4 = (scan ? (grid.her2Share ?? []) : []).map((share) => ({ share, holds: c4HoldsAt(share) }));
  const others: OtherTrial[] = [];
  if (plan.others ?? true)
    for (const d of [DESIGNS.b31n9831, DESIGNS['b31-central-negative'], DESIGNS['n9831-central-normal']]) {
      const r = await runTrial(d, {
        seed: o.seed,
        workers: o.workers,
        ...(plan.patients !== undefined ? { patients: Math.min(plan.patients, d.patients) } : {}),
        onProgress: (stage, done, total) => o.progress?.(`${d.id} ${stage}: ${done}/${total} patients`),
      });
      const sc =
        scanPatients > 0
          ? await scanTrial(d, {
              patients: scanPatients,
              seed: o.seed,
              workers: o.workers,
              grid,
              c4: c4HoldsAt,
            })
          : null;
      others.push({ trial: r, scan: sc });
    }
  const forest = [...others.map((x) => x.trial), trial].flatMap(forestRows);
  return { trial, scan, c4, others, forest, seconds: (performance.now() - t0) / 1000 };
}

/** The scan's verdict against a published interval: the points whose model HR lies inside it. */
function verdicts(s: ScanResult, pub: { readonly lower: number; readonly upper: number }) {
  const inside = s.points.filter((p) => estimable(p.hr) && p.hr.hr >= pub.lower && p.hr.hr <= pub.upper);
  return {
    points: s.points.length,
    inside: inside.map((p) => p.values),
    withC4: inside.filter((p) => p.c4 !== false).map((p) => p.values),
    range: (() => {
      const h = s.points.filter((p) => estimable(p.hr)).map((p) => p.hr.hr);
      return h.length ? [Math.min(...h), Math.max(...h)] : null;
    })(),
  };
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
    others: c.others.map(({ trial: t, scan: sc }) => ({
      id: t.design.id,
      name: t.design.name,
      patients: t.patients,
      published: t.design.published,
      cox: hrOf(t.analysis.cox),
      counterfactual: hrOf(t.analysis.counterfactual),
      scan: sc ? verdicts(sc, t.design.published) : null,
    })),
    forest: c.forest,
    b47Scan: scan ? verdicts(scan, B47) : null,
    seconds: c.seconds,
  };
}

export type B47Facts = ReturnType<typeof b47Facts>;
