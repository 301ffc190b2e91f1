/**
 * The log-rank test (Mantel 1966; Peto & Peto 1972) of equal survival across groups, as R's
 * survival::survdiff with rho = 0: at each event time the events are shared out in proportion to the
 * numbers at risk (hypergeometric expectation and covariance), and chisq = (O - E)' V^-1 (O - E) over all
 * groups but the first with a positive expectation, on (groups with E > 0) - 1 degrees of freedom.
 */
import { InputError } from '../../errors.js';
import { groupCodes } from './groups.js';
import { checkSurvival, requireEvents, sortSurvival } from './input.js';
import { choleskyDecompose, choleskySolve } from './matrix.js';
import { chiSquareUpper } from './pvalue.js';

export interface LogRank {
  chisq: number;
  df: number;
  p: number;
  /** Group labels in sorted order; observed and expected events in the same order. */
  groups: string[];
  observed: Float64Array;
  expected: Float64Array;
  /** Subjects per group. */
  n?: Float64Array;
  /** Covariance matrix of O - E, row-major groups x groups. */
  variance?: Float64Array;
}

/** Log-rank test across the groups of `group` (at least two). status: 1 = event, 0 = censored. */
export function logRank(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  group: readonly string[],
): LogRank {
  checkSurvival(time, status);
  const g = groupCodes(group, time.length);
  return logRankCoded(time, status, g.code, g.levels);
}

/** logRank with the groups as codes: subject i is in levels[code[i]] (time and status checked). */
function logRankCoded(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  code: ArrayLike<number>,
  levels: readonly string[],
): LogRank {
  const G = levels.length;
  if (G < 2)
    throw new InputError(
      `only one group (${JSON.stringify(levels[0])}); the log-rank test needs two or more`,
      {
        path: 'group',
      },
    );
  const g = { code, levels: [...levels] };
  const s = sortSurvival(time, status);
  requireEvents(s, 'the log-rank test');

  const atRisk = new Float64Array(G);
  const nGroup = new Float64Array(G);
  for (let i = 0; i < s.n; i++) nGroup[g.code[i]]++;
  atRisk.set(nGroup);
  const deaths = new Float64Array(G);
  const observed = new Float64Array(G);
  const expected = new Float64Array(G);
  const V = new Float64Array(G * G);
  let total = s.n;
  for (let k = 0; k < s.n; ) {
    const tk = s.time[k];
    const start = k;
    let d = 0;
    for (; k < s.n && s.time[k] === tk; k++) {
      if (s.status[k] === 1) {
        deaths[g.code[s.order[k]]]++;
        d++;
      }
    }
    if (d > 0) {
      const share = d / total;
      // Hypergeometric covariance of the group counts, d (n - d) / (n^2 (n - 1)) * n_i (delta_ij n - n_j).
      const f = total > 1 ? (d * (total - d)) / (total * total * (total - 1)) : 0;
      for (let a = 0; a < G; a++) {
        observed[a] += deaths[a];
        expected[a] += share * atRisk[a];
        const ra = f * atRisk[a];
        for (let b = 0; b < G; b++) V[a * G + b] += ra * ((a === b ? total : 0) - atRisk[b]);
        deaths[a] = 0;
      }
    }
    for (let j = start; j < k; j++) atRisk[g.code[s.order[j]]]--;
    total -= k - start;
  }

  return logRankTest(observed, expected, V, g.levels, nGroup);
}

/**
 * The statistic from the observed and expected events per group and the covariance of O - E (row-major
 * G x G): groups with E > 0 but the first, chisq = (O - E)' V^-1 (O - E).
 */
export function logRankTest(
  observed: Float64Array,
  expected: Float64Array,
  V: Float64Array,
  levels: string[],
  nGroup: Float64Array,
): LogRank {
  const G = levels.length;
  // Keep groups with E > 0, drop the first of them (the rest determine it: sum of O - E is 0).
  const keep: number[] = [];
  for (let a = 0; a < G; a++) if (expected[a] > 0) keep.push(a);
  const df = keep.length - 1;
  let chisq = 0;
  if (df >= 1) {
    const idx = keep.slice(1);
    const A = new Float64Array(df * df);
    const x = new Float64Array(df);
    idx.forEach((a, r) => {
      x[r] = observed[a] - expected[a];
      idx.forEach((b, c) => {
        A[r * df + c] = V[a * G + b];
      });
    });
    const diff = Float64Array.from(x);
    choleskyDecompose(A, df);
    choleskySolve(A, df, x);
    for (let r = 0; r < df; r++) chisq += x[r] * diff[r];
  }
  return {
    chisq,
    df,
    p: df >= 1 ? chiSquareUpper(chisq, df) : Number.NaN,
    groups: levels,
    observed,
    expected,
    n: nGroup,
    variance: V,
  };
}
