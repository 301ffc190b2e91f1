import assert from 'node:assert/strict';
import { test } from 'node:test';
import { incompleteGamma, logFactorial, normalCdf } from '../../src/random/special.js';
import * as t from '../../src/random/truncated.js';
import { checkKs, checkMoments, checkPmf, sample, source } from './stats.js';

const N = 30_000;

/** Distribution function of F truncated to [lo, hi]. */
const trunc =
  (F: (x: number) => number, lo: number, hi: number) =>
  (x: number): number =>
    x <= lo ? 0 : x >= hi ? 1 : (F(x) - F(lo)) / (F(hi) - F(lo));

test('continuous truncated samplers: KS against the truncated distribution function', () => {
  const u = source(21);
  const Phi = (m: number, s: number) => (x: number) => normalCdf((x - m) / s);
  const cases: [string, () => number, (x: number) => number][] = [
    [
      'normal(0,1.5,-0.5,inf)',
      () => t.truncNormal(u, 0, 1.5, -0.5, Infinity),
      trunc(Phi(0, 1.5), -0.5, Infinity),
    ],
    ['normal(1,2,-3,-1)', () => t.truncNormal(u, 1, 2, -3, -1), trunc(Phi(1, 2), -3, -1)],
    ['normal(0,1,2.5,4)', () => t.truncNormal(u, 0, 1, 2.5, 4), trunc(Phi(0, 1), 2.5, 4)],
    ['normal(0,1,-1,6)', () => t.truncNormal(u, 0, 1, -1, 6), trunc(Phi(0, 1), -1, 6)],
    ['exponential(1,2,9)', () => t.truncExponential(u, 1, 2, 9), trunc((x) => -Math.expm1(-x), 2, 9)],
    ['rayleigh(2,3,5)', () => t.truncRayleigh(u, 2, 3, 5), trunc((x) => -Math.expm1(-(x * x) / 8), 3, 5)],
    [
      'cauchy(1,2,1.1,10)',
      () => t.truncCauchy(u, 1, 2, 1.1, 10),
      trunc((x) => 0.5 + Math.atan((x - 1) / 2) / Math.PI, 1.1, 10),
    ],
    [
      'laplace(0,1,-2,0.5)',
      () => t.truncLaplace(u, 0, 1, -2, 0.5),
      trunc((x) => (x < 0 ? 0.5 * Math.exp(x) : 1 - 0.5 * Math.exp(-x)), -2, 0.5),
    ],
    ['laplace(0,1,1,3)', () => t.truncLaplace(u, 0, 1, 1, 3), trunc((x) => 1 - 0.5 * Math.exp(-x), 1, 3)],
    ['gamma(1,2,3,6)', () => t.truncGamma(u, 1, 2, 3, 6), trunc((x) => incompleteGamma(1, x / 2)[0], 3, 6)],
    [
      'gamma(0.5,1,0,0.01)',
      () => t.truncGamma(u, 0.5, 1, 0, 0.01),
      trunc((x) => incompleteGamma(0.5, x)[0], 0, 0.01),
    ],
    [
      'chisquare(4,10,inf)',
      () => t.truncChisquare(u, 4, 10, Infinity),
      trunc((x) => incompleteGamma(2, x / 2)[0], 10, Infinity),
    ],
    [
      'lognormal(1,2,3,10)',
      () => t.truncLognormal(u, 1, 2, 3, 10),
      trunc((x) => normalCdf((Math.log(x) - 1) / 2), 3, 10),
    ],
  ];
  for (const [label, draw, cdf] of cases) checkKs(sample(N, draw), cdf, label);
});

test('DSMTS reference moments of truncated draws (cases 00062, 00064, 00071, 00079, 00096)', () => {
  const u = source(22);
  checkMoments(
    sample(N, () => t.truncNormal(u, 0, 1.5, -0.5, Infinity)),
    0.897735417,
    0.995203412,
    'normal(0, 1.5, -0.5, INF)',
  );
  checkMoments(
    sample(N, () => t.truncNormal(u, 0, 1.5, 0.5, Infinity)),
    1.532245529,
    0.817524559,
    'normal(0, 1.5, 0.5, INF)',
  );
  checkMoments(
    sample(N, () => t.truncExponential(u, 1, 0.25, 0.75)),
    0.479252959,
    0.143441548,
    'exponential(1, 0.25, 0.75)',
  );
  checkMoments(
    sample(N, () => t.truncGamma(u, 1, 2, 3, 6)),
    4.1382735,
    0.819642,
    'gamma(1, 2, 3, 6)',
  );
  checkMoments(
    sample(N, () => Math.log(t.truncLognormal(u, 1, 2, 3, 10))),
    1.68,
    0.34507,
    'ln lognormal(1, 2, 3, 10)',
  );
});

test('far tails stay exact and inside the bounds (Robert rejection, memoryless forms)', () => {
  const u = source(23);
  // Standard normal beyond a = 40: mean phi(a)/Q(a) = a + 1/a - 2/a^3 + ..., sd ~ 1/a.
  const a = 40;
  const mills = a + 1 / a - 2 / a ** 3 + 10 / a ** 5;
  const xs = sample(N, () => t.truncNormal(u, 0, 1, a, Infinity));
  for (const x of xs) assert.ok(x >= a);
  checkMoments(xs, mills, Math.sqrt(1 - mills * (mills - a)), 'normal beyond 40 sd');
  const narrow = sample(2000, () => t.truncNormal(u, 0, 1, -50.01, -50));
  for (const x of narrow) assert.ok(x >= -50.01 && x <= -50);
  const e = sample(N, () => t.truncExponential(u, 1, 800, Infinity));
  checkMoments(e, 801, 1, 'exponential beyond 800');
  const r = sample(2000, () => t.truncRayleigh(u, 1, 100, 100.5));
  for (const x of r) assert.ok(x >= 100 && x <= 100.5);
});

test('discrete truncated samplers: chi-square against the truncated pmf (inclusive bounds)', () => {
  const u = source(24);
  const pois = (m: number) => (k: number) => Math.exp(-m + k * Math.log(m) - logFactorial(k));
  const binom = (n: number, p: number) => (k: number) =>
    Math.exp(
      logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p),
    );
  const norm = (f: (k: number) => number, lo: number, hi: number) => {
    let s = 0;
    for (let k = lo; k <= hi; k++) s += f(k);
    return (k: number) => f(k) / s;
  };
  // Rejection regime (00065: poisson(1.5, 2, 18)) and the inversion fallback (far from the mean).
  checkPmf(
    sample(N, () => t.truncPoisson(u, 1.5, 2, 18)),
    norm(pois(1.5), 2, 18),
    2,
    18,
    'poisson(1.5, 2, 18)',
  );
  checkPmf(
    sample(N, () => t.truncPoisson(u, 1.5, 9, 12)),
    norm(pois(1.5), 9, 12),
    9,
    12,
    'poisson(1.5, 9, 12)',
  );
  checkPmf(
    sample(N, () => t.truncPoisson(u, 400, 0, 330)),
    norm(pois(400), 0, 330),
    0,
    330,
    'poisson(400, 0, 330)',
  );
  checkPmf(
    sample(N, () => t.truncBinomial(u, 100, 0.2, 15, 32)),
    norm(binom(100, 0.2), 15, 32),
    15,
    32,
    'binomial(100, 0.2, 15, 32)',
  );
  checkPmf(
    sample(N, () => t.truncBinomial(u, 60, 0.7, 2.5, 30.5)),
    norm(binom(60, 0.7), 3, 30),
    3,
    30,
    'binomial(60, 0.7, 2.5, 30.5)',
  );
});

test('empty ranges and invalid parameters give NaN; degenerate discrete cases', () => {
  const u = source(25);
  for (const x of [
    t.truncNormal(u, 0, 1, 2, 1),
    t.truncNormal(u, 0, 1, Number.NaN, 1),
    t.truncExponential(u, 1, -3, -1),
    t.truncPoisson(u, 2, 3.2, 3.8),
    t.truncBinomial(u, 10, 0.5, 11, 20),
    t.truncBinomial(u, 10, 0, 1, 3),
    t.truncGamma(u, 0, 1, 1, 2),
  ])
    assert.ok(Number.isNaN(x));
  assert.equal(t.truncBinomial(u, 10, 1, 5, 10), 10);
  assert.equal(t.truncPoisson(u, 0, -1, 3), 0);
});
