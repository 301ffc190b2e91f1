/**
 * `cscsim trial b47 [--patients N] [--seed S] [--workers N] [--scan] [--json] [--out DIR]`: the virtual
 * NSABP B-47 trial of the HER2-CSC model. Prints arm, n, events, 5-y invasive DFS, HR with CI and p beside
 * B-47's numbers; `--scan` adds the grid over the deciding assumptions (src/trial/b47.ts); `--out` writes
 * outcomes.csv (one row per patient), km.svg (Kaplan-Meier curves), result.json and scan.csv.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { formatP as pval } from '../../report/format.js';
import {
  B47,
  kmSvg,
  outcomesCsv,
  runB47,
  type ScanResult,
  scanB47,
  scanCsv,
  type TrialResult,
} from '../../trial/index.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { progressBar } from '../progress.js';

const options = {
  patients: { type: 'string', value: 'N', help: 'patients randomised', default: '3270' },
  seed: { type: 'string', value: 'S', help: 'random seed (integer >= 0)', default: '1' },
  workers: {
    type: 'string',
    value: 'N',
    help: 'worker threads (default: the cores, at most 4); results do not depend on it',
  },
  scan: { type: 'boolean', help: 'also scan HER2 share x dormancy x Fc-receptor killing (minutes)' },
  'scan-patients': { type: 'string', value: 'N', help: 'patients per scan point', default: '1000' },
  json: { type: 'boolean', help: 'print the results as JSON on stdout' },
  out: { type: 'string', value: 'DIR', help: 'write outcomes.csv, km.svg, result.json (and scan.csv)' },
} as const;

const pct = (x: number): string => (Number.isFinite(x) ? (x * 100).toFixed(1) : 'NA');
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'NA');

/** The comparison table, model beside B-47. */
export function trialTable(r: TrialResult): string {
  const a = r.analysis;
  const rows: string[][] = [['', 'n', 'events', '5-y DFS % (95% CI)', 'B-47']];
  for (const arm of a.arms) {
    rows.push([
      arm.arm === 'control' ? 'chemotherapy' : 'chemotherapy + trastuzumab',
      String(arm.n),
      String(arm.events),
      `${pct(arm.dfs5)} (${pct(arm.dfs5Lower)}-${pct(arm.dfs5Upper)})`,
      `${pct(B47.dfs5[arm.arm])}`,
    ]);
  }
  rows.push([
    'hazard ratio (Cox)',
    '',
    '',
    `${f2(a.cox.hr)} (${f2(a.cox.lower)}-${f2(a.cox.upper)}), p ${pval(a.cox.p)}`,
    `${B47.hr} (${B47.lower}-${B47.upper}), p ${B47.p}`,
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
    ? `control 5-y DFS calibrated to ${pct(r.calibration.target)}% (an input): ${r.micrometMean.toFixed(3)} micrometastases per patient (${r.calibration.pilotPatients} pilot patients)`
    : `${r.micrometMean.toFixed(3)} micrometastases per patient (given)`;
  const b = a.benefit;
  return [
    `Virtual NSABP B-47: ${r.patients} patients, seed ${r.seed}; ${cal}`,
    ...lines,
    `model HR over both outcomes of every patient: ${f2(a.counterfactual.hr)} (${f2(a.counterfactual.lower)}-${f2(a.counterfactual.upper)})`,
    `individual benefit: of ${b.recurredControl} patients recurring without trastuzumab, ${b.prevented} prevented, ${b.delayed} delayed; ${b.caused} caused, ${b.hastened} hastened`,
    `median follow-up ${f2(a.medianFollowUpMonths)} months (B-47: ${B47.medianFollowUpMonths}); ${(r.elapsedMs / 1000).toFixed(1)} s`,
    '',
  ].join('\n');
}

function scanTable(s: ScanResult): string {
  const ids = Object.keys(s.grid);
  const head = [...ids, 'HR (95% CI)', 'prevented/recurred', 'B-47', 'C4 (mice)'];
  const rows = s.points.map((p) => [
    ...ids.map((id) => String((p.values as Record<string, number>)[id])),
    `${f2(p.hr.hr)} (${f2(p.hr.lower)}-${f2(p.hr.upper)})`,
    `${p.prevented}/${p.recurredControl}`,
    p.b47 ? 'compatible' : '-',
    p.c4 === null ? 'n/a' : p.c4 ? 'holds' : 'fails',
  ]);
  const all = [head, ...rows];
  const width = head.map((_, j) => Math.max(...all.map((row) => row[j]!.length)));
  const both = s.points.filter((p) => p.b47 && p.c4 !== false).length;
  return [
    `Scan (${s.patients} patients per point; HR over both outcomes of every patient):`,
    ...all.map((row) =>
      row
        .map((c, j) => c.padEnd(width[j]!))
        .join('  ')
        .trimEnd(),
    ),
    `${both} of ${s.points.length} points compatible with B-47's interval (${B47.lower}-${B47.upper}) and with C4 in mice`,
    '',
  ].join('\n');
}

function jsonOf(r: TrialResult, scan?: ScanResult): unknown {
  const { outcomes: _o, analysis, ...rest } = r;
  const arms = analysis.arms.map(({ km, ...a }) => ({ ...a, km: { time: km.time, surv: km.surv } }));
  return {
    b47: B47,
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

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, options);
  const [which, extra] = args.positionals;
  if (which !== 'b47')
    throw new UsageError(`expected the trial name 'b47', got ${which ? `'${which}'` : 'nothing'}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`);
  const patients = optNumber(args, 'patients', { integer: true, min: 1 }) ?? 3270;
  const seed = optNumber(args, 'seed', { integer: true, min: 0 }) ?? 1;
  if (!Number.isSafeInteger(seed))
    throw new UsageError(`--seed: expected an integer below 2^53, got '${seed}'`);
  const workers =
    optNumber(args, 'workers', { integer: true, min: 1 }) ?? Math.max(1, Math.min(4, availableParallelism()));
  const scanPatients = optNumber(args, 'scan-patients', { integer: true, min: 1 }) ?? 1000;
  const out = optString(args, 'out');
  const bar = progressBar(io, 'patients');
  const r = await runB47({
    patients,
    seed,
    workers,
    onProgress: (_, done, total) => bar.update(done, total),
  });
  bar.done();
  let scan: ScanResult | undefined;
  if (optFlag(args, 'scan')) {
    const sb = progressBar(io, 'scan points');
    scan = await scanB47({ patients: scanPatients, seed, workers, onPoint: (d, t) => sb.update(d, t) });
    sb.done();
  }
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'outcomes.csv'), outcomesCsv(r));
    writeFileSync(join(out, 'km.svg'), kmSvg(r));
    writeFileSync(join(out, 'result.json'), `${stringify(jsonOf(r, scan))}\n`);
    if (scan) writeFileSync(join(out, 'scan.csv'), scanCsv(scan));
  }
  if (optFlag(args, 'json')) io.stdout(`${stringify(jsonOf(r, scan))}\n`);
  else io.stdout(trialTable(r) + (scan ? `\n${scanTable(scan)}` : ''));
  io.stderr(
    `trial b47: ${patients} patients in ${(r.elapsedMs / 1000).toFixed(1)} s on ${workers} worker(s)${out ? `; files in ${out}/` : ''}\n`,
  );
  return 0;
}

export const trialCommand: Command = {
  name: 'trial',
  summary: 'virtual NSABP B-47: the HER2-CSC model in an adjuvant trial of HER2-low patients',
  usage: 'cscsim trial b47 [--patients N] [--seed S] [--workers N] [--scan] [--json] [--out DIR]',
  options,
  run,
};
