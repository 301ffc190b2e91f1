/**
 * Dot mark: points with optional error bars (mean ± sd of replicate mice, or asymmetric `lo`/`hi` such as a
 * confidence interval). Shapes as well as colours tell groups apart. On a log axis a lower whisker end at or
 * below zero is drawn to the bottom edge.
 *
 * @example
 * ```ts
 * dotMark({ x: days, y: meanVol, err: sdVol, label: 'control (n = 8)', symbol: 'square' });
 * ```
 */
import { el, type Markup, num } from '../../markup.js';
import { type Column, continuous, type Mark, sameLength, values } from '../mark.js';
import { checkColor, seriesColor } from '../palette.js';
import { type SymbolName, symbolPath } from '../symbol.js';

export interface DotOptions {
  readonly x: Column;
  readonly y: Column;
  /** Symmetric error: the bar spans y - err .. y + err. */
  readonly err?: Column;
  /** Asymmetric bar ends (take precedence over `err`). */
  readonly lo?: Column;
  readonly hi?: Column;
  readonly label?: string;
  readonly color?: string;
  readonly symbol?: SymbolName;
  /** Symbol size in px (default 3.5). */
  readonly r?: number;
  readonly opacity?: number;
  /** Whisker cap width in px (default 8; 0 for none). */
  readonly cap?: number;
}

/** One vertical error bar at pixel x from value `lo` to `hi`, or null when it cannot be drawn. */
export function errorBar(
  px: number,
  lo: number,
  hi: number,
  mapY: (v: number) => number,
  floor: number,
  cap: number,
): Markup | null {
  const ph = mapY(hi);
  let pl = mapY(lo);
  if (Number.isNaN(pl) && Number.isFinite(lo)) pl = floor;
  if (Number.isNaN(ph) || Number.isNaN(pl) || Number.isNaN(px)) return null;
  const c = cap / 2;
  const capPath = `M${num(px - c)},${num(ph)}H${num(px + c)}M${num(px - c)},${num(pl)}H${num(px + c)}`;
  return el('path', { d: `M${num(px)},${num(pl)}V${num(ph)}${cap > 0 ? capPath : ''}` });
}

export function dotMark(o: DotOptions): Mark {
  const n = sameLength('dot', { x: o.x, y: o.y, err: o.err, lo: o.lo, hi: o.hi });
  const color = checkColor(o.color ?? seriesColor(0));
  const symbol = o.symbol ?? 'circle';
  const r = o.r ?? 3.5;
  const cap = o.cap ?? 8;
  const ends = (i: number): [number, number] | undefined => {
    if (o.lo && o.hi) return [o.lo[i], o.hi[i]];
    if (o.err) return [o.y[i] - o.err[i], o.y[i] + o.err[i]];
    return undefined;
  };
  return {
    name: 'dot',
    xValues: () => values(o.x),
    yValues: function* () {
      yield* values(o.y);
      for (let i = 0; i < n; i++) {
        const e = ends(i);
        if (e && Number.isFinite(o.y[i])) yield* e;
      }
    },
    legend: o.label !== undefined ? [{ label: o.label, color, kind: 'dot', symbol }] : [],
    render: (ctx) => {
      const x = continuous(ctx.x, 'dot', 'x');
      const y = continuous(ctx.y, 'dot', 'y');
      const bars: Markup[] = [];
      const dots: Markup[] = [];
      for (let i = 0; i < n; i++) {
        const px = x.map(o.x[i]);
        const py = y.map(o.y[i]);
        if (Number.isNaN(px) || Number.isNaN(py)) continue;
        const e = ends(i);
        if (e) {
          const b = errorBar(px, e[0], e[1], y.map, ctx.box.bottom + 1, cap);
          if (b) bars.push(b);
        }
        dots.push(el('path', { d: symbolPath(symbol, px, py, r) }));
      }
      const hollow = symbol === 'plus' || symbol === 'tick';
      return el(
        'g',
        { class: 'dot', opacity: o.opacity },
        el('g', { stroke: color, 'stroke-width': 1.2, fill: 'none' }, bars),
        el(
          'g',
          {
            fill: hollow ? 'none' : color,
            stroke: hollow ? color : 'white',
            'stroke-width': hollow ? 1.5 : 0.8,
          },
          dots,
        ),
      );
    },
  };
}
