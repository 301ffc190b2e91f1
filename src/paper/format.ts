/** Number formats shared by the report's tables. */

/** A parameter range as text, large and small numbers in exponent form (2.5e8 - 1e9). */
export function rangeText([lo, hi]: readonly [number, number]): string {
  const f = (v: number): string =>
    v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)
      ? v.toExponential().replace('e+', 'e')
      : `${+v.toPrecision(4)}`;
  return `${f(lo)} - ${f(hi)}`;
}

/** A proportion as percent with one decimal ('NA' when not finite). */
export const pct = (x: number): string => (Number.isFinite(x) ? (x * 100).toFixed(1) : 'NA');

export const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'NA');

export { formatP as pval } from '../report/format.js';

/**
 * A hazard ratio is estimable when it and its interval are finite and positive; with no events in one arm
 * Cox's estimate runs to 0 or infinity and the interval is undefined.
 */
export const estimable = (h: { hr: number; lower: number; upper: number }): boolean =>
  h.hr > 1e-6 && h.lower > 0 && Number.isFinite(h.upper) && Number.isFinite(h.hr);

/** HR (lower-upper), or a note when it cannot be estimated. */
export const hrText = (h: { hr: number; lower: number; upper: number }): string =>
  estimable(h) ? `${f2(h.hr)} (${f2(h.lower)}-${f2(h.upper)})` : 'not estimable (too few events)';
