/**
 * ABC-SMC candidates on worker threads: the one module of src/fit that uses src/parallel/workers.ts (its
 * startWorker, servePool wire protocol and error transport), so that a switch to the indexed map with
 * local and Redis backends touches only this file. Workers live for the whole run: each resolves the
 * problem (compiling its models) once, then evaluates batches of candidate indices of the generation it
 * was last told about. A shared flag [generation, limit] lets the main thread cancel speculative batches
 * that are no longer needed, so a stale batch costs a worker at most one candidate.
 * This module is also the worker's entry (startWorker('pool', ...)).
 */
import { isMainThread, parentPort, type Worker, workerData } from 'node:worker_threads';
import { fromWire, type PoolReply, type PoolRequest, servePool, startWorker } from '../parallel/workers.js';
import { CandidateWorker } from './abc/candidate.js';
import { inlineEvaluator } from './abc/inline.js';
import type { BatchResult, Evaluator, GenerationContext } from './abc/types.js';
import { type ProblemSpec, type ResolvedProblem, resolveProblem } from './problem.js';

type Item =
  | { readonly kind: 'begin'; readonly ctx: GenerationContext }
  | { readonly kind: 'batch'; readonly generation: number; readonly from: number; readonly count: number };

const NO_LIMIT = 0x7fffffff;

interface Data {
  readonly fitWorker: true;
  readonly spec: ProblemSpec;
  readonly flag: Int32Array;
}

/**
 * The calling thread for one worker or for simulators outside the registry (`inlineOnly`: workers could not
 * resolve them), else a pool of `workers` threads.
 */
export function localEvaluator(
  spec: ProblemSpec,
  problem: ResolvedProblem,
  workers: number,
  inlineOnly = false,
): Evaluator {
  return inlineOnly || workers <= 1 ? inlineEvaluator(problem) : threadEvaluator(spec, workers);
}

/** A pool of `workers` threads evaluating candidates of `spec` (simulators by registry name). */
function threadEvaluator(spec: ProblemSpec, workers: number): Evaluator {
  const flag = new Int32Array(new SharedArrayBuffer(8));
  flag[1] = NO_LIMIT;
  const data: Data = { fitWorker: true, spec, flag };
  const pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  const load: number[] = [];
  const pool: Worker[] = [];
  let next = 0;
  let broken: Error | undefined;
  const fail = (e: Error): void => {
    broken ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  for (let k = 0; k < workers; k++) {
    const w = startWorker('pool', import.meta.url, data);
    w.on('message', (msg: PoolReply<BatchResult | null>) => {
      const p = pending.get(msg.index);
      pending.delete(msg.index);
      if ('error' in msg) return fail(fromWire(msg.error, 'fit worker'));
      if (p && msg.result) {
        load[k]!--;
        p.resolve(msg.result);
      }
    });
    w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
    pool.push(w);
    load.push(0);
  }
  const send = (k: number, item: Item): number => {
    const index = next++;
    pool[k]!.postMessage({ index, item } satisfies PoolRequest<Item>);
    return index;
  };
  let generation = -1;
  return {
    workers,
    begin(ctx) {
      generation = ctx.generation;
      Atomics.store(flag, 0, ctx.generation);
      Atomics.store(flag, 1, NO_LIMIT);
      for (let k = 0; k < workers; k++) send(k, { kind: 'begin', ctx });
    },
    evaluate(from, count) {
      if (broken) return Promise.reject(broken);
      let k = 0;
      for (let j = 1; j < workers; j++) if (load[j]! < load[k]!) k = j;
      load[k]!++;
      return new Promise((resolve, reject) => {
        pending.set(send(k, { kind: 'batch', generation, from, count }), { resolve, reject });
      });
    },
    cancelFrom(index) {
      if (index < Atomics.load(flag, 1)) Atomics.store(flag, 1, Math.min(index, NO_LIMIT));
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

function serve(port: NonNullable<typeof parentPort>, data: Data): void {
  const worker = new CandidateWorker(resolveProblem(data.spec));
  let ctx: GenerationContext | undefined;
  servePool(port, (item: Item): BatchResult | null => {
    if (item.kind === 'begin') {
      ctx = item.ctx;
      return null;
    }
    if (!ctx || ctx.generation !== item.generation) return worker.batch(item.generation, item.from, 0);
    const res = worker.batch(item.generation, item.from, item.count);
    let s = 0;
    for (; s < item.count; s++) {
      if (Atomics.load(data.flag, 0) !== item.generation || item.from + s >= Atomics.load(data.flag, 1))
        break;
      worker.evaluate(ctx, res, s);
    }
    return s === item.count ? res : { ...res, count: s };
  });
}

if (!isMainThread && parentPort && (workerData as Partial<Data> | null)?.fitWorker)
  serve(parentPort, workerData as Data);
