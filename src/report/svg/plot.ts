/**
 * `plot` composes marks into one SVG: it computes domains from the marks' values, lays out title, legend,
 * axes and notes (margins from estimated label widths, so nothing is clipped), clips the marks to the plot
 * area and states in a note what it could not draw (values <= 0 on a log axis, values beyond a fixed domain).
 *
 * @example
 * ```ts
 * const svg = plot({
 *   title: 'Tumor growth',
 *   x: { label: 'Day' },
 *   y: { label: 'Volume (mm³)', type: 'log' },
 *   marks: [lineMark({ x: days, y: vol, label: 'control' }), ruleMark({ axis: 'y', value: 1000 })],
 * });
 * ```
 */
import type { NumberFormat } from '../format.js';
import { el, fragment, num } from '../markup.js';
import {
  type AxisTicks,
  axisBottom,
  axisBottomBand,
  axisLeft,
  axisTicks,
  type BandLabels,
  bandLabels,
  labelsWidth,
  TICK,
  xTitle,
} from './axis.js';
import { legendLayout } from './legend.js';
import type { Box, LegendItem, Mark, MarkContext } from './mark.js';
import { INK } from './palette.js';
import {
  bandScale,
  type ContinuousScale,
  type ContinuousType,
  continuousScale,
  domainOf,
  type Scale,
} from './scale.js';
import { textWidth, wrapText } from './text.js';

export interface AxisOptions {
  readonly label?: string;
  readonly type?: ContinuousType;
  /** Fixed domain; values beyond it are clipped and counted in a note. */
  readonly domain?: readonly [number, number];
  /** Extend the computed domain to nice values (default true). */
  readonly nice?: boolean;
  readonly format?: NumberFormat;
  /** About how many labelled ticks (default from the axis length). */
  readonly ticks?: number;
  readonly grid?: boolean;
  /** Values the computed domain must include (e.g. 0). */
  readonly include?: readonly number[];
}

export interface PlotOptions {
  readonly marks: readonly Mark[];
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  readonly subtitle?: string;
  /** Accessible description; defaults to the title. */
  readonly description?: string;
  readonly x?: AxisOptions;
  readonly y?: AxisOptions;
  /** Categories of a band x axis (default: union of the marks' categories, in order). */
  readonly categories?: readonly string[];
  /** Default 'top'; 'none' hides it. Shown only when some mark has a labelled entry. */
  readonly legend?: 'top' | 'right' | 'none';
  /** Extra footnotes under the chart. */
  readonly notes?: readonly string[];
  readonly fontSize?: number;
  /** Text shown when no mark has a drawable value. Default 'No data'. */
  readonly emptyText?: string;
}

const PAD = 10;
const CLIP_SLACK = 6;
const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

/** FNV-1a, for clip-path ids that are stable across runs yet differ between charts on one page. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function* allValues(marks: readonly Mark[], axis: 'x' | 'y'): Iterable<number> {
  for (const m of marks) {
    const f = axis === 'x' ? m.xValues : m.yValues;
    if (f) yield* f.call(m);
  }
}

interface AxisPlan {
  type: ContinuousType;
  domain: [number, number];
  empty: boolean;
  notes: string[];
}

function planAxis(marks: readonly Mark[], axis: 'x' | 'y', o: AxisOptions): AxisPlan {
  const type = o.type ?? 'linear';
  const r = domainOf(allValues(marks, axis), { type, nice: o.nice, include: o.include });
  const notes: string[] = [];
  if (r.nonPositive > 0) {
    const n = r.nonPositive;
    notes.push(`${n} ${axis} value${n === 1 ? '' : 's'} ≤ 0 not shown on the log scale`);
  }
  if (!o.domain) return { type, domain: r.domain, empty: r.empty, notes };
  const [lo, hi] = o.domain;
  let beyond = 0;
  for (const v of allValues(marks, axis)) {
    if (Number.isFinite(v) && !(type === 'log' && v <= 0) && (v < lo || v > hi)) beyond++;
  }
  if (beyond > 0)
    notes.push(`${beyond} ${axis} value${beyond === 1 ? '' : 's'} beyond the axis range, clipped`);
  return { type, domain: [lo, hi], empty: r.empty, notes };
}

/** Renders marks into an SVG document string (also valid inline in HTML). */
export function plot(options: PlotOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const fs = options.fontSize ?? 12;
  const marks = [...options.marks].sort((a, b) => (a.layer ?? 1) - (b.layer ?? 1));
  const xo = options.x ?? {};
  const yo = options.y ?? {};

  const categories = options.categories ?? [...new Set(marks.flatMap((m) => m.categories ?? []))];
  const isBand = categories.length > 0 || marks.some((m) => m.categories !== undefined);
  const xPlan = isBand ? undefined : planAxis(marks, 'x', xo);
  const yPlan = planAxis(marks, 'y', yo);
  const notes = [...(xPlan?.notes ?? []), ...yPlan.notes, ...(options.notes ?? [])];
  const empty = yPlan.empty || (xPlan?.empty ?? categories.length === 0);

  // Header: title, subtitle, legend on top.
  const innerW = width - 2 * PAD;
  // Bold text runs about 8% wider than the regular estimate.
  const titleLines = options.title ? wrapText(options.title, innerW, (fs + 3) * 1.08, 3) : [];
  const subLines = options.subtitle ? wrapText(options.subtitle, innerW, fs, 3) : [];
  const legendItems: LegendItem[] = options.marks
    .flatMap((m) => m.legend ?? [])
    .filter((l) => l.label !== '');
  const legendOrient = options.legend ?? 'top';
  const showLegend = legendOrient !== 'none' && legendItems.length > 0;
  const legendRight = showLegend && legendOrient === 'right';
  const legend = showLegend
    ? legendLayout(
        legendItems,
        legendRight ? Math.min(200, width * 0.3) : innerW,
        fs,
        legendRight ? 'right' : 'top',
      )
    : undefined;
  let y0 = PAD;
  const titleY = y0 + fs + 3;
  y0 += titleLines.length * (fs + 7) + subLines.length * (fs + 4);
  const legendY = y0 + (titleLines.length + subLines.length > 0 ? 4 : 0);
  if (legend && !legendRight) y0 = legendY + legend.height;
  // Room for the half-height of the top y label, or for labels that marks put above the plot.
  const top = y0 + Math.max(fs, ...marks.map((m) => m.marginTop ?? 0));

  // Bottom: tick labels (one line, or wrapped category labels), axis title, notes.
  const noteLines = notes.flatMap((n) => wrapText(n, innerW, fs - 1));
  const bottomFor = (labelHeight: number): number =>
    TICK + 4 + labelHeight + (xo.label ? fs + 8 : 0) + noteLines.length * (fs + 2) + PAD;
  const oneLine = fs * 1.15;
  let labelHeight = oneLine;
  let bottom = bottomFor(labelHeight);

  const rightExtra = legendRight && legend ? legend.width + 16 : 0;
  let yScale: ContinuousScale | undefined;
  let yTicks: AxisTicks | undefined;
  let left = 0;
  let box: Box = { left: 0, top, right: 0, bottom: 0 };
  let x: Scale | undefined;
  let xTicks: AxisTicks | undefined;
  let bandLayout: BandLabels | undefined;
  // Up to three passes: category labels may need a taller bottom margin, which changes the y ticks.
  for (let pass = 0; pass < 3; pass++) {
    const plotBottom = height - bottom;
    yScale = continuousScale(yPlan.type, yPlan.domain, [plotBottom, top]);
    yTicks = axisTicks(yScale, 'left', fs, yo.format, yo.ticks);
    left = PAD + (yo.label ? fs + 8 : 0) + labelsWidth(yTicks.labels, fs) + TICK + 4;
    let right = width - PAD - 6 - rightExtra;
    if (xPlan) {
      let xs = continuousScale(xPlan.type, xPlan.domain, [left, right]);
      xTicks = axisTicks(xs, 'bottom', fs, xo.format, xo.ticks);
      // Keep the last label inside the picture.
      const last = xTicks.labels[xTicks.labels.length - 1] ?? '';
      const overhang = xs.map(xTicks.major[xTicks.major.length - 1] ?? Number.NaN) + textWidth(last, fs) / 2;
      if (overhang > width - PAD - rightExtra) {
        right -= overhang - (width - PAD - rightExtra);
        xs = continuousScale(xPlan.type, xPlan.domain, [left, right]);
        xTicks = axisTicks(xs, 'bottom', fs, xo.format, xo.ticks);
      }
      x = xs;
    } else {
      const bs = bandScale(categories, [left, right]);
      bandLayout = bandLabels(bs, fs, left);
      x = bs;
    }
    box = { left, top, right, bottom: plotBottom };
    labelHeight = bandLayout ? Math.max(oneLine, bandLayout.height) : oneLine;
    const need = bottomFor(labelHeight);
    if (Math.abs(need - bottom) < 0.5 || pass === 2) break;
    bottom = need;
  }
  if (!yScale || !yTicks || !x) throw new Error('plot: layout failed');

  const ctx: MarkContext = { x, y: yScale, box, fontSize: fs };
  const body = fragment(marks.map((m) => m.render(ctx)));
  const overlay = fragment(marks.map((m) => (m.renderOverlay ? m.renderOverlay(ctx) : null)));
  const clipId = `cs-${hash(body.value + (options.title ?? ''))}`;

  let axisY = box.bottom + TICK + 4 + labelHeight;
  const xAxis =
    x.type === 'band'
      ? axisBottomBand(x, box, bandLayout ?? { lines: [], rotated: false, height: 0 }, { fontSize: fs })
      : axisBottom(x, box, xTicks ?? { major: [], labels: [], minor: [] }, {
          fontSize: fs,
          grid: xo.grid ?? false,
        });
  const xLabel = xo.label ? xTitle(xo.label, box, (axisY += fs + 4), fs) : null;
  const noteY = axisY + 4;
  const title = options.title ?? '';
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'font-family': FONT,
      'font-size': fs,
      style: 'max-width:100%;height:auto',
    },
    title ? el('title', {}, title) : null,
    options.description || title ? el('desc', {}, options.description ?? title) : null,
    el(
      'defs',
      {},
      el(
        'clipPath',
        { id: clipId },
        // A few pixels of slack so that dots on the domain edge are drawn whole.
        el('rect', {
          x: box.left - CLIP_SLACK,
          y: box.top - CLIP_SLACK,
          width: box.right - box.left + 2 * CLIP_SLACK,
          height: box.bottom - box.top + 2 * CLIP_SLACK,
        }),
      ),
    ),
    el('rect', { width, height, fill: 'white' }),
    titleLines.map((l, i) =>
      el(
        'text',
        { x: PAD, y: titleY + i * (fs + 7), 'font-size': fs + 3, 'font-weight': 'bold', fill: INK.text },
        l,
      ),
    ),
    subLines.map((l, i) =>
      el('text', { x: PAD, y: titleY + titleLines.length * (fs + 7) + i * (fs + 4), fill: INK.muted }, l),
    ),
    axisLeft(yScale, box, yTicks, {
      fontSize: fs,
      grid: yo.grid ?? true,
      title: yo.label,
      titleX: PAD + fs / 2 + 2,
    }),
    xAxis,
    xLabel,
    el('g', { 'clip-path': `url(#${clipId})` }, body),
    overlay,
    empty
      ? el(
          'text',
          {
            x: (box.left + box.right) / 2,
            y: (box.top + box.bottom) / 2,
            'text-anchor': 'middle',
            fill: INK.muted,
            'font-size': fs + 2,
          },
          options.emptyText ?? 'No data',
        )
      : null,
    legend ? legend.render(legendRight ? box.right + 16 : PAD, legendRight ? box.top : legendY) : null,
    noteLines.map((l, i) =>
      el(
        'text',
        { class: 'note', x: PAD, y: noteY + (i + 1) * (fs + 2), fill: INK.muted, 'font-size': fs - 1 },
        l,
      ),
    ),
  ).value;
}
