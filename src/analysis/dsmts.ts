/**
 * The DSMTS moment checks (Evans, Gillespie & Wilkinson, "The SBML discrete stochastic models test suite",
 * Bioinformatics 24:285, 2008), shared by the suite runner (src/io/suite/stochastic.ts), the large-population
 * benchmark and the comparison of approximate methods with the exact one:
 *   Z = sqrt(n) (mean - mu) / sigma          in meanRange, default (-3, 3);
 *   Y = sqrt(n / 2) (var / sigma^2 - 1)      in sdRange, default (-5, 5);
 * an ensemble passes when at most 1% of its checked points fall outside.
 * Against a reference ensemble of nRef runs instead of exact moments (mu, sigma its mean and sd), both
 * estimates carry sampling error: the same statistics with n replaced by the effective size
 * 1 / (1/n + 1/nRef) have the same null distributions (to first order, for Y under normality).
 */

export interface Tally {
  points: number;
  outside: number;
  worstZ: number;
  worstY: number;
}

export interface Ranges {
  readonly meanRange: readonly [number, number];
  readonly sdRange: readonly [number, number];
}

export const DSMTS_RANGES: Ranges = { meanRange: [-3, 3], sdRange: [-5, 5] };

/** The suite's pass rule: at most this fraction of points outside. */
export const ALLOWED_FRACTION = 0.01;

export function zScore(n: number, mean: number, mu: number, sigma: number): number {
  return (Math.sqrt(n) * (mean - mu)) / sigma;
}

export function yScore(n: number, sd: number, sigma: number): number {
  return Math.sqrt(n / 2) * ((sd * sd) / (sigma * sigma) - 1);
}

/** Effective ensemble size for comparing an ensemble of n runs with a reference ensemble of nRef runs. */
export function effectiveRuns(n: number, nRef: number): number {
  return 1 / (1 / n + 1 / nRef);
}

export function emptyTally(): Tally {
  return { points: 0, outside: 0, worstZ: 0, worstY: 0 };
}

/** Counts one Z point into t. */
export function addZ(t: Tally, z: number, ranges: Ranges = DSMTS_RANGES): void {
  t.points++;
  if (!(z > ranges.meanRange[0] && z < ranges.meanRange[1])) t.outside++;
  if (Math.abs(z) > Math.abs(t.worstZ)) t.worstZ = z;
}

/** Counts one Y point into t. */
export function addY(t: Tally, y: number, ranges: Ranges = DSMTS_RANGES): void {
  t.points++;
  if (!(y > ranges.sdRange[0] && y < ranges.sdRange[1])) t.outside++;
  if (Math.abs(y) > Math.abs(t.worstY)) t.worstY = y;
}

export function passes(t: Tally, allowed = ALLOWED_FRACTION): boolean {
  return t.points > 0 && t.outside <= allowed * t.points;
}

export function describe(t: Tally): string {
  return `${t.outside} of ${t.points} points outside (worst Z ${t.worstZ.toFixed(2)}, Y ${t.worstY.toFixed(2)})`;
}

/**
 * Z and Y of an ensemble (mean, sd over n runs) against a reference ensemble (over nRef runs), at every
 * cell where the reference sd is positive; cells where it is 0 must match the mean exactly (within 1e-9
 * relative) and have sd 0, as the suite requires. Layouts are the same (time-major, ids).
 */
export function compareEnsembles(
  test: { readonly mean: ArrayLike<number>; readonly sd: ArrayLike<number>; readonly n: number },
  ref: { readonly mean: ArrayLike<number>; readonly sd: ArrayLike<number>; readonly n: number },
  cells: Iterable<number>,
): Tally {
  const t = emptyTally();
  const nEff = effectiveRuns(test.n, ref.n);
  for (const c of cells) {
    const mu = ref.mean[c];
    const sigma = ref.sd[c];
    if (sigma === 0) {
      const tol = 1e-9 * Math.max(1, Math.abs(mu));
      t.points += 2;
      if (Math.abs(test.mean[c] - mu) > tol) t.outside++;
      if (test.sd[c] > tol) t.outside++;
      continue;
    }
    addZ(t, zScore(nEff, test.mean[c], mu, sigma));
    addY(t, yScore(nEff, test.sd[c], sigma));
  }
  return t;
}
