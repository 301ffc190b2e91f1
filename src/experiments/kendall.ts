/**
 * Exact transition of a linear birth-death process over an interval with constant per-capita birth rate b
 * and death rate d (Kendall 1948; Bailey, The Elements of Stochastic Processes, 1964, section 8.6).
 * One ancestor leaves X cells after time t with P(X = 0) = alpha and P(X = n) = (1 - alpha)(1 - beta)
 * beta^(n - 1) for n >= 1, where with E = exp((b - d) t):
 *   alpha = d (E - 1) / (b E - d),  beta = b (E - 1) / (b E - d)   (b != d),
 *   alpha = beta = b t / (1 + b t)                                  (b = d).
 * n ancestors: survivors m ~ Binomial(n, 1 - alpha), and X = m + NegBin(m, 1 - beta), the negative
 * binomial drawn as a gamma-Poisson mixture. Exact in distribution, O(1) whatever n: used for the CSC pool
 * while it is small enough for extinction to matter.
 */
import type { Rng } from '../random/index.js';

/** Probabilities (alpha, beta) of the one-ancestor law after time t. */
export function kendallAlphaBeta(b: number, d: number, t: number): [number, number] {
  if (t <= 0) return [0, 0];
  const r = b - d;
  if (Math.abs(r) * t < 1e-8) {
    const x = (0.5 * (b + d) * t) / (1 + 0.5 * (b + d) * t);
    return [x, x];
  }
  const em1 = Math.expm1(r * t); // E - 1
  const den = b * em1 + (b - d); // b E - d
  return [(d * em1) / den, (b * em1) / den];
}

/** Cells after time t from n ancestors. */
export function kendallStep(n: number, b: number, d: number, t: number, rng: Rng): number {
  if (n <= 0) return 0;
  const [alpha, beta] = kendallAlphaBeta(b, d, t);
  const m = rng.binomial(n, 1 - alpha);
  if (m === 0 || beta <= 0) return m;
  const extra = rng.poisson(rng.gamma(m, beta / (1 - beta)));
  return m + extra;
}
