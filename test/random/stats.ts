/** Statistical checks for sampler tests: fixed seeds, tolerances from sampling error. */
import assert from 'node:assert/strict';
import type { UniformSource } from '../../src/random/distributions.js';
import { stream } from '../../src/random/rng.js';

/** Means within 4 standard errors; variances within 4 SE estimated from the sample 4th moment. */
export const Z = 4;
/** Kolmogorov distribution upper tail ~6e-4 for sqrt(n) D. */
export const KS_CRIT = 2.0;

export function source(seed: number): UniformSource {
  return stream(seed, 0);
}

export function sample(n: number, f: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = f();
  return xs;
}

/** sqrt(n) * sup |F_n - F|. */
export function ks(xs: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]!);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d * Math.sqrt(n);
}

export function checkKs(xs: Float64Array, cdf: (x: number) => number, label: string): void {
  const k = ks(xs, cdf);
  assert.ok(k < KS_CRIT, `${label}: KS sqrt(n) D = ${k.toFixed(3)}`);
}

/** Mean within Z SE of the true sd; sd within Z SE of the variance (from the sample 4th moment). */
export function checkMoments(xs: Float64Array, mean: number, sd: number, label: string): void {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const m = s / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - m) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const v = m2 / (n - 1);
  const seVar = Math.sqrt(Math.max(m4 / n - v * v, 0) / n);
  assert.ok(Math.abs(m - mean) <= (Z * sd) / Math.sqrt(n) + 1e-12, `${label}: mean ${m} vs ${mean}`);
  assert.ok(Math.abs(v - sd * sd) <= Z * seVar + 1e-12, `${label}: sd ${Math.sqrt(v)} vs ${sd}`);
}

/** Chi-square critical value at upper tail 1e-4 (Wilson-Hilferty). */
export function chi2Crit(df: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + 3.719 * Math.sqrt(a)) ** 3;
}

/** Chi-square of integer samples against pmf on [kLo, kHi], pooling bins with expected count < 5. */
export function checkPmf(
  xs: Float64Array,
  pmf: (k: number) => number,
  kLo: number,
  kHi: number,
  label: string,
): void {
  const n = xs.length;
  const obs = new Map<number, number>();
  for (const x of xs) {
    assert.ok(Number.isInteger(x) && x >= kLo && x <= kHi, `${label}: ${x} outside [${kLo}, ${kHi}]`);
    obs.set(x, (obs.get(x) ?? 0) + 1);
  }
  let stat = 0;
  let df = -1;
  let e = 0;
  let o = 0;
  for (let k = kLo; k <= kHi; k++) {
    e += n * pmf(k);
    o += obs.get(k) ?? 0;
    if (e >= 5 || k === kHi) {
      stat += (o - e) ** 2 / Math.max(e, 1e-300);
      df++;
      e = 0;
      o = 0;
    }
  }
  assert.ok(stat < chi2Crit(Math.max(df, 1)), `${label}: chi2 ${stat.toFixed(1)} on ${df} df`);
}
