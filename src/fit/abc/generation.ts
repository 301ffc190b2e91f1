/**
 * One generation: candidates 0, 1, 2, ... are evaluated in batches, speculatively ahead (each worker has a
 * second batch queued, so none waits for the main thread or for a slow batch elsewhere), and consumed in
 * index order; the generation takes the first N accepted candidates by index. Which batches ran where, and
 * how large they were, changes nothing: the population is bit-identical for any worker count. Batches
 * past the N-th acceptance are cancelled and their results ignored.
 */
import { type BatchResult, type Evaluator, type GenerationContext, Outcome } from './types.js';

export interface GenerationRun {
  /** True when N candidates were accepted; false when stopped by the cap, an abort or the deadline. */
  readonly complete: boolean;
  readonly reason?: 'cap' | 'aborted' | 'deadline';
  /** Candidates consumed in index order (through the N-th acceptance). */
  readonly evaluated: number;
  readonly simulated: number;
  readonly outsidePrior: number;
  readonly nanDistances: number;
  /** Candidates evaluated beyond `evaluated` (speculation that was not needed). */
  readonly wasted: number;
  /** Accepted candidates in index order: one BatchResult row each, gathered. */
  readonly accepted: Gathered;
  /** Statistics of every simulated candidate consumed (for adaptive distance weights). */
  readonly allStats: Float64Array;
}

export interface Gathered {
  readonly n: number;
  readonly model: Int32Array;
  readonly theta: Float64Array;
  readonly stats: Float64Array;
  readonly distance: Float64Array;
  readonly logWeight: Float64Array;
}

export interface GenerationOptions {
  readonly particles: number;
  /** Largest number of candidates to consume (minimum acceptance rate, evaluation budget). */
  readonly cap: number;
  readonly dim: number;
  readonly nStats: number;
  readonly signal?: AbortSignal;
  /** ms since epoch after which to stop. */
  readonly deadline?: number;
  readonly onProgress?: (accepted: number, evaluated: number) => void;
}

/** Batch size so that a batch takes about TARGET_MS, within [1, MAX_BATCH]. */
const TARGET_MS = 20;
const MAX_BATCH = 4096;

export async function runGeneration(
  ev: Evaluator,
  ctx: GenerationContext,
  o: GenerationOptions,
): Promise<GenerationRun> {
  ev.begin(ctx);
  const N = o.particles;
  const acc: { -readonly [K in keyof Gathered]: Gathered[K] } = {
    n: 0,
    model: new Int32Array(N),
    theta: new Float64Array(N * o.dim),
    stats: new Float64Array(N * o.nStats),
    distance: new Float64Array(N),
    logWeight: new Float64Array(N),
  };
  let allStats = new Float64Array(1024 * o.nStats);
  let simulated = 0;
  let outside = 0;
  let nan = 0;
  let consumed = 0;
  let dispatched = 0;
  let produced = 0;
  /** Accepted candidates among all finished batches, consumed or not: once N, speculation stops. */
  let acceptedDone = 0;
  let size = 1;
  let perCandidateMs = Number.NaN;
  const done = new Map<number, BatchResult>();
  let wake: (() => void) | undefined;
  let failure: unknown;
  let inflight = 0;

  const dispatch = (): void => {
    const started = performance.now();
    const from = dispatched;
    const count = Math.min(size, o.cap - from);
    dispatched += count;
    inflight++;
    ev.evaluate(from, count).then(
      (r) => {
        inflight--;
        produced += r.count;
        for (let s = 0; s < r.count; s++) if (r.outcome[s] === Outcome.Accepted) acceptedDone++;
        if (r.count > 0) {
          const ms = (performance.now() - started) / r.count / Math.max(1, inflight + 1);
          perCandidateMs = Number.isNaN(perCandidateMs) ? ms : 0.7 * perCandidateMs + 0.3 * ms;
        }
        done.set(r.from, r);
        wake?.();
      },
      (e: unknown) => {
        inflight--;
        failure ??= e;
        wake?.();
      },
    );
  };

  /** Consumes finished batches in index order; true once N are accepted. */
  const consume = (): boolean => {
    for (;;) {
      const r = done.get(consumed);
      if (!r) return false;
      done.delete(consumed);
      for (let s = 0; s < r.count; s++) {
        const out = r.outcome[s]!;
        consumed++;
        if (out === Outcome.OutsidePrior) {
          outside++;
          continue;
        }
        if (out === Outcome.NaN) nan++;
        else {
          if ((simulated + 1) * o.nStats > allStats.length) {
            const grown = new Float64Array(allStats.length * 2);
            grown.set(allStats);
            allStats = grown;
          }
          allStats.set(r.stats.subarray(s * o.nStats, (s + 1) * o.nStats), simulated * o.nStats);
        }
        if (out !== Outcome.NaN) simulated++;
        if (out === Outcome.Accepted) {
          const i = acc.n++;
          acc.model[i] = r.model[s]!;
          acc.theta.set(r.theta.subarray(s * o.dim, (s + 1) * o.dim), i * o.dim);
          acc.stats.set(r.stats.subarray(s * o.nStats, (s + 1) * o.nStats), i * o.nStats);
          acc.distance[i] = r.distance[s]!;
          acc.logWeight[i] = r.logWeight[s]!;
          if (acc.n === N) return true;
        }
      }
      if (r.count === 0) return false; // a cancelled batch: nothing further can follow it
    }
  };

  let reason: GenerationRun['reason'];
  let complete = false;
  for (;;) {
    if (failure !== undefined) throw failure;
    complete = consume();
    o.onProgress?.(acc.n, consumed);
    if (complete) break;
    if (consumed >= o.cap) {
      reason = 'cap';
      break;
    }
    if (o.signal?.aborted) {
      reason = 'aborted';
      break;
    }
    if (o.deadline !== undefined && Date.now() > o.deadline) {
      reason = 'deadline';
      break;
    }
    // Size the next batches from the measured time per candidate, and not far beyond what is still needed.
    if (!Number.isNaN(perCandidateMs)) {
      const rate = consumed > 0 ? Math.max(acc.n / consumed, 1 / o.cap) : 1;
      const needed = Math.ceil((N - acc.n) / rate / ev.workers);
      size = Math.max(1, Math.min(MAX_BATCH, Math.round((ev.batchMs ?? TARGET_MS) / perCandidateMs), needed));
    }
    while (inflight < 2 * ev.workers && dispatched < o.cap && acceptedDone < N) dispatch();
    if (inflight === 0 && !done.has(consumed)) {
      reason = 'cap';
      break;
    }
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (done.has(consumed) || failure !== undefined) resolve();
    });
    wake = undefined;
    // Let timers and signal handlers run between batches (the inline evaluator resolves at once).
    if (ev.workers === 1) await new Promise((r) => setImmediate(r));
  }
  ev.cancelFrom(consumed);
  return {
    complete,
    ...(reason ? { reason } : {}),
    evaluated: consumed,
    simulated,
    outsidePrior: outside,
    nanDistances: nan,
    wasted: Math.max(0, produced - consumed),
    accepted: acc,
    allStats: allStats.subarray(0, simulated * o.nStats),
  };
}
