/**
 * Weighted Euclidean distance between simulated and observed statistics, with adaptive weights 1 / MAD
 * re-estimated from every simulation of the last generation (Prangle, Bayesian Analysis 12:289, 2017;
 * pyABC's AdaptivePNormDistance with the median absolute deviation as scale).
 */

export function distance(
  stats: Float64Array,
  off: number,
  observed: Float64Array,
  weights: Float64Array,
): number {
  let s = 0;
  for (let k = 0; k < observed.length; k++) {
    const e = weights[k]! * (stats[off + k]! - observed[k]!);
    s += e * e;
  }
  return Math.sqrt(s);
}

function median(v: Float64Array): number {
  const s = v.slice().sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : 0.5 * (s[n / 2 - 1]! + s[n / 2]!);
}

/**
 * Weights 1 / scale per statistic from `rows` rows of `stats` (row-major, nStats wide). Scale: the median
 * absolute deviation; where that is 0 (a statistic constant in most simulations), the mean absolute
 * deviation; where that is 0 as well, the weight stays 1.
 */
export function adaptiveWeights(stats: Float64Array, rows: number, nStats: number): Float64Array {
  const w = new Float64Array(nStats).fill(1);
  if (rows < 2) return w;
  const col = new Float64Array(rows);
  for (let k = 0; k < nStats; k++) {
    for (let i = 0; i < rows; i++) col[i] = stats[i * nStats + k]!;
    const m = median(col);
    const dev = new Float64Array(rows);
    let mean = 0;
    for (let i = 0; i < rows; i++) {
      dev[i] = Math.abs(col[i]! - m);
      mean += dev[i]!;
    }
    let scale = median(dev);
    if (!(scale > 0)) scale = mean / rows;
    if (scale > 0 && Number.isFinite(scale)) w[k] = 1 / scale;
  }
  return w;
}
