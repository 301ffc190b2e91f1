/** The `--stochastic` path of `cscsim simulate`: an SSA ensemble summarised per output time as CSV. */
import { availableParallelism } from 'node:os';
import { simulate } from '../../engines/ssa/ensemble.js';
import type { SsaMethodName } from '../../engines/ssa/method.js';
import { ensembleToCsv as ensembleCsv } from '../../io/ensemble-csv.js';
import type { Problem } from '../../problem/types.js';
import { optNumber, optString, type ParsedArgs, UsageError } from '../args.js';
import type { CliIo } from '../command.js';
import { progressBar } from '../progress.js';

const methods: readonly SsaMethodName[] = ['direct', 'tau-leap', 'hybrid'];

export async function runStochastic(
  problem: Problem,
  args: ParsedArgs,
  outputTimes: Float64Array,
  io: CliIo,
): Promise<string> {
  const method = (optString(args, 'method') ?? 'direct') as SsaMethodName;
  if (!methods.includes(method))
    throw new UsageError(
      `--method: expected direct, tau-leap or hybrid for stochastic runs, got '${method}'`,
    );
  const runs = optNumber(args, 'runs', { integer: true, min: 1 }) ?? 1000;
  const seed = optNumber(args, 'seed', { integer: true, min: 0 }) ?? 1;
  const workers = optNumber(args, 'workers', { integer: true, min: 1 }) ?? availableParallelism();
  const epsilon = optNumber(args, 'epsilon', { positive: true });
  const threshold = optNumber(args, 'threshold', { positive: true });
  const continuous = optString(args, 'continuous')
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (epsilon !== undefined && method !== 'tau-leap')
    throw new UsageError(`--epsilon applies to --method tau-leap, not ${method}`);
  if ((threshold !== undefined || continuous !== undefined) && method !== 'hybrid')
    throw new UsageError(`--threshold and --continuous apply to --method hybrid, not ${method}`);
  const bar = progressBar(io, 'runs');
  const result = await simulate(problem, {
    method,
    runs,
    seed,
    outputTimes,
    workers,
    onProgress: bar.update,
    tuning: {
      ...(epsilon !== undefined ? { epsilon } : {}),
      ...(threshold !== undefined ? { hybridThreshold: threshold } : {}),
      ...(continuous !== undefined ? { continuous } : {}),
    },
  });
  bar.done();
  io.stderr(
    `simulate: ${problem.model.id}: ${runs} runs (${method}, seed ${seed}), ${result.stats.firings} firings\n`,
  );
  return ensembleCsv(result);
}
