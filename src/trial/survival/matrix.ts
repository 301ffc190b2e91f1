/**
 * Small symmetric positive semi-definite systems (information matrices, log-rank covariances): an LDL'
 * Cholesky factorization that treats pivots below tol * max(diagonal) as zero, so that a redundant
 * covariate or group yields a generalized inverse with zeros in its row and column, as R's survival does
 * (its cholesky2 / chsolve2 / chinv2, default tol = machine eps^0.75). Row-major p x p Float64Arrays.
 */

export const CHOLESKY_TOL = Number.EPSILON ** 0.75;

/**
 * Factors A = L D L' in place (D on the diagonal, L below it; the upper triangle is left alone).
 * Returns the rank: pivots not above tol * max diagonal become 0 with their column of L.
 */
export function choleskyDecompose(A: Float64Array, p: number, tol = CHOLESKY_TOL): number {
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(A[i * p + i]));
  const eps = maxDiag > 0 ? maxDiag * tol : tol;
  let rank = 0;
  for (let i = 0; i < p; i++) {
    const d = A[i * p + i];
    if (!Number.isFinite(d) || d < eps) {
      A[i * p + i] = 0;
      for (let j = i + 1; j < p; j++) A[j * p + i] = 0;
      continue;
    }
    rank++;
    for (let j = i + 1; j < p; j++) {
      const l = A[j * p + i] / d;
      for (let k = j; k < p; k++) A[k * p + j] -= l * A[k * p + i];
      A[j * p + i] = l;
    }
  }
  return rank;
}

/** Solves A x = b in place in b from the factors of choleskyDecompose; zero pivots give zero components. */
export function choleskySolve(F: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let v = b[i];
    for (let j = 0; j < i; j++) v -= F[i * p + j] * b[j];
    b[i] = v;
  }
  for (let i = 0; i < p; i++) {
    const d = F[i * p + i];
    b[i] = d === 0 ? 0 : b[i] / d;
  }
  for (let i = p - 1; i >= 0; i--) {
    let v = b[i];
    for (let j = i + 1; j < p; j++) v -= F[j * p + i] * b[j];
    b[i] = v;
  }
}

/** The (generalized) inverse from the factors, as a new full symmetric matrix. */
export function choleskyInverse(F: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const col = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    col.fill(0);
    col[c] = 1;
    choleskySolve(F, p, col);
    for (let r = 0; r < p; r++) inv[r * p + c] = F[r * p + r] === 0 || F[c * p + c] === 0 ? 0 : col[r];
  }
  return inv;
}
