/**
 * Where in antibody-dependent-killing parameter space the paper's two statements about established
 * xenografts are compatible: C3 (no effect on luminal non-amplified lines, MCF7 and ZR75-1: ratio >= 0.8)
 * and C5 (BT474 responds: ratio <= 0.5). Mean (ODE) model on a grid over the documented ranges; every other
 * parameter at its default. A cell where a control never reaches the start volume counts as failing.
 */
import type { CellLine } from '../../models/index.js';
import { establishedRatio } from './timing.js';
import type { MapFigure } from './types.js';

/** C3's and C5's thresholds on the established-arm volume ratio (stated in c3.ts / c5.ts). */
export const C3_MIN = 0.8;
export const C5_MAX = 0.5;

/** The luminal HER2-non-amplified lines of the model: C3's class. */
export const NON_AMPLIFIED: readonly CellLine[] = ['MCF7', 'ZR75-1'];

export const MAP_CLASSES = [
  'C3 (both lines) and C5 hold',
  'only C5 holds',
  'only C3 holds',
  'neither holds',
] as const;

/** Class index of a cell from its established ratios (NaN fails its criterion). */
export function compatibility(r: Readonly<Record<string, number>>): number {
  const c3 = NON_AMPLIFIED.every((l) => (r[l] ?? Number.NaN) >= C3_MIN);
  const c5 = (r.BT474 ?? Number.NaN) <= C5_MAX;
  return c3 && c5 ? 0 : c5 ? 1 : c3 ? 2 : 3;
}

export interface Axis {
  readonly id: string;
  readonly label: string;
  readonly values: readonly number[];
  readonly log: boolean;
  /** The model's default value, marked on the map. */
  readonly value: number;
}

/**
 * n values from lo to hi, evenly on a log scale when `log`; with `include`, the nearest grid value is moved
 * to it, so that the default parameters are a cell of the map.
 */
export function gridValues(lo: number, hi: number, n: number, log: boolean, include?: number): number[] {
  const v = Array.from({ length: n }, (_, i) => {
    const u = n === 1 ? 0 : i / (n - 1);
    return log ? lo * (hi / lo) ** u : lo + u * (hi - lo);
  });
  if (include !== undefined) {
    const dist = (x: number): number => (log ? Math.abs(Math.log(x / include)) : Math.abs(x - include));
    let k = 0;
    for (let i = 1; i < n; i++) if (dist(v[i]!) < dist(v[k]!)) k = i;
    v[k] = include;
  }
  return v;
}

/** The map over x × y: established ratios of MCF7, ZR75-1 and BT474 in each cell. */
export function adccMap(
  id: string,
  x: Axis,
  y: Axis,
  fixed: Readonly<Record<string, number>> = {},
): MapFigure {
  const lines: readonly CellLine[] = [...NON_AMPLIFIED, 'BT474'];
  const cells = y.values.flatMap((yv) =>
    x.values.map((xv) => {
      const values: Record<string, number> = {};
      for (const l of lines) values[l] = establishedRatio(l, { ...fixed, [x.id]: xv, [y.id]: yv });
      return { x: xv, y: yv, cls: compatibility(values), values };
    }),
  );
  return {
    kind: 'map',
    id,
    title: `Established-tumor claims over ${x.id} × ${y.id} (mean model)`,
    xLabel: x.label,
    yLabel: y.label,
    ...(x.log ? { logX: true } : {}),
    ...(y.log ? { logY: true } : {}),
    classes: MAP_CLASSES,
    cells,
    marker: { x: x.value, y: y.value, label: 'default parameters (grey ring)' },
    note:
      `Each point is one parameter set, all else at defaults: C3 holds when MCF7 and ZR75-1 treated/control >= ` +
      `${C3_MIN}, C5 when BT474 <= ${C5_MAX} (28 days from 150 mm³); ratios in the CSV`,
  };
}

/** Cells per class, e.g. for the claim's text. */
export function classCounts(f: MapFigure): number[] {
  const n = f.classes.map(() => 0);
  for (const c of f.cells) n[c.cls]!++;
  return n;
}
