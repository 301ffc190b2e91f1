/**
 * Exact posteriors the ABC-SMC validation compares against: the conjugate normal mean, the closed-form
 * evidence of Poisson and geometric counts, and the completely observed birth-death process.
 */

import { type AbcResult, type PriorSpec, type ProblemSpec, parseProblem } from '../../src/fit/index.js';
import { incompleteGamma, logFactorial, logGamma } from '../../src/random/special.js';

/** The conjugate problem: the mean of 10 N(mu, 1) draws observed at 0.8, mu ~ N(0, 1) unless `prior`. */
export function normalMeanProblem(prior: PriorSpec = { type: 'normal', mean: 0, sd: 1 }): ProblemSpec {
  return parseProblem({
    simulator: 'normal-mean',
    options: { n: 10, sigma: 1 },
    parameters: [{ id: 'mu', prior }],
    observed: { mean: 0.8 },
    distance: { type: 'fixed' },
  });
}

/** Normal mean with known sigma, n observations with mean xbar, prior N(m0, s0^2). */
export function normalPosterior(xbar: number, n: number, sigma: number, m0: number, s0: number) {
  const prec = 1 / s0 ** 2 + n / sigma ** 2;
  return { mean: (m0 / s0 ** 2 + (n * xbar) / sigma ** 2) / prec, sd: 1 / Math.sqrt(prec) };
}

/**
 * P(Poisson | x) with lambda ~ U(0, H), p ~ U(0, 1), equal model priors:
 * m_P = Gamma(S+1) P(S+1, nH) / (H n^(S+1) prod x!), m_G = B(n+1, S+1).
 */
export function poissonProbability(x: readonly number[], H: number): number {
  const n = x.length;
  const S = x.reduce((a, b) => a + b, 0);
  const L = x.reduce((a, b) => a + logFactorial(b), 0);
  const logP =
    -Math.log(H) + logGamma(S + 1) + Math.log(incompleteGamma(S + 1, H * n)[0]) - (S + 1) * Math.log(n) - L;
  const logG = logGamma(n + 1) + logGamma(S + 1) - logGamma(n + S + 2);
  return 1 / (1 + Math.exp(logG - logP));
}

/**
 * Mean and sd of the density proportional to x^k exp(-E x) on (0, hi): the marginal posterior of a rate
 * with k events in exposure E under a uniform prior (midpoint rule, 40000 cells).
 */
export function gammaPosterior(k: number, E: number, hi: number) {
  const cells = 40000;
  const h = hi / cells;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  const mode = k / E;
  const ref = k * Math.log(mode > 0 ? mode : h) - E * mode;
  for (let i = 0; i < cells; i++) {
    const x = (i + 0.5) * h;
    const w = Math.exp(k * Math.log(x) - E * x - ref);
    s0 += w;
    s1 += w * x;
    s2 += w * x * x;
  }
  const mean = s1 / s0;
  return { mean, sd: Math.sqrt(s2 / s0 - mean * mean) };
}

/** Weighted mean and sd of parameter column a of model m in the final population. */
export function posteriorMoments(r: AbcResult, m: number, a: number) {
  const p = r.population!;
  let W = 0;
  let s = 0;
  for (let i = 0; i < p.n; i++)
    if (p.model[i] === m) {
      W += p.weight[i]!;
      s += p.weight[i]! * p.theta[i * p.dim + a]!;
    }
  const mean = s / W;
  let v = 0;
  for (let i = 0; i < p.n; i++)
    if (p.model[i] === m) v += (p.weight[i]! / W) * (p.theta[i * p.dim + a]! - mean) ** 2;
  return { mean, sd: Math.sqrt(v) };
}

/**
 * Birth-death data: one exact-SSA run (stream(2024, 0)) at lambda = 1, mu = 0.5 from 10 cells over 2 days,
 * completely observed (test/fit/problems/birth-death.yaml); uniform priors on (0, 3).
 */
export const BIRTH_DEATH = { births: 33, deaths: 18, exposure: 38.421316710527826 };

export function birthDeathProblem(): ProblemSpec {
  return parseProblem({
    simulator: 'birth-death',
    options: { n0: 10, tEnd: 2 },
    parameters: [
      { id: 'lambda', prior: { type: 'uniform', lo: 0, hi: 3 } },
      { id: 'mu', prior: { type: 'uniform', lo: 0, hi: 3 } },
    ],
    observed: BIRTH_DEATH,
  });
}

/** The exact marginal posteriors of lambda and mu for BIRTH_DEATH. */
export function birthDeathExact() {
  const { births, deaths, exposure } = BIRTH_DEATH;
  return [gammaPosterior(births, exposure, 3), gammaPosterior(deaths, exposure, 3)];
}

/** Counts 0, 1, 3, 0, 2: Poisson (lambda ~ U(0, 10)) or geometric (p ~ U(0, 1)), statistics (sum, sum log x!). */
export const COUNTS = [0, 1, 3, 0, 2];

export function countsProblem(): ProblemSpec {
  const model = (id: string, simulator: string, param: string, hi: number) => ({
    id,
    simulator,
    options: { n: COUNTS.length },
    parameters: [{ id: param, prior: { type: 'uniform', lo: 0, hi } }],
  });
  return parseProblem({
    models: [
      model('poisson', 'poisson-counts', 'lambda', 10),
      model('geometric', 'geometric-counts', 'p', 1),
    ],
    observed: {
      sum: COUNTS.reduce((a, b) => a + b, 0),
      sumLogFactorial: COUNTS.reduce((a, b) => a + logFactorial(b), 0),
    },
    distance: { type: 'fixed' },
  });
}
