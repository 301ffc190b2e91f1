/**
 * Ensembles of stochastic trajectories, the one ensemble function of cscsim (CLI, library, web worker):
 * run i draws from stream(seed, i); runs are grouped into chunks [start, end), each chunk's per-run outputs
 * are accumulated strictly in run order, so the mean, sd, exact quantiles and extinction fractions are
 * bit-identical however the chunks were computed. `simulateHere` runs the chunks on the calling thread
 * (browser-safe, no Node module); src/parallel/ensemble.ts sends the same chunks to worker threads or a
 * queue and feeds the results back through `Ensemble.add`.
 */
import { InputError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import { Accumulator } from './accumulate.js';
import type { SsaMethodName, SsaStats, SsaTuning } from './method.js';
import { createRunner, type Runner, type RunSpec } from './runner.js';

export interface SimulateOptions {
  /** Default 'direct'. */
  readonly method?: SsaMethodName;
  readonly runs: number;
  /** Integer in [0, 2^53). */
  readonly seed: number;
  readonly outputTimes: ArrayLike<number>;
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

/** Runs [start, end) of an ensemble. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
}

/** A computed chunk: (end - start) * size outputs, run after run, and the steps it took. */
export interface ChunkResult extends Chunk {
  readonly out: Float64Array;
  readonly stats: SsaStats;
}

/** The serialisable run specification of an ensemble (what a worker needs besides the problem). */
export function runSpecOf(options: SimulateOptions): RunSpec {
  return {
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
}

/** Runs [start, end) with `runner`; the same function on the main thread, in a worker and on a queue. */
export function runChunk(runner: Runner, start: number, end: number): ChunkResult {
  const out = new Float64Array((end - start) * runner.size);
  const before = { ...runner.stats };
  for (let i = start; i < end; i++) runner.run(i, out, (i - start) * runner.size);
  const stats = {
    firings: runner.stats.firings - before.firings,
    steps: runner.stats.steps - before.steps,
    rejected: runner.stats.rejected - before.rejected,
  };
  return { start, end, out, stats };
}

/** Consecutive chunks of at most `size` runs covering [0, runs). */
export function chunksOf(runs: number, size: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < runs; start += size) chunks.push({ start, end: Math.min(runs, start + size) });
  return chunks;
}

/**
 * One ensemble being assembled: validates the options up front (on the calling thread, so bad input fails
 * before any worker starts), then accumulates chunk results, which must arrive in run order.
 */
export class Ensemble {
  readonly runs: number;
  readonly spec: RunSpec;
  readonly runner: Runner;
  private readonly probs: readonly number[];
  private readonly acc: Accumulator;
  private readonly kept: Float64Array[] | undefined;
  private readonly stats: SsaStats = { firings: 0, steps: 0, rejected: 0 };

  constructor(problem: Problem, options: SimulateOptions) {
    const runs = options.runs;
    if (!Number.isInteger(runs) || runs < 1)
      throw new InputError(`runs must be an integer >= 1, got ${runs}`);
    const probs = options.quantiles ?? [0.05, 0.5, 0.95];
    for (const q of probs) if (!(q >= 0 && q <= 1)) throw new InputError(`quantile ${q} is outside [0, 1]`);
    this.runs = runs;
    this.probs = probs;
    this.spec = runSpecOf(options);
    this.runner = createRunner(problem, this.spec);
    this.acc = new Accumulator(this.runner.size, runs, probs);
    this.kept = options.keepTrajectories ? [] : undefined;
  }

  /** Runs accumulated so far. */
  get done(): number {
    return this.acc.count;
  }

  /** Adds the chunk that starts where the accumulated runs end. */
  add(chunk: ChunkResult): void {
    if (chunk.start !== this.acc.count)
      throw new Error(`ensemble: chunk [${chunk.start}, ${chunk.end}) out of order at run ${this.acc.count}`);
    const size = this.runner.size;
    for (let r = 0; r < chunk.end - chunk.start; r++) {
      this.acc.add(chunk.out, r * size);
      this.kept?.push(chunk.out.slice(r * size, (r + 1) * size));
    }
    this.stats.firings += chunk.stats.firings;
    this.stats.steps += chunk.stats.steps;
    this.stats.rejected += chunk.stats.rejected;
  }

  /** The summary of the runs accumulated so far (all of them once every chunk is in). */
  result(): EnsembleResult {
    const sum = this.acc.finish();
    const { t, ids } = this.runner;
    const last = (t.length - 1) * ids.length;
    return {
      method: this.spec.method,
      runs: this.runs,
      seed: this.spec.seed,
      t,
      ids,
      mean: sum.mean,
      sd: sum.sd,
      quantiles: { p: this.probs, values: sum.quantiles },
      extinct: sum.extinct,
      extinctEnd: sum.extinct.slice(last, last + ids.length),
      trajectories: this.kept,
      stats: { ...this.stats },
    };
  }
}

export interface EnsembleHooks {
  /** Asked after each chunk but the last; when true, the summary so far is passed to onPartial. */
  readonly partialDue?: () => boolean;
  readonly onPartial?: (partial: EnsembleResult, done: number) => void;
}

/** Chunk size on the calling thread: about 100 progress updates, at most 256 runs each. */
export function localChunk(runs: number): number {
  return Math.max(1, Math.min(256, Math.ceil(runs / 100)));
}

/** The ensemble on the calling thread, chunk by chunk (the browser's worker and one-worker runs). */
export function simulateHere(
  problem: Problem,
  options: SimulateOptions,
  hooks: EnsembleHooks = {},
): EnsembleResult {
  const ens = new Ensemble(problem, options);
  for (const c of chunksOf(ens.runs, localChunk(ens.runs))) {
    ens.add(runChunk(ens.runner, c.start, c.end));
    options.onProgress?.(c.end, ens.runs);
    if (c.end < ens.runs && hooks.partialDue?.()) hooks.onPartial?.(ens.result(), ens.done);
  }
  return ens.result();
}
