/**
 * Mutual information between a discrete label (which model variant) and a continuous readout observed
 * with Gaussian noise, under a weighted sample: particle i has label m_i, weight w_i and noise-free
 * outcome f_i; the readout is y = f_i + e, e ~ N(0, sd^2). Then p(y | m) is a Gaussian mixture and
 *   I(M; Y) = sum_m integral q_m(y) log(q_m(y) / (P(m) p(y))) dy,   q_m = sum_{i in m} w_i N(y; f_i, sd^2),
 * in nats: 0 when the readout cannot tell the labels apart, H(M) when it always can. This is the expected
 * information gain of an experiment about the variant (Lindley, Ann Math Stat 27:986, 1956), the score by
 * which candidate experiments are ranked. The integral is a trapezoid rule on a grid of step sd / 8 over
 * [min f - 8 sd, max f + 8 sd] (at most MAX_GRID points), exact to far below the Monte Carlo error of the
 * sample itself.
 */

const MAX_GRID = 20_000;

/** I(M; Y) in nats. NaN outcomes are dropped (with their weight); weights need not be normalised. */
export function mutualInformation(
  label: ArrayLike<number>,
  weight: ArrayLike<number>,
  outcome: ArrayLike<number>,
  sd: number,
): number {
  if (!(sd > 0 && Number.isFinite(sd))) throw new RangeError(`mutualInformation: sd ${sd}, expected > 0`);
  const keep: number[] = [];
  let total = 0;
  for (let i = 0; i < label.length; i++)
    if (Number.isFinite(outcome[i]) && weight[i]! > 0) {
      keep.push(i);
      total += weight[i]!;
    }
  if (keep.length === 0) return Number.NaN;
  const labels = [...new Set(keep.map((i) => label[i]!))];
  if (labels.length < 2) return 0;
  const slot = new Map(labels.map((m, k) => [m, k]));
  const L = labels.length;
  const pm = new Float64Array(L);
  for (const i of keep) pm[slot.get(label[i]!)!]! += weight[i]! / total;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const i of keep) {
    lo = Math.min(lo, outcome[i]!);
    hi = Math.max(hi, outcome[i]!);
  }
  lo -= 8 * sd;
  hi += 8 * sd;
  const g = Math.min(MAX_GRID, Math.ceil((hi - lo) / (sd / 8)) + 1);
  const h = (hi - lo) / (g - 1);
  const q = new Float64Array(L);
  const norm = 1 / (sd * Math.sqrt(2 * Math.PI));
  let mi = 0;
  for (let k = 0; k < g; k++) {
    const y = lo + k * h;
    q.fill(0);
    for (const i of keep) {
      const z = (y - outcome[i]!) / sd;
      if (z * z < 144) q[slot.get(label[i]!)!]! += (weight[i]! / total) * norm * Math.exp(-0.5 * z * z);
    }
    let py = 0;
    for (let m = 0; m < L; m++) py += q[m]!;
    if (py <= 0) continue;
    let f = 0;
    for (let m = 0; m < L; m++) if (q[m]! > 0) f += q[m]! * Math.log(q[m]! / (pm[m]! * py));
    mi += (k === 0 || k === g - 1 ? 0.5 : 1) * f;
  }
  return Math.max(0, mi * h);
}
