/**
 * Latin hypercube sampling (McKay, Beckman & Conover, Technometrics 1979): n points in d dimensions, each
 * dimension cut into n equal-probability strata with one point per stratum, strata paired by independent
 * random permutations. Seeded: dimension j uses stream(seed, j), so a sample is reproducible and adding a
 * dimension does not change the others.
 */
import { stream } from '../random/index.js';

export interface LhsDimension {
  readonly id: string;
  readonly range: readonly [number, number];
  /** 'log' samples uniformly in log space (ranges spanning a decade or more); default chosen by span. */
  readonly scale?: 'linear' | 'log';
}

export interface LhsSample {
  readonly ids: readonly string[];
  readonly n: number;
  /** Row-major n x d: values[i * d + j] is dimension j of point i. */
  readonly values: Float64Array;
}

export function latinHypercube(dims: readonly LhsDimension[], n: number, seed: number): LhsSample {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`latinHypercube: n must be a positive integer`);
  const d = dims.length;
  const values = new Float64Array(n * d);
  const perm = new Int32Array(n);
  dims.forEach((dim, j) => {
    const [lo, hi] = dim.range;
    if (!(hi >= lo)) throw new RangeError(`latinHypercube: range of '${dim.id}' is empty`);
    const log = (dim.scale ?? (lo > 0 && hi / lo >= 10 ? 'log' : 'linear')) === 'log';
    const rng = stream(seed, j);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(rng.uniform() * (i + 1));
      const t = perm[i]!;
      perm[i] = perm[k]!;
      perm[k] = t;
    }
    for (let i = 0; i < n; i++) {
      const u = (perm[i]! + rng.uniform()) / n;
      values[i * d + j] = log
        ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)))
        : lo + u * (hi - lo);
    }
  });
  return { ids: dims.map((x) => x.id), n, values };
}
