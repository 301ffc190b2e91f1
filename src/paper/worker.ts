/** Worker thread of the reproduction: runs the jobs it is sent (jobs.ts) and replies with their results. */
import { parentPort } from 'node:worker_threads';
import type { ClaimContext } from './claims/index.js';
import { type Job, runJob } from './jobs.js';

export interface JobRequest {
  readonly index: number;
  readonly job: Job;
  readonly ctx: ClaimContext;
}

const port = parentPort;
if (port) {
  port.on('message', (req: JobRequest) => {
    runJob(req.job, req.ctx).then(
      (result) => port.postMessage({ index: req.index, result }),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({ index: req.index, error: { name: err.name, message: err.message } });
      },
    );
  });
}
