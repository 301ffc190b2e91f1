/**
 * A PEtab v1 problem compiled once and evaluated many times: `loadPetab(file)` reads the YAML and its tables,
 * compiles each model (with the observables as rules, model.ts), lowers conditions and measurements, and
 * returns a `PetabProblem` mapping a vector of the estimated parameters, on parameter scale, to the
 * log-likelihood and the simulated measurements. Only the simulation work is done per evaluation.
 *
 * Layering: this module imports engines (solve, steadyState) and io/petab (the tables); io/petab knows
 * nothing of engines.
 */

import { sensitivityUnsupported } from '../engines/sensitivity.js';
import { InputError, SolverError } from '../errors.js';
import { type PetabSpec, type PetabSubproblem, readPetab, type Scale } from '../io/petab/index.js';
import type { CompiledProblem } from '../model/compile.js';
import { compile } from '../model/compile.js';
import { type LoweredCondition, lowerCondition } from './conditions.js';
import { buildExperiments, type Experiment } from './experiments.js';
import { experimentGradient } from './gradient.js';
import { logLikelihood, residual } from './likelihood.js';
import { augmentModel } from './model.js';
import { ParameterSpace } from './parameters.js';
import { runExperiment, type SimulationOptions } from './simulate.js';

export interface PetabOptions extends SimulationOptions {
  readonly onWarning?: (message: string) => void;
}

/** Simulated measurements of one subproblem, in the order of its measurement table(s). */
export interface SubproblemResult {
  readonly simulation: Float64Array;
  readonly sigma: Float64Array;
}

export interface PetabEvaluation {
  readonly llh: number;
  readonly chi2: number;
  readonly results: readonly SubproblemResult[];
}

export interface PetabProblem {
  readonly file: string;
  readonly spec: PetabSpec;
  /** Estimated parameters (the coordinates of x), with bounds and nominal values on parameter scale. */
  readonly parameterIds: readonly string[];
  readonly scales: readonly Scale[];
  readonly lowerBounds: Float64Array;
  readonly upperBounds: Float64Array;
  readonly nominal: Float64Array;
  /** Compiled models, one per subproblem. */
  readonly problems: readonly CompiledProblem[];
  /** Number of experiments (distinct preequilibration + simulation condition pairs) and measurements. */
  readonly conditions: number;
  readonly measurements: number;
  /** Log-likelihood at x (no priors). Throws SolverError when a simulation fails. */
  llh(x: ArrayLike<number>): number;
  /** Log-density of the objective priors at x (0 without priors). */
  logPrior(x: ArrayLike<number>): number;
  /** Simulations, noise sds, llh and chi2 at x. */
  simulate(x: ArrayLike<number>): PetabEvaluation;
  /** Why llhGradient is not available (a model the forward sensitivities refuse), or null. */
  readonly gradientUnsupported: string | null;
  /**
   * llh at x (parameter scale) with its exact gradient by x written into g (forward sensitivities,
   * gradient.ts). Throws SolverError when a simulation fails, InputError when gradientUnsupported.
   */
  llhGradient(x: ArrayLike<number>, g: Float64Array): number;
}

interface Runtime {
  readonly sub: PetabSubproblem;
  readonly problem: CompiledProblem;
  /** Model parameter slots set from the parameter table: slot, table index. */
  readonly tableSlots: Int32Array;
  readonly tableIndex: Int32Array;
  readonly experiments: readonly Experiment[];
}

/** Per model parameter slot, the estimated coordinate its base value reads (-1: none). */
function baseSources(rt: Runtime, rowToK: Int32Array): Int32Array {
  const src = new Int32Array(rt.problem.p.length).fill(-1);
  for (let k = 0; k < rt.tableSlots.length; k++) src[rt.tableSlots[k]!] = rowToK[rt.tableIndex[k]!]!;
  return src;
}

function prepare(sub: PetabSubproblem, space: ParameterSpace): Runtime {
  const aug = augmentModel(sub, space.rows);
  const compiled = compile(aug.model);
  // One observer per id set, compiled once: solve() asks for the state observer on every call.
  const cache = new Map<string, ReturnType<CompiledProblem['observe']>>();
  const problem: CompiledProblem = {
    ...compiled,
    observe(ids, o) {
      const key = JSON.stringify([ids, o ?? null]);
      let f = cache.get(key);
      if (f === undefined) {
        f = compiled.observe(ids, o);
        cache.set(key, f);
      }
      return f;
    },
  };
  const slots: number[] = [];
  const idx: number[] = [];
  space.rows.forEach((r, k) => {
    const s = problem.paramIndex.get(r.id);
    if (s !== undefined) {
      slots.push(s);
      idx.push(k);
    }
  });
  const conditions = new Map<string, LoweredCondition>();
  for (const c of sub.conditions) {
    if (conditions.has(c.id))
      throw new InputError(`duplicate conditionId '${c.id}'`, { file: c.file, path: `line ${c.line}` });
    conditions.set(c.id, lowerCondition(problem, c, space.index, aug.initialTargets));
  }
  const experiments = buildExperiments(
    problem,
    sub.measurements,
    sub.observables,
    aug.placeholders,
    conditions,
    space.index,
  );
  return { sub, problem, tableSlots: Int32Array.from(slots), tableIndex: Int32Array.from(idx), experiments };
}

/** Reads and compiles a PEtab v1 problem. Bad input is an InputError naming the file, line and column. */
export function loadPetab(file: string, options: PetabOptions = {}): PetabProblem {
  const spec = readPetab(file, options.onWarning !== undefined ? { onWarning: options.onWarning } : {});
  const space = new ParameterSpace(spec.parameters);
  const runtimes = spec.problems.map((sub) => prepare(sub, space));

  function simulate(x: ArrayLike<number>): PetabEvaluation {
    const v = space.linear(x);
    let llh = 0;
    let chi2 = 0;
    const results = runtimes.map((rt): SubproblemResult => {
      const n = rt.sub.measurements.length;
      const simulation = new Float64Array(n).fill(Number.NaN);
      const sigma = new Float64Array(n).fill(Number.NaN);
      const base = Float64Array.from(rt.problem.p);
      for (let k = 0; k < rt.tableSlots.length; k++) base[rt.tableSlots[k]!] = v[rt.tableIndex[k]!]!;
      for (const e of rt.experiments) {
        runExperiment(rt.problem, e, base, v, simulation, sigma, options);
        for (const lm of e.measurements) {
          const y = simulation[lm.row]!;
          const s = sigma[lm.row]!;
          const meas = rt.sub.measurements[lm.row]!;
          if (!Number.isFinite(y)) {
            throw new SolverError(
              `${meas.file}: line ${meas.line}: observable '${meas.observableId}' is ${y} in condition '${e.sim.id}'`,
              meas.time,
            );
          }
          if (Number.isNaN(lm.m)) continue;
          const term = logLikelihood(lm.m, y, s, lm.transformation, lm.distribution);
          if (!Number.isFinite(term)) {
            throw new SolverError(
              `${meas.file}: line ${meas.line}: observable '${meas.observableId}' = ${y}, measurement ${lm.m}, ` +
                `noise sd ${s}: no finite ${lm.distribution} log-likelihood on ${lm.transformation} scale`,
              meas.time,
            );
          }
          llh += term;
          const r = residual(lm.m, y, s, lm.transformation);
          chi2 += r * r;
        }
      }
      return { simulation, sigma };
    });
    return { llh, chi2, results };
  }

  const rowToK = new Int32Array(space.rows.length).fill(-1);
  space.ids.forEach((id, k) => {
    rowToK[space.index.get(id)!] = k;
  });
  const srcs = runtimes.map((rt) => baseSources(rt, rowToK));
  const unsupported =
    runtimes.map((rt) => sensitivityUnsupported(rt.problem)).find((w) => w !== null) ?? null;
  const ctx = { rowToK, options };

  function llhGradient(x: ArrayLike<number>, g: Float64Array): number {
    if (unsupported !== null)
      throw new InputError(`no exact llh gradient: ${unsupported}`, { file, path: 'model' });
    const v = space.linear(x);
    g.fill(0);
    let llh = 0;
    runtimes.forEach((rt, i) => {
      const base = Float64Array.from(rt.problem.p);
      for (let k = 0; k < rt.tableSlots.length; k++) base[rt.tableSlots[k]!] = v[rt.tableIndex[k]!]!;
      for (const e of rt.experiments) llh += experimentGradient(rt.problem, e, base, srcs[i]!, v, ctx, g);
    });
    // d v / d x on parameter scale.
    space.ids.forEach((id, k) => {
      const sc = space.scales[k]!;
      const vk = v[space.index.get(id)!]!;
      g[k] *= sc === 'lin' ? 1 : sc === 'log' ? vk : vk * Math.LN10;
    });
    return llh;
  }

  return {
    file,
    spec,
    parameterIds: space.ids,
    scales: space.scales,
    lowerBounds: space.lower,
    upperBounds: space.upper,
    nominal: space.nominal,
    problems: runtimes.map((r) => r.problem),
    conditions: runtimes.reduce((s, r) => s + r.experiments.length, 0),
    measurements: runtimes.reduce((s, r) => s + r.sub.measurements.length, 0),
    llh: (x) => simulate(x).llh,
    logPrior: (x) => space.logPrior(x),
    simulate,
    gradientUnsupported: unsupported,
    llhGradient,
  };
}
