/**
 * Small dense linear algebra for the perturbation kernels: Cholesky factors of d x d covariances (row-major
 * Float64Array slices) and multivariate-normal log densities. d is the number of parameters of a model
 * (a handful), so plain loops are the fastest form.
 */

/**
 * Cholesky factor L (lower, row-major) of the d x d matrix `a` into `out` at `off`; returns log det L, or
 * NaN when `a` is not positive definite.
 */
export function cholesky(a: Float64Array, d: number, out: Float64Array, off: number): number {
  let logDet = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= out[off + i * d + k]! * out[off + j * d + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return Number.NaN;
        const r = Math.sqrt(s);
        out[off + i * d + i] = r;
        logDet += Math.log(r);
      } else out[off + i * d + j] = s / out[off + j * d + j]!;
    }
    for (let j = i + 1; j < d; j++) out[off + i * d + j] = 0;
  }
  return logDet;
}

/**
 * Squared Mahalanobis norm |L^-1 (x - mu)|^2 with L at `off` in `chol` (forward substitution); `work` holds
 * d values.
 */
export function mahalanobis2(
  x: Float64Array,
  xOff: number,
  mu: Float64Array,
  muOff: number,
  chol: Float64Array,
  off: number,
  d: number,
  work: Float64Array,
): number {
  let q = 0;
  for (let i = 0; i < d; i++) {
    let s = x[xOff + i]! - mu[muOff + i]!;
    for (let k = 0; k < i; k++) s -= chol[off + i * d + k]! * work[k]!;
    const z = s / chol[off + i * d + i]!;
    work[i] = z;
    q += z * z;
  }
  return q;
}

/** log(sum exp(v[i])) over i < n, stable. */
export function logSumExp(v: Float64Array, n: number): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) if (v[i]! > m) m = v[i]!;
  if (m === Number.NEGATIVE_INFINITY) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(v[i]! - m);
  return m + Math.log(s);
}
