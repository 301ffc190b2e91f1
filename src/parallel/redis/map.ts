/**
 * The indexed map on a BullMQ queue (the coordinator's side). Each `run` of a task enqueues its items as
 * jobs `<run>.<n>-<index>` carrying data only (kind, encoded context and item), follows their completion
 * through QueueEvents and a periodic reconciliation (so events lost to a Redis restart or a coordinator that
 * started late are still seen), and hands each index's result on once, whatever number of times a job ran.
 * Results are read back from the jobs themselves: a coordinator started again with the same run id
 * (`--resume`) re-adds the items (a no-op for those already queued or done) and continues from the stored
 * results, with the same bits.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import { InputError, UsageError } from '../../errors.js';
import { decode, encode, MAX_PAYLOAD_BYTES } from '../codec.js';
import type { IndexedMap, MapTask } from '../map.js';
import { fromWire } from '../wire.js';
import { connection, reach } from './connect.js';
import { checkReply, type JobData, jobId, WIRE_VERSION } from './job.js';
import type { RedisTarget } from './url.js';

export const DEFAULT_QUEUE = 'cscsim';

export interface RedisMapOptions {
  readonly target: RedisTarget;
  /** Queue name (default CSCSIM_QUEUE or 'cscsim'); workers must serve the same one. */
  readonly queue?: string;
  /** Run id to resume (the coordinator continues from the results stored under it). */
  readonly resume?: string;
  /** Lines for stderr: the run id, progress as results arrive. */
  readonly log?: (line: string) => void;
  /** Tries per job for failures that are not ours (a crashed or killed worker); default 5. */
  readonly attempts?: number;
  readonly payloadLimit?: number;
  /** How often pending jobs are read back, ms (default 1000). */
  readonly reconcileMs?: number;
}

const RUN_ID = /^[A-Za-z0-9_]{1,64}$/;
/** Seconds completed jobs are kept for a resume when a coordinator never comes back. */
const KEEP_SECONDS = 7 * 24 * 3600;

export interface RedisMap extends IndexedMap {
  readonly runId: string;
  /** Removes the jobs of every finished run of this map (results are no longer needed). */
  forget(): Promise<void>;
}

export async function redisMap(o: RedisMapOptions): Promise<RedisMap> {
  if (o.resume !== undefined && !RUN_ID.test(o.resume))
    throw new UsageError(`--resume: expected a run id of letters, digits and _, got '${o.resume}'`);
  await reach(o.target);
  const log = o.log ?? (() => {});
  const name = o.queue ?? (process.env.CSCSIM_QUEUE || DEFAULT_QUEUE);
  const runId = o.resume ?? `r${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  const limit = o.payloadLimit ?? MAX_PAYLOAD_BYTES;
  let warned = '';
  const onError = (m: string): void => {
    if (m !== warned) log(`redis: ${m} (retrying)`);
    warned = m;
  };
  const conn = connection(o.target, onError);
  const queue = new Queue(name, { connection: conn });
  queue.on('error', (e) => onError(e.message));
  const eventsConn = connection(o.target, onError);
  const events = new QueueEvents(name, { connection: eventsConn });
  events.on('error', (e) => onError(e.message));
  await events.waitUntilReady();
  log(
    `redis: run ${runId} on ${o.target.shown} queue '${name}'${o.resume ? ' (resumed)' : ''}; ` +
      `resume with --resume ${runId}`,
  );
  let calls = 0;
  const finished: { key: string; n: number }[] = [];
  /** Runs still waiting: closing the map fails them instead of leaving their timers to run forever. */
  const open = new Set<(e: Error) => void>();
  let closed = false;

  async function run<C, I, R>(task: MapTask<C, I, R>): Promise<R[]> {
    const key = `${runId}.${++calls}`;
    const n = task.items.length;
    const context = encode(task.context, `${task.label}: the context`, limit);
    const items = task.items.map((item, i) => encode(item, `${task.label}: item ${i}`, limit));
    const digest = createHash('sha256').update(task.kind).update(context);
    for (const it of items) digest.update(it);
    await checkMeta(conn, name, key, task.kind, n, digest.digest('hex'), o.resume !== undefined);
    const results: R[] = new Array(n);
    const pending = new Set<number>(Array.from({ length: n }, (_, i) => i));
    const describe = (i: number): string => task.describe?.(task.items[i]!, i) ?? `item ${i}`;
    let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
    const done = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    done.catch(() => {}); // awaited below; a close before that must not be an unhandled rejection
    const abort = (e: Error): void => settle!.reject(e);
    open.add(abort);
    let failed = false;
    let lastLog = 0;
    const take = (index: number, value: unknown): void => {
      if (failed || !pending.has(index)) return; // counted once
      let r: R;
      try {
        const reply = checkReply(value);
        if ('error' in reply) throw fromWire(reply.error, `${task.label} (${describe(index)})`);
        r = decode(reply.ok, `${task.label}: result of ${describe(index)}`, limit) as R;
      } catch (e) {
        failed = true;
        settle!.reject(e as Error);
        return;
      }
      pending.delete(index);
      if (task.retain !== false) results[index] = r;
      task.onDone?.(index, r);
      const now = Date.now();
      if (pending.size === 0 || now - lastLog > 2000) {
        lastLog = now;
        log(`redis: run ${key}: ${n - pending.size}/${n} items`);
      }
      if (pending.size === 0) settle!.resolve();
    };
    const fail = (index: number, reason: string): void => {
      if (failed || !pending.has(index)) return;
      failed = true;
      settle!.reject(new Error(`${task.label}: ${describe(index)} failed on a worker: ${reason}`));
    };
    const prefix = `${key}-`;
    const indexOf = (id: string): number => (id.startsWith(prefix) ? Number(id.slice(prefix.length)) : -1);
    let lastEvent = 0;
    const onCompleted = ({ jobId: id, returnvalue }: { jobId: string; returnvalue: unknown }): void => {
      const i = indexOf(id);
      if (i < 0) return;
      lastEvent = Date.now();
      take(i, returnvalue);
    };
    events.on('completed', onCompleted);
    /** Reads pending jobs back: completions whose events were missed, and jobs that failed for good. */
    const reconcile = async (): Promise<void> => {
      const ids = [...pending];
      for (let k = 0; k < ids.length && !failed; k += 500) {
        const part = ids.slice(k, k + 500);
        const jobs = await Promise.all(part.map((i) => Job.fromId(queue, jobId(key, i))));
        for (const [j, job] of jobs.entries()) {
          if (!job) continue;
          // Our processor always returns an object, and only a completed job has one.
          if (typeof job.returnvalue === 'object' && job.returnvalue !== null)
            take(part[j]!, job.returnvalue);
          else if (job.finishedOn && job.failedReason && (await job.isFailed()))
            fail(part[j]!, job.failedReason);
        }
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const every = o.reconcileMs ?? 1000;
    const loop = (): void => {
      if (closed) return;
      timer = setTimeout(() => {
        // While completions stream in, events are enough; read jobs back only when they fall silent.
        if (Date.now() - lastEvent < every) return loop();
        reconcile().then(
          () => !failed && pending.size > 0 && loop(),
          (e: Error) => {
            onError(e.message);
            if (!failed && pending.size > 0) loop();
          },
        );
      }, every);
    };
    try {
      const attempts = o.attempts ?? 5;
      for (let k = 0; k < n; k += 500) {
        await queue.addBulk(
          items.slice(k, k + 500).map((item, j) => {
            const index = k + j;
            const data: JobData = { v: WIRE_VERSION, run: key, kind: task.kind, index, context, item };
            return {
              name: task.kind,
              data,
              opts: {
                jobId: jobId(key, index),
                attempts,
                backoff: { type: 'fixed', delay: 500 },
                removeOnComplete: { age: KEEP_SECONDS },
                removeOnFail: { age: KEEP_SECONDS },
              },
            };
          }),
        );
      }
      if (o.resume !== undefined) await reconcile();
      if (pending.size > 0 && !failed) loop();
      await done;
    } finally {
      clearTimeout(timer);
      open.delete(abort);
      events.off('completed', onCompleted);
    }
    finished.push({ key, n });
    return results;
  }

  return {
    backend: 'redis',
    runId,
    run,
    async forget() {
      for (const { key, n } of finished.splice(0)) {
        for (let k = 0; k < n; k += 500) {
          const ids = Array.from({ length: Math.min(500, n - k) }, (_, j) => jobId(key, k + j));
          await Promise.all(ids.map((id) => queue.remove(id)));
        }
        await conn.del(metaKey(name, key));
      }
    },
    async close() {
      closed = true;
      for (const abort of open) abort(new Error('redis map closed with this run unfinished'));
      await events.close();
      await queue.close();
      // Connections passed in are ours to close (BullMQ leaves them open).
      conn.disconnect();
      eventsConn.disconnect();
    },
  };
}

const metaKey = (queue: string, key: string): string => `cscsim:${queue}:run:${key}`;

/** Records what a run is (kind, size, digest of its data); a resume with other inputs is refused. */
async function checkMeta(
  conn: ReturnType<typeof connection>,
  queue: string,
  key: string,
  kind: string,
  n: number,
  digest: string,
  resuming: boolean,
): Promise<void> {
  const k = metaKey(queue, key);
  const value = `${kind} ${n} ${digest}`;
  const set = await conn.set(k, value, 'EX', KEEP_SECONDS, 'NX');
  if (set === 'OK') return;
  const was = await conn.get(k);
  if (was !== value)
    throw resuming
      ? new UsageError(
          `--resume: run ${key} was started with other inputs (${was?.split(' ').slice(0, 2).join(' ')} items)`,
        )
      : new InputError(`redis: run key ${key} is already in use`);
}
