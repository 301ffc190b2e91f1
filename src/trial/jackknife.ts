/**
 * The Monte Carlo standard error of the model's expected HR from one virtual cohort: the Cox HR over both
 * outcomes of every patient (analysis.ts `counterfactual`), by the delete-a-group jackknife (Quenouille 1956;
 * Tukey 1958; Efron & Stein 1981): patients in G groups by index, the log HR recomputed without each group,
 * var = (G - 1) / G * sum_g (theta_g - mean)^2. The cohort's patients are independent draws, so index groups
 * are random groups. A calibration comparing a cohort's HR with a published one adds this error to the
 * published one (reweight.ts): the usual Cox interval treats the two arms as independent samples, and with
 * each patient under both arms it is several times too wide for the cohort's own noise.
 */
import { coxOf, years } from './analysis.js';
import { observed, type PatientOutcome } from './outcome.js';
import { ARMS } from './population.js';
import type { OutcomeSummary } from './summary.js';
import { eventTableOfCounts } from './survival/index.js';

/** Groups of the jackknife: 20 gives the standard error to about 16% (19 degrees of freedom). */
export const JACKKNIFE_GROUPS = 20;

/** Both-arm DFS counts per patient group, beside a SummaryAccumulator fed the same outcomes. */
export class GroupedOutcomes {
  private length = 0;
  /** [group][arm]: events and censorings per day index, as summary.ts counts them. */
  private readonly event: Float64Array[][];
  private readonly censor: Float64Array[][];

  constructor(readonly groups: number = JACKKNIFE_GROUPS) {
    if (!(Number.isInteger(groups) && groups >= 2)) throw new RangeError('expected an integer >= 2 groups');
    this.event = Array.from({ length: groups }, () => ARMS.map(() => new Float64Array(0)));
    this.censor = Array.from({ length: groups }, () => ARMS.map(() => new Float64Array(0)));
  }

  private grow(k: number): void {
    const length = Math.max(k + 1, 2 * this.length, 64);
    const resize = (a: Float64Array): Float64Array => {
      const b = new Float64Array(length);
      b.set(a);
      return b;
    };
    for (let g = 0; g < this.groups; g++)
      for (let a = 0; a < ARMS.length; a++) {
        this.event[g]![a] = resize(this.event[g]![a]!);
        this.censor[g]![a] = resize(this.censor[g]![a]!);
      }
    this.length = length;
  }

  push(o: PatientOutcome): void {
    const g = o.index % this.groups;
    ARMS.forEach((arm, a) => {
      const ob = observed(o, arm);
      const k = Math.floor(ob.time);
      if (k >= this.length) this.grow(k);
      if (ob.status === 1) this.event[g]![a]![k]!++;
      else this.censor[g]![a]![k]!++;
    });
  }

  /**
   * Jackknife standard error of log(counterfactual HR) of `total` (the summary of the same outcomes);
   * NaN when a group's deletion leaves too few events for a hazard ratio.
   */
  logSe(total: OutcomeSummary): number {
    const days = total.days;
    const t = years(days);
    const rest = ARMS.map(() => ({ event: new Float64Array(days), censor: new Float64Array(days) }));
    const theta = new Float64Array(this.groups);
    for (let g = 0; g < this.groups; g++) {
      ARMS.forEach((_, a) => {
        const all = total.both[a]!;
        const e = this.event[g]![a]!;
        const c = this.censor[g]![a]!;
        for (let k = 0; k < days; k++) {
          rest[a]!.event[k] = all.event[k]! - (k < e.length ? e[k]! : 0);
          rest[a]!.censor[k] = all.censor[k]! - (k < c.length ? c[k]! : 0);
        }
      });
      const [r0, r1] = rest as [(typeof rest)[0], (typeof rest)[0]];
      const hr = coxOf(eventTableOfCounts(t, r0.event, r0.censor, r1.event, r1.censor)).hr;
      if (!(hr > 0 && Number.isFinite(hr))) return Number.NaN;
      theta[g] = Math.log(hr);
    }
    let mean = 0;
    for (const x of theta) mean += x / this.groups;
    let ss = 0;
    for (const x of theta) ss += (x - mean) ** 2;
    return Math.sqrt(((this.groups - 1) / this.groups) * ss);
  }
}
