/**
 * The forest figure: per trial and HER2 subgroup, the model's hazard ratio (95% CI) beside the published one,
 * on a log axis with a rule at 1 (src/report/svg primitives). Rows are plain data so the report, the CLI's
 * `--out` and the JSON share them. A row without enough events says so instead of drawing a NaN.
 */
import { formatCsv } from '../io/csv.js';
import { el, type Markup, num } from '../report/markup.js';
import { errorBar, type Mark, plot, ruleMark, seriesColor, symbolPath } from '../report/svg/index.js';
import { continuous } from '../report/svg/mark.js';
import { eventsOf, type HazardRatio, hazardRatioOf, patientsOf } from './analysis.js';
import type { TrialResult } from './run.js';

export interface ForestRow {
  readonly label: string;
  readonly trial: string;
  /** Null when there were too few events to estimate the HR. */
  readonly model: { readonly hr: number; readonly lower: number; readonly upper: number } | null;
  readonly published: { readonly hr: number; readonly lower: number; readonly upper: number } | null;
  readonly events: number;
  readonly patients: number;
}

const ci = (h: HazardRatio | null) =>
  h && Number.isFinite(h.hr) && Number.isFinite(h.lower) && Number.isFinite(h.upper)
    ? { hr: h.hr, lower: h.lower, upper: h.upper }
    : null;

/** Rows of one trial: the whole trial, then each HER2 stratum of its design (when it has more than one). */
export function forestRows(r: TrialResult): ForestRow[] {
  const d = r.design;
  const rows: ForestRow[] = [];
  const c = r.summary;
  rows.push({
    label: d.id,
    trial: d.id,
    model: ci(r.analysis.cox),
    published: ci(d.published as HazardRatio),
    events: eventsOf(c),
    patients: r.patients,
  });
  const strata = d.eligibility.strata;
  if (strata.length > 1)
    for (const s of strata) {
      const k = c.strata.indexOf(s.id);
      const patients = k < 0 ? 0 : patientsOf(c, k);
      rows.push({
        label: `${d.id} ${s.label}`,
        trial: d.id,
        model: k < 0 ? null : ci(hazardRatioOf(c, k)),
        published: null,
        events: k < 0 ? 0 : eventsOf(c, k),
        patients,
      });
    }
  return rows;
}

/** Model (filled circle) and published (open square) intervals per row on a band axis. */
function forestMark(rows: readonly ForestRow[]): Mark {
  const model = seriesColor(0);
  const pub = seriesColor(1);
  const ys: number[] = [];
  for (const r of rows) for (const h of [r.model, r.published]) if (h) ys.push(h.lower, h.upper, h.hr);
  return {
    name: 'forest',
    categories: rows.map((r) => r.label),
    yValues: () => ys,
    legend: [
      { label: 'model (95% CI)', color: model, kind: 'dot', symbol: 'circle' },
      { label: 'published (95% CI)', color: pub, kind: 'dot', symbol: 'square' },
    ],
    render: (ctx) => {
      if (ctx.x.type !== 'band') throw new Error('forest: needs a band x scale');
      const band = ctx.x;
      const y = continuous(ctx.y, 'forest', 'y');
      const parts: Markup[] = [];
      for (const r of rows) {
        const c = band.center(r.label);
        const off = band.bandwidth * 0.15;
        for (const [h, color, sym, dx] of [
          [r.model, model, 'circle', -off],
          [r.published, pub, 'square', off],
        ] as const) {
          if (!h) continue;
          const bar = errorBar(c + dx, h.lower, h.upper, (v) => y.map(v), ctx.box.bottom, 8);
          if (bar) parts.push(el('g', { stroke: color, 'stroke-width': 1.5, fill: 'none' }, bar));
          const py = y.map(h.hr);
          if (Number.isFinite(py))
            parts.push(
              el('path', {
                d: symbolPath(sym, c + dx, py, 4),
                fill: sym === 'circle' ? color : 'white',
                stroke: color,
                'stroke-width': 1.5,
              }),
            );
        }
        if (!r.model)
          parts.push(
            el(
              'text',
              { x: num(c), y: num(ctx.box.top + 14), 'text-anchor': 'middle', 'font-size': ctx.fontSize - 1 },
              'too few events',
            ),
          );
      }
      return el('g', {}, ...parts);
    },
  };
}

export function forestSvg(
  rows: readonly ForestRow[],
  subtitle?: string,
  note = 'Model: Cox HR of the randomised arms; published: the trial report (designs.ts gives each source)',
): string {
  return plot({
    title: 'Hazard ratio, trastuzumab vs chemotherapy alone: model beside published',
    ...(subtitle ? { subtitle } : {}),
    width: Math.max(640, 120 * rows.length),
    height: 380,
    y: { label: 'Hazard ratio (log scale)', type: 'log', include: [0.1, 2] },
    categories: rows.map((r) => r.label),
    marks: [forestMark(rows), ruleMark({ axis: 'y', value: 1, label: 'no effect' })],
    notes: [note],
  });
}

/** The rows as CSV (model and published HR with their intervals; empty cells where not available). */
export function forestCsv(rows: readonly ForestRow[]): string {
  const v = (h: ForestRow['model'], k: 'hr' | 'lower' | 'upper') => (h ? h[k] : null);
  return formatCsv(
    [
      'row',
      'trial',
      'patients',
      'events',
      'model_hr',
      'model_lower',
      'model_upper',
      'published_hr',
      'published_lower',
      'published_upper',
    ],
    rows.map((r) => [
      r.label,
      r.trial,
      r.patients,
      r.events,
      v(r.model, 'hr'),
      v(r.model, 'lower'),
      v(r.model, 'upper'),
      v(r.published, 'hr'),
      v(r.published, 'lower'),
      v(r.published, 'upper'),
    ]),
  );
}
