/**
 * The law of a CSC lineage over many steps at once. The one-step generating function of the linear
 * birth-death process, G(s) = alpha + (1 - alpha)(1 - beta) s / (1 - beta s), is a linear fractional
 * (Moebius) map, and so is any composition of them (Kendall, Ann Math Stat 1948: the process with
 * time-varying rates keeps this modified-geometric law at every time). With the maps as 2x2 matrices,
 * the law from grid time j to the end of the grid is the suffix product M_j ... M_{J-1}: computed once per
 * rate table, it lets the fast path jump a clone across the whole treatment in one exact transition.
 * Also per grid time: the largest rise of the expected pool ahead (e^{R(t) - R(t_j)}), to tell whether a
 * clone could grow to detection during the jump.
 */
import type { StepLaw } from './birthDeath.js';
import type { RateTable } from './rates.js';

export interface ComposedLaws {
  /** alpha and beta of the law from grid time j to the end of the grid (length J + 1; j = J: identity). */
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  /** max over t in [t_j, end] of ln E[S(t)] / S(t_j). */
  readonly maxRise: Float64Array;
}

const cache = new WeakMap<RateTable, ComposedLaws>();

export function composedLaws(T: RateTable): ComposedLaws {
  const hit = cache.get(T);
  if (hit) return hit;
  const J = T.J;
  const buf = new Float64Array(3 * (J + 1));
  const alpha = buf.subarray(0, J + 1);
  const beta = buf.subarray(J + 1, 2 * (J + 1));
  const maxRise = buf.subarray(2 * (J + 1));
  // Suffix product P_j = M_j P_{j+1}, P_J = identity, M = [[(1-a)(1-b) - a b, a], [-b, 1]], kept with d = 1.
  let pa = 1;
  let pb = 0;
  let pc = 0;
  let pd = 1;
  let rise = 0;
  for (let j = J - 1; j >= 0; j--) {
    const a = T.alpha[j]!;
    const b = T.beta[j]!;
    const m11 = (1 - a) * (1 - b) - a * b;
    const na = m11 * pa + a * pc;
    const nb = m11 * pb + a * pd;
    const nc = -b * pa + pc;
    const nd = -b * pb + pd;
    pa = na / nd;
    pb = nb / nd;
    pc = nc / nd;
    pd = 1;
    // G(s) = (pa s + pb) / (pc s + 1): alpha = G(0) = pb, beta = -pc.
    alpha[j] = Math.min(1, Math.max(0, pb));
    beta[j] = Math.min(1, Math.max(0, -pc));
    // ln of the mean over step j: ln((1 - a) / (1 - b)).
    const g = Math.log1p(-a) - Math.log1p(-b);
    rise = Math.max(0, g + rise);
    maxRise[j] = rise;
  }
  const out = { alpha, beta, maxRise };
  cache.set(T, out);
  return out;
}

/** The composed law from grid time j to the end of the grid, into `out`. */
export function lawToEnd(C: ComposedLaws, j: number, out: StepLaw): StepLaw {
  out.alpha = C.alpha[j]!;
  out.beta = C.beta[j]!;
  return out;
}
