/**
 * Payloads on a queue: the structured-clone encoding of V8 (node:v8 serialize), as base64 text for
 * BullMQ's JSON job data. It is the encoding worker threads already use, so a result that crosses a queue
 * is the value that would have crossed a thread: Float64Arrays bit for bit, -0, NaN, Infinity, undefined.
 * Decoding builds plain data only (never a function or a class instance), and every payload is checked
 * against a size limit before it is decoded or sent.
 */
import { deserialize, serialize } from 'node:v8';
import { InputError } from '../errors.js';

/** Default limit of one job's payload or result (encoded bytes). */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

export function encode(value: unknown, what: string, limit = MAX_PAYLOAD_BYTES): string {
  const bytes = serialize(value);
  if (bytes.length > limit)
    throw new InputError(`${what} is ${bytes.length} bytes, above the limit of ${limit} bytes`);
  return bytes.toString('base64');
}

export function decode(text: unknown, what: string, limit = MAX_PAYLOAD_BYTES): unknown {
  if (typeof text !== 'string') throw new InputError(`${what}: expected an encoded payload`);
  // base64: 4 characters per 3 bytes; refuse before allocating.
  if (text.length > Math.ceil(limit / 3) * 4 + 4)
    throw new InputError(`${what} is above the limit of ${limit} bytes`);
  try {
    return deserialize(Buffer.from(text, 'base64'));
  } catch (e) {
    throw new InputError(`${what}: not a valid payload (${e instanceof Error ? e.message : String(e)})`);
  }
}
