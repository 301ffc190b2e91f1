/**
 * Branching-process analytics for a CSC lineage: the linear birth-death process (Kendall, Ann Math Stat
 * 19:1, 1948; see also Riley et al., PLoS One 7:e46613, 2012, for CSC extinction under HER2 therapy).
 * A CSC divides at rate lambda, renewing symmetrically with probability ps (birth), differentiating
 * symmetrically with pd (the CSC is lost, 2 progeny made), asymmetrically with pa (1 progeny made), and
 * dies at rate delta: birth rate b = lambda ps, death rate d = lambda pd + delta.
 * These closed forms are what the stochastic engines are tested against.
 */
import { InputError } from '../errors.js';

export interface CscLineage {
  /** Division rate (1/time). */
  readonly lambda: number;
  /** Probabilities of symmetric renewal, symmetric differentiation and asymmetric division (sum 1). */
  readonly ps: number;
  readonly pd: number;
  readonly pa: number;
  /** CSC death rate (1/time). */
  readonly delta: number;
  /** Death rate of differentiated progeny (default 0: cumulative progeny). */
  readonly progenyDeath?: number;
}

export interface Rates {
  readonly b: number;
  readonly d: number;
}

const EULER_GAMMA = 0.5772156649015329;

export function lineageRates(l: CscLineage): Rates {
  for (const k of ['lambda', 'ps', 'pd', 'pa', 'delta'] as const) {
    if (!(l[k] >= 0) || !Number.isFinite(l[k]))
      throw new InputError(`${k} must be finite and >= 0, got ${l[k]}`);
  }
  if (Math.abs(l.ps + l.pd + l.pa - 1) > 1e-9)
    throw new InputError(`ps + pd + pa must be 1, got ${l.ps + l.pd + l.pa}`);
  return { b: l.lambda * l.ps, d: l.lambda * l.pd + l.delta };
}

function check(r: Rates, n0 = 1): void {
  if (!(r.b >= 0) || !(r.d >= 0) || !Number.isFinite(r.b) || !Number.isFinite(r.d))
    throw new InputError(`birth and death rates must be finite and >= 0, got b = ${r.b}, d = ${r.d}`);
  if (!Number.isInteger(n0) || n0 < 0) throw new InputError(`n0 must be an integer >= 0, got ${n0}`);
}

/** Ultimate extinction probability of n0 independent lineages: min(1, d/b)^n0. */
export function extinctionProbability(r: Rates, n0 = 1): number {
  check(r, n0);
  if (r.b <= r.d) return 1;
  return (r.d / r.b) ** n0;
}

/**
 * Probability generating function E[s^N(t)] from one cell (Kendall 1948), r = b - d:
 * G(s, t) = (d(1 - s) - (d - b s) e^{-rt}) / (b(1 - s) - (d - b s) e^{-rt}); critical case b = d:
 * G = (b t (1 - s) + s) / (b t (1 - s) + 1).
 */
export function pgf(r: Rates, s: number, t: number): number {
  check(r);
  const { b, d } = r;
  if (b === d || Math.abs(b - d) * t < 1e-12 * Math.max(1, (b + d) * t)) {
    const bt = b * t;
    return (bt * (1 - s) + s) / (bt * (1 - s) + 1);
  }
  const e = Math.exp(-(b - d) * t);
  return (d * (1 - s) - (d - b * s) * e) / (b * (1 - s) - (d - b * s) * e);
}

/** P(extinct by t) from n0 cells: G(0, t)^n0. */
export function extinctionProbabilityBy(r: Rates, t: number, n0 = 1): number {
  check(r, n0);
  if (t <= 0) return n0 === 0 ? 1 : 0;
  return pgf(r, 0, t) ** n0;
}

/**
 * Distribution of N(t) from one cell: P(0) = alpha, P(k) = (1 - alpha)(1 - beta) beta^(k-1) for k >= 1,
 * with alpha = G(0, t) and beta = b alpha / d (beta = alpha when b = d).
 */
export function sizeProbability(r: Rates, t: number, k: number): number {
  const alpha = pgf(r, 0, t);
  if (k === 0) return alpha;
  const beta = r.b === r.d ? alpha : r.d > 0 ? (r.b * alpha) / r.d : 1 - Math.exp(-r.b * t);
  return (1 - alpha) * (1 - beta) * beta ** (k - 1);
}

/** E[N(t)] and Var[N(t)] from n0 cells. */
export function cscMoments(r: Rates, t: number, n0 = 1): { mean: number; variance: number } {
  check(r, n0);
  const g = r.b - r.d;
  const e = Math.exp(g * t);
  const variance = g === 0 ? n0 * 2 * r.b * t : (n0 * (r.b + r.d) * e * (e - 1)) / g;
  return { mean: n0 * e, variance };
}

/**
 * Expected differentiated progeny at t from n0 CSCs: made at rate lambda (2 pd + pa) per CSC, dying at
 * progenyDeath mu: E[D] = c n0 (e^{rt} - e^{-mu t}) / (r + mu), c = lambda (2 pd + pa), r = b - d.
 * Also the expected clone size (CSCs plus progeny).
 */
export function expectedClone(
  l: CscLineage,
  t: number,
  n0 = 1,
): { csc: number; progeny: number; total: number } {
  const r = lineageRates(l);
  const g = r.b - r.d;
  const mu = l.progenyDeath ?? 0;
  const c = l.lambda * (2 * l.pd + l.pa);
  const s = g + mu;
  const progeny =
    Math.abs(s) * t < 1e-9
      ? c * n0 * t * Math.exp(g * t)
      : (c * n0 * (Math.exp(g * t) - Math.exp(-mu * t))) / s;
  const csc = n0 * Math.exp(g * t);
  return { csc, progeny, total: csc + progeny };
}

const GL_X = [-0.906179845938664, -0.5384693101056831, 0, 0.5384693101056831, 0.906179845938664];
const GL_W = [
  0.23692688505618908, 0.47862867049936647, 0.5688888888888889, 0.47862867049936647, 0.23692688505618908,
];

/**
 * Exact mean time to extinction from n0 cells, subcritical (d > b; Infinity otherwise):
 * E[T] = integral_0^1 (1 - x^n0) / ((1 - x)(d - b x)) dx (from E[T] = integral (1 - G(0,t)^n0) dt with
 * x = G(0, t)); for b = 0 it is the harmonic number H_n0 / d. Evaluated with x = 1 - e^{-w} and
 * composite 5-point Gauss-Legendre (relative error ~1e-12).
 */
export function meanTimeToExtinction(r: Rates, n0: number): number {
  check(r, n0);
  if (n0 === 0) return 0;
  if (r.b >= r.d) return Number.POSITIVE_INFINITY;
  const { b, d } = r;
  // Integrand in w: (1 - x^n0) / (d - b x), x = 1 - e^{-w}; decays like n0 e^{-w} beyond w ~ ln n0.
  const f = (w: number): number => {
    const ew = Math.exp(-w);
    return -Math.expm1(n0 * Math.log1p(-ew)) / (d - b * (1 - ew));
  };
  const wMax = Math.log(n0) + 45;
  const panels = 600;
  const h = wMax / panels;
  let sum = 0;
  for (let k = 0; k < panels; k++) {
    const c = (k + 0.5) * h;
    for (let i = 0; i < 5; i++) sum += GL_W[i] * f(c + 0.5 * h * GL_X[i]);
  }
  return sum * 0.5 * h;
}

/** The large-n0 approximation (ln(n0 kappa / d) + Euler's gamma) / kappa, kappa = d - b > 0 (domain.md). */
export function meanTimeToExtinctionAsymptotic(r: Rates, n0: number): number {
  check(r, n0);
  const kappa = r.d - r.b;
  if (kappa <= 0) return Number.POSITIVE_INFINITY;
  return (Math.log((n0 * kappa) / r.d) + EULER_GAMMA) / kappa;
}
