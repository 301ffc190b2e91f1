/**
 * Dense LU factorisation with partial pivoting (Doolittle, row interchanges; Golub & Van Loan,
 * Matrix Computations, Alg. 3.4.1) on a row-major Float64Array, in place, no allocation.
 * For the small dense systems of a Rosenbrock stage (n up to a few hundred).
 */

/**
 * Factors the n x n matrix `a` in place into L (unit lower, below the diagonal) and U; `piv[k]` is the
 * row swapped with row k at step k. Returns false when a pivot is exactly zero (singular matrix).
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > max) {
        max = v;
        p = i;
      }
    }
    piv[k] = p;
    if (!(max > 0)) return false;
    if (p !== k) {
      const rk = k * n;
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const tmp = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = tmp;
      }
    }
    const inv = 1 / a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k] * inv;
      if (l === 0) continue;
      a[ri + k] = l;
      const rk = k * n;
      for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return true;
}

/** Solves A x = b in place (b becomes x) with the factors from luFactor. */
export function luSolve(lu: Float64Array, n: number, piv: Int32Array, b: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[ri + j] * b[j];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[ri + j] * b[j];
    b[i] = s / lu[ri + i];
  }
}

/**
 * True when a factored matrix has a pivot below tol times its largest one: singular to working precision
 * (a conservation law, for a Jacobian), though the factorisation itself succeeded.
 */
export function smallPivot(lu: Float64Array, n: number, tol: number): boolean {
  let dmax = 0;
  let dmin = Number.POSITIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const d = Math.abs(lu[k * n + k]!);
    dmax = Math.max(dmax, d);
    dmin = Math.min(dmin, d);
  }
  return !(dmin > tol * dmax);
}
