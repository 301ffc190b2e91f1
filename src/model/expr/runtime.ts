/**
 * Numeric helpers shared by generated code (as `H.<name>`) and by the reference interpreter, so both
 * give the same numbers. Random draws read a replaceable uniform(0,1) source `H.u`.
 */

import { InputError } from '../../errors.js';
import type { UniformSource } from '../../random/distributions.js';
import * as d from '../../random/distributions.js';
import * as t from '../../random/truncated.js';

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

/** Helpers object passed to generated functions. `u` is the uniform(0,1) source (one solve's, see Problem.bind). */
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
  cauchy(location: number, scale: number): number;
  chisquare(dof: number): number;
  laplace(location: number, scale: number): number;
  rayleigh(scale: number): number;
  truncnormal(mean: number, sd: number, lo: number, hi: number): number;
  truncbinomial(n: number, p: number, lo: number, hi: number): number;
  trunccauchy(location: number, scale: number, lo: number, hi: number): number;
  truncchisquare(dof: number, lo: number, hi: number): number;
  truncexponential(rate: number, lo: number, hi: number): number;
  truncgamma(shape: number, scale: number, lo: number, hi: number): number;
  trunclaplace(location: number, scale: number, lo: number, hi: number): number;
  trunclognormal(meanlog: number, sdlog: number, lo: number, hi: number): number;
  truncpoisson(mean: number, lo: number, hi: number): number;
  truncrayleigh(scale: number, lo: number, hi: number): number;
  /** delay(x, tau) evaluators installed by the compiler; delays[k](tPast, p). */
  delays: ((tPast: number, p: Float64Array) => number)[];
}

const noRandom = (): number => {
  throw new InputError('this expression draws random numbers: give it a uniform(0, 1) source');
};

/**
 * A fresh helpers object with its own uniform source slot. The samplers (exact, each citing its method)
 * live in src/random/distributions.ts and truncated.ts; invalid parameters give NaN.
 */
export function makeHelpers(uniform: (() => number) | null = null): Helpers {
  const src: UniformSource = { uniform: () => H.u() };
  const H: Helpers = {
    u: uniform ?? noRandom,
    fact: factorial,
    root,
    normal: (mean, sd) => d.normal(src, mean, sd),
    uniform: (lo, hi) => d.uniform(src, lo, hi),
    exponential: (rate) => d.exponential(src, rate),
    gamma: (shape, scale) => d.gamma(src, shape, scale),
    lognormal: (meanlog, sdlog) => d.lognormal(src, meanlog, sdlog),
    poisson: (mean) => d.poisson(src, mean),
    binomial: (n, p) => d.binomial(src, n, p),
    bernoulli: (p) => d.bernoulli(src, p),
    cauchy: (location, scale) => d.cauchy(src, location, scale),
    chisquare: (dof) => d.chisquare(src, dof),
    laplace: (location, scale) => d.laplace(src, location, scale),
    rayleigh: (scale) => d.rayleigh(src, scale),
    truncnormal: (mean, sd, lo, hi) => t.truncNormal(src, mean, sd, lo, hi),
    truncbinomial: (n, p, lo, hi) => t.truncBinomial(src, n, p, lo, hi),
    trunccauchy: (location, scale, lo, hi) => t.truncCauchy(src, location, scale, lo, hi),
    truncchisquare: (dof, lo, hi) => t.truncChisquare(src, dof, lo, hi),
    truncexponential: (rate, lo, hi) => t.truncExponential(src, rate, lo, hi),
    truncgamma: (shape, scale, lo, hi) => t.truncGamma(src, shape, scale, lo, hi),
    trunclaplace: (location, scale, lo, hi) => t.truncLaplace(src, location, scale, lo, hi),
    trunclognormal: (meanlog, sdlog, lo, hi) => t.truncLognormal(src, meanlog, sdlog, lo, hi),
    truncpoisson: (mean, lo, hi) => t.truncPoisson(src, mean, lo, hi),
    truncrayleigh: (scale, lo, hi) => t.truncRayleigh(src, scale, lo, hi),
    delays: [],
  };
  return H;
}
