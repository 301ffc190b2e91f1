/**
 * One Metropolis-Hastings move of one particle, the MCMC kernel of replenishment ABC-SMC (Drovandi &
 * Pettitt, Biometrics 67:225, 2011; the MCMC-move SMC sampler of Del Moral, Doucet & Jasra, Stat Comput
 * 22:1009, 2012, with one simulation per particle): candidate c of a move round proposes a Gaussian
 * random walk from particle c on the walk scale of each perturbed parameter (log for log-uniform and
 * log-normal priors, else linear), redraws refreshed parameters from their priors (an independence
 * proposal: they cancel from the ratio), and accepts with probability
 * min(1, pi(theta*) / pi(theta)) x 1[d(theta*) <= epsilon], the ABC-MCMC kernel of Marjoram et al.
 * (PNAS 100:15324, 2003), which leaves pi(theta | m, d <= epsilon) invariant. The uniform is drawn before
 * simulating, so a move the prior ratio rejects costs no simulation. The model index stays: the kernel is
 * invariant for every model's conditional, hence for the joint, and model probabilities change only by
 * the reweighting between generations.
 */
import { stream } from '../../random/rng.js';
import type { Prior } from '../priors.js';
import type { ResolvedProblem } from '../problem.js';
import { distance } from './distance.js';
import { type BatchResult, CANDIDATES_PER_GENERATION, type GenerationContext, Outcome } from './types.js';

/** True when the walk moves log x (priors on positive values spread over orders of magnitude). */
export function walksInLog(p: Prior): boolean {
  return p.spec.type === 'log-uniform' || p.spec.type === 'log-normal';
}

/**
 * The walk's coordinate of a prior: g = log x for log-scale priors, else x; on a bounded support, then
 * y = logit((g - g_lo) / (g_hi - g_lo)), so that no proposal leaves the support (a walk on [0, 1]^30 would
 * step out of it most of the time, wasting the move).
 */
export interface WalkScale {
  readonly log: boolean;
  readonly lo: number;
  readonly width: number;
}

export function walkScale(p: Prior): WalkScale {
  const log = walksInLog(p);
  const lo = log ? (p.lo > 0 ? Math.log(p.lo) : Number.NEGATIVE_INFINITY) : p.lo;
  const hi = log ? Math.log(p.hi) : p.hi;
  return { log, lo, width: Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? hi - lo : Number.NaN };
}

export function toWalk(w: WalkScale, x: number): number {
  const g = w.log ? Math.log(x) : x;
  if (Number.isNaN(w.width)) return g;
  const q = (g - w.lo) / w.width;
  return Math.log(q) - Math.log1p(-q);
}

export function fromWalk(w: WalkScale, y: number): number {
  const g = Number.isNaN(w.width) ? y : w.lo + w.width / (1 + Math.exp(-y));
  return w.log ? Math.exp(g) : g;
}

/** log density of the prior on the walk scale: log pi(x) + log |dx / dy|. */
function walkLogPdf(p: Prior, w: WalkScale, x: number): number {
  const l = p.logPdf(x);
  if (!(l > Number.NEGATIVE_INFINITY)) return l;
  let jac = w.log ? Math.log(x) : 0;
  if (!Number.isNaN(w.width)) {
    const q = ((w.log ? Math.log(x) : x) - w.lo) / w.width;
    jac += Math.log(w.width) + Math.log(q) + Math.log1p(-q);
  }
  return l + jac;
}

export interface MoveBuffers {
  readonly theta: Float64Array;
  readonly out: Float64Array;
  readonly work: Float64Array;
}

/** The tempered log likelihood -|w (s - observed)|^2 / 2 of row `off` of `stats` (NaN stays NaN). */
export function temperedLogLik(
  stats: Float64Array,
  off: number,
  observed: Float64Array,
  w: Float64Array,
): number {
  const d = distance(stats, off, observed, w);
  return -0.5 * d * d;
}

/** Moves particle res.from + slot of ctx.move into slot `slot` of `res` (the old particle when rejected). */
export function moveParticle(
  problem: ResolvedProblem,
  ctx: GenerationContext,
  res: BatchResult,
  slot: number,
  buf: MoveBuffers,
): void {
  const mv = ctx.move!;
  const c = res.from + slot;
  const { theta, out, work } = buf;
  const dim = theta.length;
  const nStats = out.length;
  const m = mv.model[c]!;
  const model = problem.models[m]!;
  const d = model.parameters.length;
  const dims = model.perturbed;
  const k = dims.length;
  const L = mv.chol[m]!;
  const keep = (outcome: Outcome): void => {
    res.outcome[slot] = outcome;
    res.model[slot] = m;
    res.theta.set(mv.theta.subarray(c * dim, (c + 1) * dim), slot * dim);
    res.stats.set(mv.stats.subarray(c * nStats, (c + 1) * nStats), slot * nStats);
    res.distance[slot] = mv.distance[c]!;
    res.logWeight[slot] = 0;
  };
  const rng = stream(ctx.seed, ctx.generation * CANDIDATES_PER_GENERATION + c);
  for (let a = 0; a < dim; a++) theta[a] = mv.theta[c * dim + a]!;
  if (mv.evaluate) {
    model.simulator.simulate(theta, rng, out);
    const dist = distance(out, 0, problem.observed, ctx.weights);
    res.outcome[slot] = Number.isNaN(dist) ? Outcome.NaN : Outcome.Accepted;
    res.model[slot] = m;
    res.theta.set(theta, slot * dim);
    res.stats.set(out, slot * nStats);
    res.distance[slot] = dist;
    res.logWeight[slot] = 0;
    return;
  }
  for (let a = 0; a < k; a++) work[a] = rng.normal();
  let logRatio = 0;
  for (let a = 0; a < k; a++) {
    const j = dims[a]!;
    const p = model.priors[j]!;
    const w = walkScale(p);
    const x = theta[j]!;
    let y = toWalk(w, x);
    for (let b = 0; b <= a; b++) y += L[a * k + b]! * work[b]!;
    const x1 = fromWalk(w, y);
    logRatio += walkLogPdf(p, w, x1) - walkLogPdf(p, w, x);
    theta[j] = x1;
  }
  if (k < d) for (let a = 0; a < d; a++) if (!dims.includes(a)) theta[a] = model.priors[a]!.sample(rng);
  const u = rng.uniform();
  if (!(logRatio > Number.NEGATIVE_INFINITY)) {
    keep(Outcome.OutsidePrior);
    return;
  }
  // Tempered: the likelihood ratio is at most exp(-beta l(current)), since l <= 0; above that bound no
  // simulation can make u acceptable.
  const t = mv.temper;
  const lCur = t ? t.beta * temperedLogLik(mv.stats, c * nStats, problem.observed, t.weights) : 0;
  if (Math.log(u) >= logRatio - lCur) {
    keep(Outcome.PriorRejected);
    return;
  }
  model.simulator.simulate(theta, rng, out);
  const dist = distance(out, 0, problem.observed, ctx.weights);
  if (Number.isNaN(dist) || !(dist <= ctx.epsilon)) {
    keep(Number.isNaN(dist) ? Outcome.NaN : Outcome.Rejected);
    return;
  }
  if (t) {
    const l = t.beta * temperedLogLik(out, 0, problem.observed, t.weights);
    if (!(Math.log(u) < logRatio + l - lCur)) {
      keep(Number.isNaN(l) ? Outcome.NaN : Outcome.Rejected);
      return;
    }
  }
  res.outcome[slot] = Outcome.Accepted;
  res.model[slot] = m;
  res.theta.set(theta, slot * dim);
  res.stats.set(out, slot * nStats);
  res.distance[slot] = dist;
  res.logWeight[slot] = 0;
}
