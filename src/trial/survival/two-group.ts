/**
 * Two groups (a 0/1 covariate: a trial's arms) reduced to counts at the distinct event times: events d_g
 * and subjects at risk n_g per group. The log-rank test (Mantel 1966) and Cox's partial likelihood with a
 * binary covariate (Cox 1972; Breslow's or Efron's ties, Therneau & Grambsch 2000, ch. 3) depend on the
 * data only through them, so after one sort the work holds O(events) numbers, not one row per subject:
 * a trial's analysis over both outcomes of 10^6 patients keeps a few thousand. Times are merged as R's
 * aeqSurv (input.ts) on the fly. The log-rank numbers are those of logRank bit for bit (the same sums of
 * the same counts); the Cox fit sums n_g exp(eta_g) instead of one exp per subject, which moves the
 * estimate in its last bits (a test compares it with coxPH).
 */
import { InputError } from '../../errors.js';
import {
  type CoxOptions,
  type CoxResult,
  checkCoxOptions,
  coxResult,
  newtonRaphson,
  type PartialLikelihood,
} from './cox.js';
import { TIME_TOLERANCE } from './input.js';
import { type LogRank, logRankTest } from './log-rank.js';
import { checkCounts } from './runs.js';
import { sortOrder } from './sort.js';

export interface EventTable {
  /** Distinct event times (near-equal times merged), ascending. */
  readonly time: Float64Array;
  /** Per event time: events and subjects at risk (time >= t) in group 0 and group 1. */
  readonly d0: Float64Array;
  readonly d1: Float64Array;
  readonly n0: Float64Array;
  readonly n1: Float64Array;
  /** Subjects per group. */
  readonly size: readonly [number, number];
}

/**
 * The table of subjects k = 0..n-1 with time key[k] / divisor (key finite, >= 0), event when status[k]
 * is nonzero, group group[k] (0 or 1). Sorting the key sorts the times (division is monotone), and the
 * order within equal times does not matter here.
 */
export function eventTable(
  key: Float64Array,
  divisor: number,
  status: ArrayLike<number>,
  group: ArrayLike<number>,
): EventTable {
  const n = key.length;
  if (status.length !== n || group.length !== n)
    throw new InputError(`expected ${n} statuses and groups, got ${status.length} and ${group.length}`);
  let negZero = false;
  for (let k = 0; k < n; k++) {
    const v = key[k]!;
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY))
      throw new InputError(`expected a finite time >= 0, got ${v}`, { path: `time[${k}]` });
    if (Object.is(v, -0)) negZero = true;
  }
  const k0 = negZero ? Float64Array.from(key, (v) => v + 0) : key; // -0 would sort last
  const order = sortOrder(k0);
  const at = (k: number): number => k0[order[k]!]! / divisor;
  // R's aeqSurv (mergeNearTies) on the sorted times without storing them: the mean |t| over distinct
  // values first, then each run of near-equal values maps to its first value.
  let sum = 0;
  let distinct = 0;
  for (let k = 0; k < n; k++) {
    const v = at(k);
    if (k === 0 || v !== at(k - 1)) {
      sum += Math.abs(v);
      distinct++;
    }
  }
  const meanAbs = sum / distinct;
  let prev = 0; // previous distinct original value
  let cut = 0; // the value its run maps to
  const merged = (k: number): number => {
    const v = at(k);
    if (k === 0) prev = cut = v;
    else if (v !== prev) {
      const dy = v - prev;
      if (!(dy <= TIME_TOLERANCE || dy / meanAbs <= TIME_TOLERANCE)) cut = v;
      prev = v;
    }
    return cut;
  };
  const size: [number, number] = [0, 0];
  for (let k = 0; k < n; k++) size[group[k]! === 0 ? 0 : 1]++;
  const rows: number[][] = [[], [], [], [], []]; // time, d0, d1, n0, n1 per event time
  const left = [0, 0]; // subjects with an earlier (merged) time, per group
  let k = 0;
  let mk = n > 0 ? merged(0) : 0;
  while (k < n) {
    const tk = mk;
    const d = [0, 0];
    const gone = [0, 0];
    for (; k < n && mk === tk; ) {
      const g = group[order[k]!]! === 0 ? 0 : 1;
      gone[g]!++;
      if (status[order[k]!]! !== 0) d[g]!++;
      k++;
      if (k < n) mk = merged(k);
    }
    if (d[0]! + d[1]! > 0)
      for (const [r, v] of [tk, d[0]!, d[1]!, size[0] - left[0]!, size[1] - left[1]!].entries())
        rows[r]!.push(v);
    left[0]! += gone[0]!;
    left[1]! += gone[1]!;
  }
  const [time, d0, d1, n0, n1] = rows.map((r) => Float64Array.from(r)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  return { time, d0, d1, n0, n1, size };
}

/**
 * The table of two groups counted per distinct time (time ascending): events d_g and censorings c_g of
 * group g at time[j]. eventTable's table for the subjects those counts describe.
 */
export function eventTableOfCounts(
  time: ArrayLike<number>,
  d0: ArrayLike<number>,
  c0: ArrayLike<number>,
  d1: ArrayLike<number>,
  c1: ArrayLike<number>,
): EventTable {
  checkCounts(time, { d0, c0, d1, c1 });
  const m = time.length;
  let events = 0;
  const size: [number, number] = [0, 0];
  for (let j = 0; j < m; j++) {
    size[0] += d0[j]! + c0[j]!;
    size[1] += d1[j]! + c1[j]!;
    if (d0[j]! + d1[j]! > 0) events++;
  }
  const t = {
    time: new Float64Array(events),
    d0: new Float64Array(events),
    d1: new Float64Array(events),
    n0: new Float64Array(events),
    n1: new Float64Array(events),
    size,
  };
  let r0 = size[0];
  let r1 = size[1];
  for (let j = 0, k = 0; j < m; j++) {
    if (d0[j]! + d1[j]! > 0) {
      t.time[k] = time[j]!;
      t.d0[k] = d0[j]!;
      t.d1[k] = d1[j]!;
      t.n0[k] = r0;
      t.n1[k++] = r1;
    }
    r0 -= d0[j]! + c0[j]!;
    r1 -= d1[j]! + c1[j]!;
  }
  return t;
}

/** The log-rank test of the table (groups labelled `levels`), logRank's numbers. */
export function logRankOfTable(t: EventTable, levels: readonly [string, string]): LogRank {
  const observed = new Float64Array(2);
  const expected = new Float64Array(2);
  const V = new Float64Array(4);
  const atRisk = new Float64Array(2);
  const deaths = new Float64Array(2);
  for (let j = 0; j < t.time.length; j++) {
    atRisk[0] = t.n0[j]!;
    atRisk[1] = t.n1[j]!;
    deaths[0] = t.d0[j]!;
    deaths[1] = t.d1[j]!;
    const total = atRisk[0]! + atRisk[1]!;
    const d = deaths[0]! + deaths[1]!;
    const share = d / total;
    const f = total > 1 ? (d * (total - d)) / (total * total * (total - 1)) : 0;
    for (let a = 0; a < 2; a++) {
      observed[a]! += deaths[a]!;
      expected[a]! += share * atRisk[a]!;
      const ra = f * atRisk[a]!;
      for (let b = 0; b < 2; b++) V[a * 2 + b]! += ra * ((a === b ? total : 0) - atRisk[b]!);
    }
  }
  return logRankTest(observed, expected, V, [...levels], Float64Array.of(t.size[0], t.size[1]));
}

/** Cox's partial likelihood of the table in beta (covariate x = group, centered as coxPH centers it). */
class TableLikelihood implements PartialLikelihood {
  readonly u = new Float64Array(1);
  readonly imat = new Float64Array(1);
  private readonly x: readonly [number, number];

  constructor(
    private readonly t: EventTable,
    private readonly efron: boolean,
  ) {
    const mean = t.size[1] / (t.size[0] + t.size[1]);
    this.x = [0 - mean, 1 - mean];
  }

  evaluate(beta: Float64Array): number {
    const { t, x } = this;
    const e0 = beta[0]! * x[0];
    const e1 = beta[0]! * x[1];
    const shift = Math.max(e0, e1);
    const r0 = Math.exp(e0 - shift);
    const r1 = Math.exp(e1 - shift);
    let loglik = 0;
    let u = 0;
    let imat = 0;
    for (let j = t.time.length - 1; j >= 0; j--) {
      const a0 = t.d0[j]!;
      const a1 = t.d1[j]!;
      const nd = a0 + a1;
      // The risk set without this time's deaths (s), and the deaths (dd).
      const s0 = (t.n0[j]! - a0) * r0 + (t.n1[j]! - a1) * r1;
      const s1 = (t.n0[j]! - a0) * r0 * x[0] + (t.n1[j]! - a1) * r1 * x[1];
      const s2 = (t.n0[j]! - a0) * r0 * x[0] * x[0] + (t.n1[j]! - a1) * r1 * x[1] * x[1];
      const dd0 = a0 * r0 + a1 * r1;
      const dd1 = a0 * r0 * x[0] + a1 * r1 * x[1];
      const dd2 = a0 * r0 * x[0] * x[0] + a1 * r1 * x[1] * x[1];
      loglik += a0 * e0 + a1 * e1;
      u += a0 * x[0] + a1 * x[1];
      if (!this.efron || nd === 1) {
        const S0 = s0 + dd0;
        const S1 = s1 + dd1;
        const m1 = S1 / S0;
        loglik -= nd * (Math.log(S0) + shift);
        u -= nd * m1;
        imat += nd * ((s2 + dd2) / S0 - (m1 * S1) / S0);
      } else
        for (let l = 1; l <= nd; l++) {
          // Efron: the l-th of nd tied deaths sees the others and l / nd of the tied deaths' weight.
          const f = l / nd;
          const den = s0 + f * dd0;
          const mean = s1 + f * dd1;
          const m1 = mean / den;
          loglik -= Math.log(den) + shift;
          u -= m1;
          imat += (s2 + f * dd2) / den - (m1 * mean) / den;
        }
    }
    this.u[0] = u;
    this.imat[0] = imat;
    return loglik;
  }
}

/** Cox regression on the group (1 vs 0) from the table: coxPH's fit of the same data, O(events) work. */
export function coxOfTable(t: EventTable, options: CoxOptions = {}): CoxResult {
  const o = checkCoxOptions(options);
  let events = 0;
  for (let j = 0; j < t.time.length; j++) events += t.d0[j]! + t.d1[j]!;
  if (events === 0)
    throw new InputError('no events (every status is 0): Cox regression needs at least one', {
      path: 'status',
    });
  const fit = newtonRaphson(new TableLikelihood(t, o.ties === 'efron'), 1, o.maxIter, o.tol);
  return coxResult(fit, 1, o, t.size[0] + t.size[1], events);
}
