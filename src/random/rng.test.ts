import assert from 'node:assert/strict';
import { test } from 'node:test';
import { philox4x32 } from './philox.js';
import { type Rng, stream } from './rng.js';
import { logFactorial, logGamma } from './special.js';

// Tolerances: means within 4 standard errors; variances within 4 SE estimated from the sample 4th moment;
// chi-square and KS at p = 1e-4. Seeds are fixed, so each test is deterministic.
const Z = 4;

function moments(xs: Float64Array): { mean: number; v: number; seMean: number; seVar: number } {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const v = m2 / (n - 1);
  m4 /= n;
  return { mean, v, seMean: Math.sqrt(v / n), seVar: Math.sqrt(Math.max(m4 - v * v, 0) / n) };
}

function sample(n: number, f: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = f();
  return xs;
}

function checkMoments(xs: Float64Array, mean: number, variance: number, label: string): void {
  const m = moments(xs);
  assert.ok(
    Math.abs(m.mean - mean) <= Z * Math.sqrt(variance / xs.length) + 1e-12,
    `${label} mean ${m.mean} vs ${mean}`,
  );
  assert.ok(Math.abs(m.v - variance) <= Z * m.seVar + 1e-12, `${label} variance ${m.v} vs ${variance}`);
}

/** Chi-square critical value at upper tail 1e-4 (Wilson-Hilferty). */
function chi2Crit(df: number): number {
  const z = 3.719;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Chi-square of integer samples against pmf, pooling bins with expected count < 5. */
function chi2Discrete(
  xs: Float64Array,
  pmf: (k: number) => number,
  kmax: number,
): { stat: number; df: number } {
  const n = xs.length;
  const obs = new Float64Array(kmax + 2);
  for (const x of xs) obs[Math.min(x, kmax + 1)]++;
  let stat = 0;
  let df = -1;
  let eAcc = 0;
  let oAcc = 0;
  let pTot = 0;
  for (let k = 0; k <= kmax; k++) {
    const p = pmf(k);
    pTot += p;
    eAcc += n * p;
    oAcc += obs[k];
    if (eAcc >= 5) {
      stat += (oAcc - eAcc) ** 2 / eAcc;
      df++;
      eAcc = 0;
      oAcc = 0;
    }
  }
  eAcc += n * Math.max(0, 1 - pTot);
  oAcc += obs[kmax + 1];
  if (eAcc > 0) {
    stat += (oAcc - eAcc) ** 2 / eAcc;
    df++;
  }
  return { stat, df };
}

function ks(xs: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d * Math.sqrt(n);
}
const KS_CRIT = 2.0; // Kolmogorov distribution, upper tail ~6e-4

function erf(x: number): number {
  // Chebyshev fit of erfc (Numerical Recipes erfcc), |error| < 1.2e-7: far below the KS resolution here.
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    1 -
    t *
      Math.exp(
        -x * x -
          1.26551223 +
          t *
            (1.00002368 +
              t *
                (0.37409196 +
                  t *
                    (0.09678418 +
                      t *
                        (-0.18628806 +
                          t *
                            (0.27886807 +
                              t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
      );
  return x >= 0 ? y : -y;
}

test('philox4x32-10 matches the Random123 known-answer vectors', () => {
  const o = new Uint32Array(4);
  philox4x32(0, 0, 0, 0, 0, 0, o);
  assert.deepEqual([...o], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
  const f = 0xffffffff;
  philox4x32(f, f, f, f, f, f, o);
  assert.deepEqual([...o], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]);
  philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, o);
  assert.deepEqual([...o], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
});

test('stream(seed, index) is xoshiro128** started from the Philox block (counter = index, key = seed)', () => {
  const seed = 2 ** 40 + 12345;
  const index = 2 ** 33 + 7;
  const w = new Uint32Array(4);
  philox4x32(index >>> 0, Math.floor(index / 2 ** 32), 0, 0, seed >>> 0, Math.floor(seed / 2 ** 32), w);
  // Reference xoshiro128** in plain unsigned arithmetic (Blackman & Vigna's C code, transcribed).
  let [s0, s1, s2, s3] = [...w];
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next = (): number => {
    const r = Number((BigInt(rotl(Number((BigInt(s1) * 5n) & 0xffffffffn), 7)) * 9n) & 0xffffffffn);
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return r;
  };
  const r = stream(seed, index);
  for (let i = 0; i < 100; i++) {
    const a = next() >>> 5;
    const b = next() >>> 6;
    assert.equal(r.uniform(), (a * 67108864 + b + 0.5) / 2 ** 53);
  }
});

test('streams are reproducible and distinct', () => {
  const a = sample(10, () => 0);
  const r1 = stream(42, 7);
  const r2 = stream(42, 7);
  for (let i = 0; i < 10; i++) a[i] = r1.uniform();
  for (let i = 0; i < 10; i++) assert.equal(r2.uniform(), a[i]);
  assert.notEqual(stream(42, 8).uniform(), a[0]);
  assert.notEqual(stream(43, 7).uniform(), a[0]);
  assert.throws(() => stream(-1, 0), /seed/);
  assert.throws(() => stream(1, 0.5), /index/);
});

test('uniform: in (0,1), chi-square on 100 bins, moments', () => {
  const r = stream(1, 0);
  const n = 200_000;
  const xs = sample(n, () => r.uniform());
  const bins = new Float64Array(100);
  for (const x of xs) {
    assert.ok(x > 0 && x < 1);
    bins[Math.floor(x * 100)]++;
  }
  let chi = 0;
  for (const b of bins) chi += (b - n / 100) ** 2 / (n / 100);
  assert.ok(chi < chi2Crit(99), `chi2 ${chi}`);
  checkMoments(xs, 0.5, 1 / 12, 'uniform');
});

test('stream(s, 0) and stream(s, 1) are uncorrelated', () => {
  const a = stream(2024, 0);
  const b = stream(2024, 1);
  const n = 100_000;
  let sab = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a.uniform();
    const y = b.uniform();
    sa += x;
    sb += y;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  const r = cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
  assert.ok(Math.abs(r) < Z / Math.sqrt(n), `correlation ${r}`);
});

test('exponential and normal: Kolmogorov-Smirnov and moments', () => {
  const r = stream(3, 0);
  const n = 100_000;
  const e = sample(n, () => r.exponential());
  assert.ok(ks(e, (x) => 1 - Math.exp(-x)) < KS_CRIT);
  checkMoments(e, 1, 1, 'exponential');
  const z = sample(n, () => r.normal());
  assert.ok(ks(z, (x) => 0.5 * (1 + erf(x / Math.SQRT2))) < KS_CRIT);
  checkMoments(z, 0, 1, 'normal');
});

const poissonPmf = (m: number) => (k: number) => Math.exp(-m + k * Math.log(m) - logFactorial(k));
function binomPmf(n: number, p: number): (k: number) => number {
  return (k) =>
    k > n
      ? 0
      : Math.exp(
          logFactorial(n) -
            logFactorial(k) -
            logFactorial(n - k) +
            k * Math.log(p) +
            (n - k) * Math.log1p(-p),
        );
}

test('poisson: moments at small and large means, chi-square of the pmf', () => {
  const r: Rng = stream(4, 0);
  for (const m of [0.3, 4, 9.99, 10, 37.5, 1e4, 1e7]) {
    const xs = sample(50_000, () => r.poisson(m));
    checkMoments(xs, m, m, `poisson(${m})`);
  }
  for (const m of [6, 30, 400]) {
    const xs = sample(100_000, () => r.poisson(m));
    const c = chi2Discrete(xs, poissonPmf(m), Math.ceil(m + 10 * Math.sqrt(m) + 10));
    assert.ok(c.stat < chi2Crit(c.df), `poisson(${m}) chi2 ${c.stat} df ${c.df}`);
  }
  assert.equal(r.poisson(0), 0);
});

test('binomial: moments in inversion and BTRD regimes, chi-square of the pmf', () => {
  const r = stream(5, 0);
  for (const [n, p] of [
    [20, 0.3],
    [1000, 0.004],
    [1000, 0.3],
    [100, 0.9],
    [1e6, 0.5],
    [50, 0.2],
  ] as const) {
    const xs = sample(50_000, () => r.binomial(n, p));
    checkMoments(xs, n * p, n * p * (1 - p), `binomial(${n}, ${p})`);
  }
  for (const [n, p] of [
    [30, 0.2],
    [200, 0.4],
    [5000, 0.05],
  ] as const) {
    const xs = sample(100_000, () => r.binomial(n, p));
    const c = chi2Discrete(xs, binomPmf(n, p), n);
    assert.ok(c.stat < chi2Crit(c.df), `binomial(${n},${p}) chi2 ${c.stat} df ${c.df}`);
  }
  assert.equal(r.binomial(7, 1), 7);
  assert.equal(r.binomial(0, 0.5), 0);
  assert.throws(() => r.binomial(2.5, 0.5), /integer/);
});

test('gamma: moments for shape < 1 and > 1', () => {
  const r = stream(6, 0);
  for (const [a, s] of [
    [0.4, 1],
    [1, 2],
    [3.5, 0.5],
    [100, 1],
  ] as const) {
    const xs = sample(50_000, () => r.gamma(a, s));
    checkMoments(xs, a * s, a * s * s, `gamma(${a}, ${s})`);
  }
});

test('logFactorial and logGamma agree across the table edge', () => {
  for (const k of [0, 1, 5, 255, 256, 1000, 1e6])
    assert.ok(Math.abs(logFactorial(k) - logGamma(k + 1)) < 1e-9 * Math.max(1, logFactorial(k)));
  assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-13);
});
