/**
 * Worker threads for every parallel job in cscsim (SSA ensembles, trials, the reproduction suite): starting
 * a worker on a sibling module, and one pool that hands items to idle workers and returns results in item
 * order, so that no result depends on the worker count. A worker that dies (an error event, or an exit
 * without one: process.exit in a job, a kill) fails the run with the item it held; the pool never hangs.
 */
import { Worker } from 'node:worker_threads';
import { fromWire, toWire, type WireError } from './wire.js';

export { fromWire, toWire, type WireError } from './wire.js';

/**
 * A worker running the module `name` next to the caller (`from` = the caller's import.meta.url), e.g.
 * startWorker('worker', import.meta.url). From the built package that is `worker.js`; under tsx (tests,
 * `npm run cscsim`) the caller is a .ts file and tsx's --import hook does not reach worker threads on
 * Node 20, so a small bootstrap registers tsx in the worker before importing `worker.ts`.
 */
export function startWorker(name: string, from: string, workerData?: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL(`./${name}.ts`, from).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** What a pool worker posts back for item `index`. */
export type PoolReply<R> =
  | { readonly index: number; readonly result: R }
  | { readonly index: number; readonly error: WireError };

/** What a pool posts to a worker: item `index`. */
export interface PoolRequest<I> {
  readonly index: number;
  readonly item: I;
}

export interface PoolSpec<I, R> {
  readonly items: readonly I[];
  readonly workers: number;
  /** A fresh worker that answers PoolRequest<I> with PoolReply<R> (see servePool). */
  readonly start: () => Worker;
  /** The same work on the calling thread (used for one worker). */
  readonly inline: (item: I, index: number) => R | Promise<R>;
  /** Called as items finish (in completion order). */
  readonly onDone?: (index: number, result: R) => void;
  /** Prefix of errors that are not ours (e.g. 'trial worker'). */
  readonly label: string;
  /** Names item `index` in messages (default 'item <index>'). */
  readonly describe?: (item: I, index: number) => string;
  /** false: results are handed to onDone only, not kept (the promise resolves to a sparse array). */
  readonly retain?: boolean;
}

/** Runs every item; results in item order. The first error stops the pool and rejects. */
export async function runPool<I, R>(spec: PoolSpec<I, R>): Promise<R[]> {
  const { items, onDone } = spec;
  const keep = spec.retain !== false;
  const n = Math.max(1, Math.min(spec.workers, items.length));
  const results: R[] = new Array(items.length);
  const name = (i: number): string => spec.describe?.(items[i]!, i) ?? `item ${i}`;
  if (n === 1) {
    for (const [i, item] of items.entries()) {
      const r = await spec.inline(item, i);
      if (keep) results[i] = r;
      onDone?.(i, r);
    }
    return results;
  }
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    /** Item each worker holds (-1: idle). */
    const holding = new Map<Worker, number>();
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (err?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const assign = (w: Worker): void => {
      if (next >= items.length) {
        holding.set(w, -1);
        return;
      }
      const req: PoolRequest<I> = { index: next, item: items[next]! };
      holding.set(w, next++);
      w.postMessage(req);
    };
    for (let k = 0; k < n; k++) {
      const w = spec.start();
      pool.push(w);
      holding.set(w, -1);
      w.on('message', (msg: PoolReply<R>) => {
        if (settled) return;
        if ('error' in msg) return finish(fromWire(msg.error, `${spec.label} (${name(msg.index)})`));
        if (keep) results[msg.index] = msg.result;
        onDone?.(msg.index, msg.result);
        if (++done === items.length) return finish();
        assign(w);
      });
      w.on('error', (e) => {
        const i = holding.get(w) ?? -1;
        const where = i >= 0 ? ` while running ${name(i)}` : '';
        finish(
          new Error(`${spec.label}: worker failed${where}: ${e instanceof Error ? e.message : String(e)}`),
        );
      });
      // An exit without an error event (process.exit in a job, a kill): nothing else will ever answer.
      w.on('exit', (code) => {
        if (settled) return;
        const i = holding.get(w) ?? -1;
        const where = i >= 0 ? ` while running ${name(i)}` : ' before it was given work';
        finish(new Error(`${spec.label}: worker exited with code ${code}${where}`));
      });
      assign(w);
    }
  });
}

/**
 * The worker side of runPool: answers each PoolRequest<I> with `work(item)` or the error it threw.
 * `transfer` names buffers of a result to move rather than copy (e.g. a Float64Array's buffer).
 */
export function servePool<I, R>(
  port: {
    on(event: 'message', f: (req: PoolRequest<I>) => void): unknown;
    postMessage(m: unknown, transfer?: ArrayBuffer[]): void;
  },
  work: (item: I) => R | Promise<R>,
  transfer?: (result: R) => ArrayBuffer[],
): void {
  port.on('message', async (req: PoolRequest<I>) => {
    try {
      const result = await work(req.item);
      port.postMessage({ index: req.index, result } satisfies PoolReply<R>, transfer?.(result));
    } catch (e) {
      port.postMessage({ index: req.index, error: toWire(e) } satisfies PoolReply<R>);
    }
  });
}
