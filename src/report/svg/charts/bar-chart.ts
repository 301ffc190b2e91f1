/**
 * `barChart`: grouped bars with error bars over categories. A single group gets no legend unless asked for.
 *
 * @example
 * ```ts
 * barChart({
 *   title: 'ALDH+ fraction after 5 days',
 *   y: { label: 'ALDH+ cells (%)' },
 *   categories: ['MCF7', 'ZR75-1', 'SUM159'],
 *   groups: [
 *     { label: 'control', values: [4.1, 2.3, 6.0], err: [0.5, 0.4, 0.7] },
 *     { label: 'trastuzumab', values: [1.9, 1.2, 5.8], err: [0.3, 0.2, 0.6] },
 *   ],
 * });
 * ```
 */

import type { Mark } from '../mark.js';
import { type BarGroup, barMark } from '../marks/bar.js';
import { type RuleOptions, ruleMark } from '../marks/rule.js';
import { plot } from '../plot.js';
import { type ChartFrame, frameOf } from './frame.js';

export interface BarChartOptions extends Omit<ChartFrame, 'x'> {
  readonly categories: readonly string[];
  readonly groups: readonly BarGroup[];
  readonly rules?: readonly RuleOptions[];
}

export function barChartMarks(o: BarChartOptions): Mark[] {
  return [barMark({ categories: o.categories, groups: o.groups }), ...(o.rules ?? []).map(ruleMark)];
}

/** A grouped bar chart as an SVG string. A linear y axis always includes 0. */
export function barChart(o: BarChartOptions): string {
  const y = o.y ?? {};
  const include = y.type === 'log' ? y.include : [0, ...(y.include ?? [])];
  return plot({
    ...frameOf(o),
    x: undefined,
    y: { ...y, include },
    categories: o.categories,
    legend: o.legend ?? (o.groups.length > 1 ? 'top' : 'none'),
    marks: barChartMarks(o),
  });
}
