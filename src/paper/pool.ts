/**
 * Runs reproduction jobs on worker threads (or inline for one worker) through the shared pool
 * (src/parallel/workers.ts): results are returned in job order, so the outcome does not depend on the
 * worker count.
 */
import { availableParallelism } from 'node:os';
import { runPool, startWorker } from '../parallel/workers.js';
import type { ClaimContext } from './claims/index.js';
import { type Job, type JobResult, runJob } from './jobs.js';

/** Default worker count: the machine's parallelism, at most 2 (the report has ~10 jobs). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export function runJobs(
  jobs: readonly Job[],
  ctx: ClaimContext,
  workers: number,
  onDone?: (job: Job, result: JobResult) => void,
): Promise<JobResult[]> {
  return runPool<Job, JobResult>({
    items: jobs,
    workers,
    start: () => startWorker('worker', import.meta.url, ctx),
    inline: (job) => runJob(job, ctx),
    label: 'reproduce worker',
    ...(onDone ? { onDone: (i: number, r: JobResult) => onDone(jobs[i]!, r) } : {}),
  });
}
