/**
 * Connections to Redis. `reach` proves the server answers within a few seconds (an unreachable Redis is
 * bad input: exit 2 naming the URL, password redacted) before any queue is built; `connection` is the
 * long-lived client BullMQ needs (no per-command retry limit, reconnecting forever, so a restarted Redis
 * with persistence resumes the run).
 */
import { Redis, type RedisOptions } from 'ioredis';
import { InputError } from '../../errors.js';
import { type RedisTarget, scrub } from './url.js';

/** Rejects with an InputError unless Redis answers PING within `ms`. */
export async function reach(target: RedisTarget, ms = 4000): Promise<void> {
  const client = new Redis(target.url, {
    lazyConnect: true,
    connectTimeout: ms,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let last = '';
  client.on('error', (e: Error) => {
    last = e.message;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } catch (e) {
    const why = scrub(e instanceof Error ? e.message : String(e), target) || scrub(last, target);
    throw new InputError(`cannot reach Redis at ${target.shown}: ${why}`);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** A client for BullMQ queues and workers. */
export function connection(target: RedisTarget, onError?: (message: string) => void): Redis {
  const opts: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    // Reconnect forever, backing off to 2 s: a Redis restart pauses the run, never ends it.
    retryStrategy: (times) => Math.min(2000, 50 * times),
  };
  const client = new Redis(target.url, opts);
  client.on('error', (e: Error) => onError?.(scrub(e.message, target)));
  return client;
}
