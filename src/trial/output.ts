/** Files of a trial: per-patient outcomes as CSV and the Kaplan-Meier curves as SVG (src/report charts). */
import { formatCsv } from '../io/csv.js';
import { stepChart } from '../report/svg/index.js';
import { observed } from './analysis.js';
import type { ScanResult } from './b47.js';
import type { TrialResult } from './run.js';

const YEAR = 365.25;

/** One row per patient: arm, HER2, residual disease, both arms' recurrences, and the observed DFS. */
export function outcomesCsv(r: TrialResult): string {
  const header = [
    'patient',
    'arm',
    'ihc',
    'her2_per_cell',
    'micromets',
    'dormant',
    'recurrence_control_years',
    'recurrence_trastuzumab_years',
    'background_years',
    'censor_years',
    'dfs_years',
    'dfs_event',
    'dfs_cause',
  ];
  const y = (d: number): number | null => (Number.isFinite(d) ? d / YEAR : null);
  const rows = r.outcomes.map((o) => {
    const ob = observed(o, o.arm);
    return [
      o.index,
      o.arm,
      o.ihc,
      o.her2Base,
      o.micromets,
      o.dormant,
      y(o.recurrence.control),
      y(o.recurrence.trastuzumab),
      y(o.backgroundDay),
      y(o.censorDay),
      ob.time / YEAR,
      ob.status,
      ob.cause,
    ];
  });
  return formatCsv(header, rows);
}

/** Kaplan-Meier invasive DFS per randomised arm with 95% bands, a rule at 5 years. */
export function kmSvg(r: TrialResult): string {
  const series = r.analysis.arms.map((a) => ({
    name: a.arm === 'control' ? 'chemotherapy' : 'chemotherapy + trastuzumab',
    t: [0, ...a.km.time],
    s: [1, ...a.km.surv],
    lo: [1, ...Array.from(a.km.lower, (v) => (Number.isFinite(v) ? v : 0))],
    hi: [1, ...Array.from(a.km.upper, (v) => (Number.isFinite(v) ? v : 1))],
  }));
  const hr = r.analysis.cox;
  const lowest = Math.min(1, ...series.flatMap((x) => x.lo));
  const floor = Math.max(0, Math.floor(lowest * 20 - 1e-9) / 20);
  return stepChart({
    title: 'Virtual B-47: invasive disease-free survival',
    subtitle: `${r.patients} patients, seed ${r.seed}; HR ${hr.hr.toFixed(2)} (${hr.lower.toFixed(2)}-${hr.upper.toFixed(2)}); B-47: HR 0.98 (0.76-1.25)`,
    x: { label: 'Years since randomisation' },
    y: { label: 'Invasive DFS', domain: [floor, 1] },
    series,
    rules: [{ axis: 'x', value: 5, label: '5 years' }],
  });
}

/** The scan as CSV: one row per grid point. */
export function scanCsv(s: ScanResult): string {
  const ids = Object.keys(s.grid);
  const header = [
    ...ids,
    'micromet_mean',
    'control_dfs5',
    'hr',
    'hr_lower',
    'hr_upper',
    'randomised_hr',
    'randomised_lower',
    'randomised_upper',
    'prevented',
    'delayed',
    'recurred_control',
    'b47_compatible',
    'c4_holds',
  ];
  const rows = s.points.map((p) => [
    ...ids.map((id) => (p.values as Record<string, number>)[id]),
    p.micrometMean,
    p.controlDfs5,
    p.hr.hr,
    p.hr.lower,
    p.hr.upper,
    p.randomisedHr.hr,
    p.randomisedHr.lower,
    p.randomisedHr.upper,
    p.prevented,
    p.delayed,
    p.recurredControl,
    p.b47 ? 1 : 0,
    p.c4 === null ? null : p.c4 ? 1 : 0,
  ]);
  return formatCsv(header, rows);
}
