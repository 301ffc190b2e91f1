/**
 * Quantiles of a survival curve as R's quantile.survfit defines them (survival 3.x, internal `findq`): the
 * p-quantile is the first time the curve drops below 1 - p; when the curve sits on 1 - p (within
 * sqrt(machine eps)) over a flat segment, it is the midpoint of that segment, or of the segment's start and
 * the last time observed when the flat part is the curve's tail. Applied to the confidence band, the same
 * rule gives the confidence interval of the quantile (Brookmeyer & Crowley 1982).
 */
import { checkSurvival, sortSurvival, TIME_TOLERANCE } from './input.js';
import { checkCounts, type Runs, runsOfCounts, runsOfSorted } from './runs.js';

/**
 * The p-quantile (0 <= p <= 1) of a step curve with values `curve[j]` from `time[j]` on (and 1 before
 * time[0]); NaN curve values (where R has NA) are skipped. Returns null when the curve never gets that low.
 */
export function survivalQuantile(time: Float64Array, curve: Float64Array, p: number): number | null {
  const tol = TIME_TOLERANCE;
  const m = time.length;
  // R works on the distribution function y = 1 - S, starting from y = 0 at time 0.
  let yMax = 0;
  for (let j = 0; j < m; j++) if (1 - curve[j] > yMax) yMax = 1 - curve[j];
  if (yMax < p) return null;
  const xs: number[] = [0];
  const ys: number[] = [0];
  const seen = new Set<number>([0]);
  for (let j = 0; j < m; j++) {
    const y = 1 - curve[j];
    if (seen.has(y)) continue; // the first time each level is reached (Set: NaN equals NaN, as in R)
    seen.add(y);
    xs.push(time[j]);
    ys.push(y);
  }
  const xMax = m > 0 ? time[m - 1] : 0;
  const i1 = stepIndex(ys, tol, p);
  const i2 = stepIndex(ys, -tol, p);
  let q = i1 < 0 || i2 < 0 ? Number.NaN : (xs[i1] + xs[i2]) / 2;
  if (p === 0) q = xs[0];
  const yLast = ys[ys.length - 1];
  if (!Number.isNaN(yLast) && Math.abs(p - yLast) < tol) q = i1 < 0 ? Number.NaN : (xs[i1] + xMax) / 2;
  return Number.isNaN(q) ? null : q;
}

/**
 * R's approx(ys + shift, seq_along(ys), p, method = "constant", f = 1) as a 0-based index, -1 for NA:
 * the point at p when p hits one exactly, else the next point to the right; NaN points are left out.
 */
function stepIndex(ys: readonly number[], shift: number, p: number): number {
  let last = -1; // last point with value <= p
  let count = 0;
  for (let k = 0; k < ys.length; k++) {
    if (Number.isNaN(ys[k])) continue;
    count++;
    if (ys[k] + shift <= p) last = k;
  }
  if (count < 2 || last < 0) return -1;
  if (ys[last] + shift === p) return last;
  for (let k = last + 1; k < ys.length; k++) if (!Number.isNaN(ys[k])) return k;
  return -1; // beyond the last point
}

/**
 * survivalQuantile of the Kaplan-Meier curve of (time, status) without building the curve: one pass over
 * the sorted times keeps, per shift of stepIndex, the last point at or below p and the first above it.
 * The curve is non-increasing and has no NaN, so its first-reach points are the levels in the order they
 * come, and each stepIndex is where they cross p. For a curve with as many steps as subjects (the
 * reverse Kaplan-Meier of follow-up, whose events are the censorings) this holds O(1) instead of O(n).
 */
export function kaplanMeierQuantile(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  p: number,
): number | null {
  checkSurvival(time, status);
  const { time: t, status: st } = sortSurvival(time, status);
  return quantileOfRuns(runsOfSorted(t, st), p);
}

/** kaplanMeierQuantile of events and censorings counted per distinct time (time ascending). */
export function kaplanMeierQuantileOfCounts(
  time: ArrayLike<number>,
  nEvent: ArrayLike<number>,
  nCensor: ArrayLike<number>,
  p: number,
): number | null {
  checkCounts(time, { nEvent, nCensor });
  return quantileOfRuns(runsOfCounts(time, nEvent, nCensor), p);
}

function quantileOfRuns(visit: Runs, p: number): number | null {
  let n = 0;
  visit((_, d, c) => {
    n += d + c;
  });
  const tol = TIME_TOLERANCE;
  // Per shift (+tol, -tol): x of the last point with y + shift <= p (NaN: none), and x of the first point
  // beyond it (NaN: none yet); the first point is (0, 0).
  const shifts = [tol, -tol];
  const below = shifts.map((sh) => sh <= p);
  const last = below.map((b) => (b ? 0 : Number.NaN));
  const lastY = [0, 0];
  const next = below.map((b) => (b ? Number.NaN : 0));
  let points = 1; // (0, 0)
  let yPrev = 0;
  let atRisk = n;
  let s = 1;
  let xMax = 0;
  visit((tk, d, c) => {
    if (d > 0) s *= (atRisk - d) / atRisk;
    atRisk -= d + c;
    xMax = tk;
    const y = 1 - s;
    if (y === yPrev) return; // a level already reached
    yPrev = y;
    points++;
    for (let i = 0; i < 2; i++) {
      if (!Number.isNaN(next[i]!)) continue;
      if (y + shifts[i]! <= p) {
        last[i] = tk;
        lastY[i] = y;
      } else next[i] = tk;
    }
  });
  if (yPrev < p) return null;
  // stepIndex: -1 with fewer than two points; the point at p when hit exactly, else the next one.
  const at = (i: number): number =>
    points < 2 || Number.isNaN(last[i]!) ? Number.NaN : lastY[i]! + shifts[i]! === p ? last[i]! : next[i]!;
  let q = (at(0) + at(1)) / 2;
  if (p === 0) q = 0;
  if (Math.abs(p - yPrev) < tol) q = (at(0) + xMax) / 2;
  return Number.isNaN(q) ? null : q;
}
