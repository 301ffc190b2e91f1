/**
 * `her2-ode`: the HER2 cancer stem cell model (src/models/her2Csc.ts) as a calibration simulator. Options:
 * `line` (cell line preset, default MCF7), `times` (output days), `outputs` (model ids such as V,
 * cscFraction, N; default V) and `rtol`. The statistics are every output at every time, named `V@14`;
 * the estimated parameters are any of the preset's parameters, with default priors uniform over their
 * `range` (src/models/parameters.ts); the others keep their preset values. The model compiles once per
 * simulator; each simulation is one ODE solve (deterministic: the stream is not used). A solve that fails
 * at some parameters writes NaN, which ABC-SMC counts and never accepts. The statistics and data of the
 * HER2 confrontation (the paper's claims and the trials) build on this in their own issue.
 */
import { solve } from '../../engines/solve.js';
import { InputError, SolverError } from '../../errors.js';
import { compile } from '../../model/compile.js';
import { her2Csc, isCellLine, presetParams } from '../../models/index.js';
import { checkKnownOptions, optionNumber } from './options.js';
import type { SimulatorDefinition, SimulatorParameter } from './types.js';

function lineOf(options: Readonly<Record<string, unknown>>, path: string) {
  const line = options.line ?? 'MCF7';
  if (typeof line !== 'string' || !isCellLine(line))
    throw new InputError(`unknown cell line ${JSON.stringify(line)}`, { path: `${path}.line` });
  return line;
}

function list<T>(v: unknown, dflt: T[], ok: (x: unknown) => x is T, what: string, path: string): T[] {
  if (v === undefined) return dflt;
  if (!Array.isArray(v) || v.length === 0 || !v.every(ok))
    throw new InputError(`expected a non-empty list of ${what}`, { path });
  return v;
}

export const her2Ode: SimulatorDefinition = {
  name: 'her2-ode',
  description:
    'HER2-CSC model, one ODE solve; statistics: outputs at times (options line, times, outputs, rtol)',
  parameters(options, path): SimulatorParameter[] {
    return presetParams(lineOf(options, path)).map((s) => ({
      id: s.id,
      range: s.range,
      description: s.description,
    }));
  },
  create(ids, options, path) {
    checkKnownOptions(options, ['line', 'times', 'outputs', 'rtol'], path);
    const line = lineOf(options, path);
    const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
    const times = list(options.times, [7, 14, 21, 28], isTime, 'positive times', `${path}.times`);
    for (let i = 1; i < times.length; i++)
      if (!(times[i]! > times[i - 1]!))
        throw new InputError('times must increase', { path: `${path}.times[${i}]` });
    const isId = (x: unknown): x is string => typeof x === 'string';
    const outputs = list(options.outputs, ['V'], isId, 'output ids', `${path}.outputs`);
    const rtol = optionNumber(options, 'rtol', path, { dflt: 1e-6, positive: true });
    const problem = compile(her2Csc(line));
    const p = problem.p.slice();
    const slots = ids.map((id) => {
      const k = problem.paramIndex.get(id);
      if (k === undefined) throw new InputError(`unknown parameter '${id}' of the HER2 model`, { path });
      return k;
    });
    // Validate the outputs once, with the preset parameters.
    const probe = solve(problem, { tEnd: times[times.length - 1]!, outputTimes: times, outputs, p, rtol });
    const width = probe.ids.length;
    return {
      statistics: times.flatMap((t) => outputs.map((o) => `${o}@${t}`)),
      simulate(theta, _rng, out) {
        for (let k = 0; k < slots.length; k++) p[slots[k]!] = theta[k]!;
        try {
          const sol = solve(problem, {
            tEnd: times[times.length - 1]!,
            outputTimes: times,
            outputs,
            p,
            rtol,
          });
          for (let i = 0; i < times.length * width; i++) out[i] = sol.y[i]!;
        } catch (e) {
          if (!(e instanceof SolverError)) throw e;
          out.fill(Number.NaN, 0, times.length * width);
        }
      },
    };
  },
};
