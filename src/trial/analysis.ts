/**
 * The trial's analysis, as B-47 reported it: invasive DFS per randomised arm (Kaplan-Meier, 5-year value
 * with its 95% interval), the log-rank test and the Cox hazard ratio (trastuzumab vs chemotherapy alone),
 * with the survival statistics of ./survival/. Because every virtual patient was also simulated under the
 * other arm, two summaries no real trial has: the hazard ratio over both outcomes of every patient
 * ("counterfactual", the model's expected HR with half the noise) and the individual benefit counts.
 */

import { type Benefit, CAUSES, type OutcomeColumns } from './columns.js';
import { ARMS, type ArmId, DAYS_PER_YEAR } from './population.js';
import { coxTwoGroup, type KaplanMeier, kaplanMeier, kaplanMeierByGroup, logRank } from './survival/index.js';

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

/**
 * The curve at its event times and its last time only: S and its Greenwood interval change only at events,
 * so the step curve is the same, and a trial of any size keeps a few hundred points instead of one per
 * patient.
 */
function atEvents(km: KaplanMeier): KaplanMeier {
  const keep: number[] = [];
  const last = km.time.length - 1;
  for (let i = 0; i <= last; i++) if (km.nEvent[i]! > 0 || i === last) keep.push(i);
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]!);
  // Censorings at dropped times count at the next time kept (so that they still add up).
  const nCensor = new Float64Array(keep.length);
  for (let i = 0, k = 0; i <= last; i++) {
    nCensor[k]! += km.nCensor[i]!;
    if (keep[k] === i) k++;
  }
  return {
    ...km,
    time: pick(km.time),
    nRisk: pick(km.nRisk),
    nEvent: pick(km.nEvent),
    nCensor,
    surv: pick(km.surv),
    stdErr: pick(km.stdErr),
    lower: pick(km.lower),
    upper: pick(km.upper),
  };
}

/** Fewest events, in all and per arm, for which the model's hazard ratio is reported. */
export const MIN_EVENTS = { total: 5, perArm: 1 } as const;

const NO_HR: HazardRatio = { hr: Number.NaN, lower: Number.NaN, upper: Number.NaN, p: Number.NaN };

/** Is the HR estimable (finite, from enough events)? */
export const estimableHr = (h: HazardRatio): boolean =>
  Number.isFinite(h.hr) && Number.isFinite(h.lower) && Number.isFinite(h.upper);

function coxOf(time: ArrayLike<number>, status: ArrayLike<number>, group: string[]): HazardRatio {
  let events = 0;
  const byArm = new Map<string, number>();
  for (let i = 0; i < status.length; i++) {
    events += status[i]!;
    byArm.set(group[i]!, (byArm.get(group[i]!) ?? 0) + status[i]!);
  }
  if (events < MIN_EVENTS.total || byArm.size < 2 || [...byArm.values()].some((e) => e < MIN_EVENTS.perArm))
    return NO_HR;
  const c = coxTwoGroup(time, status, group, 'control');
  return { hr: c.hr[0]!, lower: c.lower[0]!, upper: c.upper[0]!, p: c.pWald[0]! };
}

/** Cox HR of the randomised arms of the patients (of one HER2 stratum index); NaN fields when too few events. */
export function hazardRatioOf(c: OutcomeColumns, stratum?: number): HazardRatio {
  const time: number[] = [];
  const status: number[] = [];
  const group: string[] = [];
  for (let i = 0; i < c.n; i++) {
    if (stratum !== undefined && c.stratum[i] !== stratum) continue;
    const k = 2 * i + c.arm[i]!;
    time.push(c.time[k]! / YEAR);
    status.push(c.code[k]! === 0 ? 0 : 1);
    group.push(ARMS[c.arm[i]!]!);
  }
  return coxOf(time, status, group);
}

/** Invasive DFS events among the randomised arms (of one HER2 stratum index). */
export function eventsOf(c: OutcomeColumns, stratum?: number): number {
  let e = 0;
  for (let i = 0; i < c.n; i++)
    if ((stratum === undefined || c.stratum[i] === stratum) && c.code[2 * i + c.arm[i]!] !== 0) e++;
  return e;
}

export function analyse(c: OutcomeColumns, dfsYears = 5): TrialAnalysis {
  const n = c.n;
  const time = new Float64Array(n);
  const status = new Uint8Array(n);
  const group: string[] = [];
  const causes: (typeof CAUSES)[number][] = [];
  for (let i = 0; i < n; i++) {
    const k = 2 * i + c.arm[i]!;
    time[i] = c.time[k]! / YEAR;
    status[i] = c.code[k]! === 0 ? 0 : 1;
    group.push(ARMS[c.arm[i]!]!);
    causes.push(CAUSES[c.code[k]!]!);
  }
  const kms = new Map([...kaplanMeierByGroup(time, status, group)].map(([g, km]) => [g, atEvents(km)]));
  const arms: ArmSummary[] = [];
  for (const arm of ARMS) {
    const km = kms.get(arm);
    if (!km) continue;
    let count = 0;
    let events = 0;
    let recurrences = 0;
    for (let i = 0; i < n; i++) {
      if (group[i] !== arm) continue;
      count++;
      events += status[i]!;
      if (causes[i] === 'recurrence') recurrences++;
    }
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
  }
  const anyEvents = status.some((s) => s === 1);
  const twoArms = arms.length === 2;
  const lr = twoArms && anyEvents ? logRank(time, status, group) : { chisq: Number.NaN, p: Number.NaN };
  const none = { hr: Number.NaN, lower: Number.NaN, upper: Number.NaN, p: Number.NaN };
  const cox = twoArms ? coxOf(time, status, group) : none;

  // Both outcomes of every patient.
  const t2 = new Float64Array(2 * n);
  const s2 = new Uint8Array(2 * n);
  const g2: string[] = [];
  for (let k = 0; k < 2 * n; k++) {
    t2[k] = c.time[k]! / YEAR;
    s2[k] = c.code[k]! === 0 ? 0 : 1;
    g2.push(ARMS[k % 2]!);
  }
  const counterfactual = n > 0 ? coxOf(t2, s2, g2) : none;

  // Reverse Kaplan-Meier: censoring is the "event".
  const fu = kaplanMeier(
    time,
    Uint8Array.from(status, (s) => 1 - s),
  );
  return {
    arms,
    logRank: { chisq: lr.chisq, p: lr.p },
    cox,
    counterfactual,
    benefit: c.benefit,
    medianFollowUpMonths: fu.median === null ? Number.NaN : fu.median * 12,
  };
}
