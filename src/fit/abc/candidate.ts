/**
 * One ABC-SMC candidate, a pure function of (generation context, candidate index): the same numbers on
 * the main thread and in any worker. Candidate c of generation g draws everything from
 * stream(seed, g * 2^32 + c): in generation 0 a model from its prior and parameters from their priors;
 * later a model from the last model probabilities moved by the model kernel (stay with 1 - zeta, else
 * uniformly to another live model; Toni & Stumpf, Bioinformatics 26:104, 2010), a parent of that model by
 * weight and a multivariate-normal perturbation of it (kernel.ts). Accepted candidates carry the
 * importance weight pi(m) pi(theta | m) / (q(m) sum_j w_j K_j(theta)) (Beaumont et al. 2009; Toni et al.,
 * J R Soc Interface 6:187, 2009; in the form pyABC evaluates it). A perturbation outside the prior's
 * support is rejected without simulating: that keeps the proposal the untruncated mixture, so the weights
 * need no truncation constant (which would differ between models).
 */
import { stream } from '../../random/rng.js';
import type { ResolvedProblem } from '../problem.js';
import { distance } from './distance.js';
import { pick } from './kernel.js';
import { logSumExp, mahalanobis2 } from './linalg.js';
import { moveParticle } from './move.js';
import { type BatchResult, CANDIDATES_PER_GENERATION, type GenerationContext, Outcome } from './types.js';

/** Work buffers of one thread, allocated once per problem. */
export class CandidateWorker {
  readonly dim: number;
  readonly nStats: number;
  readonly theta: Float64Array;
  readonly out: Float64Array;
  readonly work: Float64Array;
  /** The perturbed coordinates of theta, gathered for the kernel's density. */
  private readonly perturbed: Float64Array;
  private logTerms = new Float64Array(0);

  constructor(readonly problem: ResolvedProblem) {
    this.dim = Math.max(...problem.models.map((m) => m.parameters.length));
    this.nStats = problem.statistics.length;
    this.theta = new Float64Array(this.dim);
    this.out = new Float64Array(this.nStats);
    this.work = new Float64Array(this.dim);
    this.perturbed = new Float64Array(this.dim);
  }

  /** A result buffer for `count` candidates. */
  batch(generation: number, from: number, count: number): BatchResult {
    return {
      generation,
      from,
      count,
      outcome: new Uint8Array(count),
      model: new Int32Array(count),
      theta: new Float64Array(count * this.dim).fill(Number.NaN),
      stats: new Float64Array(count * this.nStats).fill(Number.NaN),
      distance: new Float64Array(count).fill(Number.NaN),
      logWeight: new Float64Array(count).fill(Number.NEGATIVE_INFINITY),
    };
  }

  /** Evaluates candidate `from + slot` into slot `slot` of `res`. */
  evaluate(ctx: GenerationContext, res: BatchResult, slot: number): void {
    if (ctx.move) {
      moveParticle(this.problem, ctx, res, slot, this);
      return;
    }
    const { problem, theta, out, dim, nStats } = this;
    const c = res.from + slot;
    const rng = stream(ctx.seed, ctx.generation * CANDIDATES_PER_GENERATION + c);
    const models = problem.models;
    let m: number;
    let logPrior = 0;
    if (ctx.generation === 0) {
      m = 0;
      if (models.length > 1) {
        const u = rng.uniform();
        let acc = 0;
        for (m = 0; m < models.length - 1; m++) {
          acc += Math.exp(models[m]!.logModelPrior);
          if (u < acc) break;
        }
      }
      const priors = models[m]!.priors;
      for (let a = 0; a < priors.length; a++) theta[a] = priors[a]!.sample(rng);
    } else {
      m = this.proposeModel(ctx, rng.uniform(), rng.uniform(), rng.uniform());
      const k = ctx.kernels[m]!;
      const j = pick(k.cumulative, rng.uniform());
      const d = k.d;
      const L = j * d * d;
      for (let a = 0; a < d; a++) this.work[a] = rng.normal();
      for (let a = 0; a < d; a++) {
        let s = k.centers[j * d + a]!;
        for (let b = 0; b <= a; b++) s += k.chol[L + a * d + b]! * this.work[b]!;
        theta[k.dims[a]!] = s;
      }
      const priors = models[m]!.priors;
      for (let f = 0; f < k.free.length; f++) theta[k.free[f]!] = priors[k.free[f]!]!.sample(rng);
    }
    const model = models[m]!;
    const d = model.parameters.length;
    for (let a = 0; a < d; a++) logPrior += model.priors[a]!.logPdf(theta[a]!);
    res.model[slot] = m;
    for (let a = 0; a < d; a++) res.theta[slot * dim + a] = theta[a]!;
    if (logPrior === Number.NEGATIVE_INFINITY) {
      res.outcome[slot] = Outcome.OutsidePrior;
      return;
    }
    model.simulator.simulate(theta, rng, out);
    res.stats.set(out, slot * nStats);
    const dist = distance(out, 0, problem.observed, ctx.weights);
    res.distance[slot] = dist;
    if (Number.isNaN(dist)) {
      res.outcome[slot] = Outcome.NaN;
      return;
    }
    if (!(dist <= ctx.epsilon)) {
      res.outcome[slot] = Outcome.Rejected;
      return;
    }
    res.outcome[slot] = Outcome.Accepted;
    res.logWeight[slot] =
      ctx.generation === 0 ? 0 : model.logModelPrior + logPrior - this.logProposal(ctx, m);
  }

  private alive(ctx: GenerationContext): number {
    let a = 0;
    for (const k of ctx.kernels) if (k) a++;
    return a;
  }

  /** Model kernel: m' by last probabilities, kept with 1 - zeta, else uniform over the other live models. */
  private proposeModel(ctx: GenerationContext, u1: number, u2: number, u3: number): number {
    const p = ctx.modelProb;
    let m = 0;
    let acc = 0;
    for (; m < p.length - 1; m++) {
      acc += p[m]!;
      if (u1 < acc && ctx.kernels[m]) break;
    }
    while (!ctx.kernels[m]) m--; // rounding at the end of the cumulative sum
    const alive = this.alive(ctx);
    if (alive < 2 || u2 >= ctx.zeta) return m;
    let r = Math.floor(u3 * (alive - 1));
    for (let k = 0; k < p.length; k++) {
      if (k === m || !ctx.kernels[k]) continue;
      if (r-- === 0) return k;
    }
    return m;
  }

  /**
   * log q(m) + log sum_j w_j N(theta_dims; c_j, Sigma_j) + sum over refreshed parameters of log pi(theta_f)
   * for the current theta.
   */
  private logProposal(ctx: GenerationContext, m: number): number {
    const alive = this.alive(ctx);
    const pm = ctx.modelProb[m]!;
    const qm = alive < 2 ? 1 : pm * (1 - ctx.zeta) + ((1 - pm) * ctx.zeta) / (alive - 1);
    const k = ctx.kernels[m]!;
    if (this.logTerms.length < k.n) this.logTerms = new Float64Array(k.n);
    const t = this.logTerms;
    const dd = k.d * k.d;
    const x = this.perturbed;
    for (let a = 0; a < k.d; a++) x[a] = this.theta[k.dims[a]!]!;
    for (let j = 0; j < k.n; j++)
      t[j] = k.logNorm[j]! - 0.5 * mahalanobis2(x, 0, k.centers, j * k.d, k.chol, j * dd, k.d, this.work);
    let logFree = 0;
    const priors = this.problem.models[m]!.priors;
    for (let f = 0; f < k.free.length; f++) logFree += priors[k.free[f]!]!.logPdf(this.theta[k.free[f]!]!);
    return Math.log(qm) + logSumExp(t, k.n) + logFree;
  }
}
