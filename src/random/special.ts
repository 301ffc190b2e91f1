/** Special functions the samplers and analytics need: log k! (exact table, then Stirling), log Gamma. */

const TABLE_SIZE = 256;
const LOG_FACT = new Float64Array(TABLE_SIZE);
for (let k = 1; k < TABLE_SIZE; k++) LOG_FACT[k] = LOG_FACT[k - 1] + Math.log(k);

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** log(k!) for integer k >= 0: exact sums below 256, Stirling's series with 4 terms above (error < 1e-16 relative). */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return LOG_FACT[k];
  const x = k + 1;
  const ix2 = 1 / (x * x);
  return (
    (x - 0.5) * Math.log(x) -
    x +
    HALF_LOG_2PI +
    (1 / 12 - ix2 * (1 / 360 - ix2 * (1 / 1260 - ix2 / 1680))) / x
  );
}

/** log Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const c = LANCZOS;
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return HALF_LOG_2PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
