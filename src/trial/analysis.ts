/**
 * The trial's analysis, as B-47 reported it: invasive DFS per randomised arm (Kaplan-Meier, 5-year value
 * with its 95% interval), the log-rank test and the Cox hazard ratio (trastuzumab vs chemotherapy alone),
 * with the survival statistics of ./survival/. Because every virtual patient was also simulated under the
 * other arm, two summaries no real trial has: the hazard ratio over both outcomes of every patient
 * ("counterfactual", the model's expected HR with half the noise) and the individual benefit counts.
 */

import { ARMS, type ArmId, DAYS_PER_YEAR } from './population.js';
import { coxTwoGroup, type KaplanMeier, kaplanMeier, kaplanMeierByGroup, logRank } from './survival/index.js';

/** What happened to one patient under both arms. */
export interface PatientOutcome {
  readonly index: number;
  /** Randomised arm: the one the trial analysis sees. */
  readonly arm: ArmId;
  /** HER2 stratum id of the design and its IHC score. */
  readonly stratum: string;
  readonly ihc: number;
  readonly her2Base: number;
  /** Micrometastases left after surgery. */
  readonly micromets: number;
  /** Of those, dormant at surgery. */
  readonly dormant: number;
  /** Administrative censoring (days after randomisation). */
  readonly censorDay: number;
  /** Non-recurrence invasive DFS event (days after randomisation). */
  readonly backgroundDay: number;
  /** First detected recurrence under each arm, days (Infinity: none by censorDay). */
  readonly recurrence: Readonly<Record<ArmId, number>>;
}

export type Cause = 'recurrence' | 'background' | 'censored';

/** Invasive DFS under an arm: time (days), event status and its cause. */
export function observed(o: PatientOutcome, arm: ArmId): { time: number; status: 0 | 1; cause: Cause } {
  const r = o.recurrence[arm];
  const t = Math.min(r, o.backgroundDay, o.censorDay);
  if (t === o.censorDay && r > o.censorDay && o.backgroundDay > o.censorDay)
    return { time: t, status: 0, cause: 'censored' };
  return { time: t, status: 1, cause: r <= o.backgroundDay ? 'recurrence' : 'background' };
}

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
  readonly benefit: {
    readonly prevented: number;
    readonly delayed: number;
    readonly hastened: number;
    readonly caused: number;
    readonly recurredControl: number;
  };
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

/** Cox HR of the randomised arms of a set of patients (NaN fields when too few events). */
export function hazardRatioOf(outcomes: readonly PatientOutcome[]): HazardRatio {
  const time: number[] = [];
  const status: number[] = [];
  const group: string[] = [];
  for (const o of outcomes) {
    const r = observed(o, o.arm);
    time.push(r.time / YEAR);
    status.push(r.status);
    group.push(o.arm);
  }
  return coxOf(time, status, group);
}

export function analyse(outcomes: readonly PatientOutcome[], dfsYears = 5): TrialAnalysis {
  const n = outcomes.length;
  const time = new Float64Array(n);
  const status = new Uint8Array(n);
  const group: string[] = [];
  const causes: Cause[] = [];
  outcomes.forEach((o, i) => {
    const r = observed(o, o.arm);
    time[i] = r.time / YEAR;
    status[i] = r.status;
    group.push(o.arm);
    causes.push(r.cause);
  });
  const kms = kaplanMeierByGroup(time, status, group);
  const arms: ArmSummary[] = [];
  for (const arm of ARMS) {
    const km = kms.get(arm);
    if (!km) continue;
    const idx = outcomes.map((o, i) => (o.arm === arm ? i : -1)).filter((i) => i >= 0);
    const at5 = survivalAt(km, 5);
    const at = survivalAt(km, dfsYears);
    arms.push({
      arm,
      n: idx.length,
      events: idx.reduce((s, i) => s + status[i]!, 0),
      recurrences: idx.filter((i) => causes[i] === 'recurrence').length,
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
  outcomes.forEach((o, i) => {
    ARMS.forEach((arm, a) => {
      const r = observed(o, arm);
      t2[2 * i + a] = r.time / YEAR;
      s2[2 * i + a] = r.status;
      g2.push(arm);
    });
  });
  const counterfactual = n > 0 ? coxOf(t2, s2, g2) : none;

  let prevented = 0;
  let delayed = 0;
  let hastened = 0;
  let caused = 0;
  let recurredControl = 0;
  for (const o of outcomes) {
    const c = o.recurrence.control <= o.censorDay ? o.recurrence.control : Number.POSITIVE_INFINITY;
    const e = o.recurrence.trastuzumab <= o.censorDay ? o.recurrence.trastuzumab : Number.POSITIVE_INFINITY;
    if (Number.isFinite(c)) recurredControl++;
    if (Number.isFinite(c) && !Number.isFinite(e)) prevented++;
    else if (!Number.isFinite(c) && Number.isFinite(e)) caused++;
    else if (Number.isFinite(c) && e > c) delayed++;
    else if (Number.isFinite(c) && e < c) hastened++;
  }

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
    benefit: { prevented, delayed, hastened, caused, recurredControl },
    medianFollowUpMonths: fu.median === null ? Number.NaN : fu.median * 12,
  };
}
