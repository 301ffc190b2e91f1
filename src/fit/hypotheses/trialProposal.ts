/**
 * The adapted proposal of the trial-only parameters for reweight.ts's second round (population Monte Carlo:
 * Cappé, Guillin, Marin & Robert, J Comput Graph Stat 13:907, 2004). The first round draws them from their
 * priors; their weighted draws fit, per variant and parameter, a normal on the logit of the prior's CDF
 * scale u; the second round draws from the defensive mixture q = alpha prior + (1 - alpha) fit (Hesterberg,
 * Technometrics 37:185, 1995). Every draw of both rounds is then weighted against the mixture of all draws,
 * m = (K1 prior + K2 q) / K (the balance heuristic of multiple importance sampling; Veach & Guibas 1995,
 * Owen & Zhou, JASA 95:135, 2000), so prior / m <= K / (K1 + alpha K2): bounded weights, unbiased, and a
 * narrow region the trials pick gets most of the second round's draws.
 * Works for the priors of documented ranges (uniform, log-uniform: priorOfRange); others keep the prior.
 */
import type { Rng } from '../../random/rng.js';
import type { Prior } from '../priors.js';

/** Share of the prior in the second round's proposal. */
export const DEFENSIVE = 0.2;
/** Smallest sd on the logit scale (a fit to one point would otherwise be a spike). */
const MIN_SD = 0.1;
/** The fitted sd is widened by this factor: the first round's draws are few. */
const WIDEN = 1.5;

/** The prior's CDF at x for the closed-form priors, else null. */
export function toUnit(prior: Prior, x: number): number | null {
  const s = prior.spec;
  if (s.type === 'uniform') return (x - prior.lo) / (prior.hi - prior.lo);
  if (s.type === 'log-uniform') return Math.log(x / prior.lo) / Math.log(prior.hi / prior.lo);
  return null;
}

const logit = (u: number): number => Math.log(u / (1 - u));
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** A fitted logit-normal per parameter of one variant, or null where the prior is kept. */
export type Fit = readonly ({ readonly mu: number; readonly sd: number } | null)[];

/** Weighted fit of each parameter (values[i][d], weights w[i]); null for a parameter without a CDF. */
export function fitProposal(
  priors: readonly Prior[],
  values: readonly (readonly number[])[],
  w: readonly number[],
): Fit {
  return priors.map((prior, d) => {
    let sw = 0;
    let s1 = 0;
    let s2 = 0;
    let sw2 = 0;
    for (let i = 0; i < values.length; i++) {
      const u = toUnit(prior, values[i]![d]!);
      if (u === null) return null;
      if (!(w[i]! > 0) || !(u > 0 && u < 1)) continue;
      const z = logit(u);
      sw += w[i]!;
      sw2 += w[i]! ** 2;
      s1 += w[i]! * z;
      s2 += w[i]! * z * z;
    }
    // Fewer than about two effective draws say nothing about a spread.
    if (!(sw > 0) || (sw * sw) / sw2 < 2) return null;
    const mu = s1 / sw;
    const sd = Math.sqrt(Math.max(0, s2 / sw - mu * mu));
    return { mu, sd: Math.max(MIN_SD, WIDEN * sd) };
  });
}

/** One draw of every parameter from q = DEFENSIVE prior + (1 - DEFENSIVE) fit (the prior where unfitted). */
export function drawProposal(priors: readonly Prior[], fit: Fit, rng: Rng, out: number[]): void {
  const fromPrior = fit.every((f) => f === null) || rng.uniform() < DEFENSIVE;
  priors.forEach((prior, d) => {
    const f = fit[d];
    if (fromPrior || !f) {
      out[d] = prior.sample(rng);
      return;
    }
    const u = 1 / (1 + Math.exp(-(f.mu + f.sd * rng.normal())));
    out[d] = prior.quantile(Math.min(1 - 1e-15, Math.max(1e-15, u)));
  });
}

/** log(prior / m) at x, m = (k1 prior + k2 q) / (k1 + k2): the balance-heuristic weight of a draw. */
export function logBalance(
  priors: readonly Prior[],
  fit: Fit,
  x: readonly number[],
  k1: number,
  k2: number,
): number {
  const k = k1 + k2;
  // q / prior on the CDF scale: the fitted densities of u (the prior's is 1) where fitted, 1 elsewhere.
  let ratio = 1;
  if (fit.some((f) => f !== null)) {
    let logQ = 0;
    priors.forEach((prior, d) => {
      const f = fit[d];
      if (!f) return;
      const u = toUnit(prior, x[d]!)!;
      if (!(u > 0 && u < 1)) {
        logQ = Number.NEGATIVE_INFINITY;
        return;
      }
      const z = (logit(u) - f.mu) / f.sd;
      logQ += -0.5 * z * z - LOG_SQRT_2PI - Math.log(f.sd) - Math.log(u * (1 - u));
    });
    ratio = DEFENSIVE + (1 - DEFENSIVE) * Math.exp(logQ);
  }
  return -Math.log((k1 + k2 * ratio) / k);
}
