/**
 * The wire format of a queued work item and of its answer. Job data is JSON (BullMQ's), with the context
 * and the item as encoded payloads (codec.ts). Job ids are `<run>-<index>`, so adding an item twice (a
 * resumed coordinator) is a no-op and each index has one result however often it ran.
 */
import { InputError } from '../../errors.js';
import type { WireError } from '../wire.js';

export const WIRE_VERSION = 1;

export interface JobData {
  readonly v: number;
  /** Run key: `<run id>.<map call>`. */
  readonly run: string;
  readonly kind: string;
  readonly index: number;
  /** Encoded context (the same for every item of a run) and item. */
  readonly context: string;
  readonly item: string;
}

/** What a worker returns: the encoded result, or the error (deterministic: not retried). */
export type JobReply = { readonly ok: string } | { readonly error: WireError };

const RUN = /^[A-Za-z0-9_.]{1,80}$/;
const KIND = /^[a-z][a-z0-9-]{0,40}$/;

export const jobId = (run: string, index: number): string => `${run}-${index}`;

/** Validates job data taken off the queue (it may come from anyone who can write to Redis). */
export function checkJobData(d: unknown): JobData {
  const o = d as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null) throw new InputError('job data: expected an object');
  if (o.v !== WIRE_VERSION)
    throw new InputError(`job data: wire version ${String(o.v)}, expected ${WIRE_VERSION}`);
  if (typeof o.run !== 'string' || !RUN.test(o.run)) throw new InputError('job data: bad run key');
  if (typeof o.kind !== 'string' || !KIND.test(o.kind)) throw new InputError('job data: bad kind');
  if (typeof o.index !== 'number' || !Number.isSafeInteger(o.index) || o.index < 0)
    throw new InputError('job data: bad index');
  if (typeof o.context !== 'string' || typeof o.item !== 'string')
    throw new InputError('job data: context and item must be encoded payloads');
  return o as unknown as JobData;
}

export function checkReply(r: unknown): JobReply {
  const o = r as Record<string, unknown> | null;
  if (o && typeof o.ok === 'string') return { ok: o.ok };
  if (o && typeof o.error === 'object' && o.error !== null) {
    const e = o.error as Record<string, unknown>;
    if (typeof e.name === 'string' && typeof e.message === 'string')
      return { error: e as unknown as WireError };
  }
  throw new InputError('job result: not a cscsim reply');
}
