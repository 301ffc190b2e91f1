/**
 * Calibration of the baseline: the mean number of micrometastases per patient is set so that the control
 * arm's 5-year invasive DFS equals the target (B-47's 89.2%). This is an input, not a prediction: the model
 * does not know how many patients carry residual disease. The hazard ratio is what the model predicts.
 *
 * Method: for pilot patients, every potential micrometastasis is simulated under chemotherapy alone to
 * 5 years; K_i is the index of the first one detected by then (cap if none). A patient with n
 * micrometastases (the first n, n = min(Poisson(mu), cap)) is free of recurrence at 5 years iff n <= K_i,
 * so DFS(mu) = exp(-5 h_bg) mean_i P_mu(n <= K_i), decreasing in mu and solved by bisection.
 */
import { SolverError } from '../errors.js';
import { countProbabilities, DAYS_PER_YEAR } from './population.js';

export interface Calibration {
  /** Poisson mean of micrometastases per patient. */
  readonly mean: number;
  readonly target: number;
  /** Control 5-y DFS the pilot gives at `mean`. */
  readonly achieved: number;
  readonly pilotPatients: number;
}

/** Control 5-y DFS for Poisson mean mu, from the pilot's first-recurrence indices K. */
export function pilotDfs(K: ArrayLike<number>, mu: number, cap: number, background5: number): number {
  const prob = countProbabilities(mu, cap);
  const cdf = new Float64Array(cap + 1);
  let c = 0;
  for (let k = 0; k <= cap; k++) cdf[k] = c += prob[k];
  let s = 0;
  for (let i = 0; i < K.length; i++) s += cdf[K[i]];
  return (s / K.length) * background5;
}

/** Solves pilotDfs(mu) = target; SolverError if no mean in [0, 100] reaches it. */
export function calibrateMean(
  K: ArrayLike<number>,
  target: number,
  cap: number,
  background5: number,
  years = 5,
): Calibration {
  const f = (mu: number): number => pilotDfs(K, mu, cap, background5);
  const base = { target, pilotPatients: K.length };
  if (f(0) <= target) return { ...base, mean: 0, achieved: f(0) };
  let hi = 100;
  if (f(hi) > target)
    throw new SolverError(
      `cannot calibrate the control arm: even ${cap} micrometastases per patient leave ${years}-y DFS at ` +
        `${(f(hi) * 100).toFixed(1)}% > target ${(target * 100).toFixed(1)}% (recurrences too slow or too rare)`,
      years * DAYS_PER_YEAR,
    );
  let lo = 0;
  for (let it = 0; it < 60; it++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return { ...base, mean: 0.5 * (lo + hi), achieved: f(0.5 * (lo + hi)) };
}
