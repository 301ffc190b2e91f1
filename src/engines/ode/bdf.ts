/**
 * Variable-order (1-5), variable-step BDF stepper for stiff ODEs: the quasi-constant-step difference form of
 * bdfDifferences.ts (Shampine & Reichelt 1997; SciPy's BDF), corrected by modified Newton with the Jacobian
 * and LU reuse of CVODE (bdfNewton.ts; Hindmarsh et al. 2005; Byrne & Hindmarsh 1975). Step and order change
 * only after order + 1 equal steps, to the order whose error estimate allows the largest step, with CVODE's
 * step rules (below). Error control per component (atol at each state's scale, scale.ts).
 * Use for stiff problems where Rodas5P's 8 stages and fresh Jacobian and LU per step dominate; global error
 * at a given tolerance is larger than Rodas5P's (BDF's error constants); no algebraic rows (use rodas).
 * Non-stiffness (for `auto`): h ||J||_inf stays below the explicit method's stability bound.
 */
import { ModelError, SolverError } from '../../errors.js';
import {
  changeDifferences,
  D_ROWS,
  type DifferenceWork,
  denseFromDifferences,
  differenceWork,
  ERROR_CONST,
  evalDifferences,
  GAMMA,
  MAX_ORDER,
} from './bdfDifferences.js';
import { BdfNewton } from './bdfNewton.js';
import { initialStep } from './initialStep.js';
import { errorNorm, worstComponent } from './norm.js';
import { leftOf, type OdeStepper, type StepContext } from './stepper.js';

/**
 * CVODE's step-size rules: factors (BIAS e)^(-1/(order+1)) with BIAS 6 for orders k - 1 and k and 10 for
 * k + 1 (a cautious 0.41-0.74 where SciPy uses 0.9, which here rejected a quarter of the steps); no
 * change unless the best factor is at least ETA_THRESH (THRESH); growth at most MAX_FACTOR (ETAMX3);
 * after an error failure at least MIN_FACTOR (ETAMIN), at most FAIL_FACTOR from the second (ETAMXF), and
 * order 1 from the third (MXNEF1).
 */
const BIAS_DOWN = 6;
const BIAS_SAME = 6;
const BIAS_UP = 10;
const ETA_THRESH = 1.5;
const MAX_FACTOR = 10;
const MIN_FACTOR = 0.1;
const FAIL_FACTOR = 0.2;
const FAILS_TO_ORDER_1 = 3;
/** Step factor after a convergence failure with a fresh Jacobian (CVODE's ETACF). */
const ETA_CONV_FAIL = 0.25;
const NONSTIFF_HNORM = 2.5;
const NONSTIFF_COUNT = 20;
const MAX_SINGULAR = 5;
/** Module-local copies: an imported binding costs a getter call per read under the tsx loader. */
const GAM = Float64Array.from(GAMMA);
const ERR = Float64Array.from(ERROR_CONST);
const MAXK = MAX_ORDER;

export class Bdf implements OdeStepper {
  readonly method = 'bdf' as const;
  readonly order = MAXK;
  tPrev = 0;
  t = 0;
  readonly y: Float64Array;
  hNext = Number.NaN;
  wantsSwitch = false;
  lastError = 0;

  private readonly ctx: StepContext;
  private readonly n: number;
  private readonly D: Float64Array;
  private readonly dw: DifferenceWork;
  private readonly newton: BdfNewton;
  private readonly f: Float64Array;
  private readonly yPred: Float64Array;
  private readonly psi: Float64Array;
  private readonly d: Float64Array;
  private readonly yNew: Float64Array;
  private readonly scale: Float64Array;
  /** Interpolating polynomial of the last accepted step: D[0..kInt] at t, spacing hInt. */
  private readonly P: Float64Array;
  private readonly denseBuf: Float64Array;
  private readonly denseScratch: Float64Array;
  private denseReady = false;
  private kInt = 1;
  private hInt = 0;
  /** Current order and the step the differences D are spaced by. */
  private k = 1;
  private h = 0;
  private nEqual = 0;
  private errorFails = 0;
  private singular = 0;
  private nonStiffCount = 0;

  constructor(ctx: StepContext) {
    if (ctx.problem.mass?.some((m) => m !== 1)) {
      throw new ModelError('bdf cannot solve a problem with algebraic equations (mass matrix); use rodas');
    }
    const n = ctx.n;
    this.ctx = ctx;
    this.n = n;
    this.y = new Float64Array(n);
    this.D = new Float64Array(D_ROWS * n);
    this.dw = differenceWork(n);
    this.newton = new BdfNewton(ctx);
    this.f = new Float64Array(n);
    this.yPred = new Float64Array(n);
    this.psi = new Float64Array(n);
    this.d = new Float64Array(n);
    this.yNew = new Float64Array(n);
    this.scale = new Float64Array(n);
    this.P = new Float64Array((MAXK + 1) * n);
    this.denseBuf = new Float64Array(5 * n);
    this.denseScratch = new Float64Array(5 * n);
  }

  /** The dense.ts form of the last step, computed when first asked for (only the delay history asks). */
  get dense(): Float64Array {
    if (!this.denseReady) {
      denseFromDifferences(this.P, this.n, this.kInt, this.t, this.hInt, this.denseScratch, this.denseBuf);
      this.denseReady = true;
    }
    return this.denseBuf;
  }

  reset(t: number, y: Float64Array, h: number): void {
    const { ctx, n, D, f } = this;
    this.t = t;
    this.tPrev = t;
    this.y.set(y);
    ctx.problem.rhs(t, this.y, ctx.p, f);
    ctx.stats.rhsEvals++;
    // An order-1 start: a step handed over from a higher-order method would fail the first error tests.
    // Its local error is O(h^2): sized as for order 1 (h ~ 0.01 / ||f||), the first step after a switch at
    // rtol 1e-10 fell below 16 ulp of t (Brannmark_JBC2010's insulin step at t = 4).
    let h0 = initialStep(ctx, t, this.y, f, 2, ctx.maxStep, this.yNew, this.psi);
    if (!Number.isNaN(h)) h0 = Math.min(h0, h);
    this.h = h0;
    this.hNext = h0;
    D.fill(0);
    D.set(this.y);
    for (let m = 0; m < n; m++) D[n + m] = h0 * f[m];
    // Before the first step the interpolant is the constant y (order 0).
    this.P.set(this.y);
    this.kInt = 0;
    this.hInt = h0;
    this.denseReady = false;
    this.k = 1;
    this.nEqual = 0;
    this.newton.reset(true);
    this.errorFails = 0;
    this.singular = 0;
    this.nonStiffCount = 0;
    this.wantsSwitch = false;
  }

  attempt(tNew: number, atStop = false): boolean {
    const { ctx, n, D, yPred, psi, d, scale } = this;
    const h = tNew - this.t;
    // t + h - t differs from h in the last bits: not a step change (it would reset the order logic).
    if (Math.abs(h - this.h) > 1e-10 * this.h) this.rescale(h);
    else this.h = h;
    const k = this.k;
    const tEval = atStop ? leftOf(tNew) : tNew;
    // Predictor y_pred = sum_{j<=k} D_j; psi = sum_{j=1..k} GAM[j] D_j / GAM[k].
    for (let m = 0; m < n; m++) {
      let acc = D[m];
      let ps = 0;
      for (let j = 1; j <= k; j++) {
        const v = D[j * n + m];
        acc += v;
        ps += GAM[j] * v;
      }
      yPred[m] = acc;
      psi[m] = ps / GAM[k];
      scale[m] = ctx.atol[m] + ctx.rtol * Math.abs(acc);
    }
    const c = h / GAM[k];
    const { newton, yNew } = this;
    let status = newton.solve(tEval, c, ERR[k], yPred, psi, scale, d, yNew);
    if (status === 'diverged' && !newton.jacobianIsFresh) {
      // A stale Jacobian (CVODE's CV_FAIL_BAD_J): evaluate it at the predicted point and try again.
      newton.refreshJacobian(tEval, yPred);
      status = newton.solve(tEval, c, ERR[k], yPred, psi, scale, d, yNew);
    }
    if (status !== 'converged') {
      if (status === 'singular' && ++this.singular > MAX_SINGULAR) {
        throw new SolverError('singular iteration matrix I/c - J', this.t);
      }
      this.lastError = status === 'nonfinite' ? Number.NaN : Number.POSITIVE_INFINITY;
      newton.reset(false);
      this.reject(ETA_CONV_FAIL);
      return false;
    }
    this.singular = 0;
    const e = ERR[k] * errorNorm(d, this.y, yNew, ctx.atol, ctx.rtol, n);
    this.lastError = e;
    if (!(e <= 1)) {
      const fails = ++this.errorFails;
      let factor = Math.max(MIN_FACTOR, (BIAS_SAME * e) ** (-1 / (k + 1)));
      if (fails >= 2) factor = Math.min(factor, FAIL_FACTOR);
      if (fails >= FAILS_TO_ORDER_1) this.k = 1;
      this.reject(factor);
      return false;
    }
    this.accept(tNew, e);
    return true;
  }

  interpolate(tq: number, out: Float64Array): void {
    evalDifferences(this.P, this.n, this.kInt, this.t, this.hInt, tq, out);
  }

  worstComponent(): number {
    return worstComponent(this.d, this.y, this.yNew, this.ctx.atol, this.ctx.rtol, this.n);
  }

  /** Re-spaces the differences for steps of size hNew. */
  private rescale(hNew: number): void {
    changeDifferences(this.D, this.n, this.k, hNew / this.h, this.dw);
    this.h = hNew;
    this.nEqual = 0;
  }

  private reject(factor: number): void {
    this.rescale(this.h * factor);
    this.hNext = this.h;
  }

  private accept(tNew: number, e: number): void {
    const { ctx, n, D, d, k } = this;
    // New differences at t_{n+1} (SciPy's update): D_{k+2} = d - D_{k+1}, D_{k+1} = d, D_j += D_{j+1}.
    for (let m = 0; m < n; m++) {
      D[(k + 2) * n + m] = d[m] - D[(k + 1) * n + m];
      D[(k + 1) * n + m] = d[m];
    }
    for (let j = k; j >= 0; j--) {
      for (let m = 0; m < n; m++) D[j * n + m] += D[(j + 1) * n + m];
    }
    const h = this.h;
    this.P.set(D.subarray(0, (k + 1) * n));
    this.kInt = k;
    this.hInt = h;
    this.denseReady = false;
    this.tPrev = this.t;
    this.t = tNew;
    this.y.set(this.yNew);
    this.newton.age();
    this.nEqual++;
    this.errorFails = 0;
    if (h * this.newton.normJ < NONSTIFF_HNORM) {
      if (++this.nonStiffCount >= NONSTIFF_COUNT) this.wantsSwitch = true;
    } else this.nonStiffCount = 0;
    if (this.nEqual >= k + 1) this.chooseOrderAndStep(e);
    this.hNext = Math.min(this.h, ctx.maxStep);
  }

  /** The order among k - 1, k, k + 1 that allows the largest step (CVODE's cvChooseEta; ties keep k). */
  private chooseOrderAndStep(e: number): void {
    const { ctx, n, k, scale, y } = this;
    for (let m = 0; m < n; m++) scale[m] = ctx.atol[m] + ctx.rtol * Math.abs(y[m]);
    const eDown = k > 1 ? ERR[k - 1] * this.rowNorm(k) : Number.POSITIVE_INFINITY;
    const eUp = k < MAXK ? ERR[k + 1] * this.rowNorm(k + 2) : Number.POSITIVE_INFINITY;
    const fDown = (BIAS_DOWN * eDown) ** (-1 / k);
    const fSame = (BIAS_SAME * e) ** (-1 / (k + 1));
    const fUp = (BIAS_UP * eUp) ** (-1 / (k + 2));
    let best = fSame;
    let dk = 0;
    if (fDown > best && fDown >= fUp) {
      best = fDown;
      dk = -1;
    } else if (fUp > best) {
      best = fUp;
      dk = 1;
    }
    const factor = Math.min(MAX_FACTOR, best, ctx.maxStep / this.h);
    if (factor < ETA_THRESH) {
      this.nEqual = 0;
      return;
    }
    this.k = k + dk;
    this.rescale(this.h * factor);
  }

  /** Weighted RMS norm of difference row `row` at the weights in `scale`. */
  private rowNorm(row: number): number {
    const { n, D, scale } = this;
    let sum = 0;
    for (let m = 0; m < n; m++) {
      const r = D[row * n + m] / scale[m];
      sum += r * r;
    }
    return n === 0 ? 0 : Math.sqrt(sum / n);
  }
}
