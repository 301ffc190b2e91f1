/**
 * Runs reproduction jobs on worker threads (or inline for one worker). Each idle worker takes the next job;
 * results are returned in job order, so the outcome does not depend on the worker count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ClaimContext } from './claims/index.js';
import { type Job, type JobResult, runJob } from './jobs.js';
import type { JobRequest } from './worker.js';

type Reply =
  | { readonly index: number; readonly result: JobResult }
  | { readonly index: number; readonly error: { readonly name: string; readonly message: string } };

/** Default worker count: the machine's parallelism, at most 2 (the report has ~10 jobs). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  // Under tsx (tests, `npm run cscsim`) this module is .ts; the --import hook does not reach worker threads
  // on Node 20, so a small bootstrap registers tsx in the worker before loading worker.ts.
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { eval: true });
}

export async function runJobs(
  jobs: readonly Job[],
  ctx: ClaimContext,
  workers: number,
  onDone?: (job: Job, result: JobResult) => void,
): Promise<JobResult[]> {
  const n = Math.max(1, Math.min(workers, jobs.length));
  const results: JobResult[] = new Array(jobs.length);
  if (n === 1) {
    for (const [i, job] of jobs.entries()) {
      results[i] = await runJob(job, ctx);
      onDone?.(job, results[i]!);
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
      if (next >= jobs.length) return;
      const req: JobRequest = { index: next, job: jobs[next]!, ctx };
      next++;
      w.postMessage(req);
    };
    for (let k = 0; k < n; k++) {
      const w = startWorker();
      pool.push(w);
      w.on('message', (msg: Reply) => {
        if (failed) return;
        if ('error' in msg)
          return finish(new Error(`reproduce worker: ${msg.error.name}: ${msg.error.message}`));
        results[msg.index] = msg.result;
        onDone?.(jobs[msg.index]!, msg.result);
        if (++done === jobs.length) return finish();
        assign(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      assign(w);
    }
  });
}
