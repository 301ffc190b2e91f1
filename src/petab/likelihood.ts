/**
 * PEtab v1 noise models: the log-likelihood of one measurement m given the simulated observable y and the
 * noise parameter sigma, for normal and Laplace noise on linear, natural-log or log10 scale. On a log scale
 * the density is that of m itself (the change of variables adds -log(m) or -log(m ln 10)), as PEtab
 * defines it and AMICI computes it. chi2 adds the squared standardised residuals.
 */
import type { NoiseDistribution, Transformation } from '../io/petab/index.js';

const LOG_2PI = Math.log(2 * Math.PI);
const LN10 = Math.LN10;

function transform(t: Transformation, x: number): number {
  return t === 'lin' ? x : t === 'log' ? Math.log(x) : Math.log10(x);
}

/** Standardised residual (transformed m - transformed y) / sigma; its square is the chi2 term. */
export function residual(m: number, y: number, sigma: number, t: Transformation): number {
  return (transform(t, m) - transform(t, y)) / sigma;
}

/** Log-likelihood of one measurement; NaN when m, y or sigma is outside the noise model's domain. */
export function logLikelihood(
  m: number,
  y: number,
  sigma: number,
  t: Transformation,
  d: NoiseDistribution,
): number {
  const r = residual(m, y, sigma, t);
  const jac = t === 'lin' ? 0 : t === 'log' ? Math.log(m) : Math.log(m * LN10);
  if (d === 'normal') return -0.5 * LOG_2PI - Math.log(sigma) - jac - 0.5 * r * r;
  return -Math.log(2 * sigma) - jac - Math.abs(r);
}
