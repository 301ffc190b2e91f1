/**
 * A slider over a parameter's plausible range: logarithmic when the range is positive (rates and counts
 * span decades), linear when it starts at or below zero. Positions are 0..STEPS; values are rounded to 4
 * significant digits so that a dragged value reads (and sits in the URL) cleanly.
 */

export const STEPS = 1000;

export interface SliderScale {
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
}

/** The scale of a range, or undefined when there is nothing to slide over. */
export function sliderScale(range: readonly [number, number] | undefined): SliderScale | undefined {
  if (!range) return undefined;
  const [lo, hi] = range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) return undefined;
  return { lo, hi, log: lo > 0 };
}

export function sliderValue(s: SliderScale, pos: number): number {
  const f = Math.min(1, Math.max(0, pos / STEPS));
  const v = s.log ? s.lo * (s.hi / s.lo) ** f : s.lo + (s.hi - s.lo) * f;
  return Number(v.toPrecision(4));
}

/** Slider position of a value (clamped to the ends for values outside the range). */
export function sliderPosition(s: SliderScale, value: number): number {
  const f = s.log
    ? value > 0
      ? Math.log(value / s.lo) / Math.log(s.hi / s.lo)
      : 0
    : (value - s.lo) / (s.hi - s.lo);
  return Math.round(Math.min(1, Math.max(0, f)) * STEPS);
}
