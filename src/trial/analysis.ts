/**
 * The trial's analysis, as B-47 reported it: invasive DFS per randomised arm (Kaplan-Meier, 5-year value
 * with its 95% interval), the log-rank test and the Cox hazard ratio (trastuzumab vs chemotherapy alone),
 * with the survival statistics of ./survival/. Because every virtual patient was also simulated under the
 * other arm, two summaries no real trial has: the hazard ratio over both outcomes of every patient
 * ("counterfactual", the model's expected HR with half the noise) and the individual benefit counts.
 * Everything is computed from DFS counted per whole day (summary.ts), as a trial records it: the numbers
 * are those of the per-patient survival statistics on the day-recorded times (a test holds them equal).
 */

import type { Benefit } from './outcome.js';
import { ARMS, type ArmId, DAYS_PER_YEAR } from './population.js';
import type { DayCounts, OutcomeSummary } from './summary.js';
import {
  coxOfTable,
  type EventTable,
  eventTableOfCounts,
  type KaplanMeier,
  kaplanMeierOfCounts,
  kaplanMeierQuantileOfCounts,
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
export function coxOf(t: EventTable): HazardRatio {
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

/** Day k in years (the time axis of every curve and table). */
export function years(days: number): Float64Array {
  const t = new Float64Array(days);
  for (let k = 0; k < days; k++) t[k] = k / YEAR;
  return t;
}

/** Sum of the randomised counts of arm a over the strata picked (all when undefined). */
function randomisedCounts(c: OutcomeSummary, a: number, stratum?: number): DayCounts {
  const event = new Float64Array(c.days);
  const censor = new Float64Array(c.days);
  c.randomised.forEach((row, s) => {
    if (stratum !== undefined && s !== stratum) return;
    const d = row[a]!;
    for (let k = 0; k < c.days; k++) {
      event[k]! += d.event[k]!;
      censor[k]! += d.censor[k]!;
    }
  });
  return { event, censor };
}

const tableOf = (t: Float64Array, g0: DayCounts, g1: DayCounts): EventTable =>
  eventTableOfCounts(t, g0.event, g0.censor, g1.event, g1.censor);

/** Cox HR of the randomised arms of the patients (of one HER2 stratum index); NaN fields when too few events. */
export function hazardRatioOf(c: OutcomeSummary, stratum?: number): HazardRatio {
  const t = years(c.days);
  return coxOf(tableOf(t, randomisedCounts(c, 0, stratum), randomisedCounts(c, 1, stratum)));
}

/** Invasive DFS events among the randomised arms (of one HER2 stratum index). */
export function eventsOf(c: OutcomeSummary, stratum?: number): number {
  let e = 0;
  c.randomised.forEach((row, s) => {
    if (stratum !== undefined && s !== stratum) return;
    for (const d of row) for (let k = 0; k < c.days; k++) e += d.event[k]!;
  });
  return e;
}

/** Randomised patients (of one HER2 stratum index). */
export function patientsOf(c: OutcomeSummary, stratum?: number): number {
  let n = 0;
  c.patients.forEach((row, s) => {
    if (stratum === undefined || s === stratum) for (const m of row) n += m;
  });
  return n;
}

/** The analysis from the day counts: O(days) work and memory, whatever the number of patients. */
export function analyse(c: OutcomeSummary, dfsYears = 5): TrialAnalysis {
  const t = years(c.days);
  const counts = ARMS.map((_, a) => randomisedCounts(c, a));
  const arms: ArmSummary[] = [];
  let anyEvents = false;
  ARMS.forEach((arm, a) => {
    const count = c.patients.reduce((sum, row) => sum + row[a]!, 0);
    if (count === 0) return;
    const recurrences = c.recurrences.reduce((sum, row) => sum + row[a]!, 0);
    const d = counts[a]!;
    const km = kaplanMeierOfCounts(t, d.event, d.censor, { eventsOnly: true });
    const events = km.events ?? 0;
    if (events > 0) anyEvents = true;
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
  const twoArms = arms.length === 2;
  // Log-rank and Cox from counts at the event days (survival/two-group.ts).
  const table = tableOf(t, counts[0]!, counts[1]!);
  const lr =
    twoArms && anyEvents
      ? logRankOfTable(table, ['control', 'trastuzumab'])
      : { chisq: Number.NaN, p: Number.NaN };
  const cox = twoArms ? coxOf(table) : NO_HR;
  // Both outcomes of every patient: group a is every patient under arm a.
  const counterfactual = c.n > 0 ? coxOf(tableOf(t, c.both[0]!, c.both[1]!)) : NO_HR;
  // Reverse Kaplan-Meier (censoring is the "event") of the randomised arms, its median without the curve.
  const censor = new Float64Array(c.days);
  const event = new Float64Array(c.days);
  for (const d of counts)
    for (let k = 0; k < c.days; k++) {
      censor[k]! += d.censor[k]!;
      event[k]! += d.event[k]!;
    }
  const fu = c.n > 0 ? kaplanMeierQuantileOfCounts(t, censor, event, 0.5) : null;
  return {
    arms,
    logRank: { chisq: lr.chisq, p: lr.p },
    cox,
    counterfactual,
    benefit: c.benefit,
    medianFollowUpMonths: fu === null ? Number.NaN : fu * 12,
  };
}
