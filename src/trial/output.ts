/**
 * Files of a trial: outcomes (one row per patient and arm) as CSV and Parquet, written as the trial streams
 * them (OutcomeFiles: memory flat in patients; Parquet row groups of ROW_GROUP rows), and the Kaplan-Meier
 * curves as SVG.
 */

import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { formatCsv, formatCsvField } from '../io/csv.js';
import { stepChart } from '../report/svg/index.js';
import type { ScanResult } from './b47.js';
import { observed, type PatientOutcome } from './outcome.js';
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
function patientRows(o: PatientOutcome): Cell[][] {
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

const csvRow = (row: readonly Cell[]): string =>
  row.map((c) => formatCsvField(typeof c === 'boolean' ? (c ? 1 : 0) : c)).join(',');

/** Outcomes as CSV: one row per patient and arm (the outcomes must have been kept). */
export function outcomesCsv(r: TrialResult): string {
  if (!r.outcomes) throw new Error('outcomesCsv: the trial did not keep its outcomes (keepOutcomes false)');
  return formatCsv(
    [...OUTCOME_COLUMNS],
    r.outcomes.flatMap((o) =>
      patientRows(o).map((row) => row.map((c) => (typeof c === 'boolean' ? (c ? 1 : 0) : c))),
    ),
  );
}

const TYPES = [
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

/** Rows per Parquet row group: what OutcomeFiles holds at most (a few MB). */
const ROW_GROUP = 50_000;

/**
 * outcomes.csv and outcomes.parquet in `dir`, written chunk by chunk in patient order (hyparquet-writer's
 * ParquetWriter, snappy-compressed columns): pass `write` as runTrial's onOutcomes, then `close`.
 */
export class OutcomeFiles {
  private readonly csv: number;
  private readonly parquet: ParquetWriter;
  private cols: Cell[][] = OUTCOME_COLUMNS.map(() => []);
  private text: string[] = [];

  constructor(dir: string) {
    this.csv = openSync(join(dir, 'outcomes.csv'), 'w');
    writeSync(this.csv, `${OUTCOME_COLUMNS.join(',')}\n`);
    const schema = schemaFromColumnData({
      columnData: OUTCOME_COLUMNS.map((name, j) => ({ name, data: [], type: TYPES[j]! })),
    });
    this.parquet = new ParquetWriter({ writer: fileWriter(join(dir, 'outcomes.parquet')), schema });
  }

  write = (chunk: readonly PatientOutcome[]): void => {
    for (const o of chunk)
      for (const row of patientRows(o)) {
        this.text.push(csvRow(row));
        for (let j = 0; j < row.length; j++) this.cols[j]!.push(row[j]!);
      }
    if (this.text.length >= 10_000) this.flushCsv();
    if (this.cols[0]!.length >= ROW_GROUP) this.flushParquet();
  };

  private flushCsv(): void {
    if (this.text.length > 0) writeSync(this.csv, `${this.text.join('\n')}\n`);
    this.text = [];
  }

  private flushParquet(): void {
    if (this.cols[0]!.length === 0) return;
    this.parquet.write({
      columnData: OUTCOME_COLUMNS.map((name, j) => ({ name, data: this.cols[j]!, type: TYPES[j]! })),
      rowGroupSize: ROW_GROUP,
    });
    this.cols = OUTCOME_COLUMNS.map(() => []);
  }

  close(): void {
    this.flushCsv();
    closeSync(this.csv);
    this.flushParquet();
    this.parquet.finish();
  }
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
