/**
 * A sample as runs in ascending time: one (time, events, censorings) per distinct time. The Kaplan-Meier
 * estimate and its quantiles read per-subject data (sorted) and counts per time (a trial's days) alike.
 */

import { InputError } from '../../errors.js';

/** `visit` calls emit(time, events, censorings) once per distinct time, ascending. */
export type Runs = (emit: (t: number, d: number, c: number) => void) => void;

/** The runs of times sorted ascending (ties already merged) and their statuses. */
export function runsOfSorted(t: Float64Array, st: Uint8Array): Runs {
  return (emit) => {
    const n = t.length;
    for (let k = 0; k < n; ) {
      const tk = t[k];
      let d = 0;
      let c = 0;
      for (; k < n && t[k] === tk; k++) {
        if (st[k] === 1) d++;
        else c++;
      }
      emit(tk, d, c);
    }
  };
}

/** The runs of counts per distinct time (time ascending; times with no subject are skipped). */
export function runsOfCounts(time: ArrayLike<number>, d: ArrayLike<number>, c: ArrayLike<number>): Runs {
  return (emit) => {
    for (let j = 0; j < time.length; j++) if (d[j]! + c[j]! > 0) emit(time[j]!, d[j]!, c[j]!);
  };
}

/** Checks counts per distinct time: integers >= 0, one per time, times strictly ascending. */
export function checkCounts(
  time: ArrayLike<number>,
  counts: Readonly<Record<string, ArrayLike<number>>>,
): void {
  for (const [what, a] of Object.entries(counts)) {
    if (a.length !== time.length)
      throw new InputError(`expected ${time.length} counts in ${what}, got ${a.length}`, { path: what });
    for (let j = 0; j < a.length; j++)
      if (!(Number.isInteger(a[j]) && a[j]! >= 0))
        throw new InputError('expected counts: integers >= 0', { path: `${what}[${j}]` });
  }
  for (let j = 0; j < time.length; j++)
    if (!Number.isFinite(time[j]) || (j > 0 && !(time[j]! > time[j - 1]!)))
      throw new InputError('expected distinct finite times in ascending order', { path: `time[${j}]` });
}
