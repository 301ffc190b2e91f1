/** Files of a trial: outcomes (one row per patient and arm) as CSV and Parquet, the Kaplan-Meier curves as SVG. */

import { parquetWriteBuffer } from 'hyparquet-writer';
import { formatCsv } from '../io/csv.js';
import { stepChart } from '../report/svg/index.js';
import { observed } from './analysis.js';
import type { ScanResult } from './b47.js';
import { ARMS } from './population.js';
import type { TrialResult } from './run.js';

const YEAR = 365.25;

/** Columns of the outcome tables: one row per patient and simulated arm. */
export const OUTCOME_COLUMNS = [
  'patient',
  'arm',
  'randomised',
  'stratum',
  'ihc',
  'her2_per_cell',
  'micromets',
  'dormant',
  'recurrence_years',
  'background_years',
  'censor_years',
  'dfs_years',
  'dfs_event',
  'dfs_cause',
] as const;

type Cell = number | string | boolean | null;

/** The rows of one patient (both arms; `randomised` marks the arm the trial analysis sees). */
function patientRows(o: TrialResult['outcomes'][number]): Cell[][] {
  const y = (d: number): number | null => (Number.isFinite(d) ? d / YEAR : null);
  return ARMS.map((arm) => {
    const ob = observed(o, arm);
    return [
      o.index,
      arm,
      arm === o.arm,
      o.stratum,
      o.ihc,
      o.her2Base,
      o.micromets,
      o.dormant,
      y(o.recurrence[arm] <= o.censorDay ? o.recurrence[arm] : Number.POSITIVE_INFINITY),
      y(o.backgroundDay),
      y(o.censorDay),
      ob.time / YEAR,
      ob.status,
      ob.cause,
    ];
  });
}

/** Outcomes as CSV: one row per patient and arm. */
export function outcomesCsv(r: TrialResult): string {
  return formatCsv(
    [...OUTCOME_COLUMNS],
    r.outcomes.flatMap((o) =>
      patientRows(o).map((row) => row.map((c) => (typeof c === 'boolean' ? (c ? 1 : 0) : c))),
    ),
  );
}

/** Outcomes as Parquet (hyparquet-writer; snappy-compressed columns), the same rows as the CSV. */
export function outcomesParquet(r: TrialResult): ArrayBuffer {
  const rows = r.outcomes.flatMap(patientRows);
  const col = (j: number) => rows.map((row) => row[j]!);
  const types = [
    'INT32',
    'STRING',
    'BOOLEAN',
    'STRING',
    'INT32',
    'DOUBLE',
    'INT32',
    'INT32',
    'DOUBLE',
    'DOUBLE',
    'DOUBLE',
    'DOUBLE',
    'INT32',
    'STRING',
  ] as const;
  return parquetWriteBuffer({
    columnData: OUTCOME_COLUMNS.map((name, j) => ({ name, data: col(j), type: types[j]! })),
  });
}

/** Kaplan-Meier DFS per randomised arm with 95% bands, a rule at the design's calibration time. */
export function kmSvg(r: TrialResult): string {
  const series = r.analysis.arms.map((a) => ({
    name: a.arm === 'control' ? 'chemotherapy' : 'chemotherapy + trastuzumab',
    t: [0, ...a.km.time],
    s: [1, ...a.km.surv],
    lo: [1, ...Array.from(a.km.lower, (v) => (Number.isFinite(v) ? v : 0))],
    hi: [1, ...Array.from(a.km.upper, (v) => (Number.isFinite(v) ? v : 1))],
  }));
  const hr = r.analysis.cox;
  const pub = r.design.published;
  const hrText = Number.isFinite(hr.hr)
    ? `HR ${hr.hr.toFixed(2)} (${hr.lower.toFixed(2)}-${hr.upper.toFixed(2)})`
    : 'HR: too few events';
  const years = r.design.calibration.years;
  const lowest = Math.min(1, ...series.flatMap((x) => x.lo));
  const floor = Math.max(0, Math.floor(lowest * 20 - 1e-9) / 20);
  return stepChart({
    title: `Virtual ${r.design.name}: ${pub.endpoint}`,
    subtitle: `${r.patients} patients, seed ${r.seed}; ${hrText}; published: HR ${pub.hr} (${pub.lower}-${pub.upper})`,
    x: { label: 'Years since randomisation' },
    y: { label: pub.endpoint, domain: [floor, 1] },
    series,
    rules: [{ axis: 'x', value: years, label: `${years} years` }],
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
