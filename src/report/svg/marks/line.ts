/**
 * Line mark: one series as a polyline (or a step line, `curve: 'step-after'`, e.g. Kaplan-Meier). Values the
 * scales cannot show break the line; a point with no drawable neighbour is drawn as a dot.
 *
 * @example
 * ```ts
 * lineMark({ x: t, y: volume, label: 'trastuzumab', color: seriesColor(1), dash: '6 3' });
 * ```
 */
import { el, fragment } from '../../markup.js';
import { type Column, continuous, type Mark, sameLength, values } from '../mark.js';
import { checkColor, checkDash, seriesColor } from '../palette.js';
import { type Curve, polylinePath } from '../path.js';

export interface LineOptions {
  readonly x: Column;
  readonly y: Column;
  /** Legend label; no legend entry without one. */
  readonly label?: string;
  readonly color?: string;
  readonly dash?: string;
  /** Stroke width in px (default 2). */
  readonly width?: number;
  readonly curve?: Curve;
  readonly opacity?: number;
}

export function lineMark(o: LineOptions): Mark {
  sameLength('line', { x: o.x, y: o.y });
  const color = checkColor(o.color ?? seriesColor(0));
  const dash = o.dash ? checkDash(o.dash) : undefined;
  const width = o.width ?? 2;
  return {
    name: 'line',
    xValues: () => values(o.x),
    yValues: () => values(o.y),
    legend: o.label !== undefined ? [{ label: o.label, color, kind: 'line', dash }] : [],
    render: (ctx) => {
      const x = continuous(ctx.x, 'line', 'x');
      const y = continuous(ctx.y, 'line', 'y');
      const { d, isolated } = polylinePath(o.x, o.y, x.map, y.map, o.curve);
      return el(
        'g',
        { class: 'line', 'stroke-opacity': o.opacity },
        d !== ''
          ? el('path', {
              d,
              fill: 'none',
              stroke: color,
              'stroke-width': width,
              'stroke-dasharray': dash || undefined,
              'stroke-linejoin': 'round',
              'stroke-linecap': 'round',
            })
          : null,
        fragment(isolated.map(([px, py]) => el('circle', { cx: px, cy: py, r: width + 1.5, fill: color }))),
      );
    },
  };
}
