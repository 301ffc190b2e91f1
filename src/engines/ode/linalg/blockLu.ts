/**
 * W = g I - J for a block lower-triangular J whose diagonal blocks are all equal (a forward sensitivity system
 * z = [y, s_1, ..., s_q]: d(ds_k)/d s_j = delta_kj J_y, Problem.jacobianBlocks): one m x m LU of the first diagonal
 * block, then block forward substitution x_0 = A^-1 b_0, x_k = A^-1 (b_k + J_k0 x_0). Exact, and m^3 / 3
 * instead of ((q + 1) m)^3 / 3 operations per factorisation (the structure CVODES' simultaneous corrector uses).
 */
import { luFactor, luSolve } from './lu.js';

/** Factors g I - J_00 into W (first m * m entries, stride m); false when singular. */
export function blockFactor(
  J: Float64Array,
  n: number,
  blocks: number,
  g: number,
  W: Float64Array,
  piv: Int32Array,
): boolean {
  const m = n / blocks;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) W[i * m + j] = -J[i * n + j]!;
    W[i * m + i] += g;
  }
  return luFactor(W, m, piv);
}

/** Solves (g I - J) x = b in place with the factors of blockFactor and J itself (for the blocks J_k0). */
export function blockSolve(
  W: Float64Array,
  J: Float64Array,
  n: number,
  blocks: number,
  piv: Int32Array,
  b: Float64Array,
): void {
  const m = n / blocks;
  const x0 = b.subarray(0, m);
  luSolve(W, m, piv, x0);
  for (let k = 1; k < blocks; k++) {
    const bk = b.subarray(k * m, (k + 1) * m);
    for (let i = 0; i < m; i++) {
      const row = (k * m + i) * n;
      let acc = bk[i]!;
      for (let j = 0; j < m; j++) acc += J[row + j]! * x0[j]!;
      bk[i] = acc;
    }
    luSolve(W, m, piv, bk);
  }
}
