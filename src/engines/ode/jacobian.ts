/**
 * Jacobian and time derivative of the right-hand side for the implicit steppers: the analytic
 * `problem.jac` when present, else column-wise forward differences with increments
 * delta_j = sqrt(eps) max(|y_j|, atol_j, FLOOR max|y|) scaled to the component, as in CVODE's difference-quotient
 * Jacobian (Hindmarsh et al., ACM TOMS 31:363, 2005). Hairer's RODAS increment sqrt(eps max(1e-5, |y_j|))
 * is far too large for components that live near atol (Robertson's y2 ~ 1e-13 gives a 300x error in
 * d f3 / d y2 and 4x more steps). f_t always by a forward difference in t.
 */
import type { StepContext } from './stepper.js';

const SQRT_EPS = Math.sqrt(Number.EPSILON);
/**
 * Increments never go below FLOOR max_k |y_k| sqrt(eps): an algebraic row like y1 + y2 + y3 - 1 must see
 * the perturbation of a component that is still ~0 (else a zero column makes W singular). 1e-6 keeps
 * Robertson's FD run at the analytic step count (206 vs 208 steps at rtol 1e-6; 1e-4 costs 30% more).
 */
const FLOOR = 1e-6;

/**
 * Writes J (row-major n x n) and dT at (t, y); `f0` must hold f(t, y). `y` is perturbed and restored.
 * `tmp` is an n-vector of scratch. Returns the time the forward difference of f_t reached.
 */
export function jacobianAndDt(
  ctx: StepContext,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  J: Float64Array,
  dT: Float64Array,
  tmp: Float64Array,
): number {
  jacobian(ctx, t, y, f0, J, tmp);
  return timeDerivative(ctx, t, y, f0, dT, tmp, 1);
}

/** Writes J at (t, y); `f0` must hold f(t, y) unless problem.jac exists (then it is not read). */
export function jacobian(
  ctx: StepContext,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  J: Float64Array,
  tmp: Float64Array,
): void {
  const { problem, p, n, stats, atol } = ctx;
  stats.jacEvals++;
  if (problem.jac) {
    problem.jac(t, y, p, J);
    return;
  }
  let ymax = 0;
  for (let j = 0; j < n; j++) ymax = Math.max(ymax, Math.abs(y[j]));
  const floor = FLOOR * ymax;
  for (let j = 0; j < n; j++) {
    const yj = y[j];
    const scale = Math.max(Math.abs(yj), atol[j], floor);
    const delta = scale > 0 ? SQRT_EPS * scale : SQRT_EPS * 1e-5;
    y[j] = yj + delta;
    const dj = y[j] - yj; // the increment actually represented
    problem.rhs(t, y, p, tmp);
    y[j] = yj;
    for (let i = 0; i < n; i++) J[i * n + j] = (tmp[i] - f0[i]) / dj;
  }
  stats.rhsEvals += n;
}

/**
 * dT = f_t(t, y) by a one-sided difference, forward (dir 1) or backward (dir -1, before a discontinuity);
 * `f0` holds f(t, y). Returns the other time used.
 */
export function timeDerivative(
  ctx: StepContext,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  dT: Float64Array,
  tmp: Float64Array,
  dir: 1 | -1,
): number {
  const { problem, p, n, stats } = ctx;
  const dt = SQRT_EPS * Math.sqrt(Math.max(1e-5, Math.abs(t)));
  const t1 = t + dir * dt;
  problem.rhs(t1, y, p, tmp);
  stats.rhsEvals++;
  const inv = 1 / (t1 - t);
  for (let i = 0; i < n; i++) dT[i] = (tmp[i] - f0[i]) * inv;
  return t1;
}
