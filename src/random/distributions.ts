/**
 * Samplers of the SBML distrib distributions (L3 distrib v1, section 3.5) over any uniform(0, 1) source,
 * shared by the engines' generator (`rng.ts`) and the draws in model expressions (`expr/runtime.ts`).
 * Invalid parameters give NaN (callers decide whether that is an error). Each sampler cites its method:
 * - normal: Box-Muller (Box & Muller 1958), one variate per call (stateless).
 * - exponential, cauchy, laplace, rayleigh: inversion of the closed-form distribution function.
 * - gamma: Marsaglia & Tsang (ACM TOMS 26, 2000) with the U^(1/a) boost for shape < 1; chisquare(k) is
 *   gamma(k/2, 2), lognormal is exp(normal).
 * - poisson: sequential-search inversion for mean < 10; PTRS transformed rejection (Hörmann 1993) above.
 * - binomial: sequential-search inversion for n·min(p, 1-p) < 10; BTRD (Hörmann 1993) above.
 */
import { logFactorial } from './special.js';

/** Anything that yields uniform(0, 1) variates strictly inside (0, 1). */
export interface UniformSource {
  uniform(): number;
}

const TWO_PI = 2 * Math.PI;

export function normal(u: UniformSource, mean: number, sd: number): number {
  if (!(sd >= 0)) return Number.NaN;
  const r = Math.sqrt(-2 * Math.log(u.uniform()));
  return mean + sd * r * Math.cos(TWO_PI * u.uniform());
}

export function uniform(u: UniformSource, lo: number, hi: number): number {
  if (!(lo <= hi)) return Number.NaN;
  return lo + (hi - lo) * u.uniform();
}

export function exponential(u: UniformSource, rate: number): number {
  if (!(rate > 0)) return Number.NaN;
  return -Math.log(u.uniform()) / rate;
}

export function bernoulli(u: UniformSource, p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  return u.uniform() < p ? 1 : 0;
}

/** Cauchy(location, scale): location + scale tan(pi (U - 1/2)). */
export function cauchy(u: UniformSource, location: number, scale: number): number {
  if (!(scale > 0)) return Number.NaN;
  return location + scale * Math.tan(Math.PI * (u.uniform() - 0.5));
}

/** Laplace(location, scale): a random sign times an exponential of mean `scale`. */
export function laplace(u: UniformSource, location: number, scale: number): number {
  if (!(scale > 0)) return Number.NaN;
  const e = -scale * Math.log(u.uniform());
  return u.uniform() < 0.5 ? location - e : location + e;
}

/** Rayleigh(scale): scale sqrt(-2 log U). */
export function rayleigh(u: UniformSource, scale: number): number {
  if (!(scale > 0)) return Number.NaN;
  return scale * Math.sqrt(-2 * Math.log(u.uniform()));
}

export function gamma(u: UniformSource, shape: number, scale: number): number {
  if (!(shape > 0) || !(scale > 0) || shape === Number.POSITIVE_INFINITY) return Number.NaN;
  if (shape < 1) return gamma(u, shape + 1, scale) * u.uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u, 0, 1);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u.uniform();
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v * scale;
    if (Math.log(w) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

export function chisquare(u: UniformSource, dof: number): number {
  return gamma(u, dof / 2, 2);
}

export function lognormal(u: UniformSource, meanlog: number, sdlog: number): number {
  return Math.exp(normal(u, meanlog, sdlog));
}

export function poisson(u: UniformSource, mean: number): number {
  if (!(mean >= 0) || mean === Number.POSITIVE_INFINITY) return Number.NaN;
  if (mean === 0) return 0;
  if (mean < 10) {
    // Sequential search from 0: expected mean + 1 comparisons.
    let r = u.uniform();
    let k = 0;
    let f = Math.exp(-mean);
    while (r > f) {
      r -= f;
      k++;
      f *= mean / k;
      if (f === 0) break; // r beyond the representable tail: rounding remnant
    }
    return k;
  }
  return ptrs(u, mean);
}

/** PTRS: Hörmann, "The transformed rejection method for generating Poisson random variables" (1993). */
function ptrs(u: UniformSource, lam: number): number {
  const slam = Math.sqrt(lam);
  const loglam = Math.log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const x = u.uniform() - 0.5;
    const v = u.uniform();
    const us = 0.5 - Math.abs(x);
    const k = Math.floor(((2 * a) / us + b) * x + lam + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v * invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - logFactorial(k)) return k;
  }
}

export function binomial(u: UniformSource, n: number, p: number): number {
  if (!(n >= 0) || !Number.isInteger(n) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomial(u, n, 1 - p);
  if (n * p < 10) {
    const q = 1 - p;
    const s = p / q;
    const a = (n + 1) * s;
    let f = Math.exp(n * Math.log1p(-p));
    let r = u.uniform();
    let k = 0;
    while (r > f && k < n) {
      r -= f;
      k++;
      f *= a / k - s;
    }
    return k;
  }
  return btrd(u, n, p);
}

/**
 * BTRD: Hörmann, "The generation of binomial random variates" (J Stat Comput Simul 1993), for p <= 1/2,
 * n p >= 10. Acceptance uses the exact log ratio f(k)/f(m) through log-factorials.
 */
function btrd(u: UniformSource, n: number, p: number): number {
  const q = 1 - p;
  const m = Math.floor((n + 1) * p);
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  const lpq = Math.log(p / q);
  const lfm = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    let v = u.uniform();
    let x: number;
    if (v <= urvr) {
      x = v / vr - 0.43;
      return Math.floor(((2 * a) / (0.5 - Math.abs(x)) + b) * x + c);
    }
    if (v >= vr) {
      x = u.uniform() - 0.5;
    } else {
      x = v / vr - 0.93;
      x = Math.sign(x) * 0.5 - x;
      v = u.uniform() * vr;
    }
    const us = 0.5 - Math.abs(x);
    const k = Math.floor(((2 * a) / us + b) * x + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    if (Math.log(v) <= lfm - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}
