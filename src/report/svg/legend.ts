/**
 * Legends: a swatch per entry (line with its dash, shaded area, dot symbol, bar) followed by its label,
 * laid out in wrapped rows above the plot or in a column to its right.
 *
 * @example
 * ```ts
 * const lg = legendLayout(items, 600, 12, 'top'); // lg.height tells plot how much room to leave
 * svg += lg.render(40, 30);
 * ```
 */
import { el, type Markup } from '../markup.js';
import type { LegendItem } from './mark.js';
import { INK } from './palette.js';
import { symbolPath } from './symbol.js';
import { textWidth, truncate } from './text.js';

const SWATCH = 20;
const GAP = 5;
const ITEM_GAP = 16;

export interface LegendLayout {
  readonly width: number;
  readonly height: number;
  render(x: number, y: number): Markup;
}

function swatch(item: LegendItem, x: number, cy: number): Markup {
  const c = item.color;
  switch (item.kind) {
    case 'area':
      return el('rect', {
        x,
        y: cy - 6,
        width: SWATCH,
        height: 12,
        fill: c,
        'fill-opacity': item.opacity ?? 0.25,
      });
    case 'interval':
      return el('rect', {
        x,
        y: cy - 6,
        width: SWATCH,
        height: 12,
        fill: c,
        'fill-opacity': item.opacity ?? 0.18,
      });
    case 'bar':
      return el('rect', { x: x + 3, y: cy - 6, width: SWATCH - 6, height: 12, fill: c });
    case 'dot':
      return el('path', {
        d: symbolPath(item.symbol ?? 'circle', x + SWATCH / 2, cy, 4),
        fill: item.symbol === 'tick' || item.symbol === 'plus' ? 'none' : c,
        stroke: c,
        'stroke-width': 1.5,
      });
    default:
      return el('line', {
        x1: x,
        x2: x + SWATCH,
        y1: cy,
        y2: cy,
        stroke: c,
        'stroke-width': item.kind === 'rule' ? 1.2 : 2,
        'stroke-dasharray': item.dash || undefined,
      });
  }
}

/** Lays out `items` within `maxWidth` (top: wrapped rows; right: one column truncated to `maxWidth`). */
export function legendLayout(
  items: readonly LegendItem[],
  maxWidth: number,
  fontSize: number,
  orient: 'top' | 'right',
): LegendLayout {
  const rowH = fontSize + 6;
  const labels = items.map((it) => truncate(it.label, Math.max(40, maxWidth - SWATCH - GAP), fontSize));
  const widths = labels.map((l) => SWATCH + GAP + textWidth(l, fontSize));
  const pos: [number, number][] = [];
  let width = 0;
  let x = 0;
  let row = 0;
  items.forEach((_, i) => {
    if (orient === 'right') {
      pos.push([0, i]);
      width = Math.max(width, widths[i]);
      return;
    }
    if (x > 0 && x + widths[i] > maxWidth) {
      row++;
      x = 0;
    }
    pos.push([x, row]);
    x += widths[i] + ITEM_GAP;
    width = Math.max(width, x - ITEM_GAP);
  });
  const rows = items.length === 0 ? 0 : orient === 'right' ? items.length : row + 1;
  return {
    width,
    height: rows * rowH,
    render: (x0, y0) =>
      el(
        'g',
        { class: 'legend', fill: INK.text },
        items.map((it, i) => {
          const [dx, r] = pos[i];
          const cy = y0 + r * rowH + rowH / 2;
          return el(
            'g',
            {},
            swatch(it, x0 + dx, cy),
            el('text', { x: x0 + dx + SWATCH + GAP, y: cy, dy: '0.32em' }, labels[i]),
          );
        }),
      ),
  };
}
