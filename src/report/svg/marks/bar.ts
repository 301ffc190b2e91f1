/**
 * Bar mark: grouped bars over categories, with optional error bars (e.g. CSC fraction per cell line, one bar
 * per treatment). On a linear axis bars start at 0 (which the domain includes); on a log axis they start at
 * the bottom edge. A missing value is marked 'n/a' rather than silently left out.
 *
 * @example
 * ```ts
 * barMark({ categories: ['MCF7', 'ZR75-1'], groups: [
 *   { label: 'control', values: [4.1, 2.3], err: [0.5, 0.4] },
 *   { label: 'trastuzumab', values: [1.9, 1.2], err: [0.3, 0.2] },
 * ] });
 * ```
 */
import { el, type Markup } from '../../markup.js';
import { band, type Column, continuous, type LegendItem, type Mark, values } from '../mark.js';
import { checkColor, INK, seriesColor } from '../palette.js';
import { errorBar } from './dot.js';

export interface BarGroup {
  readonly label: string;
  /** One value per category, in category order. */
  readonly values: Column;
  readonly err?: Column;
  readonly color?: string;
}

export interface BarOptions {
  readonly categories: readonly string[];
  readonly groups: readonly BarGroup[];
  /** Fraction of the band left between bars of one category (default 0.08). */
  readonly gap?: number;
}

export function barMark(o: BarOptions): Mark {
  const k = o.categories.length;
  o.groups.forEach((g, i) => {
    if (g.values.length !== k)
      throw new Error(`bar: groups[${i}].values has ${g.values.length} values for ${k} categories`);
    if (g.err && g.err.length !== k)
      throw new Error(`bar: groups[${i}].err has ${g.err.length} values for ${k} categories`);
  });
  const colors = o.groups.map((g, i) => checkColor(g.color ?? seriesColor(i)));
  const legend: LegendItem[] = o.groups.map((g, i) => ({ label: g.label, color: colors[i], kind: 'bar' }));
  return {
    name: 'bar',
    categories: o.categories,
    legend,
    yValues: function* () {
      for (const g of o.groups) {
        yield* values(g.values);
        if (!g.err) continue;
        for (let i = 0; i < k; i++) {
          yield g.values[i] - g.err[i];
          yield g.values[i] + g.err[i];
        }
      }
    },
    render: (ctx) => {
      const x = band(ctx.x, 'bar', 'x');
      const y = continuous(ctx.y, 'bar', 'y');
      const base =
        y.type === 'log' ? ctx.box.bottom : Math.min(ctx.box.bottom, Math.max(ctx.box.top, y.map(0)));
      const m = Math.max(1, o.groups.length);
      const gap = (o.gap ?? 0.08) * x.bandwidth;
      const w = (x.bandwidth - gap * (m - 1)) / m;
      const bars: Markup[] = [];
      const whiskers: Markup[] = [];
      const missing: Markup[] = [];
      o.groups.forEach((g, gi) => {
        o.categories.forEach((c, ci) => {
          const bx = x.start(c) + gi * (w + gap);
          const v = g.values[ci];
          const py = y.map(v);
          if (Number.isNaN(py)) {
            if (!Number.isFinite(v)) {
              missing.push(el('text', { x: bx + w / 2, y: base - 4, 'text-anchor': 'middle' }, 'n/a'));
            }
            return;
          }
          const top = Math.min(py, base);
          bars.push(
            el('rect', {
              x: bx,
              y: top,
              width: Math.max(0.5, w),
              height: Math.abs(base - py),
              fill: colors[gi],
            }),
          );
          if (g.err) {
            const e = errorBar(
              bx + w / 2,
              v - g.err[ci],
              v + g.err[ci],
              y.map,
              ctx.box.bottom + 1,
              Math.min(8, w * 0.5),
            );
            if (e) whiskers.push(e);
          }
        });
      });
      return el(
        'g',
        { class: 'bar' },
        bars,
        el('g', { stroke: INK.text, 'stroke-width': 1.2, fill: 'none' }, whiskers),
        el('g', { fill: INK.muted, 'font-size': ctx.fontSize - 2 }, missing),
      );
    },
  };
}
