/**
 * Forward sensitivities s_k = d y / d p_k of an ODE solution, by the simultaneous approach (CVODES'
 * "simultaneous corrector": Maly & Petzold, Appl. Numer. Math. 1996): the state is augmented with the
 * sensitivity equations
 *   ds_k/dt = J(t, y, p) s_k + d f / d p_k,   s_k(t0) = d y0 / d p_k,
 * and the augmented system goes through the same steppers and error control as any ODE (sensitivities are
 * error-controlled with the same rtol/atol). J and d f / d p are the compiler's symbolic derivatives
 * (Problem.jac, Problem.parameterJacobian); d y0 / d p through initial assignments is a central difference of the
 * compiled initialState (exact for initial values linear in p, O(h^2) ~ 1e-11 relative otherwise).
 * Switches of the right-hand side at times the math states (piecewise in `time`) are integration stops;
 * where a parameter sets the time, sensitivityJump.ts applies the sensitivity jump there. Events, doses,
 * DAEs, delays and random draws are refused with an InputError: their sensitivity jumps (Rozenvasser 1967)
 * are not implemented.
 */
import { InputError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import type { OdeOptions, OdeSolution } from './ode/types.js';
import { parameterSwitches, solveAcrossSwitches } from './sensitivityJump.js';
import { solve } from './solve.js';

const SQRT_EPS = Math.sqrt(Number.EPSILON);

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
  /** Sensitivities at the end time, sEnd[k * n + j]. */
  readonly sEnd: Float64Array;
}

/** Why a problem has no forward sensitivities here, or null when it has. */
export function sensitivityUnsupported(problem: Problem): string | null {
  if (problem.events.length > 0) return 'the model has events or doses';
  // Stops that are not the math's switch times (hand-built problems) have no known time derivative.
  if (problem.tstops.length > 0 && problem.switchTimes === undefined)
    return 'the model has discontinuities at times the sensitivities cannot differentiate';
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
  const { params: _params, ...ode } = options;
  const p = options.p ?? problem.p;
  const groups = idx.map((i) => Int32Array.of(i));
  return solveDirectional(problem, { ...ode, p, groups, s0: initialSensitivities(problem, p, groups) });
}

export interface DirectionalOptions extends Omit<SensitivityOptions, 'params'> {
  /**
   * Direction k moves the parameter slots groups[k] together (one estimated value read by several model
   * parameters); an empty group is a direction that only moves the initial state (through s0).
   */
  readonly groups: readonly Int32Array[];
  /** Initial state (default problem.initialState(p)) and sensitivities s0[k * n + j] (default 0). */
  readonly y0?: Float64Array;
  readonly s0?: Float64Array;
}

/**
 * Sensitivities along parameter directions from given initial values: by linearity, s_k = sum over the
 * slots of group k of the per-slot sensitivities, so one augmented system per direction suffices (PEtab
 * parameters mapped to several model parameters, and initial states after a preequilibration).
 */
export function solveDirectional(problem: Problem, options: DirectionalOptions): SensitivityResult {
  const why = sensitivityUnsupported(problem);
  if (why !== null)
    throw new InputError(`forward sensitivities are not supported: ${why}`, { path: 'model' });
  const { n } = problem;
  const { groups, y0: y0given, s0, ...ode } = options;
  const np = groups.length;
  const p = options.p ?? problem.p;
  const aug = augmented(problem, groups);
  const y0 = new Float64Array(n * (1 + np));
  y0.set(y0given ?? problem.initialState(p));
  if (s0 !== undefined) y0.set(s0.subarray(0, n * np), n);
  const t0 = ode.t0 ?? problem.t0;
  const switches = parameterSwitches(problem, p, groups, t0, ode.tEnd);
  const full =
    switches.length === 0
      ? solve(aug, { ...ode, p, y0 })
      : solveAcrossSwitches(problem, aug, np, switches, { ...ode, p, y0 });
  const nt = full.t.length;
  const N = n * (1 + np);
  const y = new Float64Array(nt * n);
  const sens = new Float64Array(nt * np * n);
  for (let i = 0; i < nt; i++) {
    y.set(full.y.subarray(i * N, i * N + n), i * n);
    sens.set(full.y.subarray(i * N + n, (i + 1) * N), i * np * n);
  }
  const solution: OdeSolution = { ...full, ids: [...problem.stateIds], y, yEnd: full.yEnd.slice(0, n) };
  return { solution, np, sens, sEnd: full.yEnd.slice(n) };
}

/**
 * d y0 / d direction k by central differences of the compiled initial state (every slot of the group moved
 * by the same step: they read one value), s0[k * n + j].
 */
export function initialSensitivities(
  problem: Problem,
  p: Float64Array,
  groups: readonly Int32Array[],
): Float64Array {
  const n = problem.n;
  const z = new Float64Array(n * groups.length);
  const q = Float64Array.from(p);
  groups.forEach((g, k) => {
    if (g.length === 0) return;
    const h = 1e-5 * Math.max(Math.abs(p[g[0]!]!), 1e-3);
    for (const i of g) q[i] = p[i]! + h;
    const up = problem.initialState(q);
    for (const i of g) q[i] = p[i]! - h;
    const dn = problem.initialState(q);
    for (const i of g) q[i] = p[i]!;
    for (let j = 0; j < n; j++) z[k * n + j] = (up[j]! - dn[j]!) / (2 * h);
  });
  return z;
}

/** The augmented problem z = [y, s_1, ..., s_np], with its block lower-triangular Jacobian. */
export function augmented(base: Problem, groups: readonly Int32Array[]): Problem {
  const n = base.n;
  const np = groups.length;
  const P = base.p.length;
  const N = n * (1 + np);
  const J = new Float64Array(n * n);
  const D = new Float64Array(n * P);
  const yv = new Float64Array(n);
  const dy = new Float64Array(n);
  const jac = base.jac!;
  const dfdp = base.parameterJacobian!()!;
  const stateIds = [...base.stateIds];
  for (let k = 0; k < np; k++) for (const s of base.stateIds) stateIds.push(`d${s}/d[${k}]`);
  const stateIndex = new Map(stateIds.map((s, i) => [s, i]));
  const rhs = (t: number, z: Float64Array, p: Float64Array, dz: Float64Array): void => {
    for (let j = 0; j < n; j++) yv[j] = z[j]!;
    base.rhs(t, yv, p, dy);
    jac(t, yv, p, J);
    dfdp(t, yv, p, D);
    for (let j = 0; j < n; j++) dz[j] = dy[j]!;
    for (let k = 0; k < np; k++) {
      const off = n + k * n;
      const g = groups[k]!;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let q = 0; q < g.length; q++) acc += D[i * P + g[q]!]!;
        for (let j = 0; j < n; j++) acc += J[i * n + j]! * z[off + j]!;
        dz[off + i] = acc;
      }
    }
  };
  // The exact Jacobian of [y, s]: J on every diagonal block, and below the first one d(J s_k + D g_k)/dy
  // (second derivatives, by forward differences of the compiled jac and dfdp in y; n evaluations, not N).
  const J2 = new Float64Array(n * n);
  const Jp = new Float64Array(n * n);
  const D2 = new Float64Array(n * P);
  const Dp = new Float64Array(n * P);
  const yp = new Float64Array(n);
  const augJac = (t: number, z: Float64Array, p: Float64Array, JA: Float64Array): void => {
    let ymax = 0;
    for (let j = 0; j < n; j++) {
      yv[j] = z[j]!;
      ymax = Math.max(ymax, Math.abs(yv[j]!));
    }
    jac(t, yv, p, J2);
    dfdp(t, yv, p, D2);
    JA.fill(0);
    for (let b = 0; b <= np; b++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) JA[(b * n + i) * N + b * n + j] = J2[i * n + j]!;
    yp.set(yv);
    for (let j = 0; j < n; j++) {
      const h = SQRT_EPS * Math.max(Math.abs(yv[j]!), 1e-6 * ymax, 1e-300);
      yp[j] = yv[j]! + h;
      const dj = yp[j]! - yv[j]!;
      jac(t, yp, p, Jp);
      dfdp(t, yp, p, Dp);
      yp[j] = yv[j]!;
      for (let k = 0; k < np; k++) {
        const off = n + k * n;
        const g = groups[k]!;
        for (let i = 0; i < n; i++) {
          let acc = 0;
          for (let l = 0; l < n; l++) acc += (Jp[i * n + l]! - J2[i * n + l]!) * z[off + l]!;
          for (let q = 0; q < g.length; q++) acc += Dp[i * P + g[q]!]! - D2[i * P + g[q]!]!;
          JA[(off + i) * N + j] = acc / dj;
        }
      }
    }
  };
  // Rows of z by id; any other id (a compartment size for the atol scales, engines/ode/scale.ts) is the
  // base problem's symbol evaluated on the state part of z.
  const observe = (
    ids: readonly string[],
  ): ((t: number, z: Float64Array, p: Float64Array, out: Float64Array) => void) => {
    const rows = ids.map((id) => stateIndex.get(id) ?? -1);
    if (rows.every((r) => r >= 0))
      return (_t, z, _p, out) => {
        for (let i = 0; i < rows.length; i++) out[i] = z[rows[i]!]!;
      };
    const f = base.observe(ids);
    return (t, z, p, out) => f(t, z.subarray(0, n), p, out);
  };
  // A sensitivity of an amount is measured in that amount's units: the same atol scale.
  const atolCompartments =
    base.atolCompartments === undefined
      ? undefined
      : Array.from({ length: N }, (_, i) => base.atolCompartments![i % n] ?? null);
  const { jac: _j, parameterJacobian: _d, mass: _m, ...rest } = base;
  const aug: Problem = {
    ...rest,
    n: N,
    stateIds,
    stateIndex,
    rhs,
    jac: augJac,
    jacobianBlocks: 1 + np,
    rhsIsZero: false,
    observe,
    ...(atolCompartments !== undefined ? { atolCompartments } : {}),
    outputIds: stateIds,
    initialState: () => new Float64Array(N),
    bind: () => aug,
    withContext: (_c, run) => run(aug),
  };
  return aug;
}
