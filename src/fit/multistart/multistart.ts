/**
 * Multistart local optimisation (the pyPESTO / PEtab.jl workflow): N starts at Latin-hypercube points
 * (src/paper/lhs.ts, McKay et al. 1979) within the bounds on the optimiser scale, each minimised by the
 * bounded quasi-Newton method of optimise.ts with exact gradients; a start where the model fails is kept
 * with its reason. Deterministic: the points depend on (seed, dimension) only and the optimiser draws nothing.
 */
import { InputError } from '../../errors.js';
import { latinHypercube } from '../../paper/lhs.js';
import { minimiseBounded } from './optimise.js';
import { fromScale, scaleDerivative, toScale } from './scale.js';
import type { LikelihoodProblem, MultistartResult, StartResult } from './types.js';

export interface MultistartOptions {
  /** Number of starts; default 20. */
  readonly starts?: number;
  /** Seed of the Latin hypercube; default 1. */
  readonly seed?: number;
  /** Projected-gradient tolerance on the optimiser scale; default 1e-5. */
  readonly gtol?: number;
  readonly maxIterations?: number;
  /** Called after every start (progress). */
  readonly onStart?: (done: number, total: number, best: number) => void;
}

const fwd = toScale;
const inv = fromScale;
const jac = scaleDerivative;

export function checkLikelihoodProblem(pr: LikelihoodProblem): void {
  const d = pr.parameterIds.length;
  if (pr.lower.length !== d || pr.upper.length !== d || pr.scales.length !== d) {
    throw new InputError(`bounds and scales must have one entry per parameter (${d})`, {
      path: 'parameters',
    });
  }
  pr.parameterIds.forEach((id, i) => {
    const [lo, hi, s] = [pr.lower[i]!, pr.upper[i]!, pr.scales[i]!];
    if (!(lo < hi)) throw new InputError(`lower bound ${lo} must be < upper bound ${hi}`, { path: id });
    if (s !== 'lin' && !(lo > 0))
      throw new InputError(`a ${s}-scaled parameter needs lower > 0, got ${lo}`, { path: id });
  });
}

export function multistart(pr: LikelihoodProblem, options: MultistartOptions = {}): MultistartResult {
  checkLikelihoodProblem(pr);
  const n = options.starts ?? 20;
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`starts must be a positive integer, got ${n}`, { path: 'starts' });
  const d = pr.parameterIds.length;
  const sc = pr.scales;
  const lo = Float64Array.from(pr.lower, (v, i) => fwd(sc[i]!, v));
  const hi = Float64Array.from(pr.upper, (v, i) => fwd(sc[i]!, v));
  const lhs = latinHypercube(
    pr.parameterIds.map((id, i) => ({ id, range: [lo[i]!, hi[i]!] as const, scale: 'linear' as const })),
    n,
    options.seed ?? 1,
  );
  const x = new Float64Array(d);
  const gx = new Float64Array(d);
  const toX = (theta: Float64Array): Float64Array => {
    for (let i = 0; i < d; i++) x[i] = inv(sc[i]!, theta[i]!);
    return x;
  };
  // A model failure inside a run is a non-finite value: the line search backs off from it (the message is
  // kept for a start that fails at its first point).
  let lastError: string | undefined;
  const objective = (theta: Float64Array, g: Float64Array): number => {
    try {
      const f = pr.gradient(toX(theta), gx);
      for (let i = 0; i < d; i++) g[i] = gx[i]! * jac(sc[i]!, x[i]!);
      return f;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
      return Number.NaN;
    }
  };
  const results: StartResult[] = [];
  let bestF = Number.POSITIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const theta0 = lhs.values.slice(k * d, (k + 1) * d);
    const x0 = Float64Array.from(toX(theta0));
    const c0 = process.cpuUsage();
    lastError = undefined;
    try {
      const r = minimiseBounded(objective, theta0, {
        lower: lo,
        upper: hi,
        gtol: options.gtol ?? 1e-5,
        maxIterations: options.maxIterations ?? 500,
      });
      const xf = Float64Array.from(toX(r.x));
      results.push({
        index: k,
        x0,
        x: xf,
        nllh: r.f,
        iterations: r.iterations,
        evaluations: r.evaluations,
        converged: r.converged,
        reason: r.reason,
        cpuMs: cpu(c0),
      });
      bestF = Math.min(bestF, r.f);
    } catch (e) {
      const error = lastError ?? (e instanceof Error ? e.message : String(e));
      results.push({
        index: k,
        x0,
        x: x0,
        nllh: Number.NaN,
        iterations: 0,
        evaluations: 0,
        converged: false,
        reason: 'failed',
        error,
        cpuMs: cpu(c0),
      });
    }
    options.onStart?.(k + 1, n, bestF);
  }
  const ok = results
    .filter((r) => Number.isFinite(r.nllh))
    .sort((a, b) => a.nllh - b.nllh || a.index - b.index);
  const failed = results.filter((r) => !Number.isFinite(r.nllh));
  const best = ok[0];
  const atBounds = pr.parameterIds.map((_, i) => {
    if (best === undefined) return null;
    const t = fwd(sc[i]!, best.x[i]!);
    const tol = 1e-6 * (hi[i]! - lo[i]!);
    return t <= lo[i]! + tol ? 'lower' : t >= hi[i]! - tol ? 'upper' : null;
  });
  return {
    starts: [...ok, ...failed],
    converged: ok.filter((r) => r.converged).length,
    failed: failed.length,
    ...(best ? { best } : {}),
    waterfall: Float64Array.from(ok, (r) => r.nllh),
    atBounds,
  };
}

function cpu(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
