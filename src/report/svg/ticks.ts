/**
 * Tick placement. Linear ticks are multiples of 1, 2 or 5 times a power of ten, chosen so that about `count`
 * of them cover the domain (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990, in the variant
 * used by d3-array's `ticks`). Log ticks sit at powers of ten, with 2 and 5 (or all of 2..9) in between when
 * the domain spans few decades.
 *
 * @example
 * ```ts
 * niceTicks(0, 1, 5);          // [0, 0.2, 0.4, 0.6, 0.8, 1]
 * niceDomain(0.3, 97, 5);      // [0, 100]
 * logTicks(1, 1e4).major;      // [1, 10, 100, 1000, 10000]
 * ```
 */

/** Signed tick increment: > 0 means step = inc, < 0 means step = 1 / -inc (exact for steps below 1). */
function tickIncrement(lo: number, hi: number, count: number): number {
  const step = (hi - lo) / Math.max(1, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return power >= 0 ? factor * 10 ** power : -(10 ** -power) / factor;
}

/** The nice step (1, 2 or 5 times 10^k) for about `count` ticks over [lo, hi]; NaN when lo >= hi. */
export function tickStep(lo: number, hi: number, count = 5): number {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.NaN;
  const inc = tickIncrement(lo, hi, count);
  return inc > 0 ? inc : 1 / -inc;
}

/** About `count` nice ticks inside [lo, hi] (inclusive). A degenerate domain gives its single value. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo];
  if (lo > hi) [lo, hi] = [hi, lo];
  const inc = tickIncrement(lo, hi, count);
  // Tick i is i * inc (or i / -inc below 1: dividing by an integer keeps 0.3 exact, where 3 * 0.1 would give
  // 0.30000000000000004). Index bounds are rounded and then corrected, so that an end lying exactly on a tick
  // survives floating-point error in lo * d (as in d3-array's tickSpec).
  const at = (i: number): number => (inc > 0 ? i * inc : i / -inc);
  const idx = (v: number): number => Math.round(inc > 0 ? v / inc : v * -inc);
  let i0 = idx(lo);
  let i1 = idx(hi);
  if (at(i0) < lo) i0++;
  if (at(i1) > hi) i1--;
  const out: number[] = [];
  for (let i = i0; i <= i1; i++) out.push(at(i));
  return out.map((v) => (v === 0 ? 0 : v)); // no -0
}

/** Extends [lo, hi] outward to multiples of the nice step (two passes, since extending can change the step). */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo, hi];
  let prev = Number.NaN;
  for (let pass = 0; pass < 3; pass++) {
    const inc = tickIncrement(lo, hi, count);
    if (inc === prev) break;
    if (inc > 0) {
      lo = Math.floor(lo / inc) * inc;
      hi = Math.ceil(hi / inc) * inc;
    } else {
      lo = Math.floor(lo * -inc) / -inc;
      hi = Math.ceil(hi * -inc) / -inc;
    }
    prev = inc;
  }
  return [lo === 0 ? 0 : lo, hi === 0 ? 0 : hi];
}

/** Log-scale ticks: `major` get labels, `minor` are short unlabeled marks. */
export interface LogTicks {
  readonly major: number[];
  readonly minor: number[];
}

/** 10^e computed exactly for negative e too (1e-3, not 0.0010000000000000002). */
export function pow10(e: number): number {
  return e >= 0 ? 10 ** e : 1 / 10 ** -e;
}

/** Multiples m * 10^e for m in `mult`, inside [lo, hi]. */
function multiplesInside(lo: number, hi: number, mult: readonly number[]): number[] {
  const out: number[] = [];
  const e0 = Math.floor(Math.log10(lo)) - 1;
  const e1 = Math.ceil(Math.log10(hi)) + 1;
  for (let e = e0; e <= e1; e++) {
    for (const m of mult) {
      const v = e >= 0 ? m * 10 ** e : m / 10 ** -e;
      if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) out.push(v);
    }
  }
  return out;
}

/**
 * Ticks for a log scale on [lo, hi] (0 < lo < hi). With three or more powers of ten inside, majors are the
 * powers of ten (every k-th when there are more than `count`), minors 2..9 times them; with fewer, majors are
 * 1, 2, 5 times powers of ten; in a domain narrower than that, linear nice ticks.
 */
export function logTicks(lo: number, hi: number, count = 6): LogTicks {
  if (!(lo > 0) || !(hi > lo) || !Number.isFinite(hi))
    return { major: lo > 0 && lo === hi ? [lo] : [], minor: [] };
  const powers = multiplesInside(lo, hi, [1]);
  if (powers.length >= 3) {
    const k = Math.ceil(powers.length / Math.max(1, count));
    if (k === 1) return { major: powers, minor: multiplesInside(lo, hi, [2, 3, 4, 5, 6, 7, 8, 9]) };
    // Keep every k-th decade, anchored so that 10^0 stays when present.
    const major = powers.filter((v) => Math.round(Math.log10(v)) % k === 0);
    return { major, minor: powers.filter((v) => !major.includes(v)) };
  }
  const onetwofive = multiplesInside(lo, hi, [1, 2, 5]);
  if (onetwofive.length >= 3) {
    const minor = multiplesInside(lo, hi, [3, 4, 6, 7, 8, 9]);
    return { major: onetwofive, minor };
  }
  return { major: niceTicks(lo, hi, Math.min(count, 5)), minor: [] };
}

/** Extends a log domain outward: to powers of ten when it spans more than two decades, else to 1-2-5 values. */
export function niceLogDomain(lo: number, hi: number): [number, number] {
  if (!(lo > 0) || !(hi > lo) || !Number.isFinite(hi)) return [lo, hi];
  const mult = Math.log10(hi / lo) > 2 ? [1] : [1, 2, 5];
  const below = (v: number): number => {
    const e = Math.floor(Math.log10(v));
    let best = pow10(e - 1) * mult[mult.length - 1];
    for (const m of mult) if (m * pow10(e) <= v * (1 + 1e-12)) best = m * pow10(e);
    return best;
  };
  const above = (v: number): number => {
    const e = Math.floor(Math.log10(v));
    for (const m of mult) if (m * pow10(e) >= v * (1 - 1e-12)) return m * pow10(e);
    return pow10(e + 1);
  };
  return [below(lo), above(hi)];
}
