/**
 * `lineChart`: time courses. Many series (colour and dash per series), optional quantile ribbons, observed
 * points with error bars, shaded treatment windows and reference lines, in one call.
 *
 * @example
 * ```ts
 * const svg = lineChart({
 *   title: 'Established tumors: trastuzumab from day 28',
 *   x: { label: 'Days after inoculation' },
 *   y: { label: 'Tumor volume (mm³)', type: 'log' },
 *   series: [
 *     { name: 'control', x: t, y: ctl, lo: ctl05, hi: ctl95 },
 *     { name: 'trastuzumab', x: t, y: trz },
 *   ],
 *   points: [{ name: 'control', x: days, y: meanVol, err: sdVol }],
 *   intervals: [{ from: 28, to: 70, label: 'trastuzumab' }],
 *   rules: [{ axis: 'y', value: 1000, label: 'endpoint' }],
 * });
 * ```
 */

import type { Column, Mark } from '../mark.js';
import { areaMark } from '../marks/area.js';
import { dotMark } from '../marks/dot.js';
import { type Interval, intervalMark } from '../marks/interval.js';
import { lineMark } from '../marks/line.js';
import { type RuleOptions, ruleMark } from '../marks/rule.js';
import { seriesColor, seriesDash } from '../palette.js';
import type { Curve } from '../path.js';
import { plot } from '../plot.js';
import { SYMBOLS, type SymbolName } from '../symbol.js';
import { type ChartFrame, frameOf } from './frame.js';

export interface LineSeries {
  readonly name: string;
  readonly x: Column;
  readonly y: Column;
  /** Ribbon in the series colour, e.g. 5% and 95% quantiles. */
  readonly lo?: Column;
  readonly hi?: Column;
  /** Legend label for the ribbon (no entry without one). */
  readonly bandLabel?: string;
  readonly color?: string;
  readonly dash?: string;
  readonly width?: number;
  readonly curve?: Curve;
}

export interface PointSeries {
  readonly name: string;
  readonly x: Column;
  readonly y: Column;
  readonly err?: Column;
  readonly lo?: Column;
  readonly hi?: Column;
  readonly color?: string;
  readonly symbol?: SymbolName;
  readonly r?: number;
  readonly opacity?: number;
}

export interface LineChartOptions extends ChartFrame {
  readonly series?: readonly LineSeries[];
  readonly points?: readonly PointSeries[];
  readonly intervals?: readonly Interval[];
  /** Legend label for the interval shading. */
  readonly intervalLabel?: string;
  readonly rules?: readonly RuleOptions[];
  /** Vary dash patterns between series as well as colours (default true). */
  readonly dashes?: boolean;
}

/** Marks of a line chart, for composing with other marks in `plot`. */
export function lineChartMarks(o: LineChartOptions): Mark[] {
  const series = o.series ?? [];
  const points = o.points ?? [];
  const dashes = o.dashes ?? true;
  const colorOf = new Map<string, string>();
  const marks: Mark[] = [];
  if (o.intervals && o.intervals.length > 0) {
    marks.push(intervalMark({ intervals: o.intervals, label: o.intervalLabel }));
  }
  series.forEach((s, i) => {
    const color = s.color ?? seriesColor(i);
    colorOf.set(s.name, color);
    marks.push(
      lineMark({
        x: s.x,
        y: s.y,
        label: s.name,
        color,
        dash: s.dash ?? (dashes ? seriesDash(i) : undefined),
        width: s.width,
        curve: s.curve,
      }),
    );
    // Pushed after its line so the legend reads "line, ribbon"; plot draws lower layers first anyway.
    if (s.lo || s.hi) {
      if (!s.lo || !s.hi) throw new Error(`lineChart: series '${s.name}' needs both lo and hi for a ribbon`);
      marks.push(areaMark({ x: s.x, lo: s.lo, hi: s.hi, color, label: s.bandLabel, curve: s.curve }));
    }
  });
  points.forEach((p, i) => {
    const shared = colorOf.get(p.name);
    const k = series.length + i;
    marks.push(
      dotMark({
        x: p.x,
        y: p.y,
        err: p.err,
        lo: p.lo,
        hi: p.hi,
        color: p.color ?? shared ?? seriesColor(k),
        symbol:
          p.symbol ?? SYMBOLS[(shared ? series.findIndex((s) => s.name === p.name) : k) % SYMBOLS.length],
        r: p.r,
        opacity: p.opacity,
        // A point series named like a line series shares its colour and legend entry.
        label: shared ? undefined : p.name,
      }),
    );
  });
  for (const r of o.rules ?? []) marks.push(ruleMark(r));
  return marks;
}

/** A line chart as an SVG string. */
export function lineChart(o: LineChartOptions): string {
  return plot({ ...frameOf(o), marks: lineChartMarks(o) });
}
