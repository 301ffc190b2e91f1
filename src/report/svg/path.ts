/**
 * Path data for polylines with gaps: a point that a scale cannot show (NaN, or <= 0 on a log scale) ends the
 * current segment, so gaps in the data stay visible as gaps and no NaN coordinate is ever written.
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

/** Segments of consecutive drawable points. `curve: 'step-after'` holds each y until the next x. */
export function polylinePath(
  xs: Column,
  ys: Column,
  mapX: (v: number) => number,
  mapY: (v: number) => number,
  curve: Curve = 'linear',
): PolylinePath {
  let d = '';
  const isolated: [number, number][] = [];
  let run = '';
  let runLength = 0;
  let firstX = 0;
  let firstY = 0;
  const flush = (): void => {
    if (runLength === 1) isolated.push([firstX, firstY]);
    else if (runLength > 1) d += run;
    run = '';
    runLength = 0;
  };
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const px = mapX(xs[i]);
    const py = mapY(ys[i]);
    if (Number.isNaN(px) || Number.isNaN(py)) {
      flush();
      continue;
    }
    if (runLength === 0) {
      firstX = px;
      firstY = py;
      run = `M${num(px)},${num(py)}`;
    } else if (curve === 'step-after') {
      run += `H${num(px)}V${num(py)}`;
    } else {
      run += `L${num(px)},${num(py)}`;
    }
    runLength++;
  }
  flush();
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
  let d = '';
  let run: [number, number, number][] = [];
  const close = (): void => {
    if (run.length >= 2) {
      let top = '';
      let bottom = '';
      for (let k = 0; k < run.length; k++) {
        const [px, ph] = run[k];
        if (k === 0) top += `M${num(px)},${num(ph)}`;
        else if (curve === 'step-after') top += `H${num(px)}V${num(ph)}`;
        else top += `L${num(px)},${num(ph)}`;
      }
      for (let k = run.length - 1; k >= 0; k--) {
        const [px, , pl] = run[k];
        if (curve === 'step-after' && k < run.length - 1) bottom += `V${num(pl)}H${num(px)}`;
        else bottom += `L${num(px)},${num(pl)}`;
      }
      d += `${top}${bottom}Z`;
    }
    run = [];
  };
  const n = Math.min(xs.length, lo.length, hi.length);
  for (let i = 0; i < n; i++) {
    const px = mapX(xs[i]);
    const ph = mapY(hi[i]);
    let pl = mapY(lo[i]);
    if (Number.isNaN(pl) && Number.isFinite(lo[i])) pl = floor;
    if (Number.isNaN(px) || Number.isNaN(ph) || Number.isNaN(pl)) {
      close();
      continue;
    }
    run.push([px, ph, pl]);
  }
  close();
  return d;
}
