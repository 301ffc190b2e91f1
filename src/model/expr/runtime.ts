/**
 * Numeric helpers shared by generated code (as `H.<name>`) and by the reference interpreter, so both
 * give the same numbers. Random draws read a replaceable uniform(0,1) source `H.u`.
 */

/** SBML's avogadro csymbol: 6.02214179e23 (CODATA 2006), fixed by the SBML L3 specifications, not the SI 2019 value. */
export const AVOGADRO = 6.02214179e23;

/** n! for integer n >= 0 (Infinity above 170); NaN otherwise. */
export function factorial(n: number): number {
  if (!(n >= 0) || n !== Math.floor(n)) return Number.NaN;
  if (n > 170) return Number.POSITIVE_INFINITY;
  let r = 1;
  for (let i = 2; i <= n; i++) r *= i;
  return r;
}

/** The degree-th root; real odd roots of negative numbers (root(3, -8) = -2). */
export function root(degree: number, x: number): number {
  if (x < 0 && Number.isInteger(degree) && degree % 2 !== 0) return -((-x) ** (1 / degree));
  return x ** (1 / degree);
}

/** ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; Numerical Recipes 3rd ed. 6.1), ~1e-15 relative. */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const c = LANCZOS;
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Helpers object passed to generated functions. `u` is the uniform(0,1) source (installed by setRandom). */
export interface Helpers {
  u: () => number;
  fact(n: number): number;
  root(degree: number, x: number): number;
  normal(mean: number, sd: number): number;
  uniform(lo: number, hi: number): number;
  exponential(rate: number): number;
  gamma(shape: number, scale: number): number;
  lognormal(meanlog: number, sdlog: number): number;
  poisson(mean: number): number;
  binomial(n: number, p: number): number;
  bernoulli(p: number): number;
  truncnormal(mean: number, sd: number, lo: number, hi: number): number;
  /** delay(x, tau) evaluators installed by the compiler; delays[k](tPast, p). */
  delays: ((tPast: number, p: Float64Array) => number)[];
}

const noRandom = (): number => {
  throw new Error('this expression draws random numbers: install a uniform source with setRandom()');
};

/** A fresh helpers object with its own uniform source slot. */
export function makeHelpers(uniform: (() => number) | null = null): Helpers {
  const H: Helpers = {
    u: uniform ?? noRandom,
    fact: factorial,
    root,
    /** Box-Muller transform (Box & Muller 1958); one variate per call keeps the stream stateless. */
    normal(mean, sd) {
      let u1 = H.u();
      while (u1 <= 0) u1 = H.u();
      const u2 = H.u();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    uniform(lo, hi) {
      return lo + (hi - lo) * H.u();
    },
    exponential(rate) {
      return -Math.log(1 - H.u()) / rate;
    },
    /** Marsaglia & Tsang (2000), ACM TOMS 26:363; shape < 1 via the U^(1/a) boost. */
    gamma(shape, scale) {
      if (!(shape > 0) || !(scale > 0)) return Number.NaN;
      if (shape < 1) return H.gamma(shape + 1, scale) * H.u() ** (1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        let x: number;
        let v: number;
        do {
          x = H.normal(0, 1);
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const u = H.u();
        if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
        if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
      }
    },
    lognormal(meanlog, sdlog) {
      return Math.exp(H.normal(meanlog, sdlog));
    },
    /** Knuth's product method below 10; PTRS (Hormann 1993, Insurance Math Econ 12:39) above. */
    poisson(mean) {
      if (!(mean >= 0)) return Number.NaN;
      if (mean < 10) {
        const L = Math.exp(-mean);
        let k = 0;
        let prod = H.u();
        while (prod > L) {
          k++;
          prod *= H.u();
        }
        return k;
      }
      const slam = Math.sqrt(mean);
      const loglam = Math.log(mean);
      const b = 0.931 + 2.53 * slam;
      const a = -0.059 + 0.02483 * b;
      const invalpha = 1.1239 + 1.1328 / (b - 3.4);
      const vr = 0.9277 - 3.6224 / (b - 2);
      for (;;) {
        const U = H.u() - 0.5;
        const V = H.u();
        const us = 0.5 - Math.abs(U);
        const k = Math.floor(((2 * a) / us + b) * U + mean + 0.43);
        if (us >= 0.07 && V <= vr) return k;
        if (k < 0 || (us < 0.013 && V > us)) continue;
        if (
          Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
          -mean + k * loglam - lgamma(k + 1)
        )
          return k;
      }
    },
    /** Sequential inversion (Devroye 1986, X.4); expected cost O(n min(p, 1-p)). */
    binomial(n, p) {
      if (!(n >= 0) || n !== Math.floor(n) || !(p >= 0 && p <= 1)) return Number.NaN;
      if (p > 0.5) return n - H.binomial(n, 1 - p);
      if (p === 0) return 0;
      const q = 1 - p;
      const s = p / q;
      let f = q ** n;
      let u = H.u();
      let k = 0;
      while (u > f && k < n) {
        u -= f;
        f *= (s * (n - k)) / (k + 1);
        k++;
      }
      return k;
    },
    bernoulli(p) {
      return H.u() < p ? 1 : 0;
    },
    /** Rejection from the untruncated normal (adequate when [lo, hi] holds non-negligible mass). */
    truncnormal(mean, sd, lo, hi) {
      if (!(lo < hi)) return Number.NaN;
      for (let i = 0; i < 100000; i++) {
        const x = H.normal(mean, sd);
        if (x >= lo && x <= hi) return x;
      }
      return Number.NaN;
    },
    delays: [],
  };
  return H;
}
