/**
 * Paired mark: one line per subject across ordered conditions (e.g. HER2 in the primary tumour and in the
 * matched bone metastasis of each patient). Lines are coloured by direction (first vs last condition) and
 * the legend counts them, so "higher in bone in 7 of 8" is read off the figure.
 *
 * @example
 * ```ts
 * pairedMark({ levels: ['primary', 'bone'], pairs: [{ label: 'P1', values: [1.2, 2.9] }] });
 * ```
 */
import { el, type Markup, num } from '../../markup.js';
import { band, type Column, continuous, type LegendItem, type Mark, values } from '../mark.js';
import { checkColor, HALO, INK, PALETTE } from '../palette.js';
import { symbolPath } from '../symbol.js';
import { truncate } from '../text.js';

export interface Pair {
  /** Subject id, written beside the last point when `labels` is set. */
  readonly label?: string;
  /** One value per level, in level order. */
  readonly values: Column;
}

export interface PairedOptions {
  readonly levels: readonly string[];
  readonly pairs: readonly Pair[];
  /** Colours for increase / decrease / no change (default blue / vermillion / grey). */
  readonly colors?: { readonly up?: string; readonly down?: string; readonly same?: string };
  /** Write each pair's label right of its last point (default false). */
  readonly labels?: boolean;
}

type Direction = 'up' | 'down' | 'same' | 'unknown';

function direction(v: Column): Direction {
  const a = v[0];
  const b = v[v.length - 1];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 'unknown';
  return b > a ? 'up' : b < a ? 'down' : 'same';
}

export function pairedMark(o: PairedOptions): Mark {
  if (o.levels.length < 2) throw new Error(`paired: needs at least 2 levels, got ${o.levels.length}`);
  o.pairs.forEach((p, i) => {
    if (p.values.length !== o.levels.length) {
      throw new Error(`paired: pairs[${i}] has ${p.values.length} values for ${o.levels.length} levels`);
    }
  });
  const color: Record<Direction, string> = {
    up: checkColor(o.colors?.up ?? PALETTE[0]),
    down: checkColor(o.colors?.down ?? PALETTE[1]),
    same: checkColor(o.colors?.same ?? INK.muted),
    unknown: INK.muted,
  };
  const dirs = o.pairs.map((p) => direction(p.values));
  const count = (d: Direction): number => dirs.filter((x) => x === d).length;
  const last = o.levels[o.levels.length - 1];
  const n = o.pairs.length;
  const legend: LegendItem[] = [
    { label: `higher in ${last} (${count('up')} of ${n})`, color: color.up, kind: 'line' },
    { label: `lower in ${last} (${count('down')} of ${n})`, color: color.down, kind: 'line', dash: '6 3' },
  ];
  if (count('same') > 0)
    legend.push({ label: `equal (${count('same')} of ${n})`, color: color.same, kind: 'line' });
  return {
    name: 'paired',
    categories: o.levels,
    legend,
    yValues: () => values(...o.pairs.map((p) => p.values)),
    render: (ctx) => {
      const x = band(ctx.x, 'paired', 'x');
      const y = continuous(ctx.y, 'paired', 'y');
      const lines: Markup[] = [];
      const dots: Markup[] = [];
      o.pairs.forEach((p, i) => {
        const c = color[dirs[i]];
        let d = '';
        let prevOk = false;
        o.levels.forEach((lv, k) => {
          const px = x.center(lv);
          const py = y.map(p.values[k]);
          if (Number.isNaN(py)) {
            prevOk = false;
            return;
          }
          d += `${prevOk ? 'L' : 'M'}${num(px)},${num(py)}`;
          prevOk = true;
          dots.push(el('path', { d: symbolPath('circle', px, py, 3.5), fill: c }));
        });
        if (d.includes('L')) {
          lines.push(
            el('path', { d, stroke: c, 'stroke-dasharray': dirs[i] === 'down' ? '6 3' : undefined }),
          );
        }
      });
      return el(
        'g',
        { class: 'paired' },
        el('g', { fill: 'none', 'stroke-width': 1.6, 'stroke-opacity': 0.85 }, lines),
        el('g', { stroke: 'white', 'stroke-width': 0.8 }, dots),
      );
    },
    renderOverlay: (ctx) => {
      if (!o.labels) return el('g', {});
      const x = band(ctx.x, 'paired', 'x');
      const y = continuous(ctx.y, 'paired', 'y');
      const fs = ctx.fontSize - 2;
      const px = x.center(last) + 8;
      // Nudge labels apart vertically so that close values stay readable.
      const placed = o.pairs
        .map((p, i) => ({ i, py: y.map(p.values[p.values.length - 1]) }))
        .filter((e) => !Number.isNaN(e.py) && o.pairs[e.i].label)
        .sort((a, b) => a.py - b.py);
      for (let k = 1; k < placed.length; k++)
        placed[k].py = Math.max(placed[k].py, placed[k - 1].py + fs + 1);
      const maxW = Math.max(20, ctx.box.right + 10 - px);
      return el(
        'g',
        { class: 'paired-label', 'font-size': fs, ...HALO },
        placed.map((e) =>
          el(
            'text',
            { x: px, y: e.py, dy: '0.32em', fill: color[dirs[e.i]] },
            truncate(o.pairs[e.i].label ?? '', maxW, fs),
          ),
        ),
      );
    },
  };
}
