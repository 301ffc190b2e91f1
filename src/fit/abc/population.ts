/**
 * From a generation's accepted candidates to a weighted population, and from a population to the next
 * generation's context: distance weights re-estimated (adaptive distance), epsilon as the alpha-quantile
 * of the population's distances under those weights (Drovandi & Pettitt, Biometrics 67:225, 2011), and the
 * locally adapted kernels of every live model (kernel.ts).
 */
import type { ResolvedProblem } from '../problem.js';
import { adaptiveWeights, distance } from './distance.js';
import type { Gathered } from './generation.js';
import { buildKernel } from './kernel.js';
import type { GenerationContext, Population } from './types.js';

/** Normalised importance weights from log weights (max subtracted for stability). */
export function populationOf(g: Gathered, dim: number, nStats: number): Population {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < g.n; i++) if (g.logWeight[i]! > max) max = g.logWeight[i]!;
  const weight = new Float64Array(g.n);
  let sum = 0;
  for (let i = 0; i < g.n; i++) {
    weight[i] = Math.exp(g.logWeight[i]! - max);
    sum += weight[i]!;
  }
  for (let i = 0; i < g.n; i++) weight[i]! /= sum;
  return {
    n: g.n,
    dim,
    nStats,
    model: g.model.slice(0, g.n),
    theta: g.theta.slice(0, g.n * dim),
    stats: g.stats.slice(0, g.n * nStats),
    distance: g.distance.slice(0, g.n),
    weight,
  };
}

/** Kish's effective sample size (sum w)^2 / sum w^2. */
export function effectiveSampleSize(w: Float64Array): number {
  let s = 0;
  let s2 = 0;
  for (const x of w) {
    s += x;
    s2 += x * x;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

export function modelProbabilities(pop: Population, models: number): Float64Array {
  const p = new Float64Array(models);
  for (let i = 0; i < pop.n; i++) p[pop.model[i]!]! += pop.weight[i]!;
  return p;
}

/** The alpha-quantile of v (type 7, linear interpolation). */
export function quantile(v: Float64Array, alpha: number): number {
  const s = v.slice().sort();
  if (s.length === 0) return Number.NaN;
  const h = (s.length - 1) * alpha;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** Distance weights for the next generation: adaptive from all simulations consumed, or the fixed ones. */
export function nextWeights(problem: ResolvedProblem, allStats: Float64Array): Float64Array {
  const nStats = problem.statistics.length;
  return problem.adaptive
    ? adaptiveWeights(allStats, allStats.length / nStats, nStats)
    : problem.weights.slice();
}

/** The next epsilon: alpha-quantile of the population's distances under `weights`, not below `target`. */
export function nextEpsilon(
  problem: ResolvedProblem,
  pop: Population,
  weights: Float64Array,
  alpha: number,
  target: number,
): { epsilon: number; dist: Float64Array } {
  const dist = new Float64Array(pop.n);
  for (let i = 0; i < pop.n; i++) dist[i] = distance(pop.stats, i * pop.nStats, problem.observed, weights);
  return { epsilon: Math.max(target, quantile(dist, alpha)), dist };
}

export function contextOf(
  problem: ResolvedProblem,
  generation: number,
  seed: number,
  zeta: number,
  pop: Population | null,
  weights: Float64Array,
  epsilon: number,
): GenerationContext {
  if (pop === null || generation === 0)
    return { generation, seed, epsilon, weights, zeta, modelProb: new Float64Array(0), kernels: [] };
  const { dist } = nextEpsilon(problem, pop, weights, 0.5, 0);
  const kernels = problem.models.map((m, k) => buildKernel(pop, k, m.perturbed, m.priors, dist, epsilon));
  return {
    generation,
    seed,
    epsilon,
    weights,
    zeta,
    modelProb: modelProbabilities(pop, problem.models.length),
    kernels,
  };
}
