/**
 * Sensitivities of a steady state y*(p) along parameter directions (PEtab preequilibration and `inf` times).
 * Where the Jacobian is regular at y*, implicit differentiation of f(y*, p) = 0 gives
 *   J s_k = -sum_{slots of group k} d f / d p_slot
 * (AMICI's Newton-based steady-state sensitivities, Froehlich et al. 2017), independent of the start. Where it is
 * singular (conservation laws: y* depends on the initial totals), the augmented system [y, s] is simulated
 * from the start to its own steady state (AMICI's simulation fallback), with the criterion of steady.ts.
 */
import type { Problem } from '../problem/types.js';
import { luFactor, luSolve, smallPivot } from './ode/linalg/lu.js';
import { augmented } from './sensitivity.js';
import { type SteadyStateOptions, steadyState } from './steady.js';

export interface SteadySensitivity {
  readonly y: Float64Array;
  /** s[k * n + j] = d y*_j / d direction k. */
  readonly s: Float64Array;
  /** 'implicit' (linear solve at y*) or 'simulation' (augmented system simulated). */
  readonly method: 'implicit' | 'simulation';
}

/**
 * Steady state reached from (t0, y0) with sensitivities s0 at the start; `ySteady` is the steady state as
 * steadyState() found it (used as is when the Jacobian is regular there).
 */
export function steadySensitivities(
  problem: Problem,
  ySteady: Float64Array,
  y0: Float64Array,
  s0: Float64Array,
  p: Float64Array,
  t0: number,
  groups: readonly Int32Array[],
  options: SteadyStateOptions = {},
): SteadySensitivity {
  const n = problem.n;
  const np = groups.length;
  const P = p.length;
  const J = new Float64Array(n * n);
  problem.jac!(t0, ySteady, p, J);
  const A = Float64Array.from(J);
  const piv = new Int32Array(n);
  let regular = luFactor(A, n, piv);
  // A pivot tiny against the largest one: singular to working precision (as steady.ts decides).
  if (regular) regular = !smallPivot(A, n, 1e-10);
  if (regular || n === 0) {
    const D = new Float64Array(n * P);
    problem.parameterJacobian!()!(t0, ySteady, p, D);
    const s = new Float64Array(n * np);
    const b = new Float64Array(n);
    groups.forEach((g, k) => {
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let q = 0; q < g.length; q++) acc -= D[i * P + g[q]!]!;
        b[i] = acc;
      }
      if (n > 0) luSolve(A, n, piv, b);
      s.set(b, k * n);
    });
    return { y: Float64Array.from(ySteady), s, method: 'implicit' };
  }
  const aug = augmented(problem, groups);
  const z0 = new Float64Array(n * (1 + np));
  z0.set(y0);
  z0.set(s0.subarray(0, n * np), n);
  // No Newton on the augmented system: its Jacobian is singular exactly where this branch is taken.
  const z = steadyState(aug, z0, p, t0, { ...options, maxNewton: 0 }).y;
  return { y: z.slice(0, n), s: z.slice(n), method: 'simulation' };
}
