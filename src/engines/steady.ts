/**
 * Steady states of an ODE problem: f(t0, y, p) = 0, the state the trajectory from y0 settles to.
 *
 * Method, as the peers do it (AMICI's steady-state solver, Froehlich et al. 2017; "simulate until
 * du/dt ~ 0"): first damped Newton on the right-hand side from y0; if the Jacobian is singular (conservation
 * laws make it so), Newton does not converge, or it lands where the trajectory cannot go (a non-negative
 * quantity turned negative), simulate forward over growing horizons until the weighted RMS norm of f falls
 * below 1, then polish with Newton where that is possible. Converged means
 * sqrt(mean((f_i / (atol + rtol |y_i|))^2)) < 1, AMICI's criterion.
 */
import { SolverError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import { luFactor, luSolve, smallPivot } from './ode/linalg/lu.js';
import { solve } from './solve.js';

export interface SteadyStateOptions {
  /** Integration tolerances of the simulation fallback (default 1e-8 / 1e-12). */
  readonly rtol?: number;
  readonly atol?: number;
  /** Convergence tolerances on f (default 1e-8 / 1e-12, weights atol + rtol |y|). */
  readonly ssRtol?: number;
  readonly ssAtol?: number;
  /** Longest simulated time before giving up (default 1e12). */
  readonly maxTime?: number;
  /** Newton iterations (default 40). */
  readonly maxNewton?: number;
}

export interface SteadyState {
  readonly y: Float64Array;
  /** Simulated time reached (t0 when Newton alone converged). */
  readonly t: number;
  readonly method: 'initial' | 'newton' | 'simulation' | 'simulation+newton';
  /** Weighted RMS norm of f at y (< 1). */
  readonly residual: number;
}

/** Weighted RMS norm of f(t, y). */
export function rhsNorm(
  problem: Problem,
  t: number,
  y: Float64Array,
  p: Float64Array,
  rtol: number,
  atol: number,
  f: Float64Array,
): number {
  problem.rhs(t, y, p, f);
  const n = problem.n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (problem.mass !== undefined && problem.mass[i] === 0) continue;
    const r = f[i]! / (atol + rtol * Math.abs(y[i]!));
    s += r * r;
  }
  return n === 0 ? 0 : Math.sqrt(s / n);
}

/** Damped Newton from y (in place); returns the residual norm reached, or NaN when it cannot proceed. */
function newton(
  problem: Problem,
  t: number,
  y: Float64Array,
  p: Float64Array,
  rtol: number,
  atol: number,
  maxIter: number,
): number {
  const n = problem.n;
  const f = new Float64Array(n);
  const J = new Float64Array(n * n);
  const A = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const dx = new Float64Array(n);
  const trial = new Float64Array(n);
  let res = rhsNorm(problem, t, y, p, rtol, atol, f);
  for (let it = 0; it < maxIter && !(res < 1); it++) {
    jacobian(problem, t, y, p, f, J);
    A.set(J);
    if (!luFactor(A, n, piv)) return Number.NaN;
    // A pivot tiny against the largest one: the Jacobian is singular to working precision (conservation).
    if (smallPivot(A, n, 1e-12)) return Number.NaN;
    problem.rhs(t, y, p, f);
    for (let i = 0; i < n; i++) dx[i] = -f[i]!;
    luSolve(A, n, piv, dx);
    let lambda = 1;
    let accepted = false;
    for (let k = 0; k < 12; k++, lambda /= 2) {
      for (let i = 0; i < n; i++) trial[i] = y[i]! + lambda * dx[i]!;
      const r = rhsNorm(problem, t, trial, p, rtol, atol, f);
      if (r < res) {
        y.set(trial);
        res = r;
        accepted = true;
        break;
      }
    }
    if (!accepted) return Number.NaN;
  }
  return res;
}

/** J = df/dy (analytic when the problem has it, else forward differences). */
function jacobian(
  problem: Problem,
  t: number,
  y: Float64Array,
  p: Float64Array,
  f: Float64Array,
  J: Float64Array,
): void {
  if (problem.jac !== undefined) {
    problem.jac(t, y, p, J);
    return;
  }
  const n = problem.n;
  problem.rhs(t, y, p, f);
  const f1 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const yj = y[j]!;
    const h = Math.sqrt(Number.EPSILON) * Math.max(1, Math.abs(yj));
    y[j] = yj + h;
    problem.rhs(t, y, p, f1);
    y[j] = yj;
    for (let i = 0; i < n; i++) J[i * n + j] = (f1[i]! - f[i]!) / h;
  }
}

/** True when no component that was >= 0 in y0 became clearly negative. */
function signConsistent(y0: Float64Array, y: Float64Array, atol: number): boolean {
  for (let i = 0; i < y.length; i++)
    if (y0[i]! >= 0 && y[i]! < -Math.max(atol, 1e-10 * Math.abs(y0[i]!))) return false;
  return true;
}

/** Steady state reached from y0 at parameters p (time-invariant right-hand side assumed from t0 on). */
export function steadyState(
  problem: Problem,
  y0: Float64Array,
  p: Float64Array,
  t0: number,
  options: SteadyStateOptions = {},
): SteadyState {
  const rtol = options.rtol ?? 1e-8;
  const atol = options.atol ?? 1e-12;
  const ssRtol = options.ssRtol ?? 1e-8;
  const ssAtol = options.ssAtol ?? 1e-12;
  const maxTime = options.maxTime ?? 1e12;
  const maxNewton = options.maxNewton ?? 40;
  const n = problem.n;
  const f = new Float64Array(n);
  const r0 = rhsNorm(problem, t0, y0, p, ssRtol, ssAtol, f);
  if (r0 < 1) return { y: Float64Array.from(y0), t: t0, method: 'initial', residual: r0 };
  const hasEvents = problem.events.length > 0;
  if (!hasEvents && problem.mass === undefined) {
    const y = Float64Array.from(y0);
    const r = newton(problem, t0, y, p, ssRtol, ssAtol, maxNewton);
    if (r < 1 && signConsistent(y0, y, ssAtol)) return { y, t: t0, method: 'newton', residual: r };
  }
  let y = Float64Array.from(y0);
  let t = t0;
  for (let dt = 1; t - t0 < maxTime; dt *= 10) {
    const sol = solve(problem, {
      t0: t,
      tEnd: t + dt,
      y0: y,
      p,
      rtol,
      atol,
      outputTimes: [t + dt],
      outputs: [],
    });
    y = Float64Array.from(sol.yEnd);
    t += dt;
    const r = rhsNorm(problem, t, y, p, ssRtol, ssAtol, f);
    if (r < 1) return { y, t, method: 'simulation', residual: r };
    // Close enough for Newton to finish without leaving the trajectory's basin.
    if (!hasEvents && problem.mass === undefined && r < 1e3) {
      const yN = Float64Array.from(y);
      const rN = newton(problem, t, yN, p, ssRtol, ssAtol, maxNewton);
      if (rN < 1 && signConsistent(y, yN, ssAtol))
        return { y: yN, t, method: 'simulation+newton', residual: rN };
    }
  }
  throw new SolverError(`no steady state within t = ${maxTime} (weighted norm of du/dt stays above 1)`, t);
}
