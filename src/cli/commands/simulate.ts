/**
 * `cscsim simulate MODEL --t-end T`: one deterministic trajectory (ODE) or a stochastic ensemble, as CSV.
 * MODEL is a JSON model file, an SBML file (.xml/.sbml) or a built-in model id.
 */
import { writeFileSync } from 'node:fs';
import type { OdeMethod } from '../../engines/ode/types.js';
import { solve } from '../../engines/solve.js';
import { formatCsv } from '../../io/csv.js';
import { loadModel } from '../../io/load-model.js';
import { compile } from '../../model/compile.js';
import { ROUNDING_RULE } from '../../model/whole-counts.js';
import { modelIds } from '../../models/index.js';
import { optFlag, optNumber, optString, parseArgs, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { redisOptions } from '../distributed.js';
import { runStochastic } from './simulate-stochastic.js';

const options = {
  't-end': { type: 'string', value: 'T', help: 'end time, in the model time unit (required)' },
  't-start': { type: 'string', value: 'T0', help: 'start time', default: '0' },
  steps: { type: 'string', value: 'N', help: 'number of output intervals (N+1 rows)', default: '100' },
  method: {
    type: 'string',
    value: 'M',
    help: 'ODE: auto|dopri5|rodas|bdf; stochastic: direct|tau-leap|hybrid',
    defaultText: 'auto / direct',
  },
  rtol: { type: 'string', value: 'R', help: 'relative tolerance (ODE)', default: '1e-6' },
  atol: { type: 'string', value: 'A', help: 'absolute tolerance (ODE)', default: '1e-9' },
  stochastic: { type: 'boolean', help: 'simulate a stochastic ensemble instead of the ODE' },
  runs: { type: 'string', value: 'N', help: 'ensemble size (stochastic)', default: '1000' },
  seed: { type: 'string', value: 'S', help: 'random seed (stochastic)', default: '1' },
  workers: { type: 'string', value: 'W', help: 'worker threads (stochastic)', defaultText: 'cores' },
  ...redisOptions,
  epsilon: { type: 'string', value: 'E', help: 'tau-leap error control (CGP 2006)', defaultText: '0.03' },
  threshold: {
    type: 'string',
    value: 'N',
    help: 'hybrid: species at or above N are continuous',
    defaultText: '1000',
  },
  continuous: {
    type: 'string',
    value: 'IDS',
    help: 'stochastic: species kept continuous (amounts that are not counts, e.g. a drug in mg/kg)',
    defaultText: 'species whose unit is not a count',
  },
  round: {
    type: 'boolean',
    help: `stochastic: round fractional initial counts (${ROUNDING_RULE}); built-in models always are`,
  },
  out: { type: 'string', value: 'FILE.csv', help: 'write CSV here instead of stdout' },
} as const;

export const simulate: Command = {
  name: 'simulate',
  summary: 'simulate a model (JSON, SBML or built-in id) and write the trajectory as CSV',
  usage: 'cscsim simulate MODEL --t-end T [--steps N] [--method M] [--rtol R --atol A] [--out FILE.csv]',
  options,
  async run(argv, io) {
    const args = parseArgs(argv, options);
    if (args.positionals.length !== 1)
      throw new UsageError('expected exactly one MODEL (file or built-in id)');
    const tEnd = optNumber(args, 't-end');
    if (tEnd === undefined) throw new UsageError('--t-end is required');
    const t0 = optNumber(args, 't-start')!;
    if (!(tEnd > t0)) throw new UsageError(`--t-end (${tEnd}) must be greater than the start time (${t0})`);
    const steps = optNumber(args, 'steps', { integer: true, positive: true, max: 10_000_000 })!;
    const outputTimes = new Float64Array(steps + 1);
    for (let i = 0; i <= steps; i++) outputTimes[i] = t0 + ((tEnd - t0) * i) / steps;
    outputTimes[steps] = tEnd;

    const model = loadModel(args.positionals[0]!, { onWarning: (w) => io.stderr(`warning: ${w}\n`) });
    const problem = compile(model);
    const out = optString(args, 'out');
    let csv: string;

    if (!optFlag(args, 'stochastic') && (optString(args, 'redis') ?? optString(args, 'resume')) !== undefined)
      throw new UsageError('--redis and --resume apply to --stochastic ensembles');
    if (optFlag(args, 'stochastic')) {
      const builtIn = modelIds.includes(args.positionals[0]!);
      csv = await runStochastic(model, problem, args, outputTimes, io, builtIn);
    } else {
      if (optFlag(args, 'round'))
        throw new UsageError(
          '--round applies to stochastic runs (--stochastic); ODE amounts need no rounding',
        );
      const method = (optString(args, 'method') ?? 'auto') as OdeMethod;
      if (!['auto', 'dopri5', 'rodas', 'bdf'].includes(method))
        throw new UsageError(`--method: expected auto, dopri5, rodas or bdf for ODE runs, got '${method}'`);
      const rtol = optNumber(args, 'rtol', { positive: true })!;
      const atol = optNumber(args, 'atol', { positive: true })!;
      const sol = solve(problem, { t0, tEnd, method, rtol, atol, outputTimes });
      const header = ['time', ...sol.ids];
      const w = sol.ids.length;
      const rows: number[][] = [];
      for (let i = 0; i < sol.t.length; i++) {
        const row = [sol.t[i]!];
        for (let j = 0; j < w; j++) row.push(sol.y[i * w + j]!);
        rows.push(row);
      }
      csv = formatCsv(header, rows);
      io.stderr(
        `simulate: ${model.id}: ${sol.stats.accepted} steps (${sol.stats.rejected} rejected), ` +
          `${sol.events.length} events, method ${sol.method}\n`,
      );
    }
    if (out) writeFileSync(out, csv);
    else io.stdout(csv);
    return 0;
  },
};
