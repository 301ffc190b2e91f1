/**
 * ABC-SMC candidates on the indexed map (src/parallel/map.ts), e.g. a BullMQ queue served by `cscsim
 * worker` processes on many machines: each batch of candidate indices is one job of kind `abc-batch`
 * carrying the problem (data, simulators by registry name), the generation context and the index range.
 * A candidate is a pure function of (context, index) (candidate.ts), so the posterior is the same bits
 * as on one thread whatever ran where. Batches are sized to about BATCH_MS of work, so that a job's round
 * trip (a few ms) stays a small share of it; `slots` batches are kept in flight per generation pass.
 */
import { InputError } from '../../errors.js';
import { type JobKind, needInt, needObject } from '../../parallel/kinds.js';
import type { IndexedMap } from '../../parallel/map.js';
import { type ProblemSpec, parseProblem, resolveProblem } from '../problem.js';
import { CandidateWorker } from './candidate.js';
import {
  type BatchResult,
  CANDIDATES_PER_GENERATION,
  type Evaluator,
  type GenerationContext,
  type ModelKernel,
  type MoveContext,
} from './types.js';

export const ABC_BATCH = 'abc-batch';
const BATCH_MS = 250;

interface BatchContext {
  readonly spec: ProblemSpec;
  readonly ctx: GenerationContext;
}
interface BatchItem {
  readonly from: number;
  readonly count: number;
}

/** Resolved problems by their spec (a worker process serves many batches of one run: compile once). */
const workers = new Map<string, CandidateWorker>();
function workerFor(spec: ProblemSpec): CandidateWorker {
  const key = JSON.stringify(spec);
  let w = workers.get(key);
  if (!w) {
    if (workers.size >= 4) workers.delete(workers.keys().next().value as string);
    w = new CandidateWorker(resolveProblem(spec));
    workers.set(key, w);
  }
  return w;
}

function runBatch(w: CandidateWorker, ctx: GenerationContext, item: BatchItem): BatchResult {
  const res = w.batch(ctx.generation, item.from, item.count);
  for (let s = 0; s < item.count; s++) w.evaluate(ctx, res, s);
  return res;
}

export function mapEvaluator(spec: ProblemSpec, map: IndexedMap, slots: number): Evaluator {
  let ctx: GenerationContext | undefined;
  let local: CandidateWorker | undefined;
  const inflight = new Set<Promise<BatchResult>>();
  return {
    workers: slots,
    batchMs: BATCH_MS,
    begin(c) {
      ctx = c;
    },
    evaluate(from, count) {
      if (!ctx) return Promise.reject(new Error('evaluate before begin'));
      const context: BatchContext = { spec, ctx };
      const job = map
        .run<BatchContext, BatchItem, BatchResult>({
          kind: ABC_BATCH,
          context,
          items: [{ from, count }],
          label: 'fit worker',
          describe: (it) =>
            `candidates ${it.from}-${it.from + it.count - 1} of generation ${context.ctx.generation}`,
          inline: (it) => runBatch((local ??= new CandidateWorker(resolveProblem(spec))), context.ctx, it),
          start: () => {
            throw new Error('abc batches run inline or on a queue; worker threads use threadEvaluator');
          },
        })
        .then((r) => r[0]!);
      inflight.add(job);
      const forget = (): void => {
        inflight.delete(job);
      };
      job.then(forget, forget);
      return job;
    },
    // Jobs already queued run to the end (best effort, as the interface allows); their results are dropped.
    cancelFrom() {},
    // Speculative batches still on the queue finish first: the map they run on is closed after us.
    async close() {
      await Promise.allSettled([...inflight]);
    },
  };
}

const isF64 = (x: unknown, n: number): boolean => x instanceof Float64Array && x.length === n;

function checkKernel(k: unknown, parameters: number, path: string): void {
  if (k === null) return;
  const o = needObject(k, path) as Partial<ModelKernel>;
  const n = needInt(o.n, `${path}.n`, 1, 1_000_000);
  const d = needInt(o.d, `${path}.d`, 0, 1000);
  const ok =
    isF64(o.centers, n * d) && isF64(o.cumulative, n) && isF64(o.chol, n * d * d) && isF64(o.logNorm, n);
  if (!ok) throw new InputError(`${path}: kernel arrays do not match n = ${n}, d = ${d}`);
  const dims = o.dims;
  const free = o.free;
  if (!(dims instanceof Int32Array) || dims.length !== d || !(free instanceof Int32Array))
    throw new InputError(`${path}: expected Int32Arrays dims (of length d = ${d}) and free`);
  const all = [...dims, ...free].sort((a, b) => a - b);
  if (all.length !== parameters || all.some((a, j) => a !== j))
    throw new InputError(`${path}: dims and free must split the model's ${parameters} parameters`);
}

/** A move round's particles and random-walk factors (move.ts), as the worker will index them. */
function checkMove(mv: unknown, spec: ProblemSpec, dim: number, nStats: number, path: string): void {
  const o = needObject(mv, path) as Partial<MoveContext>;
  const n = needInt(o.n, `${path}.n`, 1, 10_000_000);
  const model = o.model;
  if (!(model instanceof Int32Array) || model.length !== n)
    throw new InputError(`${path}.model: expected an Int32Array of n = ${n} model indices`);
  if (model.some((m) => m < 0 || m >= spec.models.length))
    throw new InputError(`${path}.model: expected indices below ${spec.models.length}`);
  if (!isF64(o.theta, n * dim) || !isF64(o.stats, n * nStats) || !isF64(o.distance, n))
    throw new InputError(`${path}: particle arrays do not match n = ${n}`);
  if (!Array.isArray(o.chol) || o.chol.length !== spec.models.length)
    throw new InputError(`${path}.chol: expected one entry per model`);
  for (const m of new Set(model)) {
    const d = spec.models[m]!.parameters.filter((q) => !q.refresh).length;
    if (!isF64(o.chol[m], d * d)) throw new InputError(`${path}.chol[${m}]: expected ${d} x ${d} values`);
  }
}

/** The batch as a queue job kind: the problem is data, re-checked and resolved by the worker. */
export const abcBatchKind: JobKind<BatchContext, BatchItem, BatchResult> = {
  name: ABC_BATCH,
  check(context, item) {
    const c = needObject(context, 'abc-batch context');
    const spec = parseProblem(c.spec, 'abc-batch context.spec');
    const g = needObject(c.ctx, 'abc-batch context.ctx') as Partial<GenerationContext>;
    needInt(g.generation, 'abc-batch context.ctx.generation', 0, 1_000_000);
    needInt(g.seed, 'abc-batch context.ctx.seed');
    if (typeof g.epsilon !== 'number' || typeof g.zeta !== 'number')
      throw new InputError('abc-batch context.ctx: epsilon and zeta must be numbers');
    if (!(g.weights instanceof Float64Array) || !(g.modelProb instanceof Float64Array))
      throw new InputError('abc-batch context.ctx: weights and modelProb must be Float64Arrays');
    if (g.modelProb.length !== 0 && g.modelProb.length !== spec.models.length)
      throw new InputError('abc-batch context.ctx.modelProb: expected one probability per model');
    // Generation 0 samples the prior: no kernels yet.
    if (!Array.isArray(g.kernels) || (g.kernels.length !== 0 && g.kernels.length !== spec.models.length))
      throw new InputError('abc-batch context.ctx.kernels: expected one entry per model');
    for (const [i, k] of g.kernels.entries())
      checkKernel(k, spec.models[i]!.parameters.length, `abc-batch context.ctx.kernels[${i}]`);
    if (g.move !== undefined) {
      const p = workerFor(spec).problem;
      const dim = Math.max(...p.models.map((m) => m.parameters.length));
      checkMove(g.move, spec, dim, p.statistics.length, 'abc-batch context.ctx.move');
    }
    const it = needObject(item, 'abc-batch item');
    const from = needInt(it.from, 'abc-batch item.from', 0, CANDIDATES_PER_GENERATION - 1);
    const limit = g.move ? g.move.n : CANDIDATES_PER_GENERATION;
    needInt(it.count, 'abc-batch item.count', 1, Math.min(100_000, limit - from));
  },
  prepare: (context) => {
    const w = workerFor(context.spec);
    return (item) => runBatch(w, context.ctx, item);
  },
};
