/**
 * The flagship model stochastically: the 40-day MCF7 fat-pad HER2-CSC model with trastuzumab (10 mg/kg
 * twice weekly from day 1), as `cscsim simulate her2csc-mcf7-fatpad-trastuzumab --stochastic` runs it:
 * whole cells by the largest-remainder rule, the drug (mg/kg, not a count) continuous.
 * Speed: CPU ms per run of the hybrid and of tau-leaping on the full model (1e6 cells).
 * Accuracy: on the down-scaled inoculum (1e4 cells), where our exact direct method is affordable, each
 * method's ensemble is compared with the direct method's by the DSMTS Z/Y checks (src/analysis/dsmts.ts,
 * effective n for two ensembles) at every day for S, P1, P4, P7, P10, D and N. Tau-leaping walks a fixed
 * ladder of epsilon and keeps the first rung that passes. Peer (same process, same run): the direct method
 * on the down-scaled model, ms per run.
 * Usage: npx tsx bench/ssa/her2.ts [--json]; CSCSIM_HER2_RUNS (default 2000) sets the ensembles' size.
 */
import { compareEnsembles, describe, passes, type Tally } from '../../src/analysis/dsmts.js';
import type { EnsembleResult } from '../../src/engines/ssa/ensemble.js';
import type { SsaMethodName, SsaTuning } from '../../src/engines/ssa/method.js';
import { compile } from '../../src/model/compile.js';
import { nonCountSpecies, wholeCountsInitial } from '../../src/model/whole-counts.js';
import { her2Csc } from '../../src/models/index.js';
import { simulate } from '../../src/parallel/ensemble.js';
import type { BenchRow } from './run.js';

export const OUTPUTS = ['S', 'P1', 'P4', 'P7', 'P10', 'D', 'N'];
export const EPSILONS = [0.03, 0.01, 0.003];

/** The built-in model's problem at an inoculum, with its whole-cell start and continuous species. */
export function her2Problem(inoculum: number) {
  const model = her2Csc('MCF7', {
    site: 'fatpad',
    inoculum,
    schedules: [{ regimen: 'mouse-10-biw', start: 1 }],
  });
  const problem = compile(model);
  const continuous = nonCountSpecies(model);
  return { problem, continuous, y0: wholeCountsInitial(model, problem, problem.p, continuous) };
}

export interface Ensemble {
  readonly res: EnsembleResult;
  readonly runs: number;
  /** Process CPU ms per run (worker threads included). */
  readonly cpuPerRun: number;
}

/** An ensemble of the HER2 model at an inoculum, daily outputs to tEnd. */
export async function her2Ensemble(
  inoculum: number,
  method: SsaMethodName,
  runs: number,
  tEnd: number,
  options: {
    seed?: number;
    tuning?: SsaTuning;
    outputs?: readonly string[];
    workers?: number;
    /** Test hook: parameters multiplied by these factors (a deliberately wrong simulator). */
    scale?: Readonly<Record<string, number>>;
  } = {},
): Promise<Ensemble> {
  const { problem, continuous, y0 } = her2Problem(inoculum);
  const p = Float64Array.from(problem.p);
  for (const [id, f] of Object.entries(options.scale ?? {})) p[problem.paramIndex.get(id)!]! *= f;
  const c0 = process.cpuUsage();
  const res = await simulate(problem, {
    method,
    runs,
    seed: options.seed ?? 1,
    p,
    y0,
    outputTimes: Array.from({ length: tEnd + 1 }, (_, i) => i),
    outputs: options.outputs ?? OUTPUTS,
    quantiles: [],
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    tuning: { continuous, ...options.tuning },
  });
  const c = process.cpuUsage(c0);
  return { res, runs, cpuPerRun: (c.user + c.system) / 1000 / runs };
}

/** DSMTS Z/Y of `test` against the reference ensemble, at every output after t0. */
export function judgeAgainst(test: Ensemble, ref: Ensemble): Tally {
  const w = ref.res.ids.length;
  const cells = Array.from({ length: (ref.res.t.length - 1) * w }, (_, k) => w + k);
  return compareEnsembles(
    { mean: test.res.mean, sd: test.res.sd, n: test.runs },
    { mean: ref.res.mean, sd: ref.res.sd, n: ref.runs },
    cells,
  );
}

function row(solver: 'hybrid' | 'tau', ms: number, peerMs: number, note: string): BenchRow {
  return {
    problem: `ssa-her2-${solver}`,
    solver: solver === 'tau' ? 'tau-leap' : 'hybrid',
    ms,
    error: null,
    peer: 'direct (ours, 1e4 cells)',
    peer_ms: peerMs,
    peer_error: null,
    ratio: ms / peerMs,
    note,
  };
}

export async function runHer2Bench(log: (s: string) => void = () => {}): Promise<BenchRow[]> {
  const runs = Number(process.env.CSCSIM_HER2_RUNS ?? 2000);
  const timed = 100;
  const T = 40;
  log(`her2: direct, 1e4 cells, ${runs} runs (the reference)`);
  const ref = await her2Ensemble(1e4, 'direct', runs, T);
  log(`her2: direct ${ref.cpuPerRun.toFixed(1)} CPU ms/run at 1e4 cells`);
  const rows: BenchRow[] = [];
  for (const [method, solver] of [
    ['hybrid', 'hybrid'],
    ['tau-leap', 'tau'],
  ] as const) {
    const ladder: (number | undefined)[] = method === 'tau-leap' ? EPSILONS : [undefined];
    const tried: string[] = [];
    let chosen: SsaTuning = {};
    for (const eps of ladder) {
      const tuning: SsaTuning = eps === undefined ? {} : { epsilon: eps };
      const e = await her2Ensemble(1e4, method, runs, T, { seed: 2, tuning });
      const acc = judgeAgainst(e, ref);
      const what = `${eps !== undefined ? `epsilon ${eps}: ` : ''}${passes(acc) ? 'passes' : 'FAILS'} at 1e4 cells (${describe(acc)}; ${e.cpuPerRun.toFixed(1)} ms/run)`;
      log(`her2: ${method} ${what}`);
      tried.push(what);
      chosen = tuning;
      if (passes(acc)) break;
    }
    const full = await her2Ensemble(1e6, method, timed, T, { tuning: chosen });
    const note = `1e6 cells, 40 days, ${timed} runs, process CPU ms per run, ${Math.round(full.res.stats.steps / timed)} steps and ${Math.round(full.res.stats.firings / timed)} firings per run; vs ${runs} exact direct runs at 1e4 cells (${ref.cpuPerRun.toFixed(1)} ms/run) by the DSMTS Z/Y checks, ${runs} runs: ${tried.join('; ')}`;
    log(`her2: ${method} ${full.cpuPerRun.toFixed(1)} ms/run; ${note}`);
    rows.push(row(solver, full.cpuPerRun, ref.cpuPerRun, note));
  }
  return rows;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const json = process.argv.includes('--json');
  const rows = await runHer2Bench((s) => process.stderr.write(`${s}\n`));
  for (const r of rows)
    console.log(json ? JSON.stringify(r) : `${r.problem}: ${r.ms?.toFixed(2)} ms/run; ${r.note}`);
}
