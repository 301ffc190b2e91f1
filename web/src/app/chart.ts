/**
 * The result chart as an SVG string, from the report's chart code (src/report/svg): one line per selected
 * output (and per arm of the timing study), ensemble means with their 5-95 % quantile band.
 */
import { columnIndex } from '../../../src/engines/columns.js';
import { type LineSeries, lineChart, seriesColor, seriesDash } from '../../../src/report/svg/index.js';
import type { ResultSet } from './result.js';
import type { YScale } from './state.js';

export interface ChartOptions {
  /** Outputs to draw (those absent from the result are skipped). */
  readonly outputs: readonly string[];
  readonly yScale: YScale;
  readonly timeUnit?: string;
  readonly width?: number;
  readonly height?: number;
}

function column(values: Float64Array, width: number, k: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = values[i * width + k]!;
  return out;
}

export function chartSeries(r: ResultSet, outputs: readonly string[]): LineSeries[] {
  const n = r.t.length;
  const w = r.ids.length;
  const series: LineSeries[] = [];
  const shown = outputs.filter((id) => r.ids.includes(id));
  // Timing study: a colour per arm and a dash per output; otherwise a colour per output.
  r.arms.forEach((a, ai) => {
    shown.forEach((id, oi) => {
      const k = columnIndex(r.ids, id);
      const style =
        r.kind === 'timing'
          ? { color: seriesColor(ai), dash: seriesDash(oi) }
          : { color: seriesColor(oi), dash: seriesDash(0) };
      const name =
        r.kind === 'timing'
          ? shown.length > 1
            ? `${id}: ${a.name}`
            : a.name
          : r.kind === 'ensemble'
            ? `${id} mean`
            : id;
      const band =
        a.q05 && a.q95
          ? { lo: column(a.q05, w, k, n), hi: column(a.q95, w, k, n), bandLabel: `${id} 5-95 %` }
          : {};
      series.push({ name, x: r.t, y: column(a.values, w, k, n), ...style, ...band });
    });
  });
  return series;
}

export function chartSvg(r: ResultSet, o: ChartOptions): string {
  const title =
    r.kind === 'timing'
      ? 'Treatment timing: the same regimen right after inoculation vs on an established tumour'
      : r.kind === 'ensemble'
        ? `${r.modelId}: ${r.runsDone} of ${r.runs} runs (${r.method}, seed ${r.seed})`
        : `${r.modelId} (ODE)`;
  return lineChart({
    title,
    width: o.width ?? 760,
    height: o.height ?? 420,
    x: { label: `Time${o.timeUnit ? ` (${o.timeUnit})` : ''}` },
    y: { label: o.outputs.join(', '), type: o.yScale },
    series: chartSeries(r, o.outputs),
    intervals:
      r.kind === 'timing' && r.establishedDay !== undefined
        ? [{ from: r.establishedDay, to: r.t[r.t.length - 1]!, label: 'established' }]
        : undefined,
    notes: r.notes,
    emptyText: 'No output selected',
  });
}
