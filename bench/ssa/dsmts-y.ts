/**
 * Distribution of the DSMTS variance statistic Y = sqrt(n/2)(s^2/sigma^2 - 1) under the exact model of
 * case 00003 (linear birth-death, lambda = 1, mu = 1.1, X0 = 100, n = 10,000 runs), to judge whether a
 * correct simulator can be expected to pass the suite's |Y| < 5 bound.
 * X(t) is a sum of X0 independent single-ancestor processes, each a zero-modified geometric law
 * (Bailey 1964, ch. 8.6): P(0) = a, P(k) = (1 - a)(1 - b) b^(k-1), with E = e^((lambda - mu) t),
 * a = mu (E - 1) / (lambda E - mu), b = lambda (E - 1) / (lambda E - mu). Cumulants add over ancestors, so
 * the kurtosis of X(t) is 3 + k4 / (X0 k2^2) with k2, k4 of one ancestor, and for large n the sample
 * variance gives Var(Y) = (kurtosis - 1) / 2 (1 for a normal law, which the bound +-5 presumes).
 * Also draws Y itself: n exact samples of X(t) per replicate, many replicates (exact sampling of the
 * law above, independent of any simulator). Usage: npx tsx bench/ssa/dsmts-y.ts [replicates]
 */

import { stream } from '../../src/random/rng.js';
import { erfc } from '../../src/random/special.js';

const [lambda, mu, x0, n] = [1, 1.1, 100, 10_000];
const reps = Number(process.argv[2] ?? 400);
const times =
  process.argv[3] === 'all' ? Array.from({ length: 50 }, (_, i) => i + 1) : [1, 5, 10, 20, 30, 40, 50];

function law(t: number): { a: number; b: number } {
  const e = Math.exp((lambda - mu) * t);
  return { a: (mu * (e - 1)) / (lambda * e - mu), b: (lambda * (e - 1)) / (lambda * e - mu) };
}

/** Central moments 2 and 4 of X(t) (sum of x0 ancestors) from the single-ancestor cumulants. */
function moments(t: number): { sd: number; kurt: number } {
  const { a, b } = law(t);
  // Raw moments of one ancestor by summation (b < 1).
  const m = [0, 0, 0, 0, 0];
  let p = (1 - a) * (1 - b);
  for (let k = 1; k < 1e6 && p > 1e-300; k++, p *= b) for (let r = 1; r <= 4; r++) m[r] += p * k ** r;
  const mean = m[1];
  const c2 = m[2] - mean ** 2;
  const c4 = m[4] - 4 * mean * m[3] + 6 * mean ** 2 * m[2] - 3 * mean ** 4;
  const k4 = c4 - 3 * c2 ** 2; // fourth cumulant of one ancestor
  const k2 = c2;
  return { sd: Math.sqrt(x0 * k2), kurt: 3 + k4 / (x0 * k2 * k2) };
}

/** One exact draw of X(t): x0 ancestors, each 0 with prob a, else 1 + geometric(b). */
function draw(u: { uniform(): number }, a: number, b: number): number {
  let x = 0;
  const lb = Math.log(b);
  for (let i = 0; i < x0; i++) {
    if (u.uniform() < a) continue;
    x += 1 + Math.floor(Math.log(u.uniform()) / lb);
  }
  return x;
}

const rng = stream(2024, 0);
console.log('t  sd(X)  kurtosis  sd(Y) theory  P(|Y|>5) normal-approx  | sampled: sd(Y)  P(|Y|>5)  min Y');
let expectNormal = 0;
let expectSampled = 0;
for (const t of times) {
  const { sd, kurt } = moments(t);
  const sdY = Math.sqrt((kurt - 1) / 2);
  const pNorm = erfc(5 / sdY / Math.SQRT2);
  const { a, b } = law(t);
  const ys: number[] = [];
  for (let r = 0; r < reps; r++) {
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = draw(rng, a, b);
      s1 += x;
      s2 += x * x;
    }
    const v = (s2 - (s1 * s1) / n) / (n - 1);
    ys.push(Math.sqrt(n / 2) * (v / (sd * sd) - 1));
  }
  const mY = ys.reduce((s, y) => s + y, 0) / reps;
  const sY = Math.sqrt(ys.reduce((s, y) => s + (y - mY) ** 2, 0) / (reps - 1));
  const out = ys.filter((y) => Math.abs(y) > 5).length / reps;
  expectNormal += pNorm;
  expectSampled += out;
  console.log(
    `${t}  ${sd.toFixed(2)}  ${kurt.toFixed(1)}  ${sdY.toFixed(2)}  ${pNorm.toFixed(4)}  | ${sY.toFixed(2)}  ${out.toFixed(4)}  ${Math.min(...ys).toFixed(2)}`,
  );
}
console.log(
  `expected number of points with |Y| > 5 over these times: ${expectNormal.toFixed(2)} (normal approximation), ${expectSampled.toFixed(2)} (sampled); the case allows 1 of 102`,
);
