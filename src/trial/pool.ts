/**
 * Runs trial work items on worker threads (or inline for one worker) through the shared pool
 * (src/parallel/workers.ts): results come back in item order, so nothing depends on the worker count.
 */
import { runPool, startWorker } from '../parallel/workers.js';
import { runWork, type WorkContext, type WorkItem, type WorkResult } from './work.js';

/** Runs every item; onDone(index, result) is called as items finish (in completion order). */
export function runItems(
  ctx: WorkContext,
  items: readonly WorkItem[],
  workers: number,
  onDone?: (index: number, result: WorkResult) => void,
): Promise<WorkResult[]> {
  return runPool<WorkItem, WorkResult>({
    items,
    workers,
    start: () => startWorker('worker', import.meta.url, ctx),
    inline: (item) => runWork(ctx, item),
    label: 'trial worker',
    ...(onDone ? { onDone } : {}),
  });
}
