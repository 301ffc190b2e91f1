/**
 * ABC-SMC engine benchmarks (rows for `npm run bench`):
 * - overhead: CPU time per candidate of the whole engine (proposal from the kernel mixture, importance
 *   weight, distance, batching, assembly in index order) with a simulation that costs ~nothing, beside
 *   the 1 ms simulation it is measured against (goal: ratio < 0.02);
 * - scaling: wall time per candidate of generations 1+ with a ~1 ms simulation, two worker threads beside
 *   one (the calling thread), runs interleaved, best of REPS each (goal: ratio = 2 workers / 1 worker
 *   <= 1/1.8). Generation 0 is left out: it includes starting the threads.
 * On a machine shared with other jobs the wall-time row measures the share of the cores we got too.
 */
import { type AbcResult, abcSmc, type ProblemSpec, parseProblem } from '../../src/fit/index.js';
import type { Row } from '../rows.js';

/** Rows in the shape of bench/rows.ts. */
export type FitRow = Row;

const problem = (work: number): ProblemSpec =>
  parseProblem({
    simulator: 'normal-mean',
    options: { n: 1, sigma: 1, work },
    parameters: [{ id: 'mu', prior: { type: 'normal', mean: 0, sd: 1 } }],
    observed: { mean: 0.8 },
    distance: { type: 'fixed' },
  });

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Dummy-loop iterations that cost about `ms` of CPU in this process. */
function calibrate(ms: number): number {
  let x = 0.5;
  const t0 = cpuMs();
  const n = 2e7;
  for (let i = 0; i < n; i++) x = x * 0.999999 + 1e-9;
  const per = (cpuMs() - t0) / n + (x > 1e9 ? 1 : 0);
  return Math.round(ms / per);
}

/** Seconds and candidates of generations >= 1. */
function laterGenerations(r: AbcResult): { seconds: number; candidates: number } {
  const g = r.generations.slice(1);
  return {
    seconds: g.reduce((s, x) => s + x.seconds, 0),
    candidates: g.reduce((s, x) => s + x.evaluations, 0),
  };
}

export async function runFitBench(log: (s: string) => void = () => {}, quick = false): Promise<FitRow[]> {
  const rows: FitRow[] = [];
  // 1. Engine overhead per candidate (CPU), zero-cost simulation, 1000 particles, 6 generations.
  log('bench: fit, engine overhead per candidate');
  let best = Number.POSITIVE_INFINITY;
  let cands = 0;
  for (let rep = 0; rep < (quick ? 2 : 4); rep++) {
    const t0 = cpuMs();
    const r = await abcSmc(problem(0), { particles: 1000, seed: 1 + rep, maxGenerations: 6 });
    const per = (cpuMs() - t0) / r.evaluations;
    if (per < best) {
      best = per;
      cands = r.evaluations;
    }
  }
  rows.push({
    problem: 'abc-smc overhead per candidate (1000 particles)',
    solver: 'cscsim abc-smc',
    ms: best,
    error: null,
    peer: 'a 1 ms simulation',
    peer_ms: 1,
    peer_error: null,
    ratio: best,
    note: `abc-smc overhead: CPU per candidate with a zero-cost simulation, best of runs of ${cands} candidates; goal ratio < 0.02`,
  });
  // 2. Two workers against one with a ~1 ms simulation.
  const work = calibrate(1);
  log(`bench: fit, 1 vs 2 workers (1 ms simulation = ${work} loop iterations)`);
  const spec = problem(work);
  const per: Record<1 | 2, number> = { 1: Number.POSITIVE_INFINITY, 2: Number.POSITIVE_INFINITY };
  for (let rep = 0; rep < (quick ? 1 : 3); rep++)
    for (const w of [1, 2] as const) {
      const r = await abcSmc(spec, { particles: quick ? 200 : 400, seed: 1, maxGenerations: 4, workers: w });
      const { seconds, candidates } = laterGenerations(r);
      per[w] = Math.min(per[w], (seconds * 1000) / candidates);
    }
  rows.push({
    problem: 'abc-smc 1 ms simulation, wall per candidate',
    solver: 'cscsim abc-smc 2 workers',
    ms: per[2],
    error: null,
    peer: 'cscsim abc-smc 1 worker',
    peer_ms: per[1],
    peer_error: null,
    ratio: per[2] / per[1],
    note: `abc-smc scaling: speed-up ${(per[1] / per[2]).toFixed(2)}x with 2 workers (goal >= 1.8x on 2 cores; wall time, so a loaded machine lowers it)`,
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runFitBench((s) => process.stderr.write(`${s}\n`), process.argv.includes('--quick'));
  process.stdout.write(`${JSON.stringify(rows, null, 1)}\n`);
}
