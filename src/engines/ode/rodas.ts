/**
 * Rodas5P stepper (Steinebach 2023, see tableaus.ts) for stiff problems and index-1 DAEs with a
 * diagonal mass matrix. Step-size control: Hairer & Wanner II, Sec. IV.8 with Gustafsson's predictive
 * controller (as in RODAS). The Jacobian and f_t are computed once per accepted point and reused
 * across rejected attempts (t, y unchanged); W = M/(h gamma) - J is refactored for each new h.
 * Non-stiffness (for `auto`): h ||J||_inf stays below the explicit method's stability bound.
 */
import { SolverError } from '../../errors.js';
import { evalDense } from './dense.js';
import { initialStep } from './initialStep.js';
import { factorW, orderingFor } from './iteration.js';
import { jacobianAndDt, timeDerivative } from './jacobian.js';
import { errorNorm, worstComponent } from './norm.js';
import { compileRosenbrock, type RosenbrockWork, rosenbrockDense, rosenbrockStep } from './rosenbrock.js';
import { leftOf, type OdeStepper, type StepContext } from './stepper.js';
import { RODAS5P } from './tableaus.js';

const ROS = compileRosenbrock(RODAS5P);
const EXPO = 1 / (RODAS5P.errorOrder + 1);
const SAFE = 0.9;
/** hNew / h in [FAC_LO, FAC_HI]. */
const FAC_LO = 0.2;
const FAC_HI = 6;
const NONSTIFF_HNORM = 2.5;
const NONSTIFF_COUNT = 20;
const MAX_SINGULAR = 5;

export class Rodas implements OdeStepper {
  readonly method = 'rodas' as const;
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
  private readonly mass: Float64Array | undefined;
  private readonly canSwitch: boolean;
  private readonly work: RosenbrockWork;
  private readonly J: Float64Array;
  private readonly dT: Float64Array;
  private readonly f0: Float64Array;
  private readonly tmp: Float64Array;
  private readonly yNew: Float64Array;
  private readonly err: Float64Array;
  private pointReady = false;
  /** The other time at which f_t was differenced (t + dt forward, t - dt backward). */
  private dtEnd = 0;
  private normJ = 0;
  private lastRejected = false;
  private accepted = 0;
  private hAcc = 0;
  private errAcc = 0;
  private singular = 0;
  private nonStiffCount = 0;

  constructor(ctx: StepContext) {
    const n = ctx.n;
    this.ctx = ctx;
    this.n = n;
    this.mass = ctx.problem.mass;
    this.canSwitch = !this.mass?.some((m) => m !== 1);
    this.y = new Float64Array(n);
    this.dense = new Float64Array(5 * n);
    const k = new Float64Array(ROS.s * n);
    this.work = {
      W: new Float64Array(n * n),
      piv: new Int32Array(n),
      k,
      kv: Array.from({ length: ROS.s }, (_, j) => k.subarray(j * n, (j + 1) * n)),
      u: new Float64Array(n),
      du: new Float64Array(n),
      ...(ctx.problem.jacobianBlocks !== undefined ? { blocks: ctx.problem.jacobianBlocks } : {}),
      ...orderingFor(ctx.problem, n),
    };
    this.J = new Float64Array(n * n);
    this.dT = new Float64Array(n);
    this.f0 = new Float64Array(n);
    this.tmp = new Float64Array(n);
    this.yNew = new Float64Array(n);
    this.err = new Float64Array(n);
  }

  reset(t: number, y: Float64Array, h: number): void {
    const { ctx } = this;
    this.t = t;
    this.tPrev = t;
    this.y.set(y);
    this.preparePoint();
    this.hNext = Number.isNaN(h)
      ? initialStep(ctx, t, this.y, this.f0, 5, ctx.maxStep, this.work.u, this.work.du)
      : h;
    this.lastRejected = false;
    this.accepted = 0;
    this.singular = 0;
    this.nonStiffCount = 0;
    this.wantsSwitch = false;
  }

  attempt(tNew: number, atStop = false): boolean {
    const { ctx, n, y, yNew, err, work } = this;
    const h = tNew - this.t;
    if (!this.pointReady) this.preparePoint();
    const tCap = atStop ? leftOf(tNew) : Number.POSITIVE_INFINITY;
    // f_t by a forward difference would reach across the discontinuity: take it from the left.
    if (this.dtEnd > tCap) this.dtEnd = timeDerivative(ctx, this.t, y, this.f0, this.dT, this.tmp, -1);
    ctx.stats.luDecomps++;
    if (!factorW(this.J, this.mass, n, h, ROS.gamma, work)) {
      if (++this.singular > MAX_SINGULAR) {
        throw new SolverError('singular iteration matrix M/(h gamma) - J', this.t);
      }
      this.hNext = h * 0.5;
      this.lastRejected = true;
      return false;
    }
    ctx.stats.rhsEvals += rosenbrockStep(
      ROS,
      ctx.problem,
      ctx.p,
      this.mass,
      n,
      this.t,
      h,
      y,
      this.f0,
      this.dT,
      work,
      yNew,
      err,
      tCap,
    );
    const e = errorNorm(err, y, yNew, ctx.atol, ctx.rtol, n);
    this.lastError = e;
    let fac = Math.max(1 / FAC_HI, Math.min(1 / FAC_LO, e ** EXPO / SAFE));
    if (!(e <= 1)) {
      this.hNext = Number.isNaN(e) || this.accepted === 0 ? h * 0.1 : h / fac;
      this.lastRejected = true;
      return false;
    }
    if (this.accepted > 0) {
      // Gustafsson's predictive controller (Hairer & Wanner II, eq. (IV.8.21)).
      let facGus = ((this.hAcc / h) * ((e * e) / this.errAcc) ** EXPO) / SAFE;
      facGus = Math.max(1 / FAC_HI, Math.min(1 / FAC_LO, facGus));
      fac = Math.max(fac, facGus);
    }
    let hNew = h / fac;
    if (this.lastRejected) hNew = Math.min(hNew, h);
    this.hAcc = h;
    this.errAcc = Math.max(1e-2, e);
    this.accepted++;
    this.lastRejected = false;
    this.singular = 0;
    if (this.canSwitch) {
      if (h * this.normJ < NONSTIFF_HNORM) {
        if (++this.nonStiffCount >= NONSTIFF_COUNT) this.wantsSwitch = true;
      } else this.nonStiffCount = 0;
    }
    rosenbrockDense(ROS, n, y, yNew, work.k, this.dense);
    this.tPrev = this.t;
    this.t = tNew;
    y.set(yNew);
    this.pointReady = false;
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

  /** f, J and f_t at the current point; reused by every attempt from it. */
  private preparePoint(): void {
    const { ctx, n, J } = this;
    ctx.problem.rhs(this.t, this.y, ctx.p, this.f0);
    ctx.stats.rhsEvals++;
    this.dtEnd = jacobianAndDt(ctx, this.t, this.y, this.f0, J, this.dT, this.tmp);
    if (this.canSwitch) {
      let norm = 0;
      for (let i = 0; i < n; i++) {
        let row = 0;
        for (let j = 0; j < n; j++) row += Math.abs(J[i * n + j]);
        if (row > norm) norm = row;
      }
      this.normJ = norm;
    }
    this.pointReady = true;
  }
}
