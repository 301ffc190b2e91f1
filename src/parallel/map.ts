/**
 * The one indexed map behind every fan-out in cscsim (SSA ensembles, trial shards, reproduction jobs, SBML
 * suite cases, calibration batches): `items` are independent, seeded by their index, and results come back
 * in index order, so the outcome never depends on where or how many workers ran them. Two backends share
 * this interface: local worker threads (`threads(n)`, below) and a BullMQ queue on Redis
 * (`parallel/redis/map.ts`), which runs the task's registered `kind` on `cscsim worker` processes.
 */
import type { Worker } from 'node:worker_threads';
import { runPool } from './workers.js';

export interface MapTask<C, I, R> {
  /** The job kind remote workers run (a key of the worker's registry, e.g. 'ssa-chunk'). */
  readonly kind: string;
  /** Data shared by every item (sent once per local worker; with each job on a queue). Plain data only. */
  readonly context: C;
  readonly items: readonly I[];
  /** Prefix of errors that are not ours (e.g. 'trial worker'). */
  readonly label: string;
  /** Names item `index` in messages (default 'item <index>'). */
  readonly describe?: (item: I, index: number) => string;
  /** Called as items finish (in completion order), each index once. */
  readonly onDone?: (index: number, result: R) => void;
  /** false: results go to onDone only and are not kept (the promise resolves to a sparse array). */
  readonly retain?: boolean;
  /** The work on the calling thread (one local worker). */
  readonly inline: (item: I, index: number) => R | Promise<R>;
  /** A worker thread serving this kind with `context` (see servePool), for local backends. */
  readonly start: () => Worker;
}

export interface IndexedMap {
  /** 'threads' or 'redis', for messages. */
  readonly backend: string;
  run<C, I, R>(task: MapTask<C, I, R>): Promise<R[]>;
  /** Releases connections (a no-op for threads). */
  close(): Promise<void>;
}

/** Local worker threads (n = 1: the calling thread). */
export function threads(workers: number): IndexedMap {
  return {
    backend: 'threads',
    run: <C, I, R>(task: MapTask<C, I, R>): Promise<R[]> =>
      runPool<I, R>({
        items: task.items,
        workers,
        start: task.start,
        inline: task.inline,
        label: task.label,
        ...(task.onDone ? { onDone: task.onDone } : {}),
        ...(task.describe ? { describe: task.describe } : {}),
        ...(task.retain === false ? { retain: false } : {}),
      }),
    close: async () => {},
  };
}
