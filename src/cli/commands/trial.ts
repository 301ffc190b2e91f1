/**
 * `cscsim trial ID|all [--design FILE] [--patients N] [--seed S] [--workers N] [--exact] [--scan] [--json]
 * [--out DIR]`: virtual adjuvant trastuzumab trials of the HER2-CSC model (src/trial/designs.ts: b31n9831,
 * b31-central-negative, n9831-central-normal, b47), or a design from a JSON file. Prints arm, n, events, DFS,
 * HR with CI and p beside the published numbers; `--json` adds top-level `published` and `model`
 * { hr, lower, upper }; `--out` writes outcomes.csv and outcomes.parquet (one row per patient and arm),
 * km.svg, forest.svg and result.json (scan.csv with --scan).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { formatP as pval } from '../../report/format.js';
import {
  checkDesign,
  DESIGNS,
  designOf,
  forestRows,
  forestSvg,
  kmSvg,
  OutcomeFiles,
  runTrial,
  type ScanResult,
  scanCsv,
  scanTrial,
  TRIAL_IDS,
  type TrialDesign,
  type TrialResult,
} from '../../trial/index.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { redisOptions, withMap } from '../distributed.js';
import { type Progress, progressBar } from '../progress.js';

const options = {
  design: {
    type: 'string',
    value: 'FILE',
    help: 'a trial design as JSON (src/trial/design.ts) instead of an ID',
  },
  patients: { type: 'string', value: 'N', help: "patients randomised (default: the trial's)" },
  seed: { type: 'string', value: 'S', help: 'random seed (integer >= 0)', default: '1' },
  workers: {
    type: 'string',
    value: 'N',
    help: 'worker threads (default: the cores, at most 4); results do not depend on it',
  },
  exact: { type: 'boolean', help: 'the reference path: an ODE solve per clone (about 15-20x slower)' },
  yes: { type: 'boolean', help: 'run more than 1e7 patients' },
  scan: { type: 'boolean', help: 'also scan HER2 share x dormancy x Fc-receptor killing' },
  'scan-patients': { type: 'string', value: 'N', help: 'patients per scan point', default: '1000' },
  json: { type: 'boolean', help: 'print the results as JSON on stdout' },
  out: {
    type: 'string',
    value: 'DIR',
    help: 'write outcomes.csv, outcomes.parquet, km.svg, forest.svg, result.json (and scan.csv)',
  },
  ...redisOptions,
} as const;

/** Patients above which --yes is needed, and the measured costs behind the estimate (fast path). */
const BIG = 1e7;
const CPU_MS_PER_PATIENT = 0.2;
/** Disk per patient of --out (both arms' rows): measured at 1e6 patients, CSV 232 and Parquet 49 bytes. */
const DISK_BYTES_PER_PATIENT = 281;

const pct = (x: number): string => (Number.isFinite(x) ? (x * 100).toFixed(1) : 'NA');
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'NA');
const hrText = (h: { hr: number; lower: number; upper: number }): string =>
  Number.isFinite(h.hr) ? `${f2(h.hr)} (${f2(h.lower)}-${f2(h.upper)})` : 'too few events for a hazard ratio';

/** The comparison table, model beside the published trial. */
export function trialTable(r: TrialResult): string {
  const a = r.analysis;
  const pub = r.design.published;
  const y = r.design.calibration.years;
  const rows: string[][] = [['', 'n', 'events', `${y}-y DFS % (95% CI)`, 'published']];
  for (const arm of a.arms) {
    const p = arm.arm === 'control' ? pub.dfsControl : pub.dfsTrastuzumab;
    rows.push([
      arm.arm === 'control' ? 'chemotherapy' : 'chemotherapy + trastuzumab',
      String(arm.n),
      String(arm.events),
      `${pct(arm.dfsAt)} (${pct(arm.dfsAtLower)}-${pct(arm.dfsAtUpper)})`,
      p !== undefined && pub.dfsYears === y ? pct(p) : '',
    ]);
  }
  rows.push([
    'hazard ratio (Cox)',
    '',
    '',
    Number.isFinite(a.cox.hr) ? `${hrText(a.cox)}, p ${pval(a.cox.p)}` : hrText(a.cox),
    `${pub.hr} (${pub.lower}-${pub.upper})${pub.p !== undefined ? `, p ${pub.p}` : ''}`,
  ]);
  rows.push(['log-rank', '', '', `p ${pval(a.logRank.p)}`, '']);
  const width = rows[0]!.map((_, j) => Math.max(...rows.map((row) => row[j]!.length)));
  const lines = rows.map((row) =>
    row
      .map((c, j) => c.padEnd(width[j]!))
      .join('  ')
      .trimEnd(),
  );
  const cal = r.calibration
    ? `control ${y}-y DFS calibrated to ${pct(r.calibration.target)}% (an input): ${r.micrometMean.toFixed(3)} micrometastases per patient (${r.calibration.pilotPatients} pilot patients)`
    : `${r.micrometMean.toFixed(3)} micrometastases per patient (given)`;
  const b = a.benefit;
  return [
    `Virtual ${r.design.name}: ${r.patients} patients, seed ${r.seed}${r.exact ? ', exact path' : ''}; ${cal}`,
    ...lines,
    `model HR over both outcomes of every patient: ${hrText(a.counterfactual)}`,
    `individual benefit: of ${b.recurredControl} patients recurring without trastuzumab, ${b.prevented} prevented, ${b.delayed} delayed; ${b.caused} caused, ${b.hastened} hastened`,
    `median follow-up ${f2(a.medianFollowUpMonths)} months (published: ${r.design.followUp.medianFollowUpMonths}); ${(r.elapsedMs / 1000).toFixed(2)} s`,
    '',
  ].join('\n');
}

function scanTable(s: ScanResult, d: TrialDesign): string {
  const ids = Object.keys(s.grid);
  const head = [...ids, 'HR (95% CI)', 'prevented/recurred', 'published CI'];
  const rows = s.points.map((p) => [
    ...ids.map((id) => String((p.values as Record<string, number>)[id])),
    hrText(p.hr),
    `${p.prevented}/${p.recurredControl}`,
    p.b47 ? 'inside' : '-',
  ]);
  const all = [head, ...rows];
  const width = head.map((_, j) => Math.max(...all.map((row) => row[j]!.length)));
  const inside = s.points.filter((p) => p.b47).length;
  return [
    `Scan (${s.patients} patients per point; HR over both outcomes of every patient):`,
    ...all.map((row) =>
      row
        .map((c, j) => c.padEnd(width[j]!))
        .join('  ')
        .trimEnd(),
    ),
    `${inside} of ${s.points.length} points inside the published interval (${d.published.lower}-${d.published.upper})`,
    '',
  ].join('\n');
}

const hrJson = (h: { hr: number; lower: number; upper: number }) =>
  Number.isFinite(h.hr)
    ? { hr: h.hr, lower: h.lower, upper: h.upper }
    : { hr: null, lower: null, upper: null, note: 'too few events for a hazard ratio' };

/** The JSON of one trial: published and model HR on top, then everything the run reports. */
export function trialJson(r: TrialResult, scan?: ScanResult): Record<string, unknown> {
  const { outcomes: _o, summary: _s, analysis, design, ...rest } = r;
  const arms = analysis.arms.map(({ km, ...a }) => ({ ...a, km: { time: km.time, surv: km.surv } }));
  const pub = design.published;
  return {
    id: design.id,
    published: { hr: pub.hr, lower: pub.lower, upper: pub.upper },
    model: hrJson(analysis.cox),
    design,
    forest: forestRows(r),
    trial: { ...rest, analysis: { ...analysis, arms } },
    ...(scan ? { scan } : {}),
  };
}

function stringify(v: unknown): string {
  return JSON.stringify(
    v,
    (_, x) =>
      x instanceof Float64Array ? Array.from(x) : Number.isFinite(x) || typeof x !== 'number' ? x : null,
    2,
  );
}

/** A progress bar that appears only once the work has taken a second. */
function lateBar(io: CliIo, unit: string): Progress {
  const bar = progressBar(io, unit);
  const start = performance.now();
  return {
    update: (d, t) => {
      if (performance.now() - start > 1000) bar.update(d, t);
    },
    done: () => bar.done(),
  };
}

function loadDesign(file: string): TrialDesign {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the design: ${e instanceof Error ? e.message : String(e)}`, { file });
  }
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not JSON: ${e instanceof Error ? e.message : String(e)}`, { file, path: '$' });
  }
  return checkDesign(v, file);
}

function designsOf(which: string | undefined, file: string | undefined): TrialDesign[] {
  if (file) {
    if (which !== undefined) throw new UsageError(`give a trial ID or --design, not both (got '${which}')`);
    return [loadDesign(file)];
  }
  if (which === 'all') return Object.values(DESIGNS);
  if (!which || !(TRIAL_IDS as string[]).includes(which))
    throw new UsageError(
      `expected a trial ID (${TRIAL_IDS.join(', ')}, or all), got ${which ? `'${which}'` : 'nothing'}`,
    );
  return [designOf(which)];
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, options);
  const [which, extra] = args.positionals;
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  const designs = designsOf(which, optString(args, 'design'));
  const patientsOpt = optNumber(args, 'patients', { integer: true, min: 4 });
  const seed = optNumber(args, 'seed', { integer: true, min: 0 }) ?? 1;
  if (!Number.isSafeInteger(seed))
    throw new UsageError(`--seed: expected an integer below 2^53, got '${seed}'`);
  const workers =
    optNumber(args, 'workers', { integer: true, min: 1 }) ?? Math.max(1, Math.min(4, availableParallelism()));
  const exact = optFlag(args, 'exact');
  const total = designs.reduce((s, d) => s + (patientsOpt ?? d.patients), 0);
  if (total > BIG && !optFlag(args, 'yes')) {
    const sec = (total * CPU_MS_PER_PATIENT * (exact ? 20 : 1)) / 1000 / workers;
    throw new UsageError(
      `--patients ${total} is above ${BIG}: about ${(sec / 60).toFixed(0)} min on ${workers} worker(s) and ` +
        'memory flat (the analysis counts DFS per day)' +
        (optString(args, 'out')
          ? `, ${((total * DISK_BYTES_PER_PATIENT) / 1e9).toFixed(1)} GB on disk for --out`
          : '') +
        '; add --yes to run it',
    );
  }
  const scanPatients = optNumber(args, 'scan-patients', { integer: true, min: 4 }) ?? 1000;
  const out = optString(args, 'out');
  const results: { r: TrialResult; scan?: ScanResult }[] = [];
  await withMap(args, io, async (map) => {
    for (const d of designs) {
      const bar = lateBar(io, `${d.id} patients`);
      // Outcomes stream to the files as they come (memory flat in patients), never held.
      const dir = out ? (designs.length > 1 ? join(out, d.id) : out) : undefined;
      if (dir) mkdirSync(dir, { recursive: true });
      const files = dir ? new OutcomeFiles(dir) : undefined;
      const r = await runTrial(d, {
        ...(patientsOpt !== undefined ? { patients: patientsOpt } : {}),
        seed,
        workers,
        exact,
        ...(map ? { map } : {}),
        keepOutcomes: false,
        ...(files ? { onOutcomes: files.write } : {}),
        onProgress: (_, done, t) => bar.update(done, t),
      });
      files?.close();
      bar.done();
      let scan: ScanResult | undefined;
      if (optFlag(args, 'scan')) {
        const sb = lateBar(io, 'scan points');
        scan = await scanTrial(d, {
          patients: scanPatients,
          seed,
          workers,
          exact,
          ...(map ? { map } : {}),
          onPoint: (x, t) => sb.update(x, t),
        });
        sb.done();
      }
      results.push(scan ? { r, scan } : { r });
      io.stderr(
        `trial ${d.id}: ${r.patients} patients in ${(r.elapsedMs / 1000).toFixed(2)} s on ${map ? 'the Redis queue' : `${workers} worker(s)`}\n`,
      );
    }
  });
  const rows = results.flatMap(({ r }) => forestRows(r));
  if (out) {
    mkdirSync(out, { recursive: true });
    for (const { r, scan } of results) {
      const dir = results.length > 1 ? join(out, r.design.id) : out;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'km.svg'), kmSvg(r));
      writeFileSync(join(dir, 'forest.svg'), forestSvg(forestRows(r), `seed ${seed}`));
      writeFileSync(join(dir, 'result.json'), `${stringify(trialJson(r, scan))}\n`);
      if (scan) writeFileSync(join(dir, 'scan.csv'), scanCsv(scan));
    }
    if (results.length > 1) writeFileSync(join(out, 'forest.svg'), forestSvg(rows, `seed ${seed}`));
  }
  const jsons = results.map(({ r, scan }) => trialJson(r, scan));
  if (optFlag(args, 'json'))
    io.stdout(`${stringify(jsons.length === 1 ? jsons[0] : { trials: jsons, forest: rows })}\n`);
  else
    io.stdout(
      results.map(({ r, scan }) => trialTable(r) + (scan ? `\n${scanTable(scan, r.design)}` : '')).join('\n'),
    );
  if (out) io.stderr(`files in ${out}/\n`);
  return 0;
}

export const trialCommand: Command = {
  name: 'trial',
  summary: 'virtual adjuvant trastuzumab trials (B-31/N9831, their HER2-negative subgroups, B-47)',
  usage: `cscsim trial ${TRIAL_IDS.join('|')}|all [--design FILE] [--patients N] [--seed S] [--workers N] [--exact] [--scan] [--json] [--out DIR]`,
  options,
  run,
};
