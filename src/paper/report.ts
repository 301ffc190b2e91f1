/**
 * The reproduction report: DIR/index.html (summary; per claim: criterion, figures as inline SVG, numbers,
 * pass/fail, robustness; the virtual NSABP B-47 trial when run (b47Section.ts); then the model's parameters
 * with unit, range and source), DIR/claims.json (claims, and the trial under `trial`, null when skipped) and
 * one CSV per figure under DIR/data/ (plus data/b47-outcomes.csv, one row per virtual patient).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellLines, linePresets, presetParams } from '../models/index.js';
import { sitePresets } from '../models/presets.js';
import { badge, code, figure, p, page, section, table } from '../report/html.js';
import { forestCsv, outcomesCsv } from '../trial/index.js';
import { type B47Confrontation, b47Facts } from './b47.js';
import { b47Figures, b47Section } from './b47Section.js';
import { type CalibrationSummary, calibrationForest, calibrationSection } from './calibrationSection.js';
import type { ClaimResult } from './claims/types.js';
import { figureCsv, figureNote, figureSvg } from './figures.js';
import { rangeText } from './format.js';
import type { Robustness } from './robustness.js';
import { summarySection } from './summary.js';

export { figureCsv };

export interface ReportInput {
  readonly results: readonly ClaimResult[];
  readonly robustness: readonly Robustness[];
  readonly seed: number;
  readonly seconds: number;
  /** The virtual B-47 trial and scan (absent: skipped, `--no-trial`). */
  readonly trial?: B47Confrontation | null;
  /** The hypotheses calibration (src/fit/hypotheses), when run: the report opens with it. */
  readonly calibration?: CalibrationSummary | null;
}

function claimSection(r: ClaimResult, rob: Robustness | undefined) {
  const tableRows = r.table ?? [];
  const cols = tableRows.length ? Object.keys(tableRows[0]!) : [];
  return section(
    { title: `${r.id}: ${r.title}`, id: r.id.toLowerCase() },
    p(badge(r.status, r.status.toUpperCase()), ` value ${fmt(r.value)}`),
    p('Criterion (stated before the run): ', r.criterion),
    p(r.details),
    rob
      ? p(
          `Robustness: the criterion holds for ${rob.holds} of ${rob.sets} Latin-hypercube parameter sets ` +
            `(${(rob.fraction * 100).toFixed(0)}%)${rob.note ? `; ${rob.note}` : ''}.`,
        )
      : null,
    ...r.figures.map((f) =>
      figure(
        figureSvg(f),
        `${f.title}${figureNote(f) ? `. ${figureNote(f)}` : ''} (data: data/${f.id}.csv)`,
        f.id,
      ),
    ),
    tableRows.length ? table({ columns: cols.map((k) => ({ key: k, label: k })), rows: tableRows }) : null,
    ...(r.tables ?? []).flatMap((t) =>
      t.rows.length
        ? [
            table({
              caption: t.caption,
              columns: Object.keys(t.rows[0]!).map((k) => ({ key: k, label: k })),
              rows: t.rows,
            }),
          ]
        : [],
    ),
  );
}

function fmt(v: number): string {
  return Math.abs(v) >= 0.01 || v === 0 ? v.toFixed(3) : v.toExponential(2);
}

function modelSection() {
  const base = presetParams('MCF7');
  const rows = base.map((s) => ({
    id: s.id,
    value: s.value,
    unit: s.unit,
    range: rangeText(s.range),
    source: s.source,
    description: s.description,
  }));
  const overrides = [
    ...cellLines.flatMap((l) =>
      Object.entries(linePresets[l].overrides).map(([id, o]) => ({
        preset: l,
        id,
        value: o.value,
        range: o.range ? rangeText(o.range) : '',
        source: o.source,
      })),
    ),
    ...Object.entries(sitePresets.bone).map(([id, o]) => ({
      preset: 'bone site',
      id,
      value: o.value,
      range: o.range ? rangeText(o.range) : '',
      source: o.source,
    })),
  ];
  const colsOf = (r: Record<string, unknown>) => Object.keys(r).map((k) => ({ key: k, label: k }));
  return section(
    { title: 'Model: parameters (MCF7, mammary fat pad, mouse PK)', id: 'model' },
    p(
      'The model is ',
      code('models.her2Csc(line, options)'),
      ": CSC hierarchy with k = 10 transit divisions, HER2 by site, trastuzumab two-compartment PK and occupancy, and antibody-dependent (Fc-receptor) killing proportional to occupancy and saturating in each population's HER2 per cell. ",
      'Volume = cells / rho. Every parameter below is a prior, not a fit to the paper (its figures were not available).',
    ),
    table({ columns: colsOf(rows[0]!), rows }),
    p('Cell-line and site presets replace these values:'),
    table({ columns: colsOf(overrides[0]!), rows: overrides }),
  );
}

export function writeReport(dir: string, input: ReportInput): void {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const rob = new Map(input.robustness.map((r) => [r.id, r]));
  for (const r of input.results)
    for (const f of r.figures) writeFileSync(join(dir, 'data', `${f.id}.csv`), figureCsv(f));
  if (input.trial) {
    for (const f of b47Figures(input.trial)) writeFileSync(join(dir, 'data', `${f.id}.csv`), figureCsv(f));
    writeFileSync(join(dir, 'data', 'b47-outcomes.csv'), outcomesCsv(input.trial.trial));
    writeFileSync(join(dir, 'data', 'trials-forest.csv'), forestCsv(input.trial.forest));
  }
  if (input.calibration)
    writeFileSync(
      join(dir, 'data', 'calibration-forest.csv'),
      forestCsv(calibrationForest(input.calibration)),
    );
  writeFileSync(join(dir, 'claims.json'), `${JSON.stringify(summary(input), null, 2)}\n`);
  const passed = input.results.filter((r) => r.status === 'pass').length;
  const overview = table({
    columns: [
      { key: 'id', label: 'claim' },
      { key: 'title', label: 'title' },
      { key: 'status', label: 'status' },
      { key: 'value', label: 'value' },
      { key: 'robustness', label: 'robustness' },
    ],
    rows: input.results.map((r) => ({
      id: r.id,
      title: r.title,
      status: badge(r.status, r.status.toUpperCase()),
      value: fmt(r.value),
      robustness: rob.has(r.id) ? `${(rob.get(r.id)!.fraction * 100).toFixed(0)}%` : '',
    })),
  });
  const html = page(
    {
      title: 'cscsim: reproduction of Ithimakin et al., Cancer Res 2013',
      subtitle: `HER2 drives luminal breast cancer stem cells in the absence of HER2 amplification. ${passed} of ${input.results.length} claims pass.`,
      footer: `seed ${input.seed}; run time ${input.seconds.toFixed(1)} s`,
    },
    input.calibration
      ? calibrationSection(input.calibration, new Map(input.robustness.map((r) => [r.id, r.fraction])))
      : null,
    summarySection(input.results, input.robustness, input.trial ? b47Facts(input.trial) : null),
    section({ title: 'Claims', id: 'claims' }, overview),
    ...input.results.map((r) => claimSection(r, rob.get(r.id))),
    input.trial ? b47Section(input.trial) : null,
    modelSection(),
  );
  writeFileSync(join(dir, 'index.html'), html);
}

export function summary(input: ReportInput) {
  const rob = new Map(input.robustness.map((r) => [r.id, r]));
  const post = new Map((input.calibration?.claims ?? []).map((c) => [c.id, c]));
  return {
    claims: input.results.map((r) => ({
      id: r.id,
      title: r.title,
      criterion: r.criterion,
      status: r.status,
      value: r.value,
      robustness: rob.get(r.id)?.fraction ?? null,
      ...(input.calibration ? { posterior: post.get(r.id)?.posterior ?? null } : {}),
    })),
    /** The virtual B-47 trial and scan; null when skipped. */
    trial: input.trial ? b47Facts(input.trial) : null,
    ...(input.calibration ? { calibration: input.calibration } : {}),
  };
}
