/**
 * A parameter-space map (MapFigure) as SVG: one symbol and colour per class at each grid cell, the default
 * parameters ringed. Built from the report's public marks (dotMark) so it shares their legend and axes.
 */
import { dotMark, INK, plot, SYMBOLS, seriesColor } from '../report/svg/index.js';
import type { MapFigure } from './claims/types.js';

export function mapChart(f: MapFigure): string {
  // The default-parameter ring goes first, under the class symbols.
  const ring = f.marker
    ? [
        dotMark({
          x: [f.marker.x],
          y: [f.marker.y],
          label: f.marker.label,
          color: INK.text,
          symbol: 'circle',
          r: 13,
          opacity: 0.25,
        }),
      ]
    : [];
  const classes = f.classes.map((name, k) => {
    const cells = f.cells.filter((c) => c.cls === k);
    return dotMark({
      x: cells.map((c) => c.x),
      y: cells.map((c) => c.y),
      label: `${name} (${cells.length})`,
      color: seriesColor(k),
      symbol: SYMBOLS[k % SYMBOLS.length]!,
      r: 7,
    });
  });
  return plot({
    title: f.title,
    x: {
      label: f.xLabel,
      ...axisOf(
        f.cells.map((c) => c.x),
        f.logX === true,
      ),
    },
    y: {
      label: f.yLabel,
      ...axisOf(
        f.cells.map((c) => c.y),
        f.logY === true,
      ),
    },
    marks: [...ring, ...classes],
  });
}

/** Axis with a margin of 6% of the span on each side, so that symbols on the edge cells are not cut. */
function axisOf(v: readonly number[], log: boolean) {
  const type = log ? ({ type: 'log' } as const) : {};
  if (!v.length) return type;
  const f = log ? Math.log : (x: number) => x;
  const g = log ? Math.exp : (x: number) => x;
  const lo = f(Math.min(...v));
  const hi = f(Math.max(...v));
  const pad = 0.06 * (hi - lo || 1);
  return { ...type, domain: [g(lo - pad), g(hi + pad)] as const, nice: false };
}

/** Map data as CSV: x, y, class and the numbers behind each cell. */
export function mapCsv(f: MapFigure, row: (...v: (string | number | undefined)[]) => string): string[] {
  const keys = f.cells.length ? Object.keys(f.cells[0]!.values) : [];
  return [
    row('x', 'y', 'class', ...keys),
    ...f.cells.map((c) => row(c.x, c.y, f.classes[c.cls]!, ...keys.map((k) => c.values[k]))),
  ];
}
