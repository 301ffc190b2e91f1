/**
 * Gillespie's direct method (Gillespie, J Comput Phys 22:403, 1976; J Phys Chem 81:2340, 1977), optimised:
 * only the propensities listed in `dependents` are recomputed after a firing (Cao, Li & Petzold 2004),
 * the running total is maintained incrementally, and selection switches to a sum tree for many reactions.
 * Exact for time-homogeneous rates. When rates depend explicitly on time, the waiting time solves
 * integral_t^tau a0(s) ds = E, E ~ Exp(1), with 3-point Gauss-Legendre quadrature on sub-steps of at most
 * `maxStep` and Newton's method for tau (the next-reaction time from the integrated propensity).
 */
import type { MethodContext, SsaMethod, SsaStats } from './method.js';
import { Propensities } from './propensities.js';
import { fire } from './stoich.js';

const GL_X = [-Math.sqrt(0.6), 0, Math.sqrt(0.6)];
const GL_W = [5 / 9, 8 / 9, 5 / 9];

export class DirectMethod implements SsaMethod {
  readonly name = 'direct' as const;
  readonly constantBetweenJumps = true;
  readonly stats: SsaStats = { firings: 0, steps: 0, rejected: 0 };
  private readonly prop: Propensities;
  private readonly timeDependent: boolean;
  private readonly maxStep: number;
  private pending = -1;

  constructor(private readonly ctx: MethodContext) {
    this.prop = new Propensities(ctx.problem, ctx.p, true);
    this.timeDependent = ctx.problem.ratesDependOnTime;
    this.maxStep = ctx.tuning.maxStep ?? Number.POSITIVE_INFINITY;
  }

  hasPending(): boolean {
    return this.pending >= 0;
  }

  reset(t: number, y: Float64Array): void {
    this.prop.all(t, y);
    this.pending = -1;
  }

  propose(t: number, tBound: number, y: Float64Array): number {
    const prop = this.prop;
    if (this.timeDependent) return this.proposeTimeDependent(t, tBound, y);
    const a0 = prop.a0;
    if (a0 <= 0) return tBound;
    const rng = this.ctx.rng;
    const tau = t + rng.exponential() / a0;
    if (tau >= tBound) return tBound;
    this.pending = prop.select(rng.uniform() * a0);
    return tau;
  }

  commit(tau: number, y: Float64Array): void {
    const j = this.pending;
    this.stats.firings++;
    this.stats.steps++;
    if (this.timeDependent) {
      fire(this.ctx.problem.stoich, j, y);
      this.prop.all(tau, y);
    } else this.prop.fire(j, tau, y);
    this.pending = -1;
  }

  /** Fast path (contract item 5): the same draws as propose/commit, without a call per jump. */
  advanceTo(t: number, tBound: number, y: Float64Array): number {
    if (this.timeDependent) {
      for (;;) {
        const tau = this.propose(t, tBound, y);
        if (!this.hasPending()) return tBound;
        this.commit(tau, y);
        t = tau;
      }
    }
    const prop = this.prop;
    const rng = this.ctx.rng;
    let n = 0;
    if (prop.kernels !== null) {
      n = prop.advance(rng, t, tBound, y);
      this.stats.firings += n;
      this.stats.steps += n;
      return tBound;
    }
    const { rowPtr, col, val } = this.ctx.problem.stoich;
    if (prop.recomputeAll) {
      // Small networks: the whole step inlined (linear search, one all-rates call, exact re-sum).
      const a = prop.a;
      const m = prop.m;
      const last = m - 1;
      const p = this.ctx.p;
      const problem = this.ctx.problem;
      let a0 = prop.a0;
      for (;;) {
        if (a0 <= 0) break;
        const tau = t + rng.exponential() / a0;
        if (tau >= tBound) break;
        let r = rng.uniform() * a0;
        let j = 0;
        for (; j < last; j++) {
          r -= a[j];
          if (r < 0) break;
        }
        while (j > 0 && a[j] === 0) j--;
        const end = rowPtr[j + 1];
        for (let q = rowPtr[j]; q < end; q++) y[col[q]] += val[q];
        problem.rates(tau, y, p, a);
        a0 = 0;
        for (let k = 0; k < m; k++) {
          const v = a[k];
          if (!(v >= 0)) prop.bad(k, v, tau);
          a0 += v;
        }
        t = tau;
        n++;
      }
      prop.a0 = a0;
      this.stats.firings += n;
      this.stats.steps += n;
      return tBound;
    }
    for (;;) {
      const a0 = prop.a0;
      if (a0 <= 0) break;
      const tau = t + rng.exponential() / a0;
      if (tau >= tBound) break;
      const j = prop.select(rng.uniform() * a0);
      const end = rowPtr[j + 1];
      for (let q = rowPtr[j]; q < end; q++) y[col[q]] += val[q];
      prop.afterFiring(j, tau, y);
      t = tau;
      n++;
    }
    this.stats.firings += n;
    this.stats.steps += n;
    return tBound;
  }

  private a0At(s: number, y: Float64Array): number {
    this.prop.all(s, y);
    return this.prop.a0;
  }

  /** Integral of a0 over [u, v] with the state held at y (Gauss-Legendre, 3 points). */
  private integral(u: number, v: number, y: Float64Array): number {
    const c = 0.5 * (u + v);
    const h = 0.5 * (v - u);
    let s = 0;
    for (let i = 0; i < 3; i++) s += GL_W[i] * this.a0At(c + h * GL_X[i], y);
    return s * h;
  }

  private proposeTimeDependent(t: number, tBound: number, y: Float64Array): number {
    let e = this.ctx.rng.exponential();
    let u = t;
    while (u < tBound) {
      const v = Math.min(tBound, u + this.maxStep);
      const seg = this.integral(u, v, y);
      if (seg < e) {
        e -= seg;
        u = v;
        continue;
      }
      // Newton on F(s) = integral_u^s a0 - e, started from the linear guess.
      let s = u + ((v - u) * e) / seg;
      for (let it = 0; it < 30; it++) {
        const f = this.integral(u, s, y) - e;
        const d = this.a0At(s, y);
        if (d <= 0) break;
        const next = Math.min(v, Math.max(u, s - f / d));
        if (Math.abs(next - s) <= 1e-14 * Math.max(1, Math.abs(s))) {
          s = next;
          break;
        }
        s = next;
      }
      this.prop.all(s, y);
      if (this.prop.a0 <= 0) return tBound;
      this.pending = this.prop.select(this.ctx.rng.uniform() * this.prop.a0);
      return s;
    }
    this.prop.all(tBound, y);
    return tBound;
  }
}
