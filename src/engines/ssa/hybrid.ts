/**
 * Hybrid stochastic-deterministic simulation after Haseltine & Rawlings, J Chem Phys 117:6959 (2002) and
 * Salis & Kaznessis, J Chem Phys 122:054103 (2005). Reaction-driven species with population >= threshold
 * are continuous; a reaction is continuous when every species it changes is continuous, and contributes
 * nu_j a_j(t, y) to an ODE integrated with classic RK4 together with rate rules. The other (discrete)
 * reactions fire as jumps of a time-inhomogeneous Poisson process.
 *
 * Stepping (what makes it cheap: the continuous part does not restart at every firing). The ODE advances
 * on its own grid of steps [t0, t1] (at most `maxStep`, ending on output times and tstops), with the
 * discrete state held. Inside a step each discrete propensity is the linear interpolant in time of its
 * values at (t0, y(t0)) and (t1, y(t1)) - exact when rates do not move within the step, O(h^2) otherwise.
 * Jumps follow the direct method on that interpolant: the next one is where the integrated total reaches
 * an Exp(1) threshold (a quadratic), the reaction is chosen in proportion to the interpolated propensities.
 * A firing adds nu_j to both ends of the step and recomputes, at both ends, only the propensities its
 * dependency graph lists (Cao, Li & Petzold 2004); the continuous path of the rest of the step is shifted
 * by the jump, not re-integrated (its effect on the continuous derivative enters at the next step).
 * Partitions are revised at step starts: species move to discrete below half the threshold (stochastic
 * rounding, mean preserving). Species listed in `tuning.continuous` (amounts that are not counts, such as
 * a drug in mg/kg) are continuous throughout and never rounded.
 * With nothing continuous, no rate rules and time-homogeneous rates a step spans the whole interval and
 * the method is Gillespie's direct method. Use it when some species are large (drug, bulk cells) and
 * others small (CSCs).
 */
import { SolverError } from '../../errors.js';
import type { Rng } from '../../random/rng.js';
import { EXP_LAYERS } from '../../random/ziggurat.js';
import { type HybridKernel, hybridKernel } from './hybrid-kernel.js';
import { JumpResponse } from './jump-response.js';
import type { MethodContext, SsaMethod, SsaStats } from './method.js';
import { fire, reactionDriven } from './stoich.js';

/** Reactions with more dependents than this update both step ends through one all-rates call each. */
const ALL_RATES_ABOVE = 4;

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
  /** Discrete reactions (rxCont 0), nDisc of them. */
  private readonly disc: Int32Array;
  private nDisc = 0;
  private readonly useAll: Uint8Array;
  /** Generated updates (hybrid-kernel.ts), their totals [start, end, bad] and work slots per end. */
  private readonly kernel: HybridKernel | null;
  private readonly st = new Float64Array(3);
  /** [t0, t1] for the generated code. */
  private readonly tt = new Float64Array(2);
  private readonly wS: Float64Array;
  private readonly wE: Float64Array;
  private readonly a: Float64Array;
  /** Discrete propensities at the step's start and end, and their totals. */
  private readonly aS: Float64Array;
  private readonly aE: Float64Array;
  private sumS = 0;
  private sumE = 0;
  private readonly dy: Float64Array;
  /** State at the step's start and end (discrete components equal), and RK4 scratch. */
  private readonly yS: Float64Array;
  private readonly yE: Float64Array;
  private readonly tmp: Float64Array;
  private readonly k: Float64Array[];
  /** Derivative at the step's end (Hermite interpolation for interpolate()). */
  private readonly kE: Float64Array;
  /** The continuous flow's response to the step's jumps (jump-response.ts). */
  private readonly response: JumpResponse;
  private readonly derivFn: (t: number, y: Float64Array, out: Float64Array) => void;
  private readonly threshold: number;
  private readonly maxStep: number;
  private readonly hasFree: boolean;
  /** Something moves between jumps (continuous reactions, rate rules, explicit time): steps of maxStep. */
  private moving = false;
  private active = false;
  private t0 = 0;
  private t1 = 0;
  /** Time reached inside the step. */
  private tc = 0;
  /** Remaining Exp(1) threshold of the integrated discrete propensity; NaN: draw afresh. */
  private eLeft = Number.NaN;
  private pending = -1;
  /** Time of the pending jump. */
  private tauNext = 0.5;

  constructor(private readonly ctx: MethodContext) {
    const pr = ctx.problem;
    this.n = pr.n;
    this.m = pr.nReactions;
    this.driven = reactionDriven(pr.stoich, pr.n);
    this.cont = new Uint8Array(this.n);
    this.always = new Uint8Array(this.n);
    for (const id of ctx.tuning.continuous ?? []) {
      const i = pr.stateIndex.get(id);
      if (i !== undefined) this.always[i] = 1; // ids are checked up front (validate.ts)
    }
    this.rxCont = new Uint8Array(this.m);
    this.disc = new Int32Array(this.m);
    this.useAll = new Uint8Array(this.m);
    const dep = pr.dependents;
    for (let j = 0; j < this.m; j++)
      this.useAll[j] = dep.rowPtr[j + 1] - dep.rowPtr[j] > ALL_RATES_ABOVE ? 1 : 0;
    this.kernel = hybridKernel(pr, this.always);
    this.wS = new Float64Array(this.kernel?.nW ?? 0);
    this.wE = new Float64Array(this.kernel?.nW ?? 0);
    this.a = new Float64Array(this.m);
    this.aS = new Float64Array(this.m);
    this.aE = new Float64Array(this.m);
    this.dy = new Float64Array(this.n);
    this.yS = new Float64Array(this.n);
    this.yE = new Float64Array(this.n);
    this.tmp = new Float64Array(this.n);
    this.k = [0, 1, 2, 3].map(() => new Float64Array(this.n));
    this.kE = new Float64Array(this.n);
    this.response = new JumpResponse(this.n, pr.stoich);
    this.derivFn = (t, y, out) => this.deriv(t, y, out);
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
    this.response.clear();
    this.active = false;
    this.pending = -1;
    this.eLeft = Number.NaN;
  }

  propose(t: number, tBound: number, y: Float64Array): number {
    if (!(tBound > t)) return tBound;
    if (!this.active || t !== this.tc || this.t1 > tBound || this.tc >= this.t1) this.begin(t, tBound, y);
    if (this.nextJump()) {
      const tau = this.tauNext;
      this.interpolate(tau, y);
      return tau;
    }
    // No jump in this step: return at its end, so that the driver checks triggers once per step.
    this.endStep();
    y.set(this.yE);
    return this.t1 >= tBound ? tBound : this.t1;
  }

  commit(tau: number, y: Float64Array): void {
    fire(this.ctx.problem.stoich, this.pending, y);
    if (tau !== this.tauNext) throw new Error('internal: hybrid commit at a time it did not propose');
    this.jump();
  }

  /** Fast path (contract item 5): the same steps and draws as propose/commit. */
  advanceTo(t: number, tBound: number, y: Float64Array): number {
    if (!(tBound > t)) return tBound;
    if (!this.active || t !== this.tc || this.t1 > tBound || this.tc >= this.t1) this.begin(t, tBound, y);
    for (;;) {
      if (this.nextJump()) {
        this.jump();
        continue;
      }
      this.endStep();
      if (this.t1 >= tBound) break;
      this.begin(this.t1, tBound, this.yE);
    }
    y.set(this.yE);
    return tBound;
  }

  /** y at time s of the current step: cubic Hermite for moving components, the held discrete state. */
  interpolate(s: number, y: Float64Array): void {
    const { yS, yE, cont, driven } = this;
    if (!this.moving) {
      y.set(yS);
      return;
    }
    const h = this.t1 - this.t0;
    const th = h > 0 ? (s - this.t0) / h : 1;
    const u = 1 - th;
    const h00 = (1 + 2 * th) * u * u;
    const h10 = th * u * u * h;
    const h01 = th * th * (3 - 2 * th);
    const h11 = -th * th * u * h;
    const k1 = this.k[0];
    const kE = this.kE;
    for (let i = 0; i < this.n; i++) {
      y[i] = cont[i] || !driven[i] ? h00 * yS[i] + h10 * k1[i] + h01 * yE[i] + h11 * kE[i] : yS[i];
      if (driven[i] && y[i] < 0) y[i] = 0;
    }
  }

  /** Ends the step: the continuous end state takes up the response to the step's jumps. */
  private endStep(): void {
    this.tc = this.t1;
    this.response.apply(this.t1, this.yE, this.derivFn, this.driven);
  }

  /** Starts a step at (t, y): partition, RK4 to its end, discrete propensities at both ends. */
  private begin(t: number, tBound: number, y: Float64Array): void {
    const { yS, yE, a, aS, aE, disc } = this;
    const pr = this.ctx.problem;
    const p = this.ctx.p;
    if (yS !== y) yS.set(y);
    this.response.clear();
    this.partition(yS);
    this.t0 = t;
    this.t1 = !this.moving || t + this.maxStep >= tBound ? tBound : t + this.maxStep;
    this.tc = t;
    this.active = true;
    this.stats.steps++;
    if (this.moving) {
      this.rk4(t, this.t1 - t, yS, yE); // leaves the rates at (t, yS) in aS (first stage)
      this.deriv(this.t1, yE, this.kE);
      for (let q = 0; q < this.nDisc; q++) aE[disc[q]] = a[disc[q]];
    } else {
      yE.set(yS);
      pr.rates(t, yS, p, a);
      for (let q = 0; q < this.nDisc; q++) aS[disc[q]] = aE[disc[q]] = a[disc[q]];
    }
    this.tt[0] = t;
    this.tt[1] = this.t1;
    this.kernel?.prepare(this.tt, yS, yE, p, this.wS, this.wE);
    this.resum();
  }

  private resum(): void {
    const { aS, aE, disc } = this;
    let s = 0;
    let e = 0;
    for (let q = 0; q < this.nDisc; q++) {
      const j = disc[q];
      const vs = aS[j];
      const ve = aE[j];
      if (!(vs >= 0 && vs < Number.POSITIVE_INFINITY)) this.bad(j, vs, this.t0);
      if (!(ve >= 0 && ve < Number.POSITIVE_INFINITY)) this.bad(j, ve, this.t1);
      s += vs;
      e += ve;
    }
    this.sumS = s;
    this.sumE = e;
  }

  /**
   * True when a jump falls in (tc, t1]: its time is left in `tauNext`, its reaction in `pending`. False
   * when the integrated propensity does not reach the threshold by t1 (the threshold is then reduced by
   * it). A boolean, not the time: a double returned from a call that is not inlined is boxed per call.
   */
  private nextJump(): boolean {
    if (Number.isNaN(this.eLeft)) this.eLeft = exp1(this.ctx.rng);
    const h = this.t1 - this.t0;
    const uc = h > 0 ? (this.tc - this.t0) / h : 0;
    const b = this.sumE - this.sumS;
    const ac = Math.max(this.sumS + b * uc, 0);
    const rest = 1 - uc;
    const integral = h * rest * (ac + 0.5 * b * rest);
    const e = this.eLeft;
    if (!(integral >= e)) {
      this.eLeft = e - Math.max(integral, 0);
      return false;
    }
    // h (ac w + b w^2 / 2) = e, in the form without cancellation.
    const q = e / h;
    const w = (2 * q) / (ac + Math.sqrt(Math.max(ac * ac + 2 * b * q, 0)));
    const tau = Math.min(this.tc + Math.min(w, rest) * h, this.t1);
    this.eLeft = Number.NaN;
    const u = h > 0 ? (tau - this.t0) / h : 0;
    const { aS, aE, disc } = this;
    // uniform() read from the generator's buffer (as kernel.ts does): the same stream, and no boxed
    // double returned per jump.
    const rng = this.ctx.rng;
    const cur = rng.cursor;
    if (cur[0] === rng.uniforms.length) rng.refill();
    let r = rng.uniforms[cur[0]++] * (this.sumS + b * u);
    let pick = -1;
    for (let k = 0; k < this.nDisc; k++) {
      const j = disc[k];
      const aj = aS[j] + (aE[j] - aS[j]) * u;
      if (!(aj > 0)) continue;
      pick = j;
      r -= aj;
      if (r < 0) break;
    }
    if (pick < 0) {
      // Rounding put the crossing past every positive rate: no jump in this step after all.
      this.eLeft = Number.NaN;
      return false;
    }
    this.pending = pick;
    this.tauNext = tau;
    return true;
  }

  /** Applies the pending jump at tau to both ends of the step and updates its dependent propensities. */
  private jump(): void {
    const tau = this.tauNext;
    const j = this.pending;
    const pr = this.ctx.problem;
    const p = this.ctx.p;
    const { yS, yE, aS, aE, a } = this;
    fire(pr.stoich, j, yS);
    fire(pr.stoich, j, yE);
    this.pending = -1;
    this.tc = tau;
    this.stats.firings++;
    this.stats.steps++;
    const { t0, t1 } = this;
    if (this.moving) this.response.record(j, t1 - tau, this.cont);
    const kernel = this.kernel;
    if (kernel !== null) {
      const st = this.st;
      st[0] = this.sumS;
      st[1] = this.sumE;
      st[2] = 0;
      kernel.update[j](this.tt, yS, yE, p, aS, aE, this.rxCont, st, this.wS, this.wE);
      this.sumS = st[0];
      this.sumE = st[1];
      if (st[2] !== 0 || !(st[0] >= 0 && st[1] >= 0)) this.resum(); // re-sums, or throws naming the rate
      return;
    }
    if (this.useAll[j]) {
      const disc = this.disc;
      pr.rates(t0, yS, p, a);
      for (let q = 0; q < this.nDisc; q++) aS[disc[q]] = a[disc[q]];
      if (this.moving) pr.rates(t1, yE, p, a);
      for (let q = 0; q < this.nDisc; q++) aE[disc[q]] = a[disc[q]];
      this.resum();
      return;
    }
    const dep = pr.dependents;
    let s = this.sumS;
    let e = this.sumE;
    for (let q = dep.rowPtr[j]; q < dep.rowPtr[j + 1]; q++) {
      const k = dep.col[q];
      if (this.rxCont[k]) continue;
      const vs = pr.rate(k, t0, yS, p);
      const ve = this.moving ? pr.rate(k, t1, yE, p) : vs;
      if (!(vs >= 0 && vs < Number.POSITIVE_INFINITY)) this.bad(k, vs, tau);
      if (!(ve >= 0 && ve < Number.POSITIVE_INFINITY)) this.bad(k, ve, tau);
      s += vs - aS[k];
      e += ve - aE[k];
      aS[k] = vs;
      aE[k] = ve;
    }
    this.sumS = s;
    this.sumE = e;
    if (s < 0 || e < 0) this.resum();
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
    let anyRx = false;
    let nd = 0;
    for (let j = 0; j < this.m; j++) {
      let c = s.rowPtr[j + 1] > s.rowPtr[j] ? 1 : 0;
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) if (!this.cont[s.col[q]]) c = 0;
      this.rxCont[j] = c;
      if (c) anyRx = true;
      else this.disc[nd++] = j;
    }
    this.nDisc = nd;
    this.moving = anyRx || this.hasFree || this.ctx.problem.ratesDependOnTime;
  }

  /** Derivative of the continuous state into out; the rates at (t, y) are left in this.a. */
  private deriv(t: number, y: Float64Array, out: Float64Array): void {
    const pr = this.ctx.problem;
    const p = this.ctx.p;
    const dy = this.dy;
    if (this.hasFree) pr.rhs(t, y, p, dy);
    pr.rates(t, y, p, this.a);
    for (let i = 0; i < this.n; i++) out[i] = this.driven[i] ? 0 : dy[i];
    const s = pr.stoich;
    for (let j = 0; j < this.m; j++) {
      if (!this.rxCont[j]) continue;
      const aj = this.a[j];
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) out[s.col[q]] += s.val[q] * aj;
    }
  }

  /** One RK4 step of size h from (t, y0) into y; leaves the first stage's rates in this.aS. */
  private rk4(t: number, h: number, y0: Float64Array, y: Float64Array): void {
    const k = this.k; // indexed, not destructured: array destructuring allocates an iterator per call
    const k1 = k[0];
    const k2 = k[1];
    const k3 = k[2];
    const k4 = k[3];
    const n = this.n;
    const tmp = this.tmp;
    this.deriv(t, y0, k1);
    this.aS.set(this.a); // the first stage's rates, before later stages overwrite them
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
  }

  private bad(j: number, v: number, t: number): never {
    throw new SolverError(
      `propensity of reaction '${this.ctx.problem.reactionIds[j]}' is ${v}; stochastic rates must be finite and >= 0`,
      t,
    );
  }
}

/**
 * Exp(1) by the ziggurat's fast path on the generator's buffer, as kernel.ts inlines it: the same draws as
 * rng.exponential(), without a boxed double per call (the rest of a draw, ~2%, continues in the rng).
 */
function exp1(rng: Rng): number {
  const cur = rng.cursor;
  if (cur[0] === rng.uniforms.length) rng.refill();
  const zw = rng.uniforms[cur[0]++] * EXP_LAYERS;
  const zi = zw | 0;
  const zg = zw - zi;
  return zg < rng.expAccept[zi] ? zg * rng.expWidth[zi] : rng.expSlow(zi, zg);
}
