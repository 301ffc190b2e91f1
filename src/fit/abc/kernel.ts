/**
 * Multivariate-normal perturbation kernels with locally adapted covariance: the "optimal local covariance
 * matrix" (OLCM) of Filippi, Barnes, Cornebise & Stumpf (Stat Appl Genet Mol Biol 12:87, 2013, sec. 4.3):
 * for parent theta_i, Sigma_i = sum_k w~_k (theta_k - theta_i)(theta_k - theta_i)^T over the particles k of
 * the last generation whose distance (under the new weights) is already below the new epsilon, w~ their
 * normalised weights. That equals C_S + (m_S - theta_i)(m_S - theta_i)^T with C_S, m_S the weighted
 * covariance and mean of that subset. Where the subset is too small or Sigma_i is singular we fall back
 * to twice the model's weighted covariance (Beaumont, Cornuet, Marin & Robert, Biometrika 96:983, 2009),
 * then to a diagonal from the prior's width.
 */
import type { Prior } from '../priors.js';
import { cholesky } from './linalg.js';
import type { ModelKernel, Population } from './types.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** Weighted mean and (biased) covariance of `rows` (indices into pop) in model columns dims. */
function moments(
  pop: Population,
  rows: readonly number[],
  dims: Int32Array,
): { mean: Float64Array; cov: Float64Array } {
  const d = dims.length;
  const at = (i: number, a: number): number => pop.theta[i * pop.dim + dims[a]!]!;
  const mean = new Float64Array(d);
  const cov = new Float64Array(d * d);
  let W = 0;
  for (const i of rows) W += pop.weight[i]!;
  for (const i of rows) {
    const w = pop.weight[i]! / W;
    for (let a = 0; a < d; a++) mean[a]! += w * at(i, a);
  }
  for (const i of rows) {
    const w = pop.weight[i]! / W;
    for (let a = 0; a < d; a++) {
      const ea = at(i, a) - mean[a]!;
      for (let b = 0; b < d; b++) cov[a * d + b]! += w * ea * (at(i, b) - mean[b]!);
    }
  }
  return { mean, cov };
}

/**
 * The kernel of model `m` for the next generation on its parameters `dims` (the others are refreshed from
 * their priors), or null when the model has no particles. `dist` are the population's distances
 * recomputed with the next generation's weights, `epsilon` its threshold.
 */
export function buildKernel(
  pop: Population,
  m: number,
  dims: Int32Array,
  priors: readonly Prior[],
  dist: Float64Array,
  epsilon: number,
): ModelKernel | null {
  const rows: number[] = [];
  for (let i = 0; i < pop.n; i++) if (pop.model[i] === m) rows.push(i);
  if (rows.length === 0) return null;
  const n = rows.length;
  const d = dims.length;
  const free = Int32Array.from(priors.keys()).filter((a) => !dims.includes(a));
  const centers = new Float64Array(n * d);
  const cumulative = new Float64Array(n);
  const chol = new Float64Array(n * d * d);
  const logNorm = new Float64Array(n);
  let W = 0;
  for (const i of rows) W += pop.weight[i]!;
  const subset = rows.filter((i) => dist[i]! <= epsilon);
  const local = subset.length > d ? moments(pop, subset, dims) : null;
  const global = moments(pop, rows, dims);
  const fallback = new Float64Array(d * d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) fallback[a * d + b] = 2 * global.cov[a * d + b]!;
  const diag = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    const { lo, hi } = priors[dims[a]!]!;
    const width = Number.isFinite(hi - lo) ? hi - lo : 2 * Math.abs(global.mean[a]!) + 1;
    diag[a * d + a] = (width / 10) ** 2;
  }
  const sigma = new Float64Array(d * d);
  const fallbackChol = new Float64Array(d * d);
  let fallbackLogDet = cholesky(fallback, d, fallbackChol, 0);
  if (Number.isNaN(fallbackLogDet)) fallbackLogDet = cholesky(diag, d, fallbackChol, 0);
  let cum = 0;
  for (const [j, i] of rows.entries()) {
    for (let a = 0; a < d; a++) centers[j * d + a] = pop.theta[i * pop.dim + dims[a]!]!;
    cum += pop.weight[i]! / W;
    cumulative[j] = cum;
    let logDet = Number.NaN;
    if (local) {
      for (let a = 0; a < d; a++) {
        const ea = local.mean[a]! - centers[j * d + a]!;
        for (let b = 0; b < d; b++)
          sigma[a * d + b] = local.cov[a * d + b]! + ea * (local.mean[b]! - centers[j * d + b]!);
      }
      logDet = cholesky(sigma, d, chol, j * d * d);
    }
    if (Number.isNaN(logDet)) {
      chol.set(fallbackChol, j * d * d);
      logDet = fallbackLogDet;
    }
    logNorm[j] = Math.log(pop.weight[i]! / W) - logDet - 0.5 * d * LOG_2PI;
  }
  cumulative[n - 1] = 1;
  return { n, d, dims: Int32Array.from(dims), free, centers, cumulative, chol, logNorm };
}

/** Index j with cumulative[j - 1] <= u < cumulative[j] (binary search). */
export function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
