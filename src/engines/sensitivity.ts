/**
 * Forward sensitivities s_k = d y / d p_k of an ODE solution, by the simultaneous approach (CVODES'
 * "simultaneous corrector": Maly & Petzold, Appl. Numer. Math. 1996): the state is augmented with the
 * sensitivity equations
 *   ds_k/dt = J(t, y, p) s_k + d f / d p_k,   s_k(t0) = d y0 / d p_k,
 * and the augmented system goes through the same steppers and error control as any ODE (sensitivities are
 * error-controlled with the same rtol/atol). J and d f / d p are the compiler's symbolic derivatives
 * (Problem.jac, Problem.parameterJacobian); d y0 / d p through initial assignments is a central difference of the
 * compiled initialState (exact for initial values linear in p, O(h^2) ~ 1e-11 relative otherwise).
 * Events, doses, discontinuities, DAEs, delays and random draws are refused with an InputError: their
 * sensitivity jumps (Rozenvasser 1967) are not implemented.
 */
import { InputError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import type { OdeOptions, OdeSolution } from './ode/types.js';
import { solve } from './solve.js';

export interface SensitivityOptions extends Omit<OdeOptions, 'outputs' | 'amount' | 'concentration' | 'y0'> {
  /** Ids of the constant parameters to differentiate by (Problem.paramIds). */
  readonly params: readonly string[];
}

export interface SensitivityResult {
  /** The states (problem.stateIds, as amounts) at the output times. */
  readonly solution: OdeSolution;
  /** Number of parameters (params.length). */
  readonly np: number;
  /** sens[(i * np + k) * n + j] = d y_j(t_i) / d p_k, with n = problem.n. */
  readonly sens: Float64Array;
}

/** Why a problem has no forward sensitivities here, or null when it has. */
export function sensitivityUnsupported(problem: Problem): string | null {
  if (problem.events.length > 0) return 'the model has events or doses';
  if (problem.tstops.length > 0) return 'the model has discontinuities (infusions)';
  if (problem.mass) return 'the model has algebraic rules';
  if (problem.hasDelays) return 'the model uses delay()';
  if (problem.hasRandom) return 'the model draws random numbers';
  if (!problem.jac || !problem.parameterJacobian?.()) return 'some rate is not symbolically differentiable';
  return null;
}

export function solveSensitivities(problem: Problem, options: SensitivityOptions): SensitivityResult {
  const why = sensitivityUnsupported(problem);
  if (why !== null)
    throw new InputError(`forward sensitivities are not supported: ${why}`, { path: 'model' });
  const idx = options.params.map((id, k) => {
    const i = problem.paramIndex.get(id);
    if (i === undefined) throw new InputError(`unknown parameter '${id}'`, { path: `params[${k}]` });
    return i;
  });
  const { n } = problem;
  const np = idx.length;
  const p = options.p ?? problem.p;
  const aug = augmented(problem, idx);
  const { params: _params, ...ode } = options;
  const y0 = new Float64Array(n * (1 + np));
  y0.set(problem.initialState(p));
  initialSensitivities(problem, p, idx, y0);
  const full = solve(aug, { ...ode, p, y0 });
  const nt = full.t.length;
  const N = n * (1 + np);
  const y = new Float64Array(nt * n);
  const sens = new Float64Array(nt * np * n);
  for (let i = 0; i < nt; i++) {
    y.set(full.y.subarray(i * N, i * N + n), i * n);
    sens.set(full.y.subarray(i * N + n, (i + 1) * N), i * np * n);
  }
  const solution: OdeSolution = { ...full, ids: [...problem.stateIds], y, yEnd: full.yEnd.slice(0, n) };
  return { solution, np, sens };
}

/** d y0 / d p_k by central differences of the compiled initial state, written after y0 in z. */
function initialSensitivities(
  problem: Problem,
  p: Float64Array,
  idx: readonly number[],
  z: Float64Array,
): void {
  const n = problem.n;
  const q = Float64Array.from(p);
  idx.forEach((i, k) => {
    const h = 1e-5 * Math.max(Math.abs(p[i]!), 1e-3);
    q[i] = p[i]! + h;
    const up = problem.initialState(q);
    q[i] = p[i]! - h;
    const dn = problem.initialState(q);
    q[i] = p[i]!;
    for (let j = 0; j < n; j++) z[n + k * n + j] = (up[j]! - dn[j]!) / (2 * h);
  });
}

/** The augmented problem z = [y, s_1, ..., s_np]; its Jacobian is left to the engines' finite differences. */
function augmented(base: Problem, idx: readonly number[]): Problem {
  const n = base.n;
  const np = idx.length;
  const P = base.p.length;
  const N = n * (1 + np);
  const J = new Float64Array(n * n);
  const D = new Float64Array(n * P);
  const yv = new Float64Array(n);
  const dy = new Float64Array(n);
  const jac = base.jac!;
  const dfdp = base.parameterJacobian!()!;
  const stateIds = [...base.stateIds];
  for (let k = 0; k < np; k++)
    for (const s of base.stateIds) stateIds.push(`d${s}/d${base.paramIds[idx[k]!]}`);
  const stateIndex = new Map(stateIds.map((s, i) => [s, i]));
  const rhs = (t: number, z: Float64Array, p: Float64Array, dz: Float64Array): void => {
    for (let j = 0; j < n; j++) yv[j] = z[j]!;
    base.rhs(t, yv, p, dy);
    jac(t, yv, p, J);
    dfdp(t, yv, p, D);
    for (let j = 0; j < n; j++) dz[j] = dy[j]!;
    for (let k = 0; k < np; k++) {
      const off = n + k * n;
      const pk = idx[k]!;
      for (let i = 0; i < n; i++) {
        let acc = D[i * P + pk]!;
        for (let j = 0; j < n; j++) acc += J[i * n + j]! * z[off + j]!;
        dz[off + i] = acc;
      }
    }
  };
  const observe = (): ((t: number, z: Float64Array, p: Float64Array, out: Float64Array) => void) => {
    return (_t, z, _p, out) => {
      for (let i = 0; i < N; i++) out[i] = z[i]!;
    };
  };
  const { jac: _j, parameterJacobian: _d, mass: _m, ...rest } = base;
  const aug: Problem = {
    ...rest,
    n: N,
    stateIds,
    stateIndex,
    rhs,
    rhsIsZero: false,
    observe,
    outputIds: stateIds,
    initialState: () => new Float64Array(N),
    bind: () => aug,
    withContext: (_c, run) => run(aug),
  };
  return aug;
}
