/**
 * Input checks and the one sort every survival statistic starts from. Times that differ only by rounding
 * are merged as R's `aeqSurv` does (survival >= 2.40, `timefix = TRUE` in survfit, survdiff and coxph), so
 * that computed times such as 0.1 + 0.2 and 0.3 form one tie, as they do in R.
 */
import { InputError } from '../../errors.js';
import { sortOrder } from './sort.js';

/** Right-censored data sorted by time: subject `order[k]` has the k-th smallest time. */
export interface SortedSurvival {
  readonly n: number;
  /** Subject indices in ascending order of time. */
  readonly order: Uint32Array;
  /** Times in that order, near-equal times merged (the smallest of each run is kept). */
  readonly time: Float64Array;
  /** 1 = event, 0 = censored, in that order. */
  readonly status: Uint8Array;
}

/** R's tolerance for equal times: sqrt(.Machine$double.eps). */
export const TIME_TOLERANCE = Math.sqrt(Number.EPSILON);

/** Throws InputError unless time and status are equally long, time finite >= 0 and status 0 or 1. */
export function checkSurvival(time: ArrayLike<number>, status: ArrayLike<number>): void {
  if (time === null || typeof time !== 'object' || typeof time.length !== 'number')
    throw new InputError('expected an array of numbers', { path: 'time' });
  if (status === null || typeof status !== 'object' || typeof status.length !== 'number')
    throw new InputError('expected an array of 0/1 values', { path: 'status' });
  if (time.length !== status.length)
    throw new InputError(
      `time has ${time.length} values but status has ${status.length}; expected one status per time`,
      { path: 'status' },
    );
  if (time.length === 0) throw new InputError('no subjects: expected at least one time', { path: 'time' });
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
      throw new InputError(`expected a finite time >= 0, got ${String(t)}`, { path: `time[${i}]` });
    const s = status[i];
    if (s !== 0 && s !== 1)
      throw new InputError(`expected 1 (event) or 0 (censored), got ${String(s)}`, { path: `status[${i}]` });
  }
}

/** Throws InputError when no subject has an event (the statistic is undefined then). */
export function requireEvents(s: SortedSurvival, what: string): void {
  for (let k = 0; k < s.n; k++) if (s.status[k] === 1) return;
  throw new InputError(`no events (every status is 0): ${what} needs at least one`, { path: 'status' });
}

/** Sorts once (radix sort, O(n)) and merges near-equal times unless told not to. Assumes checkSurvival passed. */
export function sortSurvival(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  mergeTies = true,
): SortedSurvival {
  const n = time.length;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = time[i] + 0; // -0 becomes +0 (its sign bit would sort it last)
  const order = sortOrder(t);
  const st = new Float64Array(n);
  const ss = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    st[k] = t[i];
    ss[k] = status[i];
  }
  if (mergeTies) mergeNearTies(st);
  return { n, order, time: st, status: ss };
}

/**
 * R's aeqSurv on sorted times, in place: consecutive distinct values y[j-1] < y[j] count as tied when
 * y[j] - y[j-1] <= tol or (y[j] - y[j-1]) / mean|y| <= tol (mean over distinct values); each run of tied
 * values becomes its first value.
 */
export function mergeNearTies(sorted: Float64Array): void {
  const n = sorted.length;
  let sum = 0;
  let distinct = 0;
  for (let k = 0; k < n; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) {
      sum += Math.abs(sorted[k]);
      distinct++;
    }
  }
  if (distinct < 2) return;
  const meanAbs = sum / distinct;
  let prev = sorted[0]; // previous distinct original value
  let cut = prev; // the value its run maps to
  for (let k = 1; k < n; k++) {
    const v = sorted[k];
    if (v !== prev) {
      const dy = v - prev;
      if (!(dy <= TIME_TOLERANCE || dy / meanAbs <= TIME_TOLERANCE)) cut = v;
      prev = v;
    }
    sorted[k] = cut;
  }
}
