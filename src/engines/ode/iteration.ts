/**
 * The iteration matrix W = M/(h gamma) - J of the implicit steppers (Rosenbrock stages, BDF Newton
 * corrections), factored once and solved many times. A diagonal mass matrix M may mark algebraic rows (zeros).
 * For a forward-sensitivity system (Problem.jacobianBlocks > 1) W is factored and solved blockwise
 * (linalg/blockLu.ts).
 */

import type { Problem } from '../../problem/types.js';
import { blockFactor, blockSolve } from './linalg/blockLu.js';
import {
  type LuPattern,
  luFactor,
  luPattern,
  luPatternBuffers,
  luSolve,
  luSolveSparse,
  SPARSE_MIN_N,
} from './linalg/lu.js';
import { fillReducingOrder } from './linalg/ordering.js';

/** Buffers of a factored iteration matrix, allocated once per solve. */
export interface IterationWork {
  /** n x n iteration matrix, factored in place. */
  readonly W: Float64Array;
  readonly piv: Int32Array;
  /** Problem.jacobianBlocks (> 1: W is factored and solved blockwise), with the J it was formed from. */
  readonly blocks?: number;
  J?: Float64Array;
  /** The factors' nonzeros when they are sparse enough to solve with (buffers made at the first factoring). */
  pattern?: LuPattern;
  sparse?: boolean;
  /** Symmetric ordering of W (ordering.ts): row/column k of the factored matrix is state perm[k]. */
  readonly perm?: Int32Array | null;
  /** Scratch for a right-hand side in that order. */
  readonly permuted?: Float64Array;
}

/** The ordering fields of an IterationWork for `problem`: none without a Jacobian pattern or with blocks. */
export function orderingFor(problem: Problem, n: number): Pick<IterationWork, 'perm' | 'permuted'> {
  const pattern = problem.jacobianPattern;
  if (pattern === undefined || (problem.jacobianBlocks ?? 1) > 1) return {};
  const perm = fillReducingOrder(pattern, n);
  return perm === null ? {} : { perm, permuted: new Float64Array(n) };
}

/** Forms and factors W = M/(h gamma) - J. Returns false when W is singular. */
export function factorW(
  J: Float64Array,
  mass: Float64Array | undefined,
  n: number,
  h: number,
  gamma: number,
  work: IterationWork,
): boolean {
  const { W, piv } = work;
  const g = 1 / (h * gamma);
  if (work.blocks !== undefined && work.blocks > 1 && mass === undefined) {
    work.J = J;
    return blockFactor(J, n, work.blocks, g, W, piv);
  }
  work.J = undefined;
  const perm = work.perm;
  if (perm != null) {
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      const rj = perm[i] * n;
      for (let j = 0; j < n; j++) W[ri + j] = -J[rj + perm[j]];
      W[ri + i] += mass ? mass[perm[i]] * g : g;
    }
  } else {
    for (let i = 0, nn = n * n; i < nn; i++) W[i] = -J[i];
    for (let i = 0; i < n; i++) W[i * n + i] += mass ? mass[i] * g : g;
  }
  if (!luFactor(W, n, piv)) return false;
  if (n >= SPARSE_MIN_N) {
    work.pattern ??= luPatternBuffers(n);
    work.sparse = luPattern(W, n, work.pattern);
  }
  return true;
}

/** Solves W x = b in place with the factors of factorW. */
export function solveW(work: IterationWork, n: number, b: Float64Array): void {
  if (work.J !== undefined) {
    blockSolve(work.W, work.J, n, work.blocks!, work.piv, b);
    return;
  }
  const perm = work.perm;
  const x = perm != null ? work.permuted! : b;
  if (perm != null) for (let i = 0; i < n; i++) x[i] = b[perm[i]];
  if (work.sparse === true) luSolveSparse(work.pattern!, n, work.piv, x);
  else luSolve(work.W, n, work.piv, x);
  if (perm != null) for (let i = 0; i < n; i++) b[perm[i]] = x[i];
}
