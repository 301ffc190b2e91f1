/**
 * Ensembles of stochastic trajectories: `simulate(problem, options)` runs `runs` trajectories, run i
 * drawing from stream(seed, i), and summarises them per output time (mean, sd, exact quantiles,
 * extinction fractions). With `workers > 1` runs are split into chunks over worker_threads; each worker
 * recompiles the model value, returns per-run outputs for its chunk, and the main thread accumulates
 * chunks strictly in run order, so results are bit-identical for any worker count.
 */
import type { Worker } from 'node:worker_threads';
import { InputError } from '../../errors.js';
import type { CompiledProblem } from '../../model/compile.js';
import { fromWire, startWorker, type WireError } from '../../parallel/workers.js';
import type { Problem } from '../../problem/types.js';
import { Accumulator } from './accumulate.js';
import type { SsaMethodName, SsaStats, SsaTuning } from './method.js';
import { createRunner, type RunSpec } from './runner.js';

/** Upper bound on worker threads, whatever is asked (each holds a compiled model). */
export const MAX_WORKERS = 64;

export interface SimulateOptions {
  /** Default 'direct'. */
  readonly method?: SsaMethodName;
  readonly runs: number;
  /** Integer in [0, 2^53). */
  readonly seed: number;
  readonly outputTimes: ArrayLike<number>;
  /**
   * Worker threads; default 1 (the calling thread). More workers than cores is allowed (results do not
   * depend on the count); capped at MAX_WORKERS and at the number of runs.
   */
  readonly workers?: number;
  /** Keep every run's output (runs x times x ids doubles). */
  readonly keepTrajectories?: boolean;
  /** Probabilities for exact quantiles; default [0.05, 0.5, 0.95]; [] to save memory. */
  readonly quantiles?: readonly number[];
  /** Parameter vector overriding problem.p. */
  readonly p?: Float64Array;
  readonly y0?: Float64Array;
  /** Ids to report (default problem.outputIds); species are reported as counts unless in `concentration`. */
  readonly outputs?: readonly string[];
  readonly amount?: readonly string[];
  readonly concentration?: readonly string[];
  readonly tuning?: SsaTuning;
  readonly maxSteps?: number;
  /** Called with (runs done, runs total) after each chunk; the CLI draws a progress bar on a TTY. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Module exporting `compile(model): Problem` for workers; default the project's compiler. */
  readonly compileModule?: string;
}

export interface EnsembleResult {
  readonly method: SsaMethodName;
  readonly runs: number;
  readonly seed: number;
  readonly t: Float64Array;
  readonly ids: readonly string[];
  /** Row-major: [i * ids.length + k] is ids[k] at t[i]. Same layout for sd, extinct and quantiles. */
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  readonly quantiles: { readonly p: readonly number[]; readonly values: readonly Float64Array[] };
  /** Fraction of runs at exactly 0, per time and id. */
  readonly extinct: Float64Array;
  /** Fraction of runs at 0 at the last output time, per id. */
  readonly extinctEnd: Float64Array;
  /** Per run (runs x times x ids), when keepTrajectories. */
  readonly trajectories?: readonly Float64Array[];
  readonly stats: SsaStats;
}

export async function simulate(problem: Problem, options: SimulateOptions): Promise<EnsembleResult> {
  const runs = options.runs;
  if (!Number.isInteger(runs) || runs < 1) throw new InputError(`runs must be an integer >= 1, got ${runs}`);
  const probs = options.quantiles ?? [0.05, 0.5, 0.95];
  for (const q of probs) if (!(q >= 0 && q <= 1)) throw new InputError(`quantile ${q} is outside [0, 1]`);
  const spec: RunSpec = {
    method: options.method ?? 'direct',
    seed: options.seed,
    outputTimes: Float64Array.from(options.outputTimes),
    p: options.p,
    y0: options.y0,
    outputs: options.outputs,
    amount: options.amount,
    concentration: options.concentration,
    tuning: options.tuning,
    maxSteps: options.maxSteps,
  };
  const runner = createRunner(problem, spec); // validates everything up front, on this thread
  const size = runner.size;
  const acc = new Accumulator(size, runs, probs);
  const kept: Float64Array[] | undefined = options.keepTrajectories ? [] : undefined;
  const stats: SsaStats = { firings: 0, steps: 0, rejected: 0 };
  const take = (out: Float64Array, count: number): void => {
    for (let r = 0; r < count; r++) {
      acc.add(out, r * size);
      if (kept) kept.push(out.slice(r * size, (r + 1) * size));
    }
  };
  const workers = Math.max(1, Math.min(options.workers ?? 1, MAX_WORKERS, runs));
  if (workers === 1) {
    const chunk = Math.max(1, Math.min(256, Math.ceil(runs / 100)));
    const out = new Float64Array(chunk * size);
    for (let start = 0; start < runs; start += chunk) {
      const end = Math.min(runs, start + chunk);
      for (let i = start; i < end; i++) runner.run(i, out, (i - start) * size);
      take(out, end - start);
      options.onProgress?.(end, runs);
    }
    Object.assign(stats, runner.stats);
  } else {
    await runOnWorkers(problem, spec, runs, workers, options, (out, count, s) => {
      take(out, count);
      stats.firings += s.firings;
      stats.steps += s.steps;
      stats.rejected += s.rejected;
      options.onProgress?.(acc.count, runs);
    });
  }
  const sum = acc.finish();
  const nIds = runner.ids.length;
  const last = (runner.t.length - 1) * nIds;
  return {
    method: spec.method,
    runs,
    seed: options.seed,
    t: runner.t,
    ids: runner.ids,
    mean: sum.mean,
    sd: sum.sd,
    quantiles: { p: probs, values: sum.quantiles },
    extinct: sum.extinct,
    extinctEnd: sum.extinct.slice(last, last + nIds),
    trajectories: kept,
    stats,
  };
}

/** Messages between the main thread and ssa workers. */
export interface ChunkRequest {
  readonly start: number;
  readonly end: number;
}
export type WorkerReply =
  | {
      readonly kind: 'result';
      readonly start: number;
      readonly end: number;
      readonly out: Float64Array;
      readonly stats: SsaStats;
    }
  | ({ readonly kind: 'error' } & WireError);

function runOnWorkers(
  problem: Problem,
  spec: RunSpec,
  runs: number,
  nWorkers: number,
  options: SimulateOptions,
  take: (out: Float64Array, count: number, stats: SsaStats) => void,
): Promise<void> {
  const chunk = Math.max(1, Math.min(1000, Math.ceil(runs / (nWorkers * 8))));
  // Workers recompile the model value (a Problem holds functions, which do not cross threads).
  const model = (problem as Partial<CompiledProblem>).model;
  if (model === undefined)
    throw new InputError('simulate on worker threads needs a problem from compile(model)');
  const compileModule = options.compileModule ?? new URL('../../model/compile.js', import.meta.url).href;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const ready = new Map<number, Extract<WorkerReply, { kind: 'result' }>>();
    let nextStart = 0;
    let flushed = 0;
    let failed = false;
    const finish = (err?: Error): void => {
      if (failed) return;
      if (err) failed = true;
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const assign = (w: Worker): void => {
      if (nextStart >= runs) return;
      const req: ChunkRequest = { start: nextStart, end: Math.min(runs, nextStart + chunk) };
      nextStart = req.end;
      w.postMessage(req);
    };
    for (let k = 0; k < nWorkers; k++) {
      const w = startWorker('worker', import.meta.url, { model, spec, compileModule });
      pool.push(w);
      w.on('message', (msg: WorkerReply) => {
        if (failed) return;
        if (msg.kind === 'error') return finish(fromWire(msg, 'ssa worker'));
        ready.set(msg.start, msg);
        // Accumulate strictly in run order.
        for (let r = ready.get(flushed); r !== undefined; r = ready.get(flushed)) {
          ready.delete(flushed);
          take(r.out, r.end - r.start, r.stats);
          flushed = r.end;
        }
        if (flushed >= runs) return finish();
        assign(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      assign(w);
    }
  });
}
