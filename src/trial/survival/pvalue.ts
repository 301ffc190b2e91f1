/** Tail probabilities for the test statistics, from the shared special functions (random/special.ts). */
import { incompleteGamma, normalCdf, normalQuantile } from '../../random/special.js';

/** P(X > x) for X chi-square with df degrees of freedom: Q(df / 2, x / 2), R's pchisq(x, df, lower = FALSE). */
export function chiSquareUpper(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  return incompleteGamma(df / 2, x / 2)[1];
}

/** Two-sided normal p-value 2 P(Z > |z|), R's 2 * pnorm(-abs(z)). */
export function normalTwoSided(z: number): number {
  return 2 * normalCdf(-Math.abs(z));
}

/** The normal quantile z with P(|Z| < z) = level, R's qnorm(1 - (1 - level) / 2). */
export function zForLevel(level: number): number {
  return -normalQuantile((1 - level) / 2);
}
