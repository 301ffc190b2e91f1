/**
 * The measurement part of the PEtab llh gradient: d llh_i / d y_i and d llh_i / d sigma_i of the noise
 * models of likelihood.ts (normal and Laplace on lin/log/log10 scale, by hand), and the derivatives of the
 * observable and noise formulas by the compiled observer's state and parameter arguments. Those formulas are
 * algebraic (no ODE): central differences of the compiled observer with relative step 1e-6 (truncation
 * O(h^2) ~ 1e-12, rounding ~ 1e-10 relative), the ODE part being exact forward sensitivities.
 */
import type { NoiseDistribution, Transformation } from '../io/petab/index.js';
import type { Observer } from '../problem/types.js';

/** d T(y) / d y for the measurement transformation T. */
function dTransform(t: Transformation, y: number): number {
  return t === 'lin' ? 1 : t === 'log' ? 1 / y : 1 / (y * Math.LN10);
}

const tr = (t: Transformation, x: number): number =>
  t === 'lin' ? x : t === 'log' ? Math.log(x) : Math.log10(x);

/** [d llh / d y, d llh / d sigma] of one measurement m, written into out. */
export function noiseDerivatives(
  m: number,
  y: number,
  sigma: number,
  t: Transformation,
  d: NoiseDistribution,
  out: Float64Array,
): void {
  const r = (tr(t, m) - tr(t, y)) / sigma;
  const dT = dTransform(t, y);
  if (d === 'normal') {
    out[0] = (r / sigma) * dT;
    out[1] = (r * r - 1) / sigma;
  } else {
    out[0] = (Math.sign(r) / sigma) * dT;
    out[1] = (Math.abs(r) - 1) / sigma;
  }
}

const step = (x: number, floor: number): number => 1e-6 * (x !== 0 ? Math.abs(x) : floor);

/**
 * Central differences of an observer (value, sigma) at (t, z, p): by each state into dz[2 * j + {0,1}], and by
 * each parameter group (slots moved together) into dp[2 * g + {0,1}]. z and p are restored on return.
 */
export function observerDerivatives(
  observer: Observer,
  t: number,
  z: Float64Array,
  p: Float64Array,
  groups: readonly Int32Array[],
  dz: Float64Array,
  dp: Float64Array,
): void {
  const up = new Float64Array(2);
  const dn = new Float64Array(2);
  let zmax = 0;
  for (let j = 0; j < z.length; j++) zmax = Math.max(zmax, Math.abs(z[j]!));
  const zfloor = Math.max(1e-12, 1e-6 * zmax);
  for (let j = 0; j < z.length; j++) {
    const zj = z[j]!;
    const h = step(zj, zfloor);
    z[j] = zj + h;
    observer(t, z, p, up);
    z[j] = zj - h;
    observer(t, z, p, dn);
    z[j] = zj;
    dz[2 * j] = (up[0]! - dn[0]!) / (2 * h);
    dz[2 * j + 1] = (up[1]! - dn[1]!) / (2 * h);
  }
  groups.forEach((g, k) => {
    if (g.length === 0) {
      dp[2 * k] = 0;
      dp[2 * k + 1] = 0;
      return;
    }
    const v = p[g[0]!]!;
    const h = step(v, 1e-8);
    for (const i of g) p[i] = v + h;
    observer(t, z, p, up);
    for (const i of g) p[i] = v - h;
    observer(t, z, p, dn);
    for (const i of g) p[i] = v;
    dp[2 * k] = (up[0]! - dn[0]!) / (2 * h);
    dp[2 * k + 1] = (up[1]! - dn[1]!) / (2 * h);
  });
}
