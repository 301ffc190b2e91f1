/**
 * The BDF formulas of orders 1-5 in backward-difference form with quasi-constant step size (Shampine &
 * Reichelt 1997, "The MATLAB ODE Suite", SIAM J. Sci. Comput. 18:1, Sec. 2; the layout of SciPy's
 * `scipy/integrate/_ivp/bdf.py`): the solution history is the difference array D (row j = the j-th backward
 * difference of the last order + 1 points, spaced h apart), and a step-size change by `factor` re-interpolates
 * D onto the new spacing (changeDifferences), so that the formulas keep constant coefficients.
 * With kappa = 0 (BDF, not the NDF variant) the order-k corrector is
 *   sum_{j=1..k} (1/j) nabla^j y_{n+1} = h f(t_{n+1}, y_{n+1}),
 * solved for d = y_{n+1} - y_pred as d = (h / GAMMA[k]) f - psi (psi: see bdf.ts), and its local error is
 * ERROR_CONST[k] * d.
 */

export const MAX_ORDER = 5;
/** GAMMA[k] = sum_{j=1..k} 1/j. */
export const GAMMA: readonly number[] = [0, 1, 3 / 2, 11 / 6, 25 / 12, 137 / 60];
/** Local error constant of the order-k formula, 1/(k+1) (k = 0..6 for the order-change tests). */
export const ERROR_CONST: readonly number[] = [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7];
/** Rows of the difference array: orders up to MAX_ORDER need D[0..MAX_ORDER + 2]. */
export const D_ROWS = MAX_ORDER + 3;

const SIZE = MAX_ORDER + 1;

/** Buffers of changeDifferences, allocated once per solve. */
export interface DifferenceWork {
  readonly R: Float64Array;
  readonly U: Float64Array;
  readonly RU: Float64Array;
  /** (MAX_ORDER + 1) * n scratch rows. */
  readonly rows: Float64Array;
}

export function differenceWork(n: number): DifferenceWork {
  return {
    R: new Float64Array(SIZE * SIZE),
    U: new Float64Array(SIZE * SIZE),
    RU: new Float64Array(SIZE * SIZE),
    rows: new Float64Array(SIZE * n),
  };
}

/** Shampine & Reichelt's R(order, factor): R[i][j] = prod_{m=1..i} (m - 1 - factor j) / m, R[0][j] = 1. */
function fillR(order: number, factor: number, R: Float64Array): void {
  for (let j = 0; j <= order; j++) R[j] = 1;
  for (let i = 1; i <= order; i++) {
    R[i * SIZE] = 0;
    for (let j = 1; j <= order; j++) R[i * SIZE + j] = (R[(i - 1) * SIZE + j] * (i - 1 - factor * j)) / i;
  }
}

/** Re-interpolates D[0..order] (row j at j * n) from spacing h to factor * h: D <- (R U)^T D. */
export function changeDifferences(
  D: Float64Array,
  n: number,
  order: number,
  factor: number,
  w: DifferenceWork,
): void {
  const { R, U, RU, rows } = w;
  fillR(order, factor, R);
  fillR(order, 1, U);
  for (let i = 0; i <= order; i++) {
    for (let j = 0; j <= order; j++) {
      let acc = 0;
      for (let m = 0; m <= order; m++) acc += R[i * SIZE + m] * U[m * SIZE + j];
      RU[i * SIZE + j] = acc;
    }
  }
  // Column 0 of R U is e_0: D[0] keeps its value and D[0] takes no part in the others.
  for (let j = 1; j <= order; j++) {
    const out = j * n;
    for (let m = 0; m < n; m++) {
      let acc = 0;
      for (let i = 1; i <= order; i++) acc += RU[i * SIZE + j] * D[i * n + m];
      rows[out + m] = acc;
    }
  }
  D.set(rows.subarray(n, (order + 1) * n), n);
}

/**
 * y(tq) from the interpolating polynomial of an accepted step (SciPy's BdfDenseOutput): `P` holds
 * D[0..order] at tEnd, the points are tEnd - m h (m = 0..order).
 */
export function evalDifferences(
  P: Float64Array,
  n: number,
  order: number,
  tEnd: number,
  h: number,
  tq: number,
  out: Float64Array,
): void {
  for (let m = 0; m < n; m++) out[m] = P[m];
  let prod = 1;
  for (let j = 1; j <= order; j++) {
    prod *= (tq - (tEnd - (j - 1) * h)) / (j * h);
    const row = j * n;
    for (let m = 0; m < n; m++) out[m] += prod * P[row + m];
  }
}

/**
 * The dense.ts form (5n values) of that polynomial on [tEnd - h, tEnd], from its values at theta = 0, 1/4,
 * 1/2, 3/4, 1: exact up to order 4; at order 5 the quartic through those points (its error is of the
 * order of the step's own error estimate). `s` is 5n scratch.
 */
export function denseFromDifferences(
  P: Float64Array,
  n: number,
  order: number,
  tEnd: number,
  h: number,
  s: Float64Array,
  dense: Float64Array,
): void {
  for (let q = 0; q < 5; q++) {
    evalDifferences(P, n, order, tEnd, h, tEnd - h + (q / 4) * h, s.subarray(q * n, (q + 1) * n));
  }
  for (let m = 0; m < n; m++) {
    const v0 = s[m];
    const r2 = s[4 * n + m] - v0;
    // q(theta) = (p(theta) - v0 - theta r2) / (theta (1 - theta)) = r3 + theta r4 + theta (1 - theta) r5.
    const q1 = (s[n + m] - v0 - 0.25 * r2) / (3 / 16);
    const q2 = (s[2 * n + m] - v0 - 0.5 * r2) / 0.25;
    const q3 = (s[3 * n + m] - v0 - 0.75 * r2) / (3 / 16);
    const r4 = 2 * (q3 - q1);
    const r5 = 8 * (2 * q2 - q1 - q3);
    dense[m] = v0;
    dense[n + m] = r2;
    dense[2 * n + m] = q2 - 0.5 * r4 - 0.25 * r5;
    dense[3 * n + m] = r4;
    dense[4 * n + m] = r5;
  }
}
