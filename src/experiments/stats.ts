/** Small statistics used by the assays and claims: summaries, normal tail, exact paired tests. */

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return x.length ? s / x.length : Number.NaN;
}

/** Sample standard deviation (n - 1). */
export function sd(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Quantile with linear interpolation between order statistics (R type 7). */
export function quantile(x: ArrayLike<number>, q: number): number {
  const a = Array.from(x).sort((u, v) => u - v);
  if (a.length === 0) return Number.NaN;
  const h = (a.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, a.length - 1);
  return a[lo]! + (h - lo) * (a[hi]! - a[lo]!);
}

/**
 * Complementary error function, fractional error < 1.2e-7 everywhere (Chebyshev fit of
 * Press et al., Numerical Recipes, 2nd ed., section 6.2).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  let poly = 0;
  for (let i = ERFC_COEF.length - 1; i >= 0; i--) poly = ERFC_COEF[i]! + t * poly;
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

const ERFC_COEF = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277,
];

/** Standard normal upper tail P(Z > z). */
export function normalUpper(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Upper tail of chi-square with 1 degree of freedom. */
export function chiSq1Upper(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}

/**
 * Wilcoxon signed-rank test, exact one-sided p-value for H1: differences tend to be positive
 * (Wilcoxon 1945). Zero differences are dropped; tied magnitudes get mid-ranks, and the exact null
 * distribution is enumerated over the 2^n sign patterns of those ranks (n <= 20).
 */
export function signedRankTest(diff: ArrayLike<number>): { w: number; n: number; p: number } {
  const d = Array.from(diff).filter((v) => v !== 0);
  const n = d.length;
  if (n === 0) return { w: 0, n: 0, p: 1 };
  if (n > 20) throw new RangeError('signedRankTest: exact enumeration limited to n <= 20');
  const order = d.map((v, i) => [Math.abs(v), i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && order[j + 1]![0] === order[i]![0]) j++;
    for (let q = i; q <= j; q++) ranks[order[q]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let w = 0;
  for (let i = 0; i < n; i++) if (d[i]! > 0) w += ranks[i]!;
  let atLeast = 0;
  const total = 2 ** n;
  for (let mask = 0; mask < total; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s += ranks[i]!;
    if (s >= w - 1e-9) atLeast++;
  }
  return { w, n, p: atLeast / total };
}

/** Exact one-sided sign test: P(at least `pos` positives out of n nonzero differences) under p = 1/2. */
export function signTest(diff: ArrayLike<number>): { pos: number; n: number; p: number } {
  const d = Array.from(diff).filter((v) => v !== 0);
  const n = d.length;
  const pos = d.filter((v) => v > 0).length;
  let p = 0;
  let c = 1; // C(n, 0)
  for (let k = 0; k <= n; k++) {
    if (k >= pos) p += c;
    c = (c * (n - k)) / (k + 1);
  }
  return { pos, n, p: p / 2 ** n };
}
