/**
 * Forward sensitivities across switches of the right-hand side whose time tau(p) a parameter sets
 * (piecewise(..., time < T, ...) with T estimated or set per condition). The state is continuous there, so
 * differentiating y(tau+) = y(tau-) along p gives the jump
 *   s(tau+) = s(tau-) + (f(tau-, y, p) - f(tau+, y, p)) dtau/dp
 * (Rozenvasser 1967, "General sensitivity equations of discontinuous systems"; the event sensitivities of
 * CVODES and AMICI, Froehlich et al. 2017). A switch at a time no direction moves needs no jump: the
 * integrator's stop there (problem.tstopsFor) keeps the solution accurate and s is continuous.
 */
import { InputError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import type { OdeOptions, OdeSolution, OdeStats } from './ode/types.js';
import { solve } from './solve.js';

/** A switch inside (t0, tEnd) that some direction moves: dtau[k] = d tau / d direction k. */
export interface ParameterSwitch {
  readonly t: number;
  readonly dtau: Float64Array;
}

/**
 * The switches in (t0, tEnd) whose time moves along some direction (groups[k]: slots moved together), by
 * central differences of problem.switchTimes (thresholds are algebraic in p, mostly linear: exact up to
 * rounding). Switches that coincide at p but move differently have no derivative: InputError.
 */
export function parameterSwitches(
  problem: Problem,
  p: Float64Array,
  groups: readonly Int32Array[],
  t0: number,
  tEnd: number,
): ParameterSwitch[] {
  const times = problem.switchTimes?.(p);
  if (times === undefined || times.length === 0) return [];
  const np = groups.length;
  const m = times.length;
  const d = new Float64Array(m * np);
  const q = Float64Array.from(p);
  groups.forEach((g, k) => {
    if (g.length === 0) return;
    const h = 1e-6 * Math.max(Math.abs(p[g[0]!]!), 1e-3);
    for (const i of g) q[i] = p[i]! + h;
    const up = problem.switchTimes!(q);
    for (const i of g) q[i] = p[i]! - h;
    const dn = problem.switchTimes!(q);
    for (const i of g) q[i] = p[i]!;
    for (let i = 0; i < m; i++) d[i * np + k] = (up[i]! - dn[i]!) / (2 * h);
  });
  const byTime = new Map<number, Float64Array[]>();
  for (let i = 0; i < m; i++) {
    const t = times[i]!;
    if (!(t > t0 && t < tEnd)) continue;
    const list = byTime.get(t) ?? [];
    list.push(d.subarray(i * np, (i + 1) * np));
    byTime.set(t, list);
  }
  const out: ParameterSwitch[] = [];
  for (const [t, list] of [...byTime].sort((x, y) => x[0] - y[0])) {
    const d0 = list[0]!;
    if (list.every((di) => di.every((v) => v === 0))) continue;
    const same = (di: Float64Array): boolean =>
      di.every((v, k) => Math.abs(v - d0[k]!) <= 1e-8 * Math.abs(d0[k]!));
    if (!list.every(same))
      throw new InputError(`switches at t = ${t} move differently with the parameters: no derivative`, {
        path: 'model',
      });
    out.push({ t, dtau: Float64Array.from(d0) });
  }
  return out;
}

/**
 * Solves the augmented system aug = [y, s_1..s_np] of `base` from t0 to tEnd, stopping at each switch to
 * apply the jump. Requested output times at a switch report the values after it (every-step output has both). The left and right limits of f
 * are taken 16 ulps either side of tau: beyond the rounding of a threshold such as `time - T < 0`.
 */
export function solveAcrossSwitches(
  base: Problem,
  aug: Problem,
  np: number,
  switches: readonly ParameterSwitch[],
  ode: OdeOptions & { readonly y0: Float64Array; readonly p: Float64Array },
): OdeSolution {
  const n = base.n;
  const N = aug.n;
  const p = ode.p;
  const t0 = ode.t0 ?? base.t0;
  const out = ode.outputTimes === undefined ? undefined : Float64Array.from(ode.outputTimes);
  const fm = new Float64Array(n);
  const fp = new Float64Array(n);
  const ts: number[] = [];
  const ys: Float64Array[] = [];
  const stats: OdeStats = { rhsEvals: 0, jacEvals: 0, luDecomps: 0, accepted: 0, rejected: 0, switches: 0 };
  let z = Float64Array.from(ode.y0);
  let a = t0;
  let last: OdeSolution | undefined;
  for (let s = 0; s <= switches.length; s++) {
    const b = s < switches.length ? switches[s]!.t : ode.tEnd;
    const final = s === switches.length;
    const { h0, outputTimes: _o, ...rest } = ode;
    const seg = out?.filter((t) => t >= a && (final ? t <= b : t < b));
    last = solve(aug, {
      ...rest,
      t0: a,
      tEnd: b,
      y0: z,
      ...(s === 0 && h0 !== undefined ? { h0 } : {}),
      ...(seg !== undefined ? { outputTimes: seg } : {}),
    });
    for (let i = 0; i < last.t.length; i++) {
      ts.push(last.t[i]!);
      ys.push(last.y.subarray(i * N, (i + 1) * N));
    }
    for (const k of Object.keys(stats) as (keyof OdeStats)[]) stats[k] += last.stats[k];
    z = Float64Array.from(last.yEnd);
    if (final) break;
    const { t: tau, dtau } = switches[s]!;
    const delta = 16 * Number.EPSILON * Math.max(Math.abs(tau), 1);
    const y = z.subarray(0, n);
    base.rhs(tau - delta, y, p, fm);
    base.rhs(tau + delta, y, p, fp);
    for (let k = 0; k < np; k++) {
      const dk = dtau[k]!;
      if (dk === 0) continue;
      for (let j = 0; j < n; j++) z[n + k * n + j] += (fm[j]! - fp[j]!) * dk;
    }
    a = b;
  }
  const y = new Float64Array(ts.length * N);
  for (let i = 0; i < ys.length; i++) y.set(ys[i]!, i * N);
  return { ...last!, t: Float64Array.from(ts), y, yEnd: z, stats };
}
