/**
 * Survival benchmark: one trial analysis (Kaplan-Meier per arm with medians and their CIs, the log-rank
 * test, Cox regression with Efron ties) by cscsim against R's survival package (survfit + quantile,
 * survdiff, coxph) on the same data. Each side times only the analysis on its own process CPU clock
 * (user + system), data already in memory: ours through bench/timing.ts, R in r-survival.R with the
 * same batching (fastest batch, per analysis). ratio = ms / peer_ms (below 1: we are faster).
 * Problems: the shared fixture's large synthetic trial (20,000 subjects, continuous times), and generated
 * NSABP B-47-like trials (3,270 and 100,000 subjects; times in whole days, so with many ties).
 * Without Rscript (or the fixture) the rows say so in `note`.
 *
 * usage: npx tsx bench/survival/run.ts [--json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stream } from '../../src/random/rng.js';
import { coxTwoGroup, kaplanMeierByGroup, logRank } from '../../src/trial/survival/index.js';
import type { BenchRow } from '../ssa/run.js';
import { timeCall } from '../timing.js';

interface Trial {
  problem: string;
  time: Float64Array;
  status: Float64Array;
  group: string[];
}

const BATCH_MS = 400;
const BATCHES = 5;

/**
 * A B-47-like adjuvant trial: two arms, exponential recurrence with 5-year invasive-DFS 89.8% (control)
 * and HR 0.98, accrual uniform over 5 years, analysis at year 10; times in whole days.
 */
export function b47Like(n: number, seed: number): Trial {
  const rng = stream(seed, 0);
  const lambda = -Math.log(0.898) / 5; // per year
  const time = new Float64Array(n);
  const status = new Float64Array(n);
  const group: string[] = [];
  for (let i = 0; i < n; i++) {
    const treated = i % 2 === 1;
    const t = rng.exponential() / (lambda * (treated ? 0.98 : 1));
    const followUp = 10 - 5 * rng.uniform();
    time[i] = Math.max(1, Math.round(Math.min(t, followUp) * 365.25));
    status[i] = t <= followUp ? 1 : 0;
    group.push(treated ? 'chemo+trastuzumab' : 'chemo');
  }
  return { problem: `b47-like (n=${n}, days)`, time, status, group };
}

function fixtureTrial(): Trial | string {
  const file = fileURLToPath(
    new URL('../../../shared/survival-fixtures/synth-trial-large.json', import.meta.url),
  );
  if (!existsSync(file)) return `fixture ${file} absent`;
  const fx = JSON.parse(readFileSync(file, 'utf8')) as {
    data: { time: number[]; status: number[]; group: string[] };
  };
  const { time, status, group } = fx.data;
  return {
    problem: `synth-trial-large (n=${time.length})`,
    time: Float64Array.from(time),
    status: Float64Array.from(status),
    group,
  };
}

function analyse(t: Trial, reference: string): number {
  const km = kaplanMeierByGroup(t.time, t.status, t.group);
  const lr = logRank(t.time, t.status, t.group);
  const cox = coxTwoGroup(t.time, t.status, t.group, reference);
  return km.size + lr.chisq + cox.coef[0];
}

function hasRscript(): string | null {
  try {
    execFileSync('Rscript', ['-e', 'suppressMessages(library(survival))'], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `Rscript with survival unavailable (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
}

function timeR(t: Trial, dir: string): { ms: number; coef: number } {
  const csv = join(dir, 'trial.csv');
  const lines = ['time,status,group'];
  for (let i = 0; i < t.time.length; i++) lines.push(`${t.time[i]},${t.status[i]},${t.group[i]}`);
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const script = fileURLToPath(new URL('./r-survival.R', import.meta.url));
  const out = execFileSync('Rscript', [script, csv, String(BATCH_MS), String(BATCHES)], { encoding: 'utf8' });
  const [ms, coef] = out.trim().split(/\s+/).map(Number);
  return { ms: ms!, coef: coef! };
}

export function runSurvivalBench(log: (s: string) => void = () => {}): BenchRow[] {
  const trials: (Trial | string)[] = [fixtureTrial(), b47Like(3270, 47), b47Like(100000, 1)];
  const noR = hasRscript();
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-survival-bench-'));
  const rows: BenchRow[] = [];
  try {
    for (const t of trials) {
      if (typeof t === 'string') {
        rows.push(row('synth-trial-large', null, null, t));
        continue;
      }
      const levels = [...new Set(t.group)].sort();
      const reference = levels[0]!;
      const ours = timeCall(() => analyse(t, reference), {
        batchMs: BATCH_MS,
        batches: BATCHES,
        warmupMs: 300,
      });
      log(`${t.problem}: ours ${ours.ms.toFixed(2)} ms`);
      if (noR) {
        rows.push(row(t.problem, ours.ms, null, noR));
        continue;
      }
      const r = timeR(t, dir);
      const coef = coxTwoGroup(t.time, t.status, t.group, reference).coef[0];
      const agree = Math.abs(coef - r.coef) / Math.abs(r.coef);
      log(`${t.problem}: R ${r.ms.toFixed(2)} ms; Cox coef ours ${coef}, R ${r.coef}`);
      rows.push(
        row(
          t.problem,
          ours.ms,
          r.ms,
          `Cox coef agrees with R to ${agree.toExponential(1)} relative; ${ours.reps} reps/batch`,
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function row(problem: string, ms: number | null, peerMs: number | null, note?: string): BenchRow {
  return {
    problem,
    solver: 'km+logrank+cox-efron',
    ms,
    error: null,
    peer: 'r-survival',
    peer_ms: peerMs,
    peer_error: null,
    ratio: ms !== null && peerMs !== null && peerMs > 0 ? ms / peerMs : null,
    ...(note ? { note } : {}),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const json = process.argv.includes('--json');
  const rows = runSurvivalBench(json ? () => {} : (s) => console.error(s));
  if (json) console.log(JSON.stringify(rows, null, 2));
  else {
    const f = (v: number | null, d = 2) => (v === null ? 'n/a' : v.toFixed(d));
    console.log('problem                          ours ms    R ms   ratio  note');
    for (const r of rows)
      console.log(
        `${r.problem.padEnd(32)} ${f(r.ms).padStart(7)} ${f(r.peer_ms).padStart(7)} ${f(r.ratio, 3).padStart(7)}  ${r.note ?? ''}`,
      );
  }
}
