/**
 * The iteration matrix W = M/(h gamma) - J of the implicit steppers (Rosenbrock stages, BDF Newton
 * corrections), factored once and solved many times. A diagonal mass matrix M may mark algebraic rows (zeros).
 * For a forward-sensitivity system (Problem.jacobianBlocks > 1) W is factored and solved blockwise
 * (linalg/blockLu.ts).
 */
import { blockFactor, blockSolve } from './linalg/blockLu.js';
import { luFactor, luSolve } from './linalg/lu.js';

/** Buffers of a factored iteration matrix, allocated once per solve. */
export interface IterationWork {
  /** n x n iteration matrix, factored in place. */
  readonly W: Float64Array;
  readonly piv: Int32Array;
  /** Problem.jacobianBlocks (> 1: W is factored and solved blockwise), with the J it was formed from. */
  readonly blocks?: number;
  J?: Float64Array;
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
  for (let i = 0, nn = n * n; i < nn; i++) W[i] = -J[i];
  for (let i = 0; i < n; i++) W[i * n + i] += mass ? mass[i] * g : g;
  return luFactor(W, n, piv);
}

/** Solves W x = b in place with the factors of factorW. */
export function solveW(work: IterationWork, n: number, b: Float64Array): void {
  if (work.J !== undefined) blockSolve(work.W, work.J, n, work.blocks!, work.piv, b);
  else luSolve(work.W, n, work.piv, b);
}
