/**
 * Bound-constrained minimisation by projected limited-memory BFGS with a two-metric projection (Bertsekas,
 * SIAM J. Control Optim. 1982; the L-BFGS variant of Kim, Sra & Dhillon, Optim. Methods Softw. 2010):
 * variables at a bound whose gradient pushes outward are held (the binding set, with an epsilon band that
 * shrinks with the projected gradient), the L-BFGS two-loop recursion (Nocedal & Wright, 2nd ed., alg. 7.4)
 * gives the direction on the free variables, and a backtracking Armijo search runs along the projected
 * path x(a) = clip(x + a d). Not the Cauchy-point + subspace minimisation of L-BFGS-B (Byrd et al. 1995):
 * simpler, and it identifies the same active set at a nondegenerate solution.
 */

/** Value and gradient at x (writes g); a non-finite value is a failed evaluation. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export interface OptimiseOptions {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Stop when the projected gradient's largest component is below this; default 1e-6. */
  readonly gtol?: number;
  /** Stop when a step lowers f by less than ftol * max(|f|, 1); default 1e-12. */
  readonly ftol?: number;
  readonly maxIterations?: number;
  /** L-BFGS memory; default 10. */
  readonly memory?: number;
}

export interface OptimiseResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  readonly reason: 'gtol' | 'ftol' | 'maxIterations' | 'lineSearch';
}

const clip = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function minimiseBounded(fg: Objective, x0: Float64Array, o: OptimiseOptions): OptimiseResult {
  const d = x0.length;
  const { lower, upper } = o;
  const gtol = o.gtol ?? 1e-6;
  const ftol = o.ftol ?? 1e-12;
  const maxIt = o.maxIterations ?? 500;
  const m = o.memory ?? 10;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(m);
  let x = Float64Array.from(x0, (v, i) => clip(v, lower[i]!, upper[i]!));
  let g = new Float64Array(d);
  let f = fg(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f)) throw new Error(`objective is ${f} at the start`);
  const dir = new Float64Array(d);
  const free = new Uint8Array(d);
  let xn = new Float64Array(d);
  let gn = new Float64Array(d);
  const done = (it: number, converged: boolean, reason: OptimiseResult['reason']): OptimiseResult => ({
    x,
    f,
    iterations: it,
    evaluations,
    converged,
    reason,
  });
  for (let it = 0; it < maxIt; it++) {
    let pg = 0;
    for (let i = 0; i < d; i++)
      pg = Math.max(pg, Math.abs(x[i]! - clip(x[i]! - g[i]!, lower[i]!, upper[i]!)));
    if (pg <= gtol) return done(it, true, 'gtol');
    const eps = Math.min(1e-3, pg);
    for (let i = 0; i < d; i++) {
      const atLo = x[i]! <= lower[i]! + eps && g[i]! > 0;
      const atHi = x[i]! >= upper[i]! - eps && g[i]! < 0;
      free[i] = atLo || atHi ? 0 : 1;
    }
    // Two-loop recursion restricted to the free variables.
    for (let i = 0; i < d; i++) dir[i] = free[i] ? -g[i]! : 0;
    for (let k = S.length - 1; k >= 0; k--) {
      let a = 0;
      for (let i = 0; i < d; i++) if (free[i]) a += S[k]![i]! * dir[i]!;
      a *= rho[k]!;
      alpha[k] = a;
      for (let i = 0; i < d; i++) if (free[i]) dir[i] -= a * Y[k]![i]!;
    }
    const last = S.length - 1;
    let gamma = 1;
    if (last >= 0) {
      let yy = 0;
      for (let i = 0; i < d; i++) yy += Y[last]![i]! ** 2;
      gamma = 1 / (rho[last]! * yy);
    } else {
      let gn2 = 0;
      for (let i = 0; i < d; i++) if (free[i]) gn2 += g[i]! ** 2;
      gamma = gn2 > 0 ? Math.min(1, 1 / Math.sqrt(gn2)) : 1;
    }
    for (let i = 0; i < d; i++) dir[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      let b = 0;
      for (let i = 0; i < d; i++) if (free[i]) b += Y[k]![i]! * dir[i]!;
      b *= rho[k]!;
      for (let i = 0; i < d; i++) if (free[i]) dir[i] += S[k]![i]! * (alpha[k]! - b);
    }
    let slope = 0;
    for (let i = 0; i < d; i++) slope += g[i]! * dir[i]!;
    if (!(slope < 0)) {
      // Not a descent direction (curvature pairs gone stale at the bounds): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let i = 0; i < d; i++) dir[i] = free[i] ? -g[i]! * gamma : 0;
    }
    // Backtracking Armijo along the projected path.
    let a = 1;
    let fn = Number.NaN;
    let ok = false;
    for (let ls = 0; ls < 40; ls++) {
      let dec = 0;
      for (let i = 0; i < d; i++) {
        xn[i] = clip(x[i]! + a * dir[i]!, lower[i]!, upper[i]!);
        dec += g[i]! * (xn[i]! - x[i]!);
      }
      fn = fg(xn, gn);
      evaluations++;
      if (Number.isFinite(fn) && fn <= f + 1e-4 * dec) {
        ok = true;
        break;
      }
      a *= Number.isFinite(fn) ? 0.5 : 0.1;
    }
    if (!ok) {
      if (S.length > 0) {
        S.length = 0;
        Y.length = 0;
        rho.length = 0;
        continue;
      }
      return done(it, false, 'lineSearch');
    }
    const s = new Float64Array(d);
    const yv = new Float64Array(d);
    let sy = 0;
    let ss = 0;
    let yy = 0;
    for (let i = 0; i < d; i++) {
      s[i] = xn[i]! - x[i]!;
      yv[i] = gn[i]! - g[i]!;
      sy += s[i]! * yv[i]!;
      ss += s[i]! ** 2;
      yy += yv[i]! ** 2;
    }
    // Keep only pairs with positive curvature (the update then stays positive definite).
    if (sy > 1e-10 * Math.sqrt(ss * yy)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(yv);
      rho.push(1 / sy);
    }
    const fOld = f;
    [x, xn] = [xn, x];
    [g, gn] = [gn, g];
    f = fn;
    if (fOld - f <= ftol * Math.max(Math.abs(f), 1)) return done(it + 1, true, 'ftol');
  }
  return done(maxIt, false, 'maxIterations');
}
