/**
 * What the trial's analysis keeps of its patients, compactly: per patient and arm the invasive DFS time
 * (days) and its cause, the randomised arm and the HER2 stratum (20 bytes a patient, typed arrays grown by
 * doubling), and the individual benefit counts as they stream past. A trial of any size holds these instead
 * of one object per patient; the outcomes themselves go to disk (output.ts) or to the caller.
 */
import { ARMS, type ArmId } from './population.js';

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

export interface OutcomeColumns {
  readonly n: number;
  /** Randomised arm per patient (index into ARMS). */
  readonly arm: Uint8Array;
  /** HER2 stratum per patient (index into `strata`). */
  readonly stratum: Uint8Array;
  readonly strata: readonly string[];
  /** DFS time (days) of patient i under arm a at 2 i + a. */
  readonly time: Float64Array;
  /** Cause code (CAUSES) of patient i under arm a at 2 i + a. */
  readonly code: Uint8Array;
  readonly benefit: Benefit;
}

/** Invasive DFS under an arm: time (days), event status and its cause. */
export function observed(o: PatientOutcome, arm: ArmId): { time: number; status: 0 | 1; cause: Cause } {
  const r = o.recurrence[arm];
  const t = Math.min(r, o.backgroundDay, o.censorDay);
  if (t === o.censorDay && r > o.censorDay && o.backgroundDay > o.censorDay)
    return { time: t, status: 0, cause: 'censored' };
  return { time: t, status: 1, cause: r <= o.backgroundDay ? 'recurrence' : 'background' };
}

/** Accumulates outcomes, in patient order, into OutcomeColumns. */
export class OutcomeAccumulator {
  private n = 0;
  private arm = new Uint8Array(64);
  private stratum = new Uint8Array(64);
  private time = new Float64Array(128);
  private code = new Uint8Array(128);
  private readonly strata: string[];
  private readonly b = { prevented: 0, delayed: 0, hastened: 0, caused: 0, recurredControl: 0 };

  constructor(strata: readonly string[] = []) {
    this.strata = [...strata];
  }

  push(o: PatientOutcome): void {
    if (this.n === this.arm.length) this.grow();
    const i = this.n++;
    this.arm[i] = ARMS.indexOf(o.arm);
    let s = this.strata.indexOf(o.stratum);
    if (s < 0) s = this.strata.push(o.stratum) - 1;
    if (s > 255) throw new RangeError('more than 256 HER2 strata');
    this.stratum[i] = s;
    ARMS.forEach((a, k) => {
      const ob = observed(o, a);
      this.time[2 * i + k] = ob.time;
      this.code[2 * i + k] = CAUSES.indexOf(ob.cause);
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

  private grow(): void {
    const m = 2 * this.arm.length;
    const widen = <T extends Uint8Array | Float64Array>(a: T, len: number, make: (l: number) => T): T => {
      const x = make(len);
      x.set(a);
      return x;
    };
    this.arm = widen(this.arm, m, (l) => new Uint8Array(l));
    this.stratum = widen(this.stratum, m, (l) => new Uint8Array(l));
    this.time = widen(this.time, 2 * m, (l) => new Float64Array(l));
    this.code = widen(this.code, 2 * m, (l) => new Uint8Array(l));
  }

  /**
   * The columns at their length: views, not copies (a copy added the columns once more to a big trial's
   * peak).
   * The accumulator may go on: it only writes past n, and a growth moves it to new arrays.
   */
  columns(): OutcomeColumns {
    const n = this.n;
    return {
      n,
      arm: this.arm.subarray(0, n),
      stratum: this.stratum.subarray(0, n),
      strata: [...this.strata],
      time: this.time.subarray(0, 2 * n),
      code: this.code.subarray(0, 2 * n),
      benefit: { ...this.b },
    };
  }
}
