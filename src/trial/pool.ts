/**
 * Runs trial work items on worker threads (or inline for one worker), like src/paper/pool.ts: each idle
 * worker takes the next item; results come back in item order, so nothing depends on the worker count.
 */
import { Worker } from 'node:worker_threads';
import { InputError, SolverError } from '../errors.js';
import { runWork, type WorkContext, type WorkItem, type WorkResult } from './work.js';
import type { WorkRequest } from './worker.js';

type Reply =
  | { readonly id: number; readonly result: WorkResult }
  | {
      readonly id: number;
      readonly error: { readonly name: string; readonly message: string; readonly t?: number };
    };

function startWorker(ctx: WorkContext): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./worker.js', import.meta.url), { workerData: ctx });
  // Under tsx (tests, `npm run cscsim`) this module is .ts; the --import hook does not reach worker threads
  // on Node 20, so a small bootstrap registers tsx in the worker before loading worker.ts.
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { eval: true, workerData: ctx });
}

function rebuild(e: { name: string; message: string; t?: number }): Error {
  if (e.name === 'SolverError')
    return new SolverError(e.message.replace(/ at t = .*$/, ''), e.t ?? Number.NaN);
  if (e.name === 'InputError' || e.name === 'ModelError') return new InputError(e.message);
  return new Error(`trial worker: ${e.name}: ${e.message}`);
}

/** Runs every item; onDone(index, result) is called as items finish (in completion order). */
export async function runItems(
  ctx: WorkContext,
  items: readonly WorkItem[],
  workers: number,
  onDone?: (index: number, result: WorkResult) => void,
): Promise<WorkResult[]> {
  const n = Math.max(1, Math.min(workers, items.length));
  const results: WorkResult[] = new Array(items.length);
  if (n === 1) {
    for (const [i, item] of items.entries()) {
      results[i] = runWork(ctx, item);
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
      const req: WorkRequest = { id: next, item: items[next]! };
      next++;
      w.postMessage(req);
    };
    for (let k = 0; k < n; k++) {
      const w = startWorker(ctx);
      pool.push(w);
      w.on('message', (msg: Reply) => {
        if (failed) return;
        if ('error' in msg) return finish(rebuild(msg.error));
        results[msg.id] = msg.result;
        onDone?.(msg.id, msg.result);
        if (++done === items.length) return finish();
        assign(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      assign(w);
    }
  });
}
