/**
 * Path data for polylines and areas with gaps: a point that a scale cannot show (NaN, or <= 0 on a log
 * scale) ends the current segment, so gaps in the data stay visible as gaps and no NaN coordinate is ever
 * written. Dense series are reduced per pixel column to the first, lowest, highest and last point (M4:
 * Jugel et al., "M4: a visualization-oriented time series data aggregation", PVLDB 7(10), 2014), which
 * draws the same picture from at most four points per column, so a 100k-point ensemble mean stays small.
 *
 * @example
 * ```ts
 * const { d, isolated } = polylinePath([0, 1, 2, 3], [1, NaN, 2, 3], x.map, y.map);
 * // d has one segment (2..3); point 0 is isolated and drawn as a dot by the line mark
 * ```
 */
import { num } from '../markup.js';
import type { Column } from './mark.js';

export type Curve = 'linear' | 'step-after';

export interface PolylinePath {
  /** SVG path data; '' when nothing can be drawn. */
  readonly d: string;
  /** Pixel positions of points without a drawable neighbour (drawn as dots so a lone value is seen). */
  readonly isolated: readonly (readonly [number, number])[];
}

/**
 * Indices kept by M4 over points [start, end) with pixel x `px`: in each run of consecutive points within
 * one pixel column, the first, the one with the smallest `lo`, the one with the largest `hi`, and the last.
 */
export function m4Indices(
  px: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  start: number,
  end: number,
): number[] {
  const out: number[] = [];
  let a = start;
  while (a < end) {
    const col = Math.floor(px[a]);
    let b = a + 1;
    let iMin = a;
    let iMax = a;
    while (b < end && Math.floor(px[b]) === col) {
      if (lo[b] < lo[iMin]) iMin = b;
      if (hi[b] > hi[iMax]) iMax = b;
      b++;
    }
    const keep = [a, iMin, iMax, b - 1].sort((p, q) => p - q);
    for (let k = 0; k < keep.length; k++) if (k === 0 || keep[k] !== keep[k - 1]) out.push(keep[k]);
    a = b;
  }
  return out;
}

/** Splits points into runs of drawable ones; calls `run(start, end)` for each, over mapped pixel arrays. */
function runs(n: number, ok: (i: number) => boolean, run: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && ok(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      run(start, i);
      start = -1;
    }
  }
}

/** Segments of consecutive drawable points. `curve: 'step-after'` holds each y until the next x. */
export function polylinePath(
  xs: Column,
  ys: Column,
  mapX: (v: number) => number,
  mapY: (v: number) => number,
  curve: Curve = 'linear',
): PolylinePath {
  const n = Math.min(xs.length, ys.length);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = mapX(xs[i]);
    py[i] = mapY(ys[i]);
  }
  let d = '';
  const isolated: [number, number][] = [];
  runs(
    n,
    (i) => !Number.isNaN(px[i]) && !Number.isNaN(py[i]),
    (start, end) => {
      if (end - start === 1) {
        isolated.push([px[start], py[start]]);
        return;
      }
      if (curve === 'step-after') {
        d += `M${num(px[start])},${num(py[start])}`;
        for (let i = start + 1; i < end; i++) d += `H${num(px[i])}V${num(py[i])}`;
        return;
      }
      const keep = m4Indices(px, py, py, start, end);
      for (let k = 0; k < keep.length; k++)
        d += `${k === 0 ? 'M' : 'L'}${num(px[keep[k]])},${num(py[keep[k]])}`;
    },
  );
  return { d, isolated };
}

/**
 * Closed area between `lo` and `hi` over x, split where a point cannot be drawn. `floor` replaces a `lo`
 * the scale cannot show (e.g. a 5% quantile of 0 on a log axis) by the bottom edge of the plot.
 */
export function areaPath(
  xs: Column,
  lo: Column,
  hi: Column,
  mapX: (v: number) => number,
  mapY: (v: number) => number,
  floor: number,
  curve: Curve = 'linear',
): string {
  const n = Math.min(xs.length, lo.length, hi.length);
  const px = new Float64Array(n);
  const ph = new Float64Array(n);
  const pl = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = mapX(xs[i]);
    ph[i] = mapY(hi[i]);
    pl[i] = mapY(lo[i]);
    if (Number.isNaN(pl[i]) && Number.isFinite(lo[i])) pl[i] = floor;
  }
  let d = '';
  runs(
    n,
    (i) => !Number.isNaN(px[i]) && !Number.isNaN(ph[i]) && !Number.isNaN(pl[i]),
    (start, end) => {
      if (end - start < 2) return;
      let keep: number[];
      if (curve === 'step-after') {
        keep = [];
        for (let i = start; i < end; i++) keep.push(i);
      } else {
        // Pixel y grows downward: the band's outer envelope is the smallest hi pixel and the largest lo pixel.
        keep = m4Indices(px, ph, pl, start, end);
      }
      let top = '';
      let bottom = '';
      for (let k = 0; k < keep.length; k++) {
        const i = keep[k];
        if (k === 0) top += `M${num(px[i])},${num(ph[i])}`;
        else if (curve === 'step-after') top += `H${num(px[i])}V${num(ph[i])}`;
        else top += `L${num(px[i])},${num(ph[i])}`;
      }
      for (let k = keep.length - 1; k >= 0; k--) {
        const i = keep[k];
        if (curve === 'step-after' && k < keep.length - 1) bottom += `V${num(pl[i])}H${num(px[i])}`;
        else bottom += `L${num(px[i])},${num(pl[i])}`;
      }
      d += `${top}${bottom}Z`;
    },
  );
  return d;
}
