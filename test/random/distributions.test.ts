import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as d from '../../src/random/distributions.js';
import { incompleteGamma, normalCdf } from '../../src/random/special.js';
import { checkKs, checkMoments, sample, source } from './stats.js';

const N = 40_000;

test('cauchy, laplace, rayleigh, normal: Kolmogorov-Smirnov against the distribution function', () => {
  const u = source(11);
  checkKs(
    sample(N, () => d.cauchy(u, 1, 2)),
    (x) => 0.5 + Math.atan((x - 1) / 2) / Math.PI,
    'cauchy(1, 2)',
  );
  checkKs(
    sample(N, () => d.laplace(u, -1, 0.5)),
    (x) => (x < -1 ? 0.5 * Math.exp((x + 1) / 0.5) : 1 - 0.5 * Math.exp(-(x + 1) / 0.5)),
    'laplace(-1, 0.5)',
  );
  checkKs(
    sample(N, () => d.rayleigh(u, 2)),
    (x) => 1 - Math.exp(-(x * x) / 8),
    'rayleigh(2)',
  );
  checkKs(
    sample(N, () => d.normal(u, 3, 2)),
    (x) => normalCdf((x - 3) / 2),
    'normal(3, 2)',
  );
});

test('gamma and chisquare: KS against P(a, x); moments', () => {
  const u = source(12);
  for (const [a, s] of [
    [0.3, 2],
    [1, 1],
    [4.5, 0.5],
  ] as const) {
    const xs = sample(N, () => d.gamma(u, a, s));
    checkKs(xs, (x) => incompleteGamma(a, x / s)[0], `gamma(${a}, ${s})`);
    checkMoments(xs, a * s, Math.sqrt(a) * s, `gamma(${a}, ${s})`);
  }
  const c = sample(N, () => d.chisquare(u, 3));
  checkKs(c, (x) => incompleteGamma(1.5, x / 2)[0], 'chisquare(3)');
  checkMoments(c, 3, Math.sqrt(6), 'chisquare(3)');
});

test('laplace and rayleigh moments; lognormal, uniform, bernoulli, exponential', () => {
  const u = source(13);
  checkMoments(
    sample(N, () => d.laplace(u, 0, 2)),
    0,
    2 * Math.SQRT2,
    'laplace(0, 2)',
  );
  checkMoments(
    sample(N, () => d.rayleigh(u, 2)),
    2 * Math.sqrt(Math.PI / 2),
    2 * Math.sqrt((4 - Math.PI) / 2),
    'rayleigh(2)',
  );
  const ln = sample(N, () => Math.log(d.lognormal(u, 1, 0.5)));
  checkMoments(ln, 1, 0.5, 'log of lognormal(1, 0.5)');
  checkMoments(
    sample(N, () => d.uniform(u, -2, 4)),
    1,
    6 / Math.sqrt(12),
    'uniform(-2, 4)',
  );
  checkMoments(
    sample(N, () => d.bernoulli(u, 0.3)),
    0.3,
    Math.sqrt(0.21),
    'bernoulli(0.3)',
  );
  checkMoments(
    sample(N, () => d.exponential(u, 4)),
    0.25,
    0.25,
    'exponential(4)',
  );
});

test('binomial uses BTRD for large n p (the old sequential inversion returned n when q^n underflowed)', () => {
  const u = source(14);
  checkMoments(
    sample(N, () => d.binomial(u, 1e6, 0.5)),
    5e5,
    500,
    'binomial(1e6, 0.5)',
  );
  checkMoments(
    sample(N, () => d.poisson(u, 2e4)),
    2e4,
    Math.sqrt(2e4),
    'poisson(2e4)',
  );
});

test('invalid parameters give NaN', () => {
  const u = source(15);
  for (const x of [
    d.normal(u, 0, -1),
    d.exponential(u, 0),
    d.gamma(u, -1, 1),
    d.cauchy(u, 0, 0),
    d.laplace(u, 0, -2),
    d.rayleigh(u, 0),
    d.poisson(u, -1),
    d.binomial(u, 2.5, 0.5),
    d.binomial(u, 10, 1.5),
    d.bernoulli(u, 2),
    d.uniform(u, 2, 1),
    d.chisquare(u, 0),
  ])
    assert.ok(Number.isNaN(x));
});
