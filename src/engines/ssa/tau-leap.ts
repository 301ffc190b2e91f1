/**
 * Explicit tau-leaping with the step selection of Cao, Gillespie & Petzold, "Efficient step size selection
 * for the tau-leaping simulation method", J Chem Phys 124:044109 (2006), and the critical-reaction scheme
 * of Cao, Gillespie & Petzold, J Chem Phys 123:054104 (2005): reactions within `criticalFirings` of
 * exhausting a reactant fire exactly (at most one per leap), the rest leap by Poisson counts; a leap that
 * would make a population negative is rejected and retried with half the step, and when the leap would be
 * shorter than 10/a0 a burst of 100 exact direct-method steps is taken instead.
 * Species listed in `tuning.continuous` (a drug in mg/kg), the reactions changing only them and rate rules
 * move deterministically over each leap (drift.ts), in leaps of at most `maxStep`.
 * Use for large populations where the direct method fires too many events; not exact.
 */
import { Drift } from './drift.js';
import type { MethodContext, SsaMethod, SsaStats } from './method.js';
import { Propensities } from './propensities.js';
import { gFactor, type ReactantInfo, reactantInfo } from './reactants.js';
import { fire, reactionDriven } from './stoich.js';

const SSA_BURST = 100;

export class TauLeapMethod implements SsaMethod {
  readonly name = 'tau-leap' as const;
  readonly constantBetweenJumps: boolean;
  readonly stats: SsaStats = { firings: 0, steps: 0, rejected: 0 };
  private readonly prop: Propensities;
  private readonly info: ReactantInfo;
  private readonly critical: Uint8Array;
  private readonly counts: Float64Array;
  private readonly mu: Float64Array;
  private readonly sigma2: Float64Array;
  private readonly driven: Uint8Array;
  private readonly eps: number;
  private readonly nc: number;
  private readonly drift: Drift;
  private readonly maxStep: number;
  private burst = 0;
  /** Pending: -2 none, -1 a leap with counts, -3 drift only, j >= 0 a single exact firing of j. */
  private pending = -2;
  /** Start of the proposed leap (the drift integrates from there). */
  private tLeap = 0;

  constructor(private readonly ctx: MethodContext) {
    const pr = ctx.problem;
    this.drift = new Drift(pr, ctx.p, ctx.tuning.continuous ?? []);
    this.constantBetweenJumps = !this.drift.moving;
    this.maxStep = this.drift.moving
      ? (ctx.tuning.maxStep ?? Number.POSITIVE_INFINITY)
      : Number.POSITIVE_INFINITY;
    this.prop = new Propensities(pr, ctx.p, false, this.drift.moving ? this.drift.rxCont : null);
    this.info = reactantInfo(pr);
    this.critical = new Uint8Array(pr.nReactions);
    this.counts = new Float64Array(pr.nReactions);
    this.mu = new Float64Array(pr.n);
    this.sigma2 = new Float64Array(pr.n);
    this.driven = reactionDriven(pr.stoich, pr.n);
    this.eps = ctx.tuning.epsilon ?? 0.03;
    this.nc = ctx.tuning.criticalFirings ?? 10;
  }

  reset(t: number, y: Float64Array): void {
    this.prop.all(t, y);
    this.pending = -2;
  }

  propose(t: number, tB: number, y: Float64Array): number {
    const prop = this.prop;
    const a0 = prop.a0;
    this.tLeap = t;
    // With a drift, leaps are at most maxStep and always pending (the drift moves even without jumps).
    const tBound = Math.min(tB, t + this.maxStep);
    if (a0 <= 0) {
      if (this.drift.moving) this.pending = -3;
      return tBound;
    }
    const rng = this.ctx.rng;
    if (this.burst > 0) return this.exact(t, tBound);
    const tau1 = this.leapBound(y);
    if (tau1 < 10 / a0) {
      this.burst = SSA_BURST;
      return this.exact(t, tBound);
    }
    // Critical reactions: exponential waiting time for the next one.
    let ac = 0;
    const a = prop.a;
    const crit = this.critical;
    for (let j = 0; j < prop.m; j++) if (crit[j]) ac += a[j];
    let tauPrime = tau1;
    for (;;) {
      // CGP 2006 steps 3-5: a fresh critical waiting time per attempt; halve tau' after a rejection.
      const tau2 = ac > 0 ? rng.exponential() / ac : Number.POSITIVE_INFINITY;
      let tau: number;
      let pick = -1;
      if (tauPrime < tau2) tau = tauPrime;
      else {
        tau = tau2;
        let r = rng.uniform() * ac;
        for (let j = 0; j < prop.m; j++) {
          if (!crit[j]) continue;
          pick = j;
          r -= a[j];
          if (r < 0) break;
        }
      }
      if (t + tau >= tBound) {
        tau = tBound - t;
        pick = -1;
      }
      const k = this.counts;
      for (let j = 0; j < prop.m; j++) k[j] = crit[j] ? 0 : rng.poisson(a[j] * tau);
      if (pick >= 0) k[pick] = 1;
      if (this.nonNegative(y)) {
        this.pending = -1;
        return Math.min(t + tau, tBound);
      }
      this.stats.rejected++;
      tauPrime = tau / 2;
      if (tauPrime < 10 / a0) {
        this.burst = SSA_BURST;
        return this.exact(t, tBound);
      }
    }
  }

  hasPending(): boolean {
    return this.pending !== -2;
  }

  commit(tau: number, y: Float64Array): void {
    const s = this.ctx.problem.stoich;
    if (this.drift.moving) {
      this.drift.step(this.tLeap, tau - this.tLeap, y);
      if (this.pending >= 0) fire(s, this.pending, y);
      else if (this.pending === -1) this.applyCounts(y);
      if (this.pending >= 0) this.stats.firings++;
      this.prop.all(tau, y);
    } else if (this.pending >= 0) {
      fire(s, this.pending, y);
      this.stats.firings++;
      this.prop.afterFiring(this.pending, tau, y);
    } else {
      this.applyCounts(y);
      this.prop.all(tau, y);
    }
    this.stats.steps++;
    this.pending = -2;
  }

  private applyCounts(y: Float64Array): void {
    const s = this.ctx.problem.stoich;
    const k = this.counts;
    for (let j = 0; j < this.prop.m; j++) {
      if (k[j] > 0) {
        fire(s, j, y, k[j]);
        this.stats.firings += k[j];
      }
    }
  }

  /** One exact direct-method step (burst mode). */
  private exact(t: number, tBound: number): number {
    this.burst--;
    const a0 = this.prop.a0;
    const rng = this.ctx.rng;
    const tau = t + rng.exponential() / a0;
    if (tau >= tBound) {
      if (this.drift.moving) this.pending = -3;
      return tBound;
    }
    this.pending = this.prop.select(rng.uniform() * a0);
    return tau;
  }

  /** Marks critical reactions and returns tau' (CGP 2006, eqs. 32-33) over non-critical ones. */
  private leapBound(y: Float64Array): number {
    const pr = this.ctx.problem;
    const s = pr.stoich;
    const a = this.prop.a;
    const mu = this.mu;
    const s2 = this.sigma2;
    mu.fill(0);
    s2.fill(0);
    for (let j = 0; j < this.prop.m; j++) {
      let crit = 0;
      if (a[j] > 0) {
        for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) {
          const v = s.val[q];
          if (v < 0 && Math.floor(y[s.col[q]] / -v) < this.nc) crit = 1;
        }
      }
      this.critical[j] = crit;
      if (crit) continue;
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) {
        const v = s.val[q];
        mu[s.col[q]] += v * a[j];
        s2[s.col[q]] += v * v * a[j];
      }
    }
    let tau = Number.POSITIVE_INFINITY;
    const { hor, mult } = this.info;
    for (let i = 0; i < pr.n; i++) {
      if (!this.driven[i] || hor[i] === 0) continue;
      const x = y[i];
      const bound = Math.max((this.eps * x) / gFactor(hor[i], mult[i], x), 1);
      if (mu[i] !== 0) tau = Math.min(tau, bound / Math.abs(mu[i]));
      if (s2[i] > 0) tau = Math.min(tau, (bound * bound) / s2[i]);
    }
    return tau;
  }

  private nonNegative(y: Float64Array): boolean {
    const s = this.ctx.problem.stoich;
    const k = this.counts;
    const d = this.sigma2; // reuse as change buffer (recomputed at the next leapBound)
    d.fill(0);
    for (let j = 0; j < this.prop.m; j++) {
      if (k[j] === 0) continue;
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) d[s.col[q]] += k[j] * s.val[q];
    }
    for (let i = 0; i < d.length; i++) if (this.driven[i] && y[i] + d[i] < 0) return false;
    return true;
  }
}
