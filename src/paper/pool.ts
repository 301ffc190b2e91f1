/**
 * Runs reproduction jobs on worker threads (or inline for one worker) through the shared pool
 * (src/parallel/workers.ts): results are returned in job order, so the outcome does not depend on the
 * worker count.
 */
import { availableParallelism } from 'node:os';
import { type IndexedMap, threads } from '../parallel/map.js';
import { startWorker } from '../parallel/workers.js';
import type { ClaimContext } from './claims/index.js';
import { type Job, type JobResult, runJob } from './jobs.js';

/** Job kind of a reproduction job on a queue (registered in src/cli/jobs/registry.ts). */
export const REPRODUCE_JOB = 'reproduce-job';

/** Default worker count: the machine's parallelism, at most 2 (the report has ~10 jobs). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

export function runJobs(
  jobs: readonly Job[],
  ctx: ClaimContext,
  workers: number,
  onDone?: (job: Job, result: JobResult) => void,
  map: IndexedMap = threads(workers),
): Promise<JobResult[]> {
  return map.run<ClaimContext, Job, JobResult>({
    kind: REPRODUCE_JOB,
    context: ctx,
    items: jobs,
    describe: (job) =>
      job.kind === 'claims' ? `claims ${job.ids.join(',')}` : `robustness sets ${job.from}-${job.to - 1}`,
    start: () => startWorker('worker', import.meta.url, ctx),
    inline: (job) => runJob(job, ctx),
    label: 'reproduce worker',
    ...(onDone ? { onDone: (i: number, r: JobResult) => onDone(jobs[i]!, r) } : {}),
  });
}
