/**
 * Axes: tick selection that avoids overlapping labels, and rendering of ticks, labels, grid and titles.
 *
 * @example
 * ```ts
 * const t = axisTicks(x, 'bottom', 560, 12, 'auto');  // fewer ticks when labels would collide
 * svg += axisBottom(x, box, t, { title: 'Days after inoculation', fontSize: 12 });
 * ```
 */
import type { NumberFormat } from '../format.js';
import { el, fragment, type Markup, num } from '../markup.js';
import type { Box } from './mark.js';
import { INK } from './palette.js';
import type { BandScale, ContinuousScale } from './scale.js';
import { textWidth, truncate, wrapText } from './text.js';
import { tickLabels } from './tick-format.js';

export const TICK = 5;
export const TICK_MINOR = 3;

export interface AxisTicks {
  readonly major: readonly number[];
  /** One label per major tick ('' for a tick left unlabelled to avoid overlap). */
  readonly labels: readonly string[];
  readonly minor: readonly number[];
}

function fits(
  scale: ContinuousScale,
  ticks: readonly number[],
  labels: readonly string[],
  orient: 'bottom' | 'left',
  fontSize: number,
): boolean {
  for (let i = 1; i < ticks.length; i++) {
    const gap = Math.abs(scale.map(ticks[i]) - scale.map(ticks[i - 1]));
    const need =
      orient === 'bottom'
        ? (textWidth(labels[i], fontSize) + textWidth(labels[i - 1], fontSize)) / 2 + 8
        : fontSize + 3;
    if (gap < need) return false;
  }
  return true;
}

/**
 * Ticks for a continuous axis `length` pixels long: starts from about one label per 80 px (bottom) or
 * 40 px (left), or `count` when given, and lowers the count until labels do not overlap; as a last resort
 * every other label is blanked.
 */
export function axisTicks(
  scale: ContinuousScale,
  orient: 'bottom' | 'left',
  fontSize: number,
  format: NumberFormat = 'auto',
  count?: number,
): AxisTicks {
  const length = Math.abs(scale.range[1] - scale.range[0]);
  const start = count ?? Math.max(2, Math.floor(length / (orient === 'bottom' ? 80 : 40)));
  let best: AxisTicks | undefined;
  for (let c = start; c >= 2; c--) {
    const { major, minor } = scale.ticks(c);
    const labels = tickLabels(major, scale.type, format);
    best = { major, labels, minor };
    if (fits(scale, major, labels, orient, fontSize)) return best;
  }
  if (best === undefined) {
    const { major, minor } = scale.ticks(2);
    return { major, labels: tickLabels(major, scale.type, format), minor };
  }
  for (let step = 2; step < best.major.length; step++) {
    const labels = best.labels.map((l, i) => (i % step === 0 ? l : ''));
    const kept = best.major.filter((_, i) => i % step === 0);
    if (
      fits(
        scale,
        kept,
        labels.filter((_, i) => i % step === 0),
        orient,
        fontSize,
      )
    ) {
      return { ...best, labels };
    }
  }
  return best;
}

/** Width in px of the widest label (for the left margin). */
export function labelsWidth(labels: readonly string[], fontSize: number): number {
  let w = 0;
  for (const l of labels) w = Math.max(w, textWidth(l, fontSize));
  return w;
}

const inside = (p: number, a: number, b: number): boolean =>
  p >= Math.min(a, b) - 0.5 && p <= Math.max(a, b) + 0.5;

export interface AxisDrawOptions {
  readonly title?: string;
  readonly fontSize: number;
  readonly grid?: boolean;
}

/** Bottom axis of a continuous scale: baseline, ticks, labels, optional grid and a centred title. */
export function axisBottom(scale: ContinuousScale, box: Box, t: AxisTicks, o: AxisDrawOptions): Markup {
  const lines: Markup[] = [];
  const labels: Markup[] = [];
  const grid: Markup[] = [];
  const y = box.bottom;
  t.major.forEach((v, i) => {
    const p = scale.map(v);
    if (!inside(p, box.left, box.right)) return;
    if (o.grid) grid.push(el('line', { x1: p, x2: p, y1: box.top, y2: box.bottom }));
    lines.push(el('line', { x1: p, x2: p, y1: y, y2: y + TICK }));
    if (t.labels[i] !== '')
      labels.push(el('text', { x: p, y: y + TICK + 3 + o.fontSize * 0.8 }, t.labels[i]));
  });
  for (const v of t.minor) {
    const p = scale.map(v);
    if (inside(p, box.left, box.right)) lines.push(el('line', { x1: p, x2: p, y1: y, y2: y + TICK_MINOR }));
  }
  return fragment(
    grid.length > 0 ? el('g', { class: 'grid', stroke: INK.grid }, grid) : null,
    el(
      'g',
      { class: 'axis x', stroke: INK.axis },
      el('line', { x1: box.left, x2: box.right, y1: y, y2: y }),
      lines,
      el('g', { stroke: 'none', fill: INK.text, 'text-anchor': 'middle' }, labels),
    ),
  );
}

/** Left axis of a continuous scale, with an optional rotated title at `titleX`. */
export function axisLeft(
  scale: ContinuousScale,
  box: Box,
  t: AxisTicks,
  o: AxisDrawOptions & { titleX: number },
): Markup {
  const lines: Markup[] = [];
  const labels: Markup[] = [];
  const grid: Markup[] = [];
  const x = box.left;
  t.major.forEach((v, i) => {
    const p = scale.map(v);
    if (!inside(p, box.top, box.bottom)) return;
    if (o.grid) grid.push(el('line', { x1: box.left, x2: box.right, y1: p, y2: p }));
    lines.push(el('line', { x1: x - TICK, x2: x, y1: p, y2: p }));
    if (t.labels[i] !== '') labels.push(el('text', { x: x - TICK - 3, y: p, dy: '0.32em' }, t.labels[i]));
  });
  for (const v of t.minor) {
    const p = scale.map(v);
    if (inside(p, box.top, box.bottom)) lines.push(el('line', { x1: x - TICK_MINOR, x2: x, y1: p, y2: p }));
  }
  return fragment(
    grid.length > 0 ? el('g', { class: 'grid', stroke: INK.grid }, grid) : null,
    el(
      'g',
      { class: 'axis y', stroke: INK.axis },
      el('line', { x1: x, x2: x, y1: box.top, y2: box.bottom }),
      lines,
      el('g', { stroke: 'none', fill: INK.text, 'text-anchor': 'end' }, labels),
    ),
    o.title ? yTitle(o.title, box, o.titleX, o.fontSize) : null,
  );
}

function yTitle(title: string, box: Box, x: number, fontSize: number): Markup {
  const cy = (box.top + box.bottom) / 2;
  const [line] = wrapText(title, box.bottom - box.top, fontSize, 1);
  return el(
    'text',
    {
      class: 'axis-title',
      x,
      y: cy,
      transform: `rotate(-90 ${num(x)} ${num(cy)})`,
      'text-anchor': 'middle',
      fill: INK.text,
    },
    line,
  );
}

/** How category labels are set: wrapped under each band, or rotated when wrapping would cut them. */
export interface BandLabels {
  readonly lines: readonly string[][];
  readonly rotated: boolean;
  /** Height in px the labels need below the tick marks. */
  readonly height: number;
}

const ROTATION = 40; // degrees
const SIN = Math.sin((ROTATION * Math.PI) / 180);
const COS = Math.cos((ROTATION * Math.PI) / 180);

/**
 * Category labels wrapped to the band step (at most 3 lines); if any would still be cut, all are rotated
 * by 40° instead, each truncated so that it stays inside the picture (`leftRoom`: px left of the plot).
 */
export function bandLabels(scale: BandScale, fontSize: number, leftRoom: number): BandLabels {
  const d = scale.domain;
  const step = d.length > 1 ? scale.start(d[1]) - scale.start(d[0]) : scale.bandwidth;
  const wrapped = d.map((c) => wrapText(c, Math.max(step - 4, fontSize * 2), fontSize, 3));
  const lineH = fontSize * 1.15;
  if (!wrapped.some((ls) => ls.some((l) => l.endsWith('…')))) {
    return { lines: wrapped, rotated: false, height: Math.max(1, ...wrapped.map((l) => l.length)) * lineH };
  }
  const firstRoom = (leftRoom + (d.length > 0 ? scale.center(d[0]) - scale.range[0] : 0)) / COS;
  const maxW = Math.max(fontSize * 3, Math.min(160, firstRoom));
  const lines = d.map((c) => [truncate(c, maxW, fontSize)]);
  const widest = Math.max(0, ...lines.map((l) => textWidth(l[0], fontSize)));
  return { lines, rotated: true, height: widest * SIN + fontSize * COS };
}

/** Bottom axis of a band scale: baseline and category labels (wrapped, or rotated) under each band centre. */
export function axisBottomBand(scale: BandScale, box: Box, labels: BandLabels, o: AxisDrawOptions): Markup {
  const y = box.bottom;
  const texts = scale.domain.map((d, i) => {
    const cx = scale.center(d);
    if (labels.rotated) {
      const ty = y + TICK + 3;
      return el(
        'text',
        {
          x: cx,
          y: ty,
          dy: '0.71em',
          'text-anchor': 'end',
          transform: `rotate(-${ROTATION} ${num(cx)} ${num(ty)})`,
        },
        labels.lines[i][0],
      );
    }
    return el(
      'text',
      { x: cx, y: y + TICK + 3 + o.fontSize * 0.8 },
      labels.lines[i].map((l, k) => el('tspan', { x: cx, dy: k === 0 ? undefined : '1.15em' }, l)),
    );
  });
  return el(
    'g',
    { class: 'axis x', stroke: INK.axis },
    el('line', { x1: box.left, x2: box.right, y1: y, y2: y }),
    el('g', { stroke: 'none', fill: INK.text, 'text-anchor': 'middle' }, texts),
  );
}

/** Centred title under the bottom axis at baseline `y`. */
export function xTitle(title: string, box: Box, y: number, fontSize: number): Markup {
  const [line] = wrapText(title, box.right - box.left, fontSize, 1);
  return el(
    'text',
    { class: 'axis-title', x: (box.left + box.right) / 2, y, 'text-anchor': 'middle', fill: INK.text },
    line,
  );
}
