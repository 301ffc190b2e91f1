/**
 * Dense LU factorisation with partial pivoting (Doolittle, row interchanges; Golub & Van Loan,
 * Matrix Computations, Alg. 3.4.1) on a row-major Float64Array, in place, no allocation per call.
 * For the systems of a Rosenbrock stage or a BDF Newton step (n up to a few hundred). Reaction networks'
 * Jacobians are sparse (SalazarCavazos_MBoC2020: 75 states, a few nonzeros per row), so each elimination
 * step updates only the pivot row's nonzero columns, and `luPattern` keeps the factors' nonzeros for
 * `luSolveSparse`. Skipping a zero changes no value: x - l * 0 is x (up to the sign of a zero).
 */

/** Below this size dense factors and solves cost next to nothing: no pattern, no ordering. */
export const SPARSE_MIN_N = 12;

/** Nonzero columns of the current pivot row; grown on demand, shared by every call (one thread each). */
let pivotCols = new Int32Array(64);

/**
 * Factors the n x n matrix `a` in place into L (unit lower, below the diagonal) and U; `piv[k]` is the
 * row swapped with row k at step k. Returns false when a pivot is exactly zero (singular matrix).
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): boolean {
  if (pivotCols.length < n) pivotCols = new Int32Array(n);
  const cols = pivotCols;
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
    const rk = k * n;
    const inv = 1 / a[rk + k];
    let m = 0;
    for (let j = k + 1; j < n; j++) if (a[rk + j] !== 0) cols[m++] = j;
    // Dense rows stay on the contiguous loop, which beats the indirect one.
    const sparse = 2 * m < n - k - 1;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k] * inv;
      if (l === 0) continue;
      a[ri + k] = l;
      if (sparse) {
        for (let q = 0; q < m; q++) {
          const j = cols[q];
          a[ri + j] -= l * a[rk + j];
        }
      } else for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return true;
}

/** The row interchanges of luFactor applied to b, in order. */
function permute(piv: Int32Array, n: number, b: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
}

/** Solves A x = b in place (b becomes x) with the factors from luFactor. */
export function luSolve(lu: Float64Array, n: number, piv: Int32Array, b: Float64Array): void {
  permute(piv, n, b);
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
 * The nonzeros of factors from luFactor, row by row (CSR): row i's strictly lower entries are
 * col/val[start[i] .. mid[i]), its strictly upper ones [mid[i] .. start[i + 1]).
 */
export interface LuPattern {
  readonly start: Int32Array;
  readonly mid: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
  readonly diag: Float64Array;
}

/** Room for half of the off-diagonal entries (luPattern gives up beyond). */
export function luPatternBuffers(n: number): LuPattern {
  const cap = Math.ceil((n * (n - 1)) / 2);
  return {
    start: new Int32Array(n + 1),
    mid: new Int32Array(n),
    col: new Int32Array(cap),
    val: new Float64Array(cap),
    diag: new Float64Array(n),
  };
}

/**
 * Fills `pat` with the nonzeros of the factors; returns false (and leaves it unused) when more than half
 * of the off-diagonal entries are nonzero, where the dense luSolve is as fast.
 */
export function luPattern(lu: Float64Array, n: number, pat: LuPattern): boolean {
  const { start, mid, col, val, diag } = pat;
  const limit = (n * (n - 1)) / 2;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    start[i] = q;
    for (let j = 0; j < n; j++) {
      if (j === i) {
        mid[i] = q;
        diag[i] = lu[ri + i];
        continue;
      }
      const v = lu[ri + j];
      if (v === 0) continue;
      if (q >= limit) return false;
      col[q] = j;
      val[q++] = v;
    }
  }
  start[n] = q;
  return true;
}

/** luSolve over the nonzeros of `luPattern` (the same operations, zeros skipped). */
export function luSolveSparse(pat: LuPattern, n: number, piv: Int32Array, b: Float64Array): void {
  const { start, mid, col, val, diag } = pat;
  permute(piv, n, b);
  for (let i = 1; i < n; i++) {
    let s = b[i];
    for (let q = start[i], e = mid[i]; q < e; q++) s -= val[q] * b[col[q]];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let q = mid[i], e = start[i + 1]; q < e; q++) s -= val[q] * b[col[q]];
    b[i] = s / diag[i];
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
