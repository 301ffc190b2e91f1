/**
 * One generic Rosenbrock step in the W-transformed form (Hairer & Wanner, Solving ODEs II, Sec. IV.7,
 * eqs. (7.4')-(7.5); the RODAS code; OrdinaryDiffEq's RodasTableau): runs any RosenbrockTableau, with
 * a diagonal mass matrix M (zeros mark algebraic rows of an index-1 DAE):
 *   (M / (h gamma) - J) k_i = f(t + c_i h, y + sum_j a_ij k_j) + h d_i f_t + M sum_j (C_ij / h) k_j.
 */
import type { Problem } from '../../problem/types.js';
import { type IterationWork, solveW } from './iteration.js';
import { flatten, type RosenbrockTableau } from './tableaus.js';

export interface CompiledRosenbrock {
  readonly s: number;
  readonly gamma: number;
  readonly a: Float64Array;
  readonly C: Float64Array;
  readonly b: Float64Array;
  readonly bTilde: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  /** 3 x s dense-output rows. */
  readonly H: Float64Array;
}

export function compileRosenbrock(tab: RosenbrockTableau): CompiledRosenbrock {
  const s = tab.stages;
  const H = new Float64Array(3 * s);
  for (let r = 0; r < 3; r++) for (let j = 0; j < s; j++) H[r * s + j] = tab.H[r][j];
  return {
    s,
    gamma: tab.gamma,
    a: flatten(tab.a),
    C: flatten(tab.C),
    b: Float64Array.from(tab.b),
    bTilde: Float64Array.from(tab.bTilde),
    c: Float64Array.from(tab.c),
    d: Float64Array.from(tab.d),
    H,
  };
}

/** Work buffers of a Rosenbrock step, allocated once per solve. */
export interface RosenbrockWork extends IterationWork {
  /** Stage increments, stage j at j*n. */
  readonly k: Float64Array;
  readonly kv: readonly Float64Array[];
  readonly u: Float64Array;
  readonly du: Float64Array;
}

/**
 * The stages, given the factored W, f0 = f(t, y) and dT = f_t(t, y). Writes yNew and err.
 * Stage times are capped at `tCap` (a step ending on a discontinuity sees its left limit).
 * Returns the number of rhs evaluations made.
 */
export function rosenbrockStep(
  ros: CompiledRosenbrock,
  problem: Problem,
  p: Float64Array,
  mass: Float64Array | undefined,
  n: number,
  t: number,
  h: number,
  y: Float64Array,
  f0: Float64Array,
  dT: Float64Array,
  work: RosenbrockWork,
  yNew: Float64Array,
  err: Float64Array,
  tCap = Number.POSITIVE_INFINITY,
): number {
  const { s, a, C, c, d, b, bTilde } = ros;
  const { k, kv, u, du } = work;
  const invH = 1 / h;
  for (let i = 0; i < s; i++) {
    const row = i * s;
    const ki = kv[i];
    const hd = h * d[i];
    if (i === 0) {
      for (let m = 0; m < n; m++) ki[m] = f0[m] + hd * dT[m];
    } else {
      // One pass over the earlier stages gives both the stage point u = y + sum a_ij k_j and the
      // mass term sum C_ij k_j / h, parked in ki until f(u) is known.
      for (let m = 0; m < n; m++) {
        let accA = y[m];
        let accC = 0;
        for (let j = 0; j < i; j++) {
          const kj = k[j * n + m];
          accA += a[row + j] * kj;
          accC += C[row + j] * kj;
        }
        u[m] = accA;
        ki[m] = mass ? accC * invH * mass[m] : accC * invH;
      }
      problem.rhs(Math.min(t + c[i] * h, tCap), u, p, du);
      for (let m = 0; m < n; m++) ki[m] += du[m] + hd * dT[m];
    }
    solveW(work, n, ki);
  }
  for (let m = 0; m < n; m++) {
    let acc = y[m];
    let e = 0;
    for (let j = 0; j < s; j++) {
      const kj = k[j * n + m];
      acc += b[j] * kj;
      e += bTilde[j] * kj;
    }
    yNew[m] = acc;
    err[m] = e;
  }
  return s - 1;
}

/** Writes the dense output (dense.ts form) of the step y -> yNew. */
export function rosenbrockDense(
  ros: CompiledRosenbrock,
  n: number,
  y: Float64Array,
  yNew: Float64Array,
  k: Float64Array,
  dense: Float64Array,
): void {
  const { s, H } = ros;
  for (let m = 0; m < n; m++) {
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    for (let j = 0; j < s; j++) {
      const kj = k[j * n + m];
      k0 += H[j] * kj;
      k1 += H[s + j] * kj;
      k2 += H[2 * s + j] * kj;
    }
    dense[m] = y[m];
    dense[n + m] = yNew[m] - y[m];
    dense[2 * n + m] = k0;
    dense[3 * n + m] = k1 + k2;
    dense[4 * n + m] = -k2;
  }
}
