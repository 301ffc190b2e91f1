/**
 * Interval mark: shaded x-intervals across the full plot height (treatment windows, dosing periods), each
 * with an optional label just above the plot, where it cannot hide data (survival curves start at the top).
 * Labels that would overlap their left neighbour are left out.
 *
 * @example
 * ```ts
 * intervalMark({ intervals: [{ from: 0, to: 42, label: 'trastuzumab 10 mg/kg 2×/wk' }] });
 * ```
 */
import { el } from '../../markup.js';
import { continuous, type Mark } from '../mark.js';
import { checkColor, HALO, INK } from '../palette.js';
import { textWidth, truncate } from '../text.js';

export interface Interval {
  readonly from: number;
  readonly to: number;
  readonly label?: string;
}

export interface IntervalOptions {
  readonly intervals: readonly Interval[];
  readonly color?: string;
  /** Fill opacity (default 0.15). */
  readonly opacity?: number;
  /** Legend label for the shading. */
  readonly label?: string;
}

export function intervalMark(o: IntervalOptions): Mark {
  for (const [i, iv] of o.intervals.entries()) {
    if (!(Number.isFinite(iv.from) && Number.isFinite(iv.to)))
      throw new Error(`interval: intervals[${i}] is not finite`);
    if (iv.to < iv.from)
      throw new Error(`interval: intervals[${i}] ends before it starts (${iv.from} > ${iv.to})`);
  }
  const color = checkColor(o.color ?? INK.interval);
  const opacity = o.opacity ?? 0.15;
  // Pixel span of each interval clipped to the plot, or undefined when it is entirely outside.
  const spans = (ctx: Parameters<Mark['render']>[0]): ([number, number] | undefined)[] => {
    const x = continuous(ctx.x, 'interval', 'x');
    const { left, right } = ctx.box;
    return o.intervals.map((iv) => {
      let a = x.map(iv.from);
      let b = x.map(iv.to);
      if (Number.isNaN(a)) a = left; // e.g. from = 0 on a log axis: starts at the left edge
      if (Number.isNaN(b)) return undefined;
      a = Math.max(left, a);
      b = Math.min(right, b);
      return b >= a ? [a, b] : undefined;
    });
  };
  return {
    name: 'interval',
    layer: 0,
    marginTop: o.intervals.some((iv) => iv.label) ? 18 : 0,
    xValues: () => o.intervals.flatMap((iv) => [iv.from, iv.to]),
    legend: o.label !== undefined ? [{ label: o.label, color, kind: 'interval', opacity }] : [],
    render: (ctx) =>
      el(
        'g',
        { class: 'interval', fill: color, 'fill-opacity': opacity },
        spans(ctx).map((s) =>
          s
            ? el('rect', {
                x: s[0],
                y: ctx.box.top,
                width: Math.max(1, s[1] - s[0]),
                height: ctx.box.bottom - ctx.box.top,
              })
            : null,
        ),
      ),
    renderOverlay: (ctx) => {
      const fs = ctx.fontSize - 1;
      // Place labels left to right; one that would overlap its left neighbour is left out.
      const order = spans(ctx)
        .map((s, i) => ({ s, text: o.intervals[i].label }))
        .filter((e): e is { s: [number, number]; text: string } => e.s !== undefined && !!e.text)
        .sort((a, b) => a.s[0] - b.s[0]);
      let lastEnd = Number.NEGATIVE_INFINITY;
      const labels = order.map(({ s, text }) => {
        if (s[0] + 1 < lastEnd) return null;
        const t = truncate(text, Math.max(ctx.box.right - s[0], 30), fs);
        lastEnd = s[0] + 1 + textWidth(t, fs) + 8;
        return el('text', { x: s[0] + 1, y: ctx.box.top - 5 }, t);
      });
      return el('g', { class: 'interval-label', fill: INK.muted, 'font-size': fs, ...HALO }, labels);
    },
  };
}
