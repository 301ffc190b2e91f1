/** Worker thread of the trial: runs the work items it is sent (work.ts) and replies with their results. */
import { parentPort, workerData } from 'node:worker_threads';
import { servePool } from '../parallel/workers.js';
import { runWork, type WorkContext, type WorkItem } from './work.js';

if (parentPort) {
  const ctx = workerData as WorkContext;
  servePool(parentPort, (item: WorkItem) => runWork(ctx, item));
}
