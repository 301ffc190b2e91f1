/**
 * SSA ensembles over the indexed map: the chunks of src/engines/ssa/ensemble.ts run on worker threads or
 * on `cscsim worker` processes, each of which compiles the model value once (the engines never see the
 * compiler), and come back through Ensemble.add in run order: bit-identical for any worker count.
 */

import {
  type Chunk,
  type ChunkResult,
  chunksOf,
  Ensemble,
  type EnsembleResult,
  runChunk,
  type SimulateOptions,
  simulateHere,
} from '../engines/ssa/ensemble.js';
import { createRunner, type Runner, type RunSpec } from '../engines/ssa/runner.js';
import { InputError } from '../errors.js';
import { compile, modelOf } from '../model/compile.js';
import type { Model } from '../model/types.js';
import { wholeCounts } from '../model/whole-counts.js';
import type { Problem } from '../problem/types.js';
import { type JobKind, needInt, needObject } from './kinds.js';
import { type IndexedMap, threads } from './map.js';
import { startWorker } from './workers.js';

/** Upper bound on worker threads, whatever is asked (each holds a compiled model). */
export const MAX_WORKERS = 64;

export interface ParallelSimulateOptions extends SimulateOptions {
  /**
   * Worker threads; default 1 (the calling thread). More workers than cores is allowed (results do not
   * depend on the count); capped at MAX_WORKERS and at the number of runs. Ignored when `map` is given.
   */
  readonly workers?: number;
  /** Where chunks run (e.g. a Redis queue); default threads(workers). */
  readonly map?: IndexedMap;
  /** Runs per chunk on a map (default: fixed by the run count alone, so a resumed run chunks alike). */
  readonly chunk?: number;
}

/** What every worker of an ensemble receives once: the model value to compile and the run spec. */
export interface EnsembleContext {
  readonly model: Model;
  readonly spec: RunSpec;
}

/** Kind name of an ensemble chunk on a queue. */
export const SSA_CHUNK = 'ssa-chunk';

/** Compiles a context once (per worker, per run) and runs chunks of it. */
export function chunkRunner(ctx: EnsembleContext): (c: Chunk) => ChunkResult {
  const runner: Runner = createRunner(compile(ctx.model), ctx.spec);
  return (c) => runChunk(runner, c.start, c.end);
}

/** Chunk size for n workers: about 8 chunks per worker, at most 1000 runs each. */
function threadChunk(runs: number, workers: number): number {
  return Math.max(1, Math.min(1000, Math.ceil(runs / (workers * 8))));
}

/**
 * A model that declares `roundInitialCounts` (the built-in models) starts from whole counts when the caller
 * gives no y0: the same largest-remainder rule as the CLI and the web app; continuous species are kept.
 */
function withWholeCounts(problem: Problem, options: ParallelSimulateOptions): ParallelSimulateOptions {
  const model = modelOf(problem);
  if (options.y0 !== undefined || !model?.roundInitialCounts) return options;
  const y = problem.initialState(options.p ?? problem.p);
  return { ...options, y0: wholeCounts(model, problem, y, options.tuning?.continuous ?? []) };
}

export async function simulate(
  problem: Problem,
  requested: ParallelSimulateOptions,
): Promise<EnsembleResult> {
  const options = withWholeCounts(problem, requested);
  const workers = Math.max(1, Math.min(options.workers ?? 1, MAX_WORKERS, options.runs));
  if (!options.map && workers === 1) return simulateHere(problem, options);
  const ens = new Ensemble(problem, options); // validates everything up front, on this thread
  const map = options.map ?? threads(workers);
  const size =
    options.chunk ??
    (options.map ? Math.max(1, Math.min(1000, Math.ceil(ens.runs / 64))) : threadChunk(ens.runs, workers));
  const chunks = chunksOf(ens.runs, size);
  // Workers recompile the model value (a Problem holds functions, which do not cross threads).
  const model = modelOf(problem);
  if (model === undefined)
    throw new InputError('simulate on worker threads needs a problem from compile(model)');
  const context: EnsembleContext = { model, spec: ens.spec };
  // Chunks finish in any order; they are accumulated in run order, and dropped once accumulated.
  const ready = new Map<number, ChunkResult>();
  let next = 0;
  await map.run<EnsembleContext, Chunk, ChunkResult>({
    kind: SSA_CHUNK,
    context,
    items: chunks,
    label: 'ssa worker',
    describe: (c) => `runs ${c.start}-${c.end - 1}`,
    retain: false,
    inline: (c) => runChunk(ens.runner, c.start, c.end),
    start: () => startWorker('ensemble-worker', import.meta.url, context),
    onDone: (i, r) => {
      ready.set(i, r);
      for (let c = ready.get(next); c !== undefined; c = ready.get(next)) {
        ready.delete(next++);
        ens.add(c);
      }
      options.onProgress?.(ens.done, ens.runs);
    },
  });
  return ens.result();
}

/** The ensemble chunk as a queue job kind: the model value is data, compiled by our compiler once per run. */
export const ssaChunkKind: JobKind<EnsembleContext, Chunk, ChunkResult> = {
  name: SSA_CHUNK,
  check(context, item) {
    const c = needObject(context, 'ssa-chunk context');
    needObject(c.model, 'ssa-chunk context.model');
    const spec = needObject(c.spec, 'ssa-chunk context.spec');
    if (typeof spec.method !== 'string')
      throw new InputError('ssa-chunk context.spec.method: expected a name');
    needInt(spec.seed, 'ssa-chunk context.spec.seed');
    const it = needObject(item, 'ssa-chunk item');
    const start = needInt(it.start, 'ssa-chunk item.start');
    needInt(it.end, 'ssa-chunk item.end', start + 1, start + 1_000_000);
  },
  prepare: (context) => chunkRunner(context),
};
