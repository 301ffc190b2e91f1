/**
 * Large populations: tau-leaping and the hybrid method against the exact direct method (ours and the
 * plain C peer of direct.c), at the accuracy the DSMTS checks demand.
 * Network: linear birth-death X -> 2X (0.1 X), X -> 0 (0.11 X), DSMTS 00001's rates, from X0 = 1e4 and 1e5,
 * t in [0, 50], 51 outputs. Its mean and sd are known in closed form (Bailey 1964):
 *   m(t) = X0 e^(r t), var(t) = X0 (lambda + mu) / r * e^(r t) (e^(r t) - 1), r = lambda - mu.
 * Accuracy: an ensemble of n = 10,000 runs judged as src/io/suite/stochastic.ts judges a DSMTS case:
 * Z = sqrt(n)(mean - m)/sd in (-3, 3) and Y = sqrt(n/2)(var/sd^2 - 1) in (-5, 5) at every output time
 * after t0, passing with at most 1% of the points outside.
 * Tau-leaping's accuracy is set by epsilon: the bench walks a fixed ladder (0.03 down to 3e-4) and keeps
 * the first epsilon that passes. The hybrid integrates large species deterministically and is expected to
 * fail the sd check here (it is reported, not tuned).
 * A second, multiscale case is the hybrid's own ground (see DRUG below).
 * Speed: CPU ms per run (the exact methods on fewer runs; the time scales with runs). ratio = method's ms
 * per run / C direct's ms per run.
 * Usage: npx tsx bench/ssa/large.ts [--json]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addY, addZ, emptyTally, passes, type Tally, yScore, zScore } from '../../src/analysis/dsmts.js';
import type { SsaMethodName } from '../../src/engines/ssa/method.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { simulate } from '../../src/parallel/ensemble.js';
import type { BenchRow } from './run.js';

const LAMBDA = 0.1;
const MU = 0.11;
const T_END = 50;
const N_OUT = 51;
const N_CHECK = 10_000;
const EPSILONS = [0.03, 0.01, 0.003, 0.001, 0.0003];

function row(problem: string, solver: string, ms: number, peerMs: number | null, note: string): BenchRow {
  return {
    problem,
    solver,
    ms,
    error: null,
    peer: 'c-direct',
    peer_ms: peerMs,
    peer_error: null,
    ratio: peerMs === null ? null : ms / peerMs,
    note,
  };
}

function model(x0: number) {
  const src = { unit: '1/day', source: 'DSMTS 00001 rates' };
  return new ModelBuilder(`bd_large_${x0}`)
    .compartment('c', 1)
    .param('lambda', LAMBDA, src)
    .param('mu', MU, src)
    .species('X', { compartment: 'c', initial: x0 })
    .reaction('birth', 'X -> 2 X', 'lambda * X')
    .reaction('death', 'X ->', 'mu * X')
    .build();
}

/**
 * The multiscale case for the hybrid method: a small CSC pool S (S -> 2S at b S, S -> 0 at d0 S) killed by a
 * drug D present in large numbers (S + D -> D at kd S D) that is eliminated (D -> 0 at k D). D stays above
 * 8e5 molecules, S in the hundreds: the hybrid integrates D and keeps S exact. With D(t) = D0 e^(-k t) (its
 * relative noise, ~1e-3, is negligible for S), S is a linear birth-death process with death rate
 * d(t) = d0 + kd D(t), whose moments are closed-form (Kendall 1948): with rho(t) = int_0^t (b - d),
 * E S = S0 e^rho and Var S = S0 (2 e^(2 rho) int_0^t b e^(-rho(s)) ds + e^rho - e^(2 rho)).
 */
const DRUG = { b: 1, d0: 0.9, kd: 2e-8, k: 0.05, s0: 100, dose: 1e7 };

function drugModel() {
  const src = { unit: '1/day', source: 'assumed: benchmark' };
  return new ModelBuilder('ssa_drug')
    .compartment('c', 1)
    .param('b', DRUG.b, src)
    .param('d0', DRUG.d0, src)
    .param('kd', DRUG.kd, { unit: '1/day', source: 'assumed: benchmark' })
    .param('k', DRUG.k, src)
    .species('S', { compartment: 'c', initial: DRUG.s0 })
    .species('D', { compartment: 'c', initial: DRUG.dose })
    .reaction('renew', 'S -> 2 S', 'b * S')
    .reaction('death', 'S ->', 'd0 * S')
    .reaction('kill', 'S + D -> D', 'kd * S * D')
    .reaction('elimination', 'D ->', 'k * D')
    .build();
}

function drugExact(t: number): { s: { m: number; sd: number }; d: { m: number; sd: number } } {
  const { b, d0, kd, k, s0, dose } = DRUG;
  const rho = (u: number) => (b - d0) * u - (kd * dose * (1 - Math.exp(-k * u))) / k;
  // Simpson's rule on 2,000 intervals: the integrand is smooth.
  const n = 2000;
  const h = t / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) sum += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * b * Math.exp(-rho(i * h));
  const integral = (sum * h) / 3;
  const r = rho(t);
  const e = Math.exp(r);
  const pD = Math.exp(-k * t);
  return {
    s: { m: s0 * e, sd: Math.sqrt(s0 * (2 * e * e * integral + e - e * e)) },
    d: { m: dose * pD, sd: Math.sqrt(dose * pD * (1 - pD)) },
  };
}

function exact(x0: number, t: number): { m: number; sd: number } {
  const r = LAMBDA - MU;
  const e = Math.exp(r * t);
  return { m: x0 * e, sd: Math.sqrt(((x0 * (LAMBDA + MU)) / r) * e * (e - 1)) };
}

type Accuracy = Tally;

function judge(
  x0: number,
  times: readonly number[],
  mean: Float64Array,
  sd: Float64Array,
  n: number,
): Accuracy {
  const acc = emptyTally();
  for (let i = 1; i < times.length; i++) {
    const ex = exact(x0, times[i]);
    addZ(acc, zScore(n, mean[i], ex.m, ex.sd));
    addY(acc, yScore(n, sd[i], ex.sd));
  }
  return acc;
}

const cpuMs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** C's direct method on a network of direct.c: wall ms per run, best of `reps`. */
function cDirectPerRun(exe: string, network: string, runs: number, reps: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let rep = 0; rep < reps; rep++) {
    const out = execFileSync(exe, [network, String(runs), '1', String(T_END), String(N_OUT)], {
      encoding: 'utf8',
    });
    best = Math.min(best, (JSON.parse(out) as { ms: number }).ms);
  }
  return best / runs;
}

/**
 * Our exact direct method timed like the C side: wall ms per run, best of 3, after a warm-up of
 * `warmRuns` runs for the JIT. The time scales with runs.
 */
async function exactPerRun(
  problem: ReturnType<typeof compile>,
  runs: number,
  warmRuns: number,
  times: readonly number[],
): Promise<{ perRun: number; firings: number }> {
  await simulate(problem, { method: 'direct', runs: warmRuns, seed: 9, outputTimes: times, quantiles: [] });
  let perRun = Number.POSITIVE_INFINITY;
  let firings = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    const res = await simulate(problem, {
      method: 'direct',
      runs,
      seed: 1,
      outputTimes: times,
      quantiles: [],
    });
    perRun = Math.min(perRun, (performance.now() - t0) / runs);
    firings = res.stats.firings;
  }
  return { perRun, firings };
}

export async function runLargeBench(log: (s: string) => void = () => {}): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-ssa-large-'));
  const exe = join(dir, 'direct');
  const rows: BenchRow[] = [];
  try {
    let cError: string | undefined;
    try {
      execFileSync('gcc', ['-O2', '-o', exe, fileURLToPath(new URL('./direct.c', import.meta.url)), '-lm'], {
        stdio: 'pipe',
      });
    } catch (e) {
      cError = `gcc failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
    const times = Array.from({ length: N_OUT }, (_, i) => (T_END * i) / (N_OUT - 1));
    if (process.env.CSCSIM_BENCH_ONLY !== 'multiscale')
      rows.push(...(await birthDeath(exe, cError, times, log)));
    rows.push(...(await multiscale(cError ? null : exe, times, log)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function birthDeath(
  exe: string,
  cError: string | undefined,
  times: readonly number[],
  log: (s: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const x0 of [1e4, 1e5]) {
    const problem = compile(model(x0));
    const exactRuns = x0 >= 1e5 ? 10 : 100;
    const problemId = `ssa-large-bd-${x0.toExponential(0).replace('+', '')}`;
    const cPerRun = cError ? null : cDirectPerRun(exe, `bd-large:${x0}`, exactRuns, 3);
    {
      const { perRun, firings } = await exactPerRun(problem, exactRuns, exactRuns / 5, times);
      const note = `exact; ${exactRuns} runs timed (wall, best of 3, as C), ${Math.round(firings / exactRuns)} firings per run`;
      log(`bd X0 = ${x0} direct: ${perRun.toFixed(3)} ms/run; ${note}`);
      rows.push(row(problemId, 'direct', perRun, cPerRun, cError ? `${note}; ${cError}` : note));
    }
    // Approximate methods: 10,000 runs, timed and judged. Tau-leaping walks down a fixed ladder of
    // epsilon (CGP 2006's error control) and reports the first that passes, with every rung in the note.
    for (const method of ['tau-leap', 'hybrid'] as SsaMethodName[]) {
      const ladder = method === 'tau-leap' ? EPSILONS : [undefined];
      const tried: string[] = [];
      let last: { perRun: number; note: string } | null = null;
      for (const eps of ladder) {
        const t0 = process.cpuUsage();
        const res = await simulate(problem, {
          method,
          runs: N_CHECK,
          seed: 1,
          outputTimes: times,
          quantiles: [],
          ...(eps !== undefined ? { tuning: { epsilon: eps } } : {}),
        });
        const perRun = cpuMs(t0) / N_CHECK;
        const acc = judge(x0, times, res.mean, res.sd, N_CHECK);
        const pass = passes(acc);
        const what = `${eps !== undefined ? `epsilon ${eps}: ` : ''}${pass ? 'passes' : 'FAILS'} (${acc.outside} of ${acc.points} points outside, worst Z ${acc.worstZ.toFixed(2)}, Y ${acc.worstY.toFixed(2)}; ${Math.round(res.stats.steps / N_CHECK)} steps/run, ${perRun.toFixed(3)} ms/run)`;
        tried.push(what);
        last = { perRun, note: what };
        log(`bd X0 = ${x0} ${method} ${what}`);
        if (pass) break;
      }
      const note = `${N_CHECK} runs judged by the DSMTS checks: ${tried.join('; ')}${
        method === 'hybrid'
          ? '. The hybrid integrates species above its threshold deterministically (sd 0): it is built for models mixing small and large populations, not for this one'
          : ''
      }`;
      rows.push(row(problemId, method, last!.perRun, cPerRun, cError ? `${note}; ${cError}` : note));
    }
  }
  return rows;
}

/** Z and Y of S at every output time after t0, and Z of D (the hybrid carries a continuous species' mean only). */
function judgeDrug(times: readonly number[], mean: Float64Array, sd: Float64Array, n: number): Accuracy {
  const acc = emptyTally();
  for (let i = 1; i < times.length; i++) {
    const ex = drugExact(times[i]);
    addZ(acc, zScore(n, mean[2 * i], ex.s.m, ex.s.sd));
    addZ(acc, zScore(n, mean[2 * i + 1], ex.d.m, ex.d.sd));
    addY(acc, yScore(n, sd[2 * i], ex.s.sd));
  }
  return acc;
}

async function multiscale(
  exe: string | null,
  times: readonly number[],
  log: (s: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const problem = compile(drugModel());
  const problemId = 'ssa-multiscale-drug';
  const exactRuns = 2;
  const cPerRun = exe === null ? null : cDirectPerRun(exe, 'drug', exactRuns, 2);
  const row2 = (solver: string, ms: number, note: string): BenchRow =>
    row(problemId, solver, ms, cPerRun, note);
  {
    const { perRun, firings } = await exactPerRun(problem, exactRuns, 1, times);
    const note = `exact; ${exactRuns} runs timed (wall, best of 3), ${Math.round(firings / exactRuns)} firings per run (nearly all drug elimination)`;
    log(`drug direct: ${perRun.toFixed(1)} ms/run; ${note}`);
    rows.push(row2('direct', perRun, note));
  }
  // Tau-leaping has no edge here (the small S pool keeps its steps short), so only its first rungs run.
  for (const [method, ladder] of [
    ['hybrid', [undefined]],
    ['tau-leap', EPSILONS.slice(0, 3)],
  ] as [SsaMethodName, (number | undefined)[]][]) {
    const tried: string[] = [];
    let last = 0;
    for (const eps of ladder) {
      const tuning = method === 'hybrid' ? { hybridThreshold: 1e4 } : { epsilon: eps };
      const t0 = process.cpuUsage();
      const res = await simulate(problem, {
        method,
        runs: N_CHECK,
        seed: 1,
        outputTimes: times,
        quantiles: [],
        tuning,
      });
      last = cpuMs(t0) / N_CHECK;
      const acc = judgeDrug(times, res.mean, res.sd, N_CHECK);
      const pass = passes(acc);
      const what = `${eps !== undefined ? `epsilon ${eps}: ` : 'threshold 1e4: '}${pass ? 'passes' : 'FAILS'} (${acc.outside} of ${acc.points} points outside, worst Z ${acc.worstZ.toFixed(2)}, Y(S) ${acc.worstY.toFixed(2)}; ${last.toFixed(3)} ms/run)`;
      tried.push(what);
      log(`drug ${method} ${what}`);
      if (pass) break;
    }
    rows.push(
      row2(
        method,
        last,
        `${N_CHECK} runs judged on S (Z and Y) and D (Z; a continuous species carries its mean): ${tried.join('; ')}`,
      ),
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const json = process.argv.includes('--json');
  const rows = await runLargeBench((s) => process.stderr.write(`${s}\n`));
  for (const r of rows)
    console.log(
      json
        ? JSON.stringify(r)
        : `${r.problem} ${r.solver}: ${r.ms?.toFixed(3)} ms/run, C direct ${r.peer_ms?.toFixed(3)}, ratio ${r.ratio?.toFixed(4)}; ${r.note}`,
    );
}
