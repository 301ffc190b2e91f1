/**
 * The corrector of the BDF stepper (bdf.ts): modified Newton on d = y_{n+1} - y_pred,
 *   c f(t, y_pred + d) - psi - d = 0,   c = h / GAMMA[k],
 * with the reuse policy of CVODE (Hindmarsh et al., "SUNDIALS", ACM TOMS 31:363, 2005, Sec. 2.1; its
 * cvode_nls.c and cvLsSetup): the Jacobian is kept over up to MAX_JAC_AGE steps and refreshed when the
 * iteration fails with an older one; W = I/c - J is refactored only when c has moved by more than C_RATIO
 * since its factorisation or after MAX_LU_AGE steps, the corrections scaled by 2 / (1 + c / cLU) to make up
 * for the stale c; convergence when the estimated remaining error del min(1, rate), with the rate kept
 * across steps, is below NLS_COEF of the error test. A typical step costs one or two right-hand sides and
 * no factorisation.
 */
import { factorW, type IterationWork, orderingFor, solveW } from './iteration.js';
import { jacobian } from './jacobian.js';
import type { StepContext } from './stepper.js';

/** Newton iterations per attempt (CVODE's maxcor = 3). */
const MAX_ITER = 3;
/** Convergence when the estimated iteration error is below NLS_COEF of the error test (CVODE's nlscoef). */
const NLS_COEF = 0.1;
/** CVODE's CRDOWN and RDIV: rate memory, and divergence when a correction is > RDIV x the previous. */
const CR_DOWN = 0.3;
const R_DIV = 2;
/** Refactor W when c / cLU leaves [1 - C_RATIO, 1 + C_RATIO] (CVODE's DGMAX) or after MAX_LU_AGE steps. */
const C_RATIO = 0.3;
const MAX_LU_AGE = 20;
/** Steps a Jacobian is kept without a convergence failure (CVODE's MSBJ). */
const MAX_JAC_AGE = 50;

export type NewtonStatus = 'converged' | 'diverged' | 'nonfinite' | 'singular';

export class BdfNewton {
  /** ||J||_inf of the current Jacobian (the stepper's non-stiffness test). */
  normJ = 0;
  private readonly ctx: StepContext;
  private readonly J: Float64Array;
  private readonly lu: IterationWork;
  private readonly f: Float64Array;
  private readonly dy: Float64Array;
  /** Steps since J was evaluated and since W was factored (Infinity: none valid). */
  private jacAge = Number.POSITIVE_INFINITY;
  private luAge = Number.POSITIVE_INFINITY;
  private cLu = 0;
  private rate = 1;

  constructor(ctx: StepContext) {
    const n = ctx.n;
    this.ctx = ctx;
    this.J = new Float64Array(n * n);
    this.lu = {
      W: new Float64Array(n * n),
      piv: new Int32Array(n),
      ...(ctx.problem.jacobianBlocks !== undefined ? { blocks: ctx.problem.jacobianBlocks } : {}),
      ...orderingFor(ctx.problem, n),
    };
    this.f = new Float64Array(n);
    this.dy = new Float64Array(n);
  }

  /** Forgets J and W (a discontinuity, or a convergence failure: W is refactored at the next solve). */
  reset(jacobianToo: boolean): void {
    if (jacobianToo) this.jacAge = Number.POSITIVE_INFINITY;
    this.luAge = Number.POSITIVE_INFINITY;
    this.rate = 1;
  }

  /** One more accepted step on J and W. */
  age(): void {
    this.jacAge++;
    this.luAge++;
  }

  /** True when J was evaluated for the current attempt (a failure then is not J's fault). */
  get jacobianIsFresh(): boolean {
    return this.jacAge === 0;
  }

  refreshJacobian(t: number, yAt: Float64Array): void {
    const { ctx, J } = this;
    const n = ctx.n;
    if (!ctx.problem.jac) {
      ctx.problem.rhs(t, yAt, ctx.p, this.f);
      ctx.stats.rhsEvals++;
    }
    jacobian(ctx, t, yAt, this.f, J, this.dy);
    this.jacAge = 0;
    this.luAge = Number.POSITIVE_INFINITY;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += Math.abs(J[i * n + j]);
      if (row > norm) norm = row;
    }
    this.normJ = norm;
  }

  /**
   * Solves for d (from 0) and y = yPred + d at tEval; `scale` holds the error weights, `errConst` the
   * order's error constant.
   */
  solve(
    tEval: number,
    c: number,
    errConst: number,
    yPred: Float64Array,
    psi: Float64Array,
    scale: Float64Array,
    d: Float64Array,
    y: Float64Array,
  ): NewtonStatus {
    const { ctx, f, dy, lu } = this;
    const n = ctx.n;
    if (this.jacAge >= MAX_JAC_AGE) this.refreshJacobian(tEval, yPred);
    if (this.luAge >= MAX_LU_AGE || Math.abs(c / this.cLu - 1) > C_RATIO) {
      ctx.stats.luDecomps++;
      this.luAge = 0;
      this.cLu = c;
      this.rate = 1;
      if (!factorW(this.J, undefined, n, c, 1, lu)) {
        this.luAge = Number.POSITIVE_INFINITY;
        return 'singular';
      }
    }
    // (I - cLU J) dy = c f - psi - d, i.e. W dy = (c f - psi - d) / cLU, scaled for c != cLU.
    const corr = 2 / (1 + c / this.cLu) / this.cLu;
    y.set(yPred);
    d.fill(0);
    let delPrev = 0;
    for (let it = 0; it < MAX_ITER; it++) {
      ctx.problem.rhs(tEval, y, ctx.p, f);
      ctx.stats.rhsEvals++;
      for (let m = 0; m < n; m++) dy[m] = (c * f[m] - psi[m] - d[m]) * corr;
      solveW(lu, n, dy);
      let sum = 0;
      for (let m = 0; m < n; m++) {
        const r = dy[m] / scale[m];
        sum += r * r;
        y[m] += dy[m];
        d[m] += dy[m];
      }
      const del = n === 0 ? 0 : Math.sqrt(sum / n);
      if (!Number.isFinite(del)) return 'nonfinite';
      if (it > 0) this.rate = Math.max(CR_DOWN * this.rate, del / delPrev);
      if ((del * Math.min(1, this.rate) * errConst) / NLS_COEF <= 1) return 'converged';
      if (it > 0 && del > R_DIV * delPrev) return 'diverged';
      delPrev = del;
    }
    return 'diverged';
  }
}
