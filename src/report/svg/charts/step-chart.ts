/**
 * `stepChart`: step functions such as Kaplan-Meier survival curves (Kaplan & Meier, JASA 1958), with
 * censoring ticks and optional step-shaped confidence bands. The y axis defaults to 0..1 as percent.
 *
 * @example
 * ```ts
 * stepChart({
 *   title: 'Distant recurrence-free survival',
 *   x: { label: 'Years since surgery' },
 *   series: [{ name: 'chemo', t: [0, 1.2, 3.4, 8], s: [1, 0.9, 0.8, 0.8], censored: [5.1, 7.7] }],
 * });
 * ```
 */

import { type Column, type Mark, sameLength } from '../mark.js';
import { areaMark } from '../marks/area.js';
import { dotMark } from '../marks/dot.js';
import { type Interval, intervalMark } from '../marks/interval.js';
import { lineMark } from '../marks/line.js';
import { type RuleOptions, ruleMark } from '../marks/rule.js';
import { seriesColor, seriesDash } from '../palette.js';
import { plot } from '../plot.js';
import { type ChartFrame, frameOf } from './frame.js';

export interface StepSeries {
  readonly name: string;
  /** Times at which the value changes (increasing); s[i] holds from t[i] until t[i + 1]. */
  readonly t: Column;
  readonly s: Column;
  readonly lo?: Column;
  readonly hi?: Column;
  /** Censoring times, marked with a tick on the curve. */
  readonly censored?: Column;
  readonly color?: string;
  readonly dash?: string;
}

export interface StepChartOptions extends ChartFrame {
  readonly series: readonly StepSeries[];
  readonly intervals?: readonly Interval[];
  readonly rules?: readonly RuleOptions[];
}

/** Value of the step function (t, s) at time c: the last s[i] with t[i] <= c, NaN before t[0]. */
export function stepValue(t: Column, s: Column, c: number): number {
  let lo = 0;
  let hi = t.length - 1;
  if (hi < 0 || !(c >= t[0])) return Number.NaN;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid] <= c) lo = mid;
    else hi = mid - 1;
  }
  return s[lo];
}

export function stepChartMarks(o: StepChartOptions): Mark[] {
  const marks: Mark[] = [];
  if (o.intervals && o.intervals.length > 0) marks.push(intervalMark({ intervals: o.intervals }));
  o.series.forEach((s, i) => {
    sameLength(`stepChart: series '${s.name}'`, { t: s.t, s: s.s, lo: s.lo, hi: s.hi });
    for (let k = 1; k < s.t.length; k++) {
      if (!(s.t[k] >= s.t[k - 1]))
        throw new Error(`stepChart: series '${s.name}': t must be increasing at index ${k}`);
    }
    const color = s.color ?? seriesColor(i);
    if (s.lo && s.hi)
      marks.push(areaMark({ x: s.t, lo: s.lo, hi: s.hi, color, opacity: 0.15, curve: 'step-after' }));
    marks.push(
      lineMark({ x: s.t, y: s.s, label: s.name, color, dash: s.dash ?? seriesDash(i), curve: 'step-after' }),
    );
    if (s.censored && s.censored.length > 0) {
      const c = Array.from(s.censored);
      marks.push(dotMark({ x: c, y: c.map((v) => stepValue(s.t, s.s, v)), color, symbol: 'tick', r: 4 }));
    }
  });
  for (const r of o.rules ?? []) marks.push(ruleMark(r));
  return marks;
}

/** A step chart as an SVG string; y defaults to [0, 1] shown as percent. */
export function stepChart(o: StepChartOptions): string {
  const y = { domain: [0, 1] as const, format: 'percent' as const, ...o.y };
  return plot({ ...frameOf(o), y, marks: stepChartMarks(o) });
}
