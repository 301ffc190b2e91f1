/** Worker thread of the trial: runs the work items it is sent (work.ts) and replies with their results. */
import { parentPort, workerData } from 'node:worker_threads';
import { runWork, type WorkContext, type WorkItem } from './work.js';

export interface WorkRequest {
  readonly id: number;
  readonly item: WorkItem;
}

const port = parentPort;
if (port) {
  const ctx = workerData as WorkContext;
  port.on('message', (req: WorkRequest) => {
    try {
      port.postMessage({ id: req.id, result: runWork(ctx, req.item) });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const t = (err as { t?: unknown }).t;
      port.postMessage({
        id: req.id,
        error: { name: err.name, message: err.message, t: typeof t === 'number' ? t : undefined },
      });
    }
  });
}
