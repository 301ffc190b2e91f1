/**
 * `cscsim worker --redis URL [--concurrency N] [--queue NAME] [--allow DIR[,DIR]] [--lock-ms MS]`: a
 * long-running worker that serves every job kind of cscsim (src/cli/jobs/registry.ts) from a BullMQ queue,
 * each job in a sandboxed child process (src/cli/jobs/processor.ts) so CPU-bound work never stalls lock
 * renewal. Stops cleanly on SIGTERM or SIGINT (the jobs it holds finish first).
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { UsageError } from '../../errors.js';
import { MAX_PAYLOAD_BYTES } from '../../parallel/codec.js';
import { connection, reach } from '../../parallel/redis/connect.js';
import { DEFAULT_QUEUE } from '../../parallel/redis/map.js';
import { redisTarget } from '../../parallel/redis/url.js';
import { optNumber, optString, parseArgs } from '../args.js';
import type { CliIo, Command } from '../command.js';
import { kinds } from '../jobs/registry.js';

const options = {
  redis: { type: 'string', value: 'URL', help: 'redis:// or rediss:// URL (default $CSCSIM_REDIS)' },
  concurrency: { type: 'string', value: 'N', help: 'jobs at a time (one child process each)', default: '1' },
  queue: { type: 'string', value: 'NAME', help: 'queue to serve (default $CSCSIM_QUEUE or cscsim)' },
  allow: {
    type: 'string',
    value: 'DIR[,DIR]',
    help: 'directories whose files jobs may name (e.g. SBML cases)',
  },
  'lock-ms': {
    type: 'string',
    value: 'MS',
    help: 'job lock; a job of a dead worker is retried after about twice this',
    default: '30000',
  },
} as const;

function processorFile(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), '..', 'jobs', `processor${here.endsWith('.ts') ? '.ts' : '.js'}`);
}

function allowDirs(list: string | undefined): string[] {
  if (list === undefined) return [];
  return list
    .split(',')
    .filter((d) => d !== '')
    .map((d) => {
      try {
        if (!statSync(d).isDirectory()) throw new Error();
        return realpathSync(d);
      } catch {
        throw new UsageError(`--allow: '${d}' is not a directory`);
      }
    });
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, options);
  if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
  const target = redisTarget(optString(args, 'redis'));
  if (!target) throw new UsageError('--redis URL (or CSCSIM_REDIS) is required');
  const concurrency = optNumber(args, 'concurrency', { integer: true, min: 1 }) ?? 1;
  const lockMs = optNumber(args, 'lock-ms', { integer: true, min: 500 }) ?? 30000;
  const queue = optString(args, 'queue') ?? (process.env.CSCSIM_QUEUE || DEFAULT_QUEUE);
  const allow = allowDirs(optString(args, 'allow'));
  await reach(target);
  // The sandboxed children inherit these (they never see the URL).
  process.env.CSCSIM_WORKER_ALLOW = JSON.stringify(allow);
  process.env.CSCSIM_PAYLOAD_LIMIT ??= String(MAX_PAYLOAD_BYTES);
  delete process.env.CSCSIM_REDIS;
  let last = '';
  const worker = new Worker(queue, processorFile(), {
    connection: connection(target, (m) => {
      if (m !== last) io.stderr(`worker: redis: ${m} (retrying)\n`);
      last = m;
    }),
    concurrency,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A job whose worker died is retried; one that kills its workers again and again is not.
    maxStalledCount: 3,
    useWorkerThreads: false,
  });
  worker.on('error', (e) => io.stderr(`worker: ${e.message}\n`));
  worker.on('failed', (job, e) => io.stderr(`worker: job ${job?.id ?? '?'} failed: ${e.message}\n`));
  await worker.waitUntilReady();
  io.stderr(
    `worker: serving queue '${queue}' on ${target.shown}, concurrency ${concurrency}; kinds: ${[...kinds.keys()].join(', ')}` +
      `${allow.length ? `; files under ${allow.join(', ')}` : ''}\n`,
  );
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  io.stderr(`worker: ${signal}: finishing current jobs\n`);
  await worker.close();
  return 0;
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'serve cscsim work items (ensembles, trials, reproduction, SBML cases) from a Redis queue',
  usage: 'cscsim worker --redis URL [--concurrency N] [--queue NAME] [--allow DIR[,DIR]] [--lock-ms MS]',
  options,
  run,
};
