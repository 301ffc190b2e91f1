/**
 * Exact solution of a linear two-state system y' = A y with boluses added to y[0]: between doses
 * y(t) = expm(A (t - tk)) y(tk+). For a 2 x 2 matrix with distinct real eigenvalues l1, l2 (Sylvester):
 *   expm(A s) = (e^{l1 s} (A - l2 I) - e^{l2 s} (A - l1 I)) / (l1 - l2).
 * Used as the reference for the PK benchmark (no solver error in the reference at all).
 */
import type { BenchProblem } from '../problems/types.js';

export function exactLinear2(bp: BenchProblem): Float64Array {
  if (bp.stateIds.length !== 2) throw new Error(`${bp.id}: exactLinear2 needs 2 states`);
  const A = new Float64Array(4);
  bp.jac(bp.t0, Float64Array.from(bp.y0), Float64Array.from(bp.params), A);
  const [a, b, c, d] = [A[0]!, A[1]!, A[2]!, A[3]!];
  const tr = a + d;
  const disc = Math.sqrt((a - d) ** 2 + 4 * b * c);
  const l1 = (tr + disc) / 2;
  const l2 = (tr - disc) / 2;
  const step = (y: Float64Array, s: number): void => {
    const e1 = Math.exp(l1 * s) / (l1 - l2);
    const e2 = Math.exp(l2 * s) / (l1 - l2);
    // (e1 (A - l2 I) - e2 (A - l1 I)) y
    const m00 = e1 * (a - l2) - e2 * (a - l1);
    const m01 = (e1 - e2) * b;
    const m10 = (e1 - e2) * c;
    const m11 = e1 * (d - l2) - e2 * (d - l1);
    const y0 = y[0]!;
    const y1 = y[1]!;
    y[0] = m00 * y0 + m01 * y1;
    y[1] = m10 * y0 + m11 * y1;
  };
  const out = new Float64Array(bp.grid.length * 2);
  const y = Float64Array.from(bp.y0);
  let t = bp.t0;
  let di = 0;
  const doses = bp.doses;
  while (di < doses.length && doses[di]!.t <= t) y[0] += doses[di++]!.amount;
  for (let i = 0; i < bp.grid.length; i++) {
    const tg = bp.grid[i]!;
    // apply every dose strictly before the grid point (grid points never sit on a dose time)
    while (di < doses.length && doses[di]!.t < tg) {
      step(y, doses[di]!.t - t);
      t = doses[di]!.t;
      y[0] += doses[di++]!.amount;
    }
    step(y, tg - t);
    t = tg;
    out[2 * i] = y[0]!;
    out[2 * i + 1] = y[1]!;
  }
  return out;
}
