/**
 * Consistent values for the algebraic components of M y' = f(t, y) with a diagonal mass matrix (SBML
 * algebraic rules): with the differential components y_d held fixed, solves f_a(t, y_d, y_a) = 0 for the
 * algebraic components y_a (M_ii = 0) by damped Newton iteration, the "y_d given" case of consistent
 * initialisation (Brown, Hindmarsh & Petzold 1998, "Consistent initial condition calculation for
 * differential-algebraic systems", SIAM J. Sci. Comput. 19:1495; IDACalcIC in SUNDIALS). SBML requires the
 * constraints to hold at all times: engines call it at t0 and after every event execution, so that the
 * first output row, triggers, priorities and assignments see values that satisfy the rules.
 * The Jacobian block d f_a / d y_a comes from `problem.jac` when present, else forward differences.
 */
import type { Problem } from '../../problem/types.js';
import { luFactor, luSolve } from './linalg/lu.js';

const MAX_ITER = 50;
const MAX_HALVINGS = 30;
const SQRT_EPS = Math.sqrt(Number.EPSILON);
/** Converged when every Newton correction is below STEP_TOL (|y_i| + STEP_TOL): ~13 significant digits. */
const STEP_TOL = 1e-13;

export class AlgebraicSolver {
  /** Indices of the algebraic components. */
  readonly alg: Int32Array;
  private readonly problem: Problem;
  private readonly n: number;
  private readonly f: Float64Array;
  private readonly fTrial: Float64Array;
  private readonly J: Float64Array | null;
  private readonly A: Float64Array;
  private readonly piv: Int32Array;
  private readonly dz: Float64Array;
  private readonly z0: Float64Array;

  constructor(problem: Problem) {
    const { n, mass } = problem;
    const alg: number[] = [];
    if (mass) for (let i = 0; i < n; i++) if (mass[i] === 0) alg.push(i);
    const m = alg.length;
    this.problem = problem;
    this.n = n;
    this.alg = Int32Array.from(alg);
    this.f = new Float64Array(n);
    this.fTrial = new Float64Array(n);
    this.J = problem.jac && m > 0 ? new Float64Array(n * n) : null;
    this.A = new Float64Array(m * m);
    this.piv = new Int32Array(m);
    this.dz = new Float64Array(m);
    this.z0 = new Float64Array(m);
  }

  /** True when there is nothing to solve (no algebraic components). */
  get empty(): boolean {
    return this.alg.length === 0;
  }

  /**
   * Makes y (mutated) satisfy the algebraic rows at time t. Returns false when Newton did not converge
   * (singular block, no decrease, or not finite); y then holds the best iterate found, and the caller
   * decides whether that is an error (the integrator's first step will report it if it is).
   */
  solve(t: number, y: Float64Array, p: Float64Array): boolean {
    const { alg, f, dz } = this;
    const m = alg.length;
    if (m === 0) return true;
    let norm = this.residual(t, y, p, f);
    for (let iter = 0; iter < MAX_ITER; iter++) {
      if (norm === 0) return true;
      if (!Number.isFinite(norm) || !this.newtonStep(t, y, p)) return false;
      let small = true;
      for (let k = 0; k < m; k++) {
        this.z0[k] = y[alg[k]];
        if (!(Math.abs(dz[k]) <= STEP_TOL * (Math.abs(y[alg[k]]) + STEP_TOL))) small = false;
      }
      // Damping (Armijo-like on the residual 2-norm): halve the step until the residual decreases.
      let lambda = 1;
      let trial = Number.POSITIVE_INFINITY;
      for (let h = 0; h <= MAX_HALVINGS; h++, lambda *= 0.5) {
        for (let k = 0; k < m; k++) y[alg[k]] = this.z0[k] + lambda * dz[k];
        trial = this.residual(t, y, p, this.fTrial);
        if (trial < norm) break;
      }
      if (!(trial < norm)) {
        for (let k = 0; k < m; k++) y[alg[k]] = this.z0[k];
        // No decrease along the Newton direction: converged to rounding when the step was tiny.
        return small;
      }
      norm = trial;
      f.set(this.fTrial);
      if (small) return true;
    }
    return false;
  }

  /** Residual 2-norm of the algebraic rows at y; writes f = rhs(t, y). */
  private residual(t: number, y: Float64Array, p: Float64Array, out: Float64Array): number {
    this.problem.rhs(t, y, p, out);
    let s = 0;
    for (let k = 0; k < this.alg.length; k++) s += out[this.alg[k]] ** 2;
    return Math.sqrt(s);
  }

  /** Solves (d f_a / d y_a) dz = -f_a at y (f holds rhs(t, y)); false when the block is singular. */
  private newtonStep(t: number, y: Float64Array, p: Float64Array): boolean {
    const { alg, A, n, f, dz, J } = this;
    const m = alg.length;
    if (J) {
      this.problem.jac!(t, y, p, J);
      for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) A[r * m + c] = J[alg[r] * n + alg[c]];
    } else {
      for (let c = 0; c < m; c++) {
        const j = alg[c];
        const yj = y[j];
        y[j] = yj + SQRT_EPS * Math.max(Math.abs(yj), 1);
        const dj = y[j] - yj;
        this.problem.rhs(t, y, p, this.fTrial);
        y[j] = yj;
        for (let r = 0; r < m; r++) A[r * m + c] = (this.fTrial[alg[r]] - f[alg[r]]) / dj;
      }
    }
    if (!luFactor(A, m, this.piv)) return false;
    for (let k = 0; k < m; k++) dz[k] = -f[alg[k]];
    luSolve(A, m, this.piv, dz);
    for (let k = 0; k < m; k++) if (!Number.isFinite(dz[k])) return false;
    return true;
  }
}
