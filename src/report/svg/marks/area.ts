/**
 * Area mark: a shaded ribbon between `lo` and `hi` (e.g. the 5-95% quantiles of an ensemble), split where a
 * value is missing. On a log axis a `lo` of zero or below is drawn to the bottom edge of the plot.
 *
 * @example
 * ```ts
 * areaMark({ x: t, lo: q05, hi: q95, color: seriesColor(0), label: '5–95% of 200 runs' });
 * ```
 */
import { el } from '../../markup.js';
import { type Column, continuous, type Mark, sameLength, values } from '../mark.js';
import { checkColor, seriesColor } from '../palette.js';
import { areaPath, type Curve } from '../path.js';

export interface AreaOptions {
  readonly x: Column;
  readonly lo: Column;
  readonly hi: Column;
  readonly label?: string;
  readonly color?: string;
  /** Fill opacity (default 0.2). */
  readonly opacity?: number;
  readonly curve?: Curve;
}

export function areaMark(o: AreaOptions): Mark {
  sameLength('area', { x: o.x, lo: o.lo, hi: o.hi });
  const color = checkColor(o.color ?? seriesColor(0));
  const opacity = o.opacity ?? 0.2;
  return {
    name: 'area',
    layer: 0,
    xValues: () => values(o.x),
    yValues: () => values(o.lo, o.hi),
    legend: o.label !== undefined ? [{ label: o.label, color, kind: 'area', opacity }] : [],
    render: (ctx) => {
      const x = continuous(ctx.x, 'area', 'x');
      const y = continuous(ctx.y, 'area', 'y');
      const d = areaPath(o.x, o.lo, o.hi, x.map, y.map, ctx.box.bottom + 1, o.curve);
      return d === ''
        ? el('g', { class: 'area' })
        : el('path', { class: 'area', d, fill: color, 'fill-opacity': opacity });
    },
  };
}
