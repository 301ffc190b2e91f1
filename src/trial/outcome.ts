/**
 * What happens to one virtual patient under both arms, and what a trial observes of it: the invasive DFS
 * time under an arm and its cause.
 */
import type { ArmId } from './population.js';

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

/** Cause codes of `code`: 0 censored, 1 recurrence, 2 background (non-recurrence) event. */
export const CAUSES = ['censored', 'recurrence', 'background'] as const;
export type Cause = (typeof CAUSES)[number];

/** Patients whose recurrence by their censoring day trastuzumab prevents, delays, hastens or causes. */
export interface Benefit {
  readonly prevented: number;
  readonly delayed: number;
  readonly hastened: number;
  readonly caused: number;
  readonly recurredControl: number;
}

/** Invasive DFS under an arm: time (days), event status and its cause. */
export function observed(o: PatientOutcome, arm: ArmId): { time: number; status: 0 | 1; cause: Cause } {
  const r = o.recurrence[arm];
  const t = Math.min(r, o.backgroundDay, o.censorDay);
  if (t === o.censorDay && r > o.censorDay && o.backgroundDay > o.censorDay)
    return { time: t, status: 0, cause: 'censored' };
  return { time: t, status: 1, cause: r <= o.backgroundDay ? 'recurrence' : 'background' };
}
