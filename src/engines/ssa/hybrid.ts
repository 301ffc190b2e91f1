/**
 * Hybrid stochastic-deterministic simulation after Haseltine & Rawlings, J Chem Phys 117:6959 (2002) and
 * Salis & Kaznessis, J Chem Phys 122:054103 (2005). Reaction-driven species with population >= threshold
 * are continuous; a reaction is continuous when every species it changes is continuous, and contributes
 * nu_j a_j(t, y) to an ODE integrated with classic RK4 together with rate rules. The other (discrete)
 * reactions fire as jumps at the time their integrated total propensity reaches an Exp(1) threshold
 * (located inside the RK4 step by linear interpolation, then re-stepped exactly to it).
 * Species move back to discrete (stochastic rounding, mean preserving) below half the threshold.
 * Species listed in `tuning.continuous` (amounts that are not counts, such as a drug in mg/kg) are
 * continuous throughout and never rounded.
 * With nothing continuous and time-homogeneous rates a step is exactly Gillespie's direct method.
 * Use it when some species are large (drug, bulk cells) and others small (CSCs); accuracy of the
 * continuous part is O(maxStep^4) plus the usual hybrid partition approximation.
 */
import type { MethodContext, SsaMethod, SsaStats } from './method.js';
import { fire, reactionDriven } from './stoich.js';

export class HybridMethod implements SsaMethod {
  readonly name = 'hybrid' as const;
  readonly constantBetweenJumps = false;
  readonly stats: SsaStats = { firings: 0, steps: 0, rejected: 0 };
  private readonly n: number;
  private readonly m: number;
  private readonly driven: Uint8Array;
  private readonly cont: Uint8Array;
  /** 1 for species that are continuous whatever their value (tuning.continuous). */
  private readonly always: Uint8Array;
  private readonly rxCont: Uint8Array;
  private readonly a: Float64Array;
  private readonly dy: Float64Array;
  private readonly y0: Float64Array;
  private readonly y1: Float64Array;
  private readonly k: Float64Array[];
  private readonly threshold: number;
  private readonly maxStep: number;
  private readonly hasFree: boolean;
  private anyContinuous = false;
  private pending = -1;
  /** Remaining Exp(1) threshold of the integrated discrete propensity; NaN: draw afresh. */
  private eLeft = Number.NaN;
  /** Start of the last sub-step (its state is in y0), for interpolate. */
  private stepT0 = 0;

  constructor(private readonly ctx: MethodContext) {
    const pr = ctx.problem;
    this.n = pr.n;
    this.m = pr.nReactions;
    this.driven = reactionDriven(pr.stoich, pr.n);
    this.cont = new Uint8Array(this.n);
    this.always = new Uint8Array(this.n);
    for (const id of ctx.tuning.continuous ?? []) {
      const i = pr.stateIds.indexOf(id);
      if (i >= 0) this.always[i] = 1; // ids are checked up front (runner: checkContinuous)
    }
    this.rxCont = new Uint8Array(this.m);
    this.a = new Float64Array(this.m);
    this.dy = new Float64Array(this.n);
    this.y0 = new Float64Array(this.n);
    this.y1 = new Float64Array(this.n);
    // k[0..3]: RK4 stages for the state, with the integrated discrete propensity in the last slot.
    this.k = [0, 1, 2, 3].map(() => new Float64Array(this.n + 1));
    this.threshold = ctx.tuning.hybridThreshold ?? 1000;
    this.maxStep = ctx.tuning.maxStep ?? Number.POSITIVE_INFINITY;
    // Components not changed by reactions (rate rules, event-only quantities) integrate through rhs.
    this.hasFree = this.driven.some((d) => d === 0);
  }

  hasPending(): boolean {
    return this.pending >= 0;
  }

  reset(_t: number, y: Float64Array): void {
    this.partition(y);
    this.pending = -1;
    this.eLeft = Number.NaN;
  }

  interpolate(tc: number, y: Float64Array): void {
    if (this.anyContinuous) this.rk4(this.stepT0, tc - this.stepT0, this.y0, y);
  }

  private partition(y: Float64Array): void {
    const th = this.threshold;
    const rng = this.ctx.rng;
    for (let i = 0; i < this.n; i++) {
      if (!this.driven[i]) continue;
      if (this.always[i]) {
        this.cont[i] = 1;
        continue;
      }
      if (this.cont[i]) {
        if (y[i] < 0.5 * th) {
          this.cont[i] = 0;
          const f = Math.floor(y[i]);
          y[i] = f + (rng.uniform() < y[i] - f ? 1 : 0);
        }
      } else if (y[i] >= th) this.cont[i] = 1;
      else if (!Number.isInteger(y[i])) {
        // A discrete population must be a count: round a non-integer start (e.g. a computed initial
        // amount) stochastically, which preserves its mean.
        const f = Math.floor(y[i]);
        y[i] = f + (rng.uniform() < y[i] - f ? 1 : 0);
      }
    }
    const s = this.ctx.problem.stoich;
    let any = this.hasFree;
    for (let j = 0; j < this.m; j++) {
      let c = s.rowPtr[j + 1] > s.rowPtr[j] ? 1 : 0;
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) if (!this.cont[s.col[q]]) c = 0;
      this.rxCont[j] = c;
      if (c) any = true;
    }
    this.anyContinuous = any || this.ctx.problem.ratesDependOnTime;
  }

  /** Derivative of the continuous state into out[0..n), discrete total propensity into out[n]. */
  private deriv(t: number, y: Float64Array, out: Float64Array): void {
    const pr = this.ctx.problem;
    const p = this.ctx.p;
    const dy = this.dy;
    if (this.hasFree) pr.rhs(t, y, p, dy);
    pr.rates(t, y, p, this.a);
    for (let i = 0; i < this.n; i++) out[i] = this.driven[i] ? 0 : dy[i];
    const s = pr.stoich;
    let a0 = 0;
    for (let j = 0; j < this.m; j++) {
      const aj = this.a[j];
      if (!this.rxCont[j]) {
        a0 += Math.max(aj, 0);
        continue;
      }
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) out[s.col[q]] += s.val[q] * aj;
    }
    out[this.n] = a0;
  }

  /** One RK4 step of size h from (t, y0) into y (state) and return the integral of the discrete a0. */
  private rk4(t: number, h: number, y0: Float64Array, y: Float64Array): number {
    const [k1, k2, k3, k4] = this.k;
    const n = this.n;
    const tmp = this.y1;
    this.deriv(t, y0, k1);
    for (let i = 0; i < n; i++) tmp[i] = y0[i] + 0.5 * h * k1[i];
    this.deriv(t + 0.5 * h, tmp, k2);
    for (let i = 0; i < n; i++) tmp[i] = y0[i] + 0.5 * h * k2[i];
    this.deriv(t + 0.5 * h, tmp, k3);
    for (let i = 0; i < n; i++) tmp[i] = y0[i] + h * k3[i];
    this.deriv(t + h, tmp, k4);
    for (let i = 0; i < n; i++) {
      const v = y0[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      y[i] = this.driven[i] && v < 0 ? 0 : v;
    }
    return (h / 6) * (k1[n] + 2 * k2[n] + 2 * k3[n] + k4[n]);
  }

  propose(t: number, tBound: number, y: Float64Array): number {
    const pr = this.ctx.problem;
    const rng = this.ctx.rng;
    if (!this.anyContinuous) {
      pr.rates(t, y, this.ctx.p, this.a);
      let a0 = 0;
      for (let j = 0; j < this.m; j++) a0 += this.a[j];
      if (a0 <= 0) return tBound;
      const tau = t + rng.exponential() / a0;
      if (tau >= tBound) return tBound;
      this.pending = this.select(rng.uniform() * a0);
      return tau;
    }
    // One sub-step per proposal, so that the driver checks triggers (and can bisect) after each.
    if (Number.isNaN(this.eLeft)) this.eLeft = rng.exponential();
    const y0 = this.y0;
    const h = Math.min(this.maxStep, tBound - t);
    y0.set(y);
    this.stepT0 = t;
    const dz = this.rk4(t, h, y0, y);
    this.stats.steps++;
    if (dz < this.eLeft) {
      this.eLeft -= dz;
      return h === tBound - t ? tBound : Math.min(t + h, tBound);
    }
    // The jump falls inside this sub-step: re-step to the interpolated crossing.
    const hj = (h * this.eLeft) / dz;
    this.eLeft = Number.NaN;
    this.rk4(t, hj, y0, y);
    const tau = t + hj;
    pr.rates(tau, y, this.ctx.p, this.a);
    let a0 = 0;
    for (let j = 0; j < this.m; j++) if (!this.rxCont[j]) a0 += this.a[j];
    if (a0 <= 0) return Math.min(tau, tBound);
    this.pending = this.select(rng.uniform() * a0);
    return tau;
  }

  private select(r: number): number {
    let last = -1;
    for (let j = 0; j < this.m; j++) {
      if (this.rxCont[j] || this.a[j] <= 0) continue;
      last = j;
      r -= this.a[j];
      if (r < 0) return j;
    }
    return last;
  }

  commit(_tau: number, y: Float64Array): void {
    fire(this.ctx.problem.stoich, this.pending, y);
    this.stats.firings++;
    this.stats.steps++;
    this.pending = -1;
    this.partition(y);
  }
}
