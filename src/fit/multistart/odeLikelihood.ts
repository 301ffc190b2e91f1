/**
 * A likelihood problem from a compiled ODE model and measurements of its states with Gaussian noise of
 * known sd (PEtab's normal noise model): nllh = sum_i 0.5 ((y_i - d_i) / sigma_i)^2 + log(sqrt(2 pi) sigma_i),
 * and its gradient sum_i (y_i - d_i) / sigma_i^2 * d y_i / d p from the forward sensitivities.
 */

import { sensitivityUnsupported, solveSensitivities } from '../../engines/sensitivity.js';
import { solve } from '../../engines/solve.js';
import { InputError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import type { LikelihoodProblem, ParameterScale } from './types.js';

export interface Measurement {
  /** A state id of the model (amount). */
  readonly observable: string;
  readonly time: number;
  readonly value: number;
  readonly sigma: number;
}

export interface OdeLikelihoodSpec {
  readonly parameters: readonly {
    readonly id: string;
    readonly lower: number;
    readonly upper: number;
    readonly scale?: ParameterScale;
  }[];
  readonly measurements: readonly Measurement[];
  readonly rtol?: number;
  readonly atol?: number;
}

export function odeLikelihood(problem: Problem, spec: OdeLikelihoodSpec): LikelihoodProblem {
  const why = sensitivityUnsupported(problem);
  if (why !== null) throw new InputError(`no exact gradients for this model: ${why}`, { path: 'model' });
  const ids = spec.parameters.map((q) => q.id);
  const pIdx = ids.map((id, k) => {
    const i = problem.paramIndex.get(id);
    if (i === undefined) throw new InputError(`unknown parameter '${id}'`, { path: `parameters[${k}].id` });
    return i;
  });
  const times = [...new Set(spec.measurements.map((m) => m.time))].sort((a, b) => a - b);
  const rows = spec.measurements.map((m, k) => {
    const j = problem.stateIndex.get(m.observable);
    if (j === undefined)
      throw new InputError(`unknown state '${m.observable}'`, { path: `measurements[${k}].observable` });
    if (!(m.sigma > 0))
      throw new InputError(`sigma must be > 0, got ${m.sigma}`, { path: `measurements[${k}].sigma` });
    return { q: times.indexOf(m.time), j, d: m.value, s: m.sigma };
  });
  const constant = rows.reduce((a, r) => a + Math.log(Math.sqrt(2 * Math.PI) * r.s), 0);
  const tEnd = times[times.length - 1] ?? 0;
  const tol = { rtol: spec.rtol ?? 1e-8, atol: spec.atol ?? 1e-10, tEnd, outputTimes: times };
  const n = problem.n;
  const np = ids.length;
  const pAt = (x: Float64Array): Float64Array => {
    const p = Float64Array.from(problem.p);
    pIdx.forEach((i, k) => {
      p[i] = x[k]!;
    });
    return p;
  };
  return {
    parameterIds: ids,
    lower: Float64Array.from(spec.parameters, (q) => q.lower),
    upper: Float64Array.from(spec.parameters, (q) => q.upper),
    scales: spec.parameters.map((q) => q.scale ?? 'lin'),
    nllh(x) {
      const y = solve(problem, { ...tol, p: pAt(x), outputs: problem.stateIds, amount: problem.stateIds }).y;
      let f = constant;
      for (const r of rows) f += 0.5 * ((y[r.q * n + r.j]! - r.d) / r.s) ** 2;
      return f;
    },
    gradient(x, g) {
      const { solution, sens } = solveSensitivities(problem, { ...tol, p: pAt(x), params: ids });
      let f = constant;
      g.fill(0);
      for (const r of rows) {
        const res = (solution.y[r.q * n + r.j]! - r.d) / r.s;
        f += 0.5 * res * res;
        for (let k = 0; k < np; k++) g[k] += (res / r.s) * sens[(r.q * np + k) * n + r.j]!;
      }
      return f;
    },
  };
}
