/**
 * `--redis URL` (or CSCSIM_REDIS) and `--resume RUNID` for the commands that fan out: the indexed map they
 * run their work items on. Without a Redis URL the map is local worker threads, as before.
 */
import { UsageError } from '../errors.js';
import type { IndexedMap } from '../parallel/map.js';
import { type RedisMap, redisMap } from '../parallel/redis/map.js';
import { redisTarget } from '../parallel/redis/url.js';
import { type OptionSpec, optString, type ParsedArgs } from './args.js';
import type { CliIo } from './command.js';

export const redisOptions = {
  redis: {
    type: 'string',
    value: 'URL',
    help: 'run the work items on `cscsim worker` processes through this Redis (default $CSCSIM_REDIS)',
  },
  resume: {
    type: 'string',
    value: 'RUNID',
    help: 'with --redis: continue the run RUNID from its stored results',
  },
} as const satisfies Record<string, OptionSpec>;

/** The Redis map asked for by --redis / CSCSIM_REDIS, or undefined for local threads. */
export async function redisFromArgs(args: ParsedArgs, io: CliIo): Promise<RedisMap | undefined> {
  const target = redisTarget(optString(args, 'redis'));
  const resume = optString(args, 'resume');
  if (!target) {
    if (resume !== undefined) throw new UsageError('--resume needs --redis URL (or CSCSIM_REDIS)');
    return undefined;
  }
  return redisMap({
    target,
    ...(resume !== undefined ? { resume } : {}),
    log: (line) => io.stderr(`${line}\n`),
  });
}

/**
 * Runs `work` on the map of the arguments (undefined: local threads); a Redis run's jobs are removed
 * once the command has its results, and its connections closed either way.
 */
export async function withMap<T>(
  args: ParsedArgs,
  io: CliIo,
  work: (map: IndexedMap | undefined) => Promise<T>,
): Promise<T> {
  const redis = await redisFromArgs(args, io);
  if (!redis) return work(undefined);
  try {
    const out = await work(redis);
    await redis.forget();
    return out;
  } finally {
    await redis.close();
  }
}
