/**
 * What the trial's analysis keeps of its patients: invasive DFS events and censorings counted per whole day
 * since randomisation, per HER2 stratum and arm (the randomised arm, as the trial sees it) and per arm over
 * both outcomes of every patient (the counterfactual), with the individual benefit counts. A trial records
 * its dates in days, so this is the data a real trial analyses; its size is set by the follow-up (a few
 * thousand days), not by the number of patients, so memory stays flat however many patients stream past.
 * The outcomes themselves, with their exact times, go to disk (output.ts) or to the caller.
 */
import { type Benefit, observed, type PatientOutcome } from './outcome.js';
import { ARMS } from './population.js';

/** Events and censorings per day index (day k = DFS time in [k, k + 1) days). */
export interface DayCounts {
  readonly event: Float64Array;
  readonly censor: Float64Array;
}

export interface OutcomeSummary {
  /** Patients. */
  readonly n: number;
  /** Days counted (every DayCounts has this length). */
  readonly days: number;
  /** HER2 strata, in the order first seen (the design's order when given). */
  readonly strata: readonly string[];
  /** Randomised patients per stratum and arm index (ARMS), and their recurrences. */
  readonly patients: readonly (readonly number[])[];
  readonly recurrences: readonly (readonly number[])[];
  /** DFS of the randomised arm: [stratum][arm]. */
  readonly randomised: readonly (readonly DayCounts[])[];
  /** DFS of every patient under each arm: [arm]. */
  readonly both: readonly DayCounts[];
  readonly benefit: Benefit;
}

/** A day beyond this (about 2,700 years) is a bug upstream, not a follow-up. */
const MAX_DAYS = 1_000_000;

class Days implements DayCounts {
  event: Float64Array;
  censor: Float64Array;
  constructor(length: number) {
    this.event = new Float64Array(length);
    this.censor = new Float64Array(length);
  }
  resize(length: number): void {
    const e = new Float64Array(length);
    const c = new Float64Array(length);
    e.set(this.event.subarray(0, Math.min(length, this.event.length)));
    c.set(this.censor.subarray(0, Math.min(length, this.censor.length)));
    this.event = e;
    this.censor = c;
  }
}

/** Accumulates outcomes into an OutcomeSummary (in any order: the counts do not depend on it). */
export class SummaryAccumulator {
  private n = 0;
  private length = 0;
  private readonly strata: string[];
  private readonly patients: number[][] = [];
  private readonly recurrences: number[][] = [];
  private readonly randomised: Days[][] = [];
  private readonly both: Days[] = ARMS.map(() => new Days(0));
  private readonly b = { prevented: 0, delayed: 0, hastened: 0, caused: 0, recurredControl: 0 };

  constructor(strata: readonly string[] = []) {
    this.strata = [];
    for (const s of strata) this.stratumIndex(s);
  }

  private stratumIndex(id: string): number {
    let s = this.strata.indexOf(id);
    if (s >= 0) return s;
    s = this.strata.push(id) - 1;
    this.patients.push(ARMS.map(() => 0));
    this.recurrences.push(ARMS.map(() => 0));
    this.randomised.push(ARMS.map(() => new Days(this.length)));
    return s;
  }

  private dayOf(time: number): number {
    const k = Math.floor(time);
    if (!(k >= 0 && k < MAX_DAYS))
      throw new RangeError(`DFS time ${time} days is outside [0, ${MAX_DAYS}) days`);
    if (k >= this.length) {
      const length = Math.max(k + 1, 2 * this.length, 64);
      for (const d of this.both) d.resize(length);
      for (const row of this.randomised) for (const d of row) d.resize(length);
      this.length = length;
    }
    return k;
  }

  push(o: PatientOutcome): void {
    this.n++;
    const s = this.stratumIndex(o.stratum);
    ARMS.forEach((arm, a) => {
      const ob = observed(o, arm);
      const k = this.dayOf(ob.time);
      const targets = arm === o.arm ? [this.both[a]!, this.randomised[s]![a]!] : [this.both[a]!];
      for (const d of targets) {
        if (ob.status === 1) d.event[k]!++;
        else d.censor[k]!++;
      }
      if (arm === o.arm) {
        this.patients[s]![a]!++;
        if (ob.cause === 'recurrence') this.recurrences[s]![a]!++;
      }
    });
    const c = o.recurrence.control <= o.censorDay ? o.recurrence.control : Number.POSITIVE_INFINITY;
    const e = o.recurrence.trastuzumab <= o.censorDay ? o.recurrence.trastuzumab : Number.POSITIVE_INFINITY;
    const b = this.b;
    if (Number.isFinite(c)) b.recurredControl++;
    if (Number.isFinite(c) && !Number.isFinite(e)) b.prevented++;
    else if (!Number.isFinite(c) && Number.isFinite(e)) b.caused++;
    else if (Number.isFinite(c) && e > c) b.delayed++;
    else if (Number.isFinite(c) && e < c) b.hastened++;
  }

  /** The counts so far: copies at the length of the longest DFS time seen (the accumulator may go on). */
  summary(): OutcomeSummary {
    let days = 0;
    const seen = (d: Days): void => {
      for (let k = d.event.length - 1; k >= days; k--)
        if (d.event[k]! + d.censor[k]! > 0) {
          days = k + 1;
          break;
        }
    };
    for (const d of this.both) seen(d);
    const cut = (d: Days): DayCounts => ({ event: d.event.slice(0, days), censor: d.censor.slice(0, days) });
    return {
      n: this.n,
      days,
      strata: [...this.strata],
      patients: this.patients.map((r) => [...r]),
      recurrences: this.recurrences.map((r) => [...r]),
      randomised: this.randomised.map((row) => row.map(cut)),
      both: this.both.map(cut),
      benefit: { ...this.b },
    };
  }
}
