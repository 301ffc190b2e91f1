/** Worker thread of the reproduction: runs the jobs it is sent (jobs.ts) and replies with their results. */
import { parentPort, workerData } from 'node:worker_threads';
import { servePool } from '../parallel/workers.js';
import type { ClaimContext } from './claims/index.js';
import { type Job, runJob } from './jobs.js';

if (parentPort) {
  const ctx = workerData as ClaimContext;
  servePool(parentPort, (job: Job) => runJob(job, ctx));
}
