/**
 * Runs trial work items through the indexed map (src/parallel/map.ts): worker threads or inline by default,
 * or a Redis queue when `map` is given; results come back in item order, so nothing depends on the workers.
 */
import { type IndexedMap, threads } from '../parallel/map.js';
import { startWorker } from '../parallel/workers.js';
import { runWork, type WorkContext, type WorkItem, type WorkResult } from './work.js';

/** Job kind of a trial shard on a queue (registered in src/cli/jobs/registry.ts). */
export const TRIAL_WORK = 'trial-work';

/**
 * Runs every item; onDone(index, result) is called as items finish (in completion order). With `retain`
 * false the results go to onDone only (the array returned is sparse).
 */
export function runItems(
  ctx: WorkContext,
  items: readonly WorkItem[],
  workers: number,
  onDone?: (index: number, result: WorkResult) => void,
  map: IndexedMap = threads(workers),
  retain = true,
): Promise<WorkResult[]> {
  return map.run<WorkContext, WorkItem, WorkResult>({
    kind: TRIAL_WORK,
    context: ctx,
    items,
    start: () => startWorker('worker', import.meta.url, ctx),
    inline: (item) => runWork(ctx, item),
    label: 'trial worker',
    describe: (item) => `${item.kind} patients ${item.from}-${item.to - 1}`,
    ...(onDone ? { onDone } : {}),
    ...(retain ? {} : { retain: false }),
  });
}
