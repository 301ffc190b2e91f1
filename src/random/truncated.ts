/**
 * Truncated distributions of SBML distrib (L3 distrib v1): the distribution conditioned on lo <= x <= hi
 * (bounds may be infinite; for the discrete ones both bounds are inclusive, as the DSMTS cases 00058 and
 * 00065 confirm). Every sampler is exact; NaN for invalid parameters or an empty range. Methods:
 * - exponential, rayleigh, cauchy, laplace: inversion of the closed-form distribution function, written
 *   with expm1/log1p (memorylessness for the exponential tails) so that far-tail ranges keep full precision.
 * - normal (and lognormal = exp of a truncated normal): inversion, x = Phi^-1(Phi(a) + U (Phi(b) - Phi(a))),
 *   through whichever tail (Phi or 1 - Phi) is smaller at the target; beyond 30 standard deviations,
 *   Robert's exponential / uniform rejection (Robert, "Simulation of truncated normal variables",
 *   Stat Comput 5:121, 1995).
 * - gamma (and chisquare = gamma(k/2, 2)): the same inversion on P(a, x) / Q(a, x), solved by Newton's
 *   method safeguarded by bisection inside [lo, hi].
 * - poisson, binomial: up to 16 draws of the untruncated variate kept if inside (exact rejection), then
 *   exact inversion over the range, walking outward from the range's most likely value (the fallback does
 *   not depend on the rejected draws, so the mixture is exactly the truncated law).
 */

import type { UniformSource } from './distributions.js';
import * as d from './distributions.js';
import { incompleteGamma, logGamma, normalCdf, normalQuantile } from './special.js';

const NAN = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

/** True when lo < hi and neither is NaN (infinite bounds allowed). */
function validRange(lo: number, hi: number): boolean {
  return lo < hi;
}

/** v in (0,1) -> E in [0, width] distributed as Exp(1) conditioned on E <= width. */
function truncUnitExp(v: number, width: number): number {
  return -Math.log1p(v * Math.expm1(-width));
}

/**
 * Inversion target between F(lo) and F(hi), given both tails at both bounds: sets `upperSide` when the
 * target is taken in the upper tail (solve S(x) = target) rather than the lower one (F(x) = target).
 */
let upperSide = false;
function target(v: number, fLo: number, sLo: number, fHi: number, sHi: number): number {
  if (fHi <= 0.5) {
    upperSide = false;
    return fLo + v * (fHi - fLo);
  }
  if (fLo >= 0.5) {
    upperSide = true;
    return sHi + (1 - v) * (sLo - sHi);
  }
  const w = 1 - fLo - sHi;
  const p = fLo + v * w;
  upperSide = p > 0.5;
  return upperSide ? sHi + (1 - v) * w : p;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(Math.max(x, lo), hi);

export function truncExponential(u: UniformSource, rate: number, lo: number, hi: number): number {
  if (!(rate > 0) || !validRange(lo, hi) || hi <= 0) return NAN;
  const a = Math.max(lo, 0);
  return clamp(a + truncUnitExp(u.uniform(), rate * (hi - a)) / rate, a, hi);
}

export function truncRayleigh(u: UniformSource, scale: number, lo: number, hi: number): number {
  if (!(scale > 0) || !validRange(lo, hi) || hi <= 0) return NAN;
  const a = Math.max(lo, 0);
  const s2 = 2 * scale * scale;
  // x^2 / (2 scale^2) is Exp(1): a truncated exponential on [a^2, hi^2] / s2.
  const x2 = a * a + s2 * truncUnitExp(u.uniform(), (hi * hi - a * a) / s2);
  return clamp(Math.sqrt(x2), a, hi);
}

export function truncCauchy(
  u: UniformSource,
  location: number,
  scale: number,
  lo: number,
  hi: number,
): number {
  if (!(scale > 0) || !validRange(lo, hi)) return NAN;
  const tLo = Math.atan((lo - location) / scale);
  const tHi = Math.atan((hi - location) / scale);
  return clamp(location + scale * Math.tan(tLo + u.uniform() * (tHi - tLo)), lo, hi);
}

export function truncLaplace(
  u: UniformSource,
  location: number,
  scale: number,
  lo: number,
  hi: number,
): number {
  if (!(scale > 0) || !validRange(lo, hi)) return NAN;
  const a = (lo - location) / scale;
  const b = (hi - location) / scale;
  let z: number;
  if (a >= 0) z = a + truncUnitExp(u.uniform(), b - a);
  else if (b <= 0) z = b - truncUnitExp(u.uniform(), b - a);
  else {
    // Mass of each side within the range (each times 1/2): pick a side, then its truncated exponential.
    const mL = -Math.expm1(a);
    const mR = -Math.expm1(-b);
    z = u.uniform() * (mL + mR) < mL ? -truncUnitExp(u.uniform(), -a) : truncUnitExp(u.uniform(), b);
  }
  return clamp(location + scale * z, lo, hi);
}

/** Standard normal on [a, b] with a >= 30: Robert (1995), uniform proposal for short ranges. */
function normalFarTail(u: UniformSource, a: number, b: number): number {
  if (b - a < 1 / a) {
    for (;;) {
      const z = a + (b - a) * u.uniform();
      if (u.uniform() <= Math.exp(0.5 * (a * a - z * z))) return z;
    }
  }
  const alpha = 0.5 * (a + Math.sqrt(a * a + 4));
  for (;;) {
    const z = a - Math.log(u.uniform()) / alpha;
    if (z > b) continue;
    if (u.uniform() <= Math.exp(-0.5 * (z - alpha) * (z - alpha))) return z;
  }
}

const FAR = 30;

export function truncNormal(u: UniformSource, mean: number, sd: number, lo: number, hi: number): number {
  if (!(sd > 0) || !validRange(lo, hi) || !Number.isFinite(mean)) return NAN;
  const a = (lo - mean) / sd;
  const b = (hi - mean) / sd;
  let z: number;
  if (a >= FAR) z = normalFarTail(u, a, b);
  else if (b <= -FAR) z = -normalFarTail(u, -b, -a);
  else {
    const t = target(u.uniform(), normalCdf(a), normalCdf(-a), normalCdf(b), normalCdf(-b));
    z = upperSide ? -normalQuantile(t) : normalQuantile(t);
  }
  return clamp(mean + sd * z, lo, hi);
}

export function truncLognormal(
  u: UniformSource,
  meanlog: number,
  sdlog: number,
  lo: number,
  hi: number,
): number {
  if (!validRange(lo, hi) || hi <= 0) return NAN;
  const x = Math.exp(truncNormal(u, meanlog, sdlog, lo > 0 ? Math.log(lo) : -INF, Math.log(hi)));
  return clamp(x, Math.max(lo, 0), hi);
}

/** Solves P(a, x) = t (or Q(a, x) = t when `upper`) for x in [lo, hi]: Newton safeguarded by bisection. */
function gammaInvert(a: number, t: number, upper: boolean, lo: number, hi: number): number {
  const g = (x: number): number => {
    const [p, q] = incompleteGamma(a, x);
    return upper ? t - q : p - t;
  };
  let left = lo;
  let right = hi;
  if (right === INF) {
    right = Math.max(2 * lo, a + 1);
    while (g(right) < 0) {
      left = right;
      right *= 2;
    }
  }
  // Wilson-Hilferty start, kept inside the bracket.
  const z = upper ? -normalQuantile(t) : normalQuantile(t);
  const c = 1 / (9 * a);
  let x = a * (1 - c + z * Math.sqrt(c)) ** 3;
  if (!(x > left && x < right)) x = 0.5 * (left + right);
  const lg = logGamma(a);
  for (let it = 0; it < 300; it++) {
    const gx = g(x);
    if (gx === 0) return x;
    if (gx < 0) left = x;
    else right = x;
    const dens = Math.exp((a - 1) * Math.log(x) - x - lg);
    let next = x - gx / dens;
    if (!(next > left && next < right)) next = 0.5 * (left + right);
    if (Math.abs(next - x) <= 1e-15 * x || right - left <= 1e-15 * right) return next;
    x = next;
  }
  return x;
}

export function truncGamma(u: UniformSource, shape: number, scale: number, lo: number, hi: number): number {
  if (!(shape > 0) || !(scale > 0) || !validRange(lo, hi) || hi <= 0) return NAN;
  const a = Math.max(lo, 0) / scale;
  const b = hi / scale;
  const [fLo, sLo] = incompleteGamma(shape, a);
  const [fHi, sHi] = incompleteGamma(shape, b);
  const t = target(u.uniform(), fLo, sLo, fHi, sHi);
  return clamp(scale * gammaInvert(shape, t, upperSide, a, b), Math.max(lo, 0), hi);
}

export function truncChisquare(u: UniformSource, dof: number, lo: number, hi: number): number {
  return truncGamma(u, dof / 2, 2, lo, hi);
}

const TRIES = 16;
const NEGLIGIBLE = 1e-20;

/** pmf(k + 1) / pmf(k) (dir 1) or pmf(k - 1) / pmf(k) (dir -1): poisson (n = -1) or binomial(n, p). */
function ratio(n: number, m: number, k: number, dir: 1 | -1): number {
  if (n < 0) return dir > 0 ? m / (k + 1) : k / m;
  return dir > 0 ? ((n - k) / (k + 1)) * (m / (1 - m)) : (k / (n - k + 1)) * ((1 - m) / m);
}

/** Exact inversion over [kLo, kHi], weights relative to the range's mode, walking up then down from it. */
function invertDiscrete(
  u: UniformSource,
  n: number,
  m: number,
  kLo: number,
  kHi: number,
  mode: number,
): number {
  let total = 1;
  for (let k = mode, w = 1; k < kHi; k++) {
    w *= ratio(n, m, k, 1);
    if (w < NEGLIGIBLE) break;
    total += w;
  }
  for (let k = mode, w = 1; k > kLo; k--) {
    w *= ratio(n, m, k, -1);
    if (w < NEGLIGIBLE) break;
    total += w;
  }
  let r = u.uniform() * total - 1;
  if (r < 0) return mode;
  for (let k = mode, w = 1; k < kHi; k++) {
    w *= ratio(n, m, k, 1);
    if (w < NEGLIGIBLE) break;
    r -= w;
    if (r < 0) return k + 1;
  }
  for (let k = mode, w = 1; k > kLo; k--) {
    w *= ratio(n, m, k, -1);
    if (w < NEGLIGIBLE) break;
    r -= w;
    if (r < 0) return k - 1;
  }
  return mode; // rounding remnant
}

export function truncPoisson(u: UniformSource, mean: number, lo: number, hi: number): number {
  if (!(mean >= 0) || mean === INF || !(lo <= hi)) return NAN;
  const kLo = Math.max(0, Math.ceil(lo));
  const kHi = Math.floor(hi);
  if (kLo > kHi) return NAN;
  if (mean === 0) return kLo === 0 ? 0 : NAN;
  for (let i = 0; i < TRIES; i++) {
    const k = d.poisson(u, mean);
    if (k >= kLo && k <= kHi) return k;
  }
  return invertDiscrete(u, -1, mean, kLo, kHi, clamp(Math.floor(mean), kLo, kHi));
}

export function truncBinomial(u: UniformSource, n: number, p: number, lo: number, hi: number): number {
  if (!(n >= 0) || !Number.isInteger(n) || !(p >= 0 && p <= 1) || !(lo <= hi)) return NAN;
  const kLo = Math.max(0, Math.ceil(lo));
  const kHi = Math.min(n, Math.floor(hi));
  if (kLo > kHi) return NAN;
  if (p === 0 || p === 1) {
    const k = p === 0 ? 0 : n;
    return k >= kLo && k <= kHi ? k : NAN;
  }
  for (let i = 0; i < TRIES; i++) {
    const k = d.binomial(u, n, p);
    if (k >= kLo && k <= kHi) return k;
  }
  return invertDiscrete(u, n, p, kLo, kHi, clamp(Math.floor((n + 1) * p), kLo, kHi));
}
