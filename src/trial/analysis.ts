/**
 * The trial's analysis, as B-47 reported it: invasive DFS per randomised arm (Kaplan-Meier, 5-year value
 * with its 95% interval), the log-rank test and the Cox hazard ratio (trastuzumab vs chemotherapy alone),
 * with the survival statistics of ./survival/. Because every virtual patient was also simulated under the
 * other arm, two summaries no real trial has: the hazard ratio over both outcomes of every patient
 * ("counterfactual", the model's expected HR with half the noise) and the individual benefit counts.
 */

import type { Benefit, OutcomeColumns } from './columns.js';
import { ARMS, type ArmId, DAYS_PER_YEAR } from './population.js';
import {
  coxOfTable,
  type EventTable,
  eventTable,
  type KaplanMeier,
  kaplanMeier,
  kaplanMeierQuantile,
  logRankOfTable,
} from './survival/index.js';

export interface ArmSummary {
  readonly arm: ArmId;
  readonly n: number;
  /** Invasive DFS events, of which recurrences. */
  readonly events: number;
  readonly recurrences: number;
  /** Kaplan-Meier invasive DFS at 5 years, with its 95% pointwise interval (log scale, as R). */
  readonly dfs5: number;
  readonly dfs5Lower: number;
  readonly dfs5Upper: number;
  /** Kaplan-Meier DFS at the design's time point (dfsYears, its calibration time), with its interval. */
  readonly dfsYears: number;
  readonly dfsAt: number;
  readonly dfsAtLower: number;
  readonly dfsAtUpper: number;
  /** The curve, time in years. */
  readonly km: KaplanMeier;
}

export interface HazardRatio {
  readonly hr: number;
  readonly lower: number;
  readonly upper: number;
  readonly p: number;
}

export interface TrialAnalysis {
  readonly arms: readonly ArmSummary[];
  readonly logRank: { readonly chisq: number; readonly p: number };
  /** Cox, trastuzumab vs control, randomised arms (Wald p). */
  readonly cox: HazardRatio;
  /** Cox over both outcomes of every patient (the model's expected HR; CI as if arms were independent). */
  readonly counterfactual: HazardRatio;
  /** Patients whose recurrence by their censoring day trastuzumab prevents, delays, hastens or causes. */
  readonly benefit: Benefit;
  /** Median follow-up by reverse Kaplan-Meier (months). */
  readonly medianFollowUpMonths: number;
}

const YEAR = DAYS_PER_YEAR;

/** Value of a Kaplan-Meier curve at time t with its interval (1 before the first time). */
export function survivalAt(km: KaplanMeier, t: number): { s: number; lo: number; hi: number } {
  let k = -1;
  while (k + 1 < km.time.length && km.time[k + 1]! <= t) k++;
  if (k < 0) return { s: 1, lo: 1, hi: 1 };
  return { s: km.surv[k]!, lo: km.lower[k]!, hi: km.upper[k]! };
}

/** Fewest events, in all and per arm, for which the model's hazard ratio is reported. */
export const MIN_EVENTS = { total: 5, perArm: 1 } as const;

const NO_HR: HazardRatio = { hr: Number.NaN, lower: Number.NaN, upper: Number.NaN, p: Number.NaN };

/** Is the HR estimable (finite, from enough events)? */
export const estimableHr = (h: HazardRatio): boolean =>
  Number.isFinite(h.hr) && Number.isFinite(h.lower) && Number.isFinite(h.upper);

/**
 * Cox HR of trastuzumab (group 1) against control (group 0) from the event table, as R's
 * coxph(Surv ~ arm); NaN fields unless there are enough events.
 */
function coxOf(t: EventTable): HazardRatio {
  let e0 = 0;
  let e1 = 0;
  for (let j = 0; j < t.time.length; j++) {
    e0 += t.d0[j]!;
    e1 += t.d1[j]!;
  }
  if (
    e0 + e1 < MIN_EVENTS.total ||
    t.size[0] === 0 ||
    t.size[1] === 0 ||
    Math.min(e0, e1) < MIN_EVENTS.perArm
  )
    return NO_HR;
  const c = coxOfTable(t);
  return { hr: c.hr[0]!, lower: c.lower[0]!, upper: c.upper[0]!, p: c.pWald[0]! };
}

/** Invasive DFS (years), event flag and arm of the randomised arm of the patients picked (all when null). */
function randomised(
  c: OutcomeColumns,
  pick: ((i: number) => boolean) | null,
): { time: Float64Array; status: Uint8Array; arm: Uint8Array } {
  let m = 0;
  for (let i = 0; i < c.n; i++) if (!pick || pick(i)) m++;
  const time = new Float64Array(m);
  const status = new Uint8Array(m);
  const arm = new Uint8Array(m);
  for (let i = 0, j = 0; i < c.n; i++) {
    if (pick && !pick(i)) continue;
    const k = 2 * i + c.arm[i]!;
    time[j] = c.time[k]! / YEAR;
    status[j] = c.code[k]! === 0 ? 0 : 1;
    arm[j++] = c.arm[i]!;
  }
  return { time, status, arm };
}

/** Cox HR of the randomised arms of the patients (of one HER2 stratum index); NaN fields when too few events. */
export function hazardRatioOf(c: OutcomeColumns, stratum?: number): HazardRatio {
  const r = randomised(c, stratum === undefined ? null : (i) => c.stratum[i] === stratum);
  return coxOf(eventTable(r.time, 1, r.status, r.arm));
}

/** Invasive DFS events among the randomised arms (of one HER2 stratum index). */
export function eventsOf(c: OutcomeColumns, stratum?: number): number {
  let e = 0;
  for (let i = 0; i < c.n; i++)
    if ((stratum === undefined || c.stratum[i] === stratum) && c.code[2 * i + c.arm[i]!] !== 0) e++;
  return e;
}

/**
 * The analysis from the columns with typed work arrays only (a few bytes a patient besides the sorts of
 * the survival statistics): no label or object per patient, Kaplan-Meier curves kept at their events.
 */
export function analyse(c: OutcomeColumns, dfsYears = 5): TrialAnalysis {
  const n = c.n;
  const { time, status, arm: x } = randomised(c, null);
  const arms: ArmSummary[] = [];
  ARMS.forEach((arm, a) => {
    let count = 0;
    let events = 0;
    let recurrences = 0;
    for (let i = 0; i < n; i++) {
      if (c.arm[i] !== a) continue;
      count++;
      events += status[i]!;
      if (c.code[2 * i + a] === 1) recurrences++;
    }
    if (count === 0) return;
    // The arm's curve on its own subjects (near-equal times merged within the arm, as R's survfit on it).
    const ta = new Float64Array(count);
    const sa = new Uint8Array(count);
    for (let i = 0, j = 0; i < n; i++)
      if (c.arm[i] === a) {
        ta[j] = time[i]!;
        sa[j++] = status[i]!;
      }
    const km = kaplanMeier(ta, sa, { eventsOnly: true });
    const at5 = survivalAt(km, 5);
    const at = survivalAt(km, dfsYears);
    arms.push({
      arm,
      n: count,
      events,
      recurrences,
      dfs5: at5.s,
      dfs5Lower: at5.lo,
      dfs5Upper: at5.hi,
      dfsYears,
      dfsAt: at.s,
      dfsAtLower: at.lo,
      dfsAtUpper: at.hi,
      km,
    });
  });
  const anyEvents = status.some((s) => s === 1);
  const twoArms = arms.length === 2;
  // Log-rank and Cox from counts at the event times (survival/two-group.ts): O(events) work.
  const table = eventTable(time, 1, status, x);
  const lr =
    twoArms && anyEvents
      ? logRankOfTable(table, ['control', 'trastuzumab'])
      : { chisq: Number.NaN, p: Number.NaN };
  const cox = twoArms ? coxOf(table) : NO_HR;

  // Both outcomes of every patient: row 2 i + a is patient i under arm a, straight from the columns.
  const x2 = new Uint8Array(2 * n);
  for (let k = 1; k < 2 * n; k += 2) x2[k] = 1;
  const counterfactual = n > 0 ? coxOf(eventTable(c.time, YEAR, c.code, x2)) : NO_HR;

  // Reverse Kaplan-Meier (censoring is the "event"), its median without the curve.
  const fu =
    n > 0
      ? kaplanMeierQuantile(
          time,
          Uint8Array.from(status, (s) => 1 - s),
          0.5,
        )
      : null;
  return {
    arms,
    logRank: { chisq: lr.chisq, p: lr.p },
    cox,
    counterfactual,
    benefit: c.benefit,
    medianFollowUpMonths: fu === null ? Number.NaN : fu * 12,
  };
}
