/**
 * The BullMQ sandboxed processor of `cscsim worker`: runs in a child process that BullMQ forks, so a
 * CPU-bound job never stalls the parent's lock renewal. It decodes and checks the job's data, runs only a
 * registered kind, and answers with the encoded result or the error (ours keep their class on the
 * coordinator). A run's context is prepared once per child (e.g. the model compiled once).
 */
import { createHash } from 'node:crypto';
import type { SandboxedJob } from 'bullmq';
import { InputError } from '../../errors.js';
import { decode, encode, MAX_PAYLOAD_BYTES } from '../../parallel/codec.js';
import type { WorkerEnv } from '../../parallel/kinds.js';
import { checkJobData, type JobReply } from '../../parallel/redis/job.js';
import { toWire } from '../../parallel/wire.js';
import { kinds } from './registry.js';

const env: WorkerEnv = { allow: JSON.parse(process.env.CSCSIM_WORKER_ALLOW ?? '[]') as string[] };
const limit = Number(process.env.CSCSIM_PAYLOAD_LIMIT) || MAX_PAYLOAD_BYTES;

type Prepared = { context: unknown; run: (item: unknown, index: number) => unknown };
/** Prepared contexts by run key and context digest (the last few runs). */
const prepared = new Map<string, Prepared>();

// The parent worker is gone (killed): nothing will collect our answer.
process.on('disconnect', () => process.exit(1));

export default async function processor(job: SandboxedJob): Promise<JobReply> {
  try {
    const d = checkJobData(job.data);
    const k = kinds.get(d.kind);
    if (!k)
      throw new InputError(
        `job kind '${d.kind}' is not one this worker runs (${[...kinds.keys()].join(', ')})`,
      );
    const key = `${d.run} ${createHash('sha256').update(d.context).digest('hex')}`;
    let p = prepared.get(key);
    const item = decode(d.item, `${d.kind} item ${d.index}`, limit);
    if (!p) {
      const context = decode(d.context, `${d.kind} context`, limit);
      k.check(context, item, env);
      p = { context, run: k.prepare(context, env) };
      if (prepared.size >= 4) prepared.delete(prepared.keys().next().value as string);
      prepared.set(key, p);
    } else k.check(p.context, item, env);
    const result = await p.run(item, d.index);
    return { ok: encode(result, `${d.kind} result of item ${d.index}`, limit) };
  } catch (e) {
    return { error: toWire(e) };
  }
}
