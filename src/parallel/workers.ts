/**
 * Worker threads for every parallel job in cscsim (SSA ensembles, trials, the reproduction suite, the SBML
 * suite): starting a worker on a sibling module, sending errors across the thread boundary, and a pool
 * that hands items to idle workers and returns results in item order, so that no result depends on the
 * worker count.
 */
import { Worker } from 'node:worker_threads';
import { InputError, ModelError, SolverError } from '../errors.js';

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

/** An error as it crosses a thread boundary (structured clone keeps no class). */
export interface WireError {
  readonly name: string;
  readonly message: string;
  /** SolverError's time. */
  readonly t?: number;
}

export function toWire(e: unknown): WireError {
  const err = e instanceof Error ? e : new Error(String(e));
  const t = (err as { t?: unknown }).t;
  return { name: err.name, message: err.message, ...(typeof t === 'number' ? { t } : {}) };
}

/** The error again, of its class where the CLI's exit code depends on it (InputError/ModelError 2, SolverError 1). */
export function fromWire(w: WireError, label: string): Error {
  // SolverError re-adds its " at t = ..." suffix.
  if (w.name === 'SolverError')
    return new SolverError(w.message.replace(/ at t = .*$/, ''), w.t ?? Number.NaN);
  if (w.name === 'ModelError') return new ModelError(w.message);
  if (w.name === 'InputError') return new InputError(w.message);
  return new Error(`${label}: ${w.name}: ${w.message}`);
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
}

/** Runs every item; results in item order. The first error stops the pool and rejects. */
export async function runPool<I, R>(spec: PoolSpec<I, R>): Promise<R[]> {
  const { items, onDone } = spec;
  const n = Math.max(1, Math.min(spec.workers, items.length));
  const results: R[] = new Array(items.length);
  if (n === 1) {
    for (const [i, item] of items.entries()) {
      results[i] = await spec.inline(item, i);
      onDone?.(i, results[i]!);
    }
    return results;
  }
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (err?: Error): void => {
      if (failed) return;
      failed = err !== undefined;
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve(results);
    };
    const assign = (w: Worker): void => {
      if (next >= items.length) return;
      const req: PoolRequest<I> = { index: next, item: items[next]! };
      next++;
      w.postMessage(req);
    };
    for (let k = 0; k < n; k++) {
      const w = spec.start();
      pool.push(w);
      w.on('message', (msg: PoolReply<R>) => {
        if (failed) return;
        if ('error' in msg) return finish(fromWire(msg.error, spec.label));
        results[msg.index] = msg.result;
        onDone?.(msg.index, msg.result);
        if (++done === items.length) return finish();
        assign(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      assign(w);
    }
  });
}

/** The worker side of runPool: answers each PoolRequest<I> with `work(item)` or the error it threw. */
export function servePool<I, R>(
  port: { on(event: 'message', f: (req: PoolRequest<I>) => void): unknown; postMessage(m: unknown): void },
  work: (item: I) => R | Promise<R>,
): void {
  port.on('message', async (req: PoolRequest<I>) => {
    try {
      port.postMessage({ index: req.index, result: await work(req.item) } satisfies PoolReply<R>);
    } catch (e) {
      port.postMessage({ index: req.index, error: toWire(e) } satisfies PoolReply<R>);
    }
  });
}
