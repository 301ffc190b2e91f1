/** Applying reaction stoichiometry to the state (CSR rows of Problem.stoich). */
import type { Stoichiometry } from '../../problem/types.js';

/** y += k * nu_j. */
export function fire(s: Stoichiometry, j: number, y: Float64Array, k = 1): void {
  const end = s.rowPtr[j + 1];
  for (let q = s.rowPtr[j]; q < end; q++) y[s.col[q]] += k * s.val[q];
}

/** Marks every state component changed by some reaction. */
export function reactionDriven(s: Stoichiometry, n: number): Uint8Array {
  const mark = new Uint8Array(n);
  for (let q = 0; q < s.col.length; q++) mark[s.col[q]] = 1;
  return mark;
}
