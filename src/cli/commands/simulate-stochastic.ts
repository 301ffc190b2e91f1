/** The `--stochastic` path of `cscsim simulate`: an SSA ensemble summarised per output time as CSV. */
import { availableParallelism } from 'node:os';
import type { SsaMethodName } from '../../engines/ssa/method.js';
import { ensembleToCsv as ensembleCsv } from '../../io/ensemble-csv.js';
import type { Model } from '../../model/types.js';
import { nonCountSpecies, wholeCountsInitial } from '../../model/whole-counts.js';
import { simulate } from '../../parallel/ensemble.js';
import type { Problem } from '../../problem/types.js';
import { optFlag, optNumber, optString, type ParsedArgs, UsageError } from '../args.js';
import type { CliIo } from '../command.js';
import { withMap } from '../distributed.js';
import { progressBar } from '../progress.js';

const methods: readonly SsaMethodName[] = ['direct', 'tau-leap', 'hybrid'];

/**
 * Built-in models start from whole cells (src/model/whole-counts.ts); a file model only with --round.
 * Species that are not counts (by unit) stay continuous unless --continuous says otherwise.
 */
export async function runStochastic(
  model: Model,
  problem: Problem,
  args: ParsedArgs,
  outputTimes: Float64Array,
  io: CliIo,
  builtIn: boolean,
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
  const threshold = optNumber(args, 'threshold', { min: 1 });
  const given = optString(args, 'continuous')
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (epsilon !== undefined && method !== 'tau-leap')
    throw new UsageError(`--epsilon applies to --method tau-leap, not ${method}`);
  if (threshold !== undefined && method !== 'hybrid')
    throw new UsageError(`--threshold applies to --method hybrid, not ${method}`);
  const known = new Set(problem.stateIds);
  const unknown = (given ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UsageError(
      `--continuous: ${unknown.map((id) => `'${id}'`).join(', ')} ${unknown.length > 1 ? 'are not species' : 'is not a species'} of '${model.id}' (species: ${model.species.map((s) => s.id).join(', ')})`,
    );
  const continuous = given ?? nonCountSpecies(model);
  const round = builtIn || model.roundInitialCounts === true || optFlag(args, 'round');
  const y0 = round ? wholeCountsInitial(model, problem, problem.p, continuous) : undefined;
  const bar = progressBar(io, 'runs');
  const result = await withMap(args, io, (map) =>
    simulate(problem, {
      ...(map ? { map } : {}),
      method,
      runs,
      seed,
      outputTimes,
      workers,
      onProgress: bar.update,
      ...(y0 ? { y0 } : {}),
      tuning: {
        ...(epsilon !== undefined ? { epsilon } : {}),
        ...(threshold !== undefined ? { hybridThreshold: threshold } : {}),
        ...(continuous.length > 0 ? { continuous } : {}),
      },
    }),
  );
  bar.done();
  io.stderr(
    `simulate: ${model.id}: ${runs} runs (${method}, seed ${seed}), ${result.stats.firings} firings` +
      `${round ? '; initial counts rounded (largest remainder)' : ''}` +
      `${continuous.length > 0 ? `; continuous: ${continuous.join(', ')}` : ''}\n`,
  );
  return ensembleCsv(result);
}
