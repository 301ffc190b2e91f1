/**
 * The contract between `plot` and a mark (cf. Observable Plot's Mark): a mark reports the values its axes
 * must cover and renders itself against the scales that `plot` built. Marks never see NaN pixels: scales
 * return NaN for values they cannot show and every mark skips those.
 *
 * @example
 * ```ts
 * // A custom mark: a plus sign at (5, 5).
 * const cross: Mark = {
 *   name: 'cross',
 *   xValues: () => [5],
 *   yValues: () => [5],
 *   render: (ctx) => {
 *     const px = continuous(ctx.x, 'cross', 'x').map(5);
 *     const py = continuous(ctx.y, 'cross', 'y').map(5);
 *     return el('path', { d: symbolPath('plus', px, py, 6), stroke: 'black' });
 *   },
 * };
 * plot({ marks: [cross] });
 * ```
 */
import type { Markup } from '../markup.js';
import type { BandScale, ContinuousScale, Scale } from './scale.js';

/** The plot area in pixels. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface MarkContext {
  readonly x: Scale;
  readonly y: Scale;
  readonly box: Box;
  readonly fontSize: number;
}

export type LegendKind = 'line' | 'area' | 'dot' | 'bar' | 'interval' | 'rule';

export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly kind: LegendKind;
  readonly dash?: string;
  readonly opacity?: number;
  /** Dot symbol for kind 'dot'. */
  readonly symbol?: string;
}

export interface Mark {
  /** Short name used in error messages, e.g. 'line'. */
  readonly name: string;
  /** Values the x domain must cover (non-finite ones are ignored). */
  xValues?(): Iterable<number>;
  /** Values the y domain must cover. */
  yValues?(): Iterable<number>;
  /** Categories of a band x scale, in order. */
  readonly categories?: readonly string[];
  /** Legend entries this mark contributes. */
  readonly legend?: readonly LegendItem[];
  /** Pixels this mark needs above the plot area (e.g. interval labels), reserved by `plot`. */
  readonly marginTop?: number;
  /** Drawing order: 0 backgrounds (intervals, ribbons), 1 data (default), 2 annotations. */
  readonly layer?: number;
  /** Drawn inside the plot's clip region. */
  render(ctx: MarkContext): Markup;
  /** Drawn on top without clipping (labels that may sit in the margin). */
  renderOverlay?(ctx: MarkContext): Markup;
}

/** Values accepted as a data column. */
export type Column = ArrayLike<number>;

/** The continuous scale of an axis, or a specific error. */
export function continuous(scale: Scale, mark: string, axis: 'x' | 'y'): ContinuousScale {
  if (scale.type === 'band') throw new Error(`${mark}: needs a continuous ${axis} scale, got categories`);
  return scale;
}

/** The band scale of an axis, or a specific error. */
export function band(scale: Scale, mark: string, axis: 'x' | 'y'): BandScale {
  if (scale.type !== 'band') throw new Error(`${mark}: needs a categorical ${axis} scale`);
  return scale;
}

/** Throws `mark: a and b lengths differ (n vs m)` unless every given column has the same length. */
export function sameLength(mark: string, columns: Readonly<Record<string, Column | undefined>>): number {
  let n = -1;
  let first = '';
  for (const [key, col] of Object.entries(columns)) {
    if (col === undefined) continue;
    if (n < 0) {
      n = col.length;
      first = key;
    } else if (col.length !== n) {
      throw new Error(`${mark}: ${first} and ${key} lengths differ (${n} vs ${col.length})`);
    }
  }
  return Math.max(0, n);
}

/** Iterates a column (so marks can hand columns to `xValues`/`yValues` without copying). */
export function* values(...columns: (Column | undefined)[]): Iterable<number> {
  for (const c of columns) {
    if (c === undefined) continue;
    for (let i = 0; i < c.length; i++) yield c[i];
  }
}
