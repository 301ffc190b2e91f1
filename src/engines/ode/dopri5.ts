/**
 * Dormand-Prince 5(4) stepper (DOPRI5; Hairer, Norsett & Wanner I, Sec. II.5 and the dopri5.f code):
 * FSAL, PI step-size control (Sec. IV.2 of vol. II; beta = 0.04, exponent 1/5 - 0.75 beta),
 * order-4 dense output, Hairer's stiffness test (vol. I, Sec. IV.2: h |lambda| estimated from the last
 * two stages; 10 stiff verdicts without 6 consecutive non-stiff ones => stiff) and, under `auto` with an
 * analytic Jacobian, h rho(J) by power iteration (spectralProbe.ts; 2 verdicts in a row => stiff).
 * Use for non-stiff problems; `auto` hands over to its stiff method when the stiffness test fires.
 */
import { ModelError } from '../../errors.js';
import { evalDense } from './dense.js';
import { compileRk, explicitRkStep } from './explicitRk.js';
import { initialStep } from './initialStep.js';
import { errorNorm, worstComponent } from './norm.js';
import { SpectralProbe } from './spectralProbe.js';
import { leftOf, type OdeStepper, type StepContext } from './stepper.js';
import { DOPRI5, DOPRI5_DENSE } from './tableaus.js';

const RK = compileRk(DOPRI5);
const D = Float64Array.from(DOPRI5_DENSE);
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
const SAFE = 0.9;
/** Step ratio limits hNew / h in [1 / FAC_MAX_INV, 1 / FAC_MIN_INV]. */
const FAC_MIN_INV = 1 / 10;
const FAC_MAX_INV = 5;
/** 0.9 x the DOPRI5 stability boundary on the negative axis (~3.3), as in OrdinaryDiffEq's AutoSwitch. */
const STIFF_HLAMBDA = 2.97;
const STIFF_COUNT = 10;
const NONSTIFF_COUNT = 6;
const PROBE_COUNT = 2;

export class Dopri5 implements OdeStepper {
  readonly method = 'dopri5' as const;
  readonly order = 5;
  tPrev = 0;
  t = 0;
  readonly y: Float64Array;
  readonly dense: Float64Array;
  hNext = Number.NaN;
  wantsSwitch = false;
  lastError = 0;

  private readonly ctx: StepContext;
  private readonly n: number;
  private readonly k: Float64Array;
  private readonly kv: Float64Array[];
  private readonly yStage: Float64Array;
  private readonly yNew: Float64Array;
  private readonly err: Float64Array;
  private facOld = 1e-4;
  private lastRejected = false;
  private stiffCount = 0;
  private nonStiffCount = 0;
  private readonly probe: SpectralProbe | null;
  private probeCount = 0;

  /** `probe`: also test stiffness by h rho(J) (when the problem has an analytic Jacobian; for `auto`). */
  constructor(ctx: StepContext, probe = false) {
    if (ctx.problem.mass?.some((m) => m !== 1)) {
      throw new ModelError('dopri5 cannot solve a problem with algebraic equations (mass matrix); use rodas');
    }
    const n = ctx.n;
    this.ctx = ctx;
    this.n = n;
    this.y = new Float64Array(n);
    this.dense = new Float64Array(5 * n);
    this.k = new Float64Array(RK.s * n);
    this.kv = Array.from({ length: RK.s }, (_, j) => this.k.subarray(j * n, (j + 1) * n));
    this.yStage = new Float64Array(n);
    this.yNew = new Float64Array(n);
    this.err = new Float64Array(n);
    this.probe = probe && ctx.problem.jac ? new SpectralProbe(ctx) : null;
  }

  reset(t: number, y: Float64Array, h: number): void {
    const { ctx } = this;
    this.t = t;
    this.tPrev = t;
    this.y.set(y);
    ctx.problem.rhs(t, this.y, ctx.p, this.kv[0]);
    ctx.stats.rhsEvals++;
    this.hNext = Number.isNaN(h)
      ? initialStep(ctx, t, this.y, this.kv[0], 5, ctx.maxStep, this.yStage, this.kv[1])
      : h;
    this.facOld = 1e-4;
    this.lastRejected = false;
    this.stiffCount = 0;
    this.nonStiffCount = 0;
    this.probeCount = 0;
    this.probe?.reset();
    this.wantsSwitch = false;
  }

  attempt(tNew: number, atStop = false): boolean {
    const { ctx, n, k, kv, y, yNew, err } = this;
    const h = tNew - this.t;
    const tCap = atStop ? leftOf(tNew) : Number.POSITIVE_INFINITY;
    explicitRkStep(RK, ctx.problem, ctx.p, n, this.t, h, y, k, kv, this.yStage, yNew, err, tCap);
    ctx.stats.rhsEvals += RK.s - 1;
    const e = errorNorm(err, y, yNew, ctx.atol, ctx.rtol, n);
    this.lastError = e;
    if (!(e <= 1)) {
      // Rejected (or not finite: shrink hard and let the integrator report underflow).
      this.hNext = Number.isNaN(e) ? h * 0.1 : h / Math.min(FAC_MAX_INV, e ** EXPO1 / SAFE);
      this.lastRejected = true;
      return false;
    }
    // PI controller: hNew = h * safe * e^-expo1 * facOld^beta, ratio limited.
    const fac11 = e ** EXPO1;
    let fac = fac11 / this.facOld ** BETA;
    fac = Math.max(FAC_MIN_INV, Math.min(FAC_MAX_INV, fac / SAFE));
    let hNew = h / fac;
    if (this.lastRejected) hNew = Math.min(hNew, h);
    this.facOld = Math.max(e, 1e-4);
    this.lastRejected = false;
    this.stiffnessTest(h);
    this.fillDense(h);
    this.tPrev = this.t;
    this.t = tNew;
    y.set(yNew);
    k.copyWithin(0, (RK.s - 1) * n, RK.s * n); // FSAL
    if (this.probe) {
      const hRho = this.probe.check(tNew, y, h);
      if (hRho > STIFF_HLAMBDA) {
        if (++this.probeCount >= PROBE_COUNT) this.wantsSwitch = true;
      } else if (!Number.isNaN(hRho)) this.probeCount = 0;
    }
    this.hNext = hNew;
    return true;
  }

  interpolate(tq: number, out: Float64Array): void {
    const h = this.t - this.tPrev;
    evalDense(this.dense, 0, this.n, h === 0 ? 1 : (tq - this.tPrev) / h, out);
  }

  worstComponent(): number {
    return worstComponent(this.err, this.y, this.yNew, this.ctx.atol, this.ctx.rtol, this.n);
  }

  /** h |lambda| ~ h ||k7 - k6|| / ||yNew - yStage6|| (both stages are at t + h). */
  private stiffnessTest(h: number): void {
    const { n, k, yNew, yStage } = this;
    const o6 = 5 * n;
    const o7 = 6 * n;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      num += (k[o7 + i] - k[o6 + i]) ** 2;
      den += (yNew[i] - yStage[i]) ** 2;
    }
    if (den > 0 && h * Math.sqrt(num / den) > STIFF_HLAMBDA) {
      this.nonStiffCount = 0;
      if (++this.stiffCount >= STIFF_COUNT) this.wantsSwitch = true;
    } else if (++this.nonStiffCount >= NONSTIFF_COUNT) {
      this.stiffCount = 0;
    }
  }

  /** Hairer's CONTD5 coefficients, written before y and k are advanced. */
  private fillDense(h: number): void {
    const { n, k, y, yNew, dense } = this;
    const o7 = 6 * n;
    for (let i = 0; i < n; i++) {
      const r2 = yNew[i] - y[i];
      const hk1 = h * k[i];
      const r3 = hk1 - r2;
      dense[i] = y[i];
      dense[n + i] = r2;
      dense[2 * n + i] = r3;
      dense[3 * n + i] = r2 - h * k[o7 + i] - r3;
      let acc = 0;
      for (let j = 0; j < 7; j++) acc += D[j] * k[j * n + i];
      dense[4 * n + i] = h * acc;
    }
  }
}
