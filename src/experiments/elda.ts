/**
 * Extreme limiting dilution analysis (ELDA; Hu & Smyth, J Immunol Methods 2009;347:70-78).
 *
 * Single-hit model: a well (or mouse) given d cells is negative with probability exp(-f d), f the stem cell
 * frequency. This is a binomial GLM with complementary log-log link, offset log(d) and slope fixed at 1:
 * log(-log(1 - p_i)) = theta + log(d_i), theta = log f. We fit theta by Newton's method (Fisher scoring is
 * exact here: the observed and expected information agree at the MLE), report 1/f ("1 in X") with a Wald
 * interval on theta (as ELDA does) and a profile-likelihood interval. When every test is negative (or
 * positive) the MLE is at the boundary and, as ELDA, we give the one-sided 95% bound.
 * Groups are compared with the likelihood-ratio test (chi-square, 1 df).
 */
import { chiSq1Upper } from './stats.js';

export interface DilutionRow {
  /** Cells per test (well or mouse). */
  readonly dose: number;
  readonly tested: number;
  /** Tests with a positive outcome (a sphere, a tumor). */
  readonly responded: number;
}

export interface EldaResult {
  /** Estimated stem cell frequency f (per cell); 0 or Infinity at the boundaries. */
  readonly frequency: number;
  /** 1 / f: "one stem cell in X cells". */
  readonly oneIn: number;
  /** 95% interval for 1/f, Wald on log f (ELDA's default). */
  readonly oneInWald: readonly [number, number];
  /** 95% interval for 1/f from the profile likelihood. */
  readonly oneInProfile: readonly [number, number];
  readonly logLik: number;
  /** Standard error of log f (NaN at a boundary). */
  readonly seLogF: number;
}

const Z975 = 1.959963984540054;
const CHI1_95 = 3.841458820694124;

/** Log-likelihood of theta = log f. */
export function eldaLogLik(rows: readonly DilutionRow[], theta: number): number {
  const f = Math.exp(theta);
  let l = 0;
  for (const r of rows) {
    const m = f * r.dose;
    // log(1 - exp(-m)) computed stably.
    if (r.responded > 0) l += r.responded * (m < 1e-300 ? -Infinity : Math.log(-Math.expm1(-m)));
    l -= (r.tested - r.responded) * m;
  }
  return l;
}

function scoreInfo(rows: readonly DilutionRow[], theta: number): [number, number] {
  const f = Math.exp(theta);
  let u = 0;
  let info = 0;
  for (const r of rows) {
    const m = f * r.dose;
    const q = -Math.expm1(-m); // 1 - exp(-m)
    const ratio = (m * Math.exp(-m)) / q; // m e^-m / (1 - e^-m)
    u += r.responded * ratio - (r.tested - r.responded) * m;
    info += r.tested * m * ratio;
  }
  return [u, info];
}

function validate(rows: readonly DilutionRow[]): void {
  if (rows.length === 0) throw new RangeError('elda: no dilution rows');
  for (const r of rows) {
    if (!(r.dose > 0) || !Number.isInteger(r.tested) || r.tested < 1) throw new RangeError('elda: bad row');
    if (!Number.isInteger(r.responded) || r.responded < 0 || r.responded > r.tested)
      throw new RangeError('elda: responded must be an integer in [0, tested]');
  }
}

/** Solves logLik(theta) = target on [a, b] by bisection (logLik monotone there). */
function bisect(rows: readonly DilutionRow[], target: number, a: number, b: number): number {
  const fa = eldaLogLik(rows, a) - target;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (a + b);
    const fm = eldaLogLik(rows, mid) - target;
    if (fm === 0 || b - a < 1e-12) return mid;
    if (Math.sign(fm) === Math.sign(fa)) a = mid;
    else b = mid;
  }
  return 0.5 * (a + b);
}

export function elda(rows: readonly DilutionRow[]): EldaResult {
  validate(rows);
  const pos = rows.reduce((s, r) => s + r.responded, 0);
  const all = rows.reduce((s, r) => s + r.tested, 0);
  const cellsTested = rows.reduce((s, r) => s + r.tested * r.dose, 0);
  if (pos === 0) {
    // exp(-f * sum n d) = 0.05 gives the one-sided upper bound of f.
    const fHi = -Math.log(0.05) / cellsTested;
    return {
      frequency: 0,
      oneIn: Infinity,
      oneInWald: [1 / fHi, Infinity],
      oneInProfile: [1 / fHi, Infinity],
      logLik: 0,
      seLogF: Number.NaN,
    };
  }
  if (pos === all) {
    const lo = bisect(rows, Math.log(0.05), Math.log(1e-12 / Math.max(...rows.map((r) => r.dose))), 60);
    const fLo = Math.exp(lo);
    return {
      frequency: Infinity,
      oneIn: 0,
      oneInWald: [0, 1 / fLo],
      oneInProfile: [0, 1 / fLo],
      logLik: 0,
      seLogF: Number.NaN,
    };
  }
  // Start from the pooled single-dose estimate, then Newton with step halving.
  let theta = Math.log(-Math.log1p(-Math.min(pos / all, 1 - 1e-9)) / (cellsTested / all));
  let l = eldaLogLik(rows, theta);
  for (let it = 0; it < 100; it++) {
    const [u, info] = scoreInfo(rows, theta);
    let step = u / info;
    let next = theta + step;
    let ln = eldaLogLik(rows, next);
    while (ln < l && Math.abs(step) > 1e-14) {
      step /= 2;
      next = theta + step;
      ln = eldaLogLik(rows, next);
    }
    theta = next;
    l = ln;
    if (Math.abs(step) < 1e-12) break;
  }
  const [, info] = scoreInfo(rows, theta);
  const se = 1 / Math.sqrt(info);
  const target = l - CHI1_95 / 2;
  const tLo = bisect(rows, target, theta - 50 * se - 5, theta);
  const tHi = bisect(rows, target, theta, theta + 50 * se + 5);
  const f = Math.exp(theta);
  return {
    frequency: f,
    oneIn: 1 / f,
    oneInWald: [Math.exp(-(theta + Z975 * se)), Math.exp(-(theta - Z975 * se))],
    oneInProfile: [Math.exp(-tHi), Math.exp(-tLo)],
    logLik: l,
    seLogF: se,
  };
}

/** Likelihood-ratio test that two groups share one stem cell frequency (ELDA's "difference" test). */
export function eldaCompare(
  a: readonly DilutionRow[],
  b: readonly DilutionRow[],
): { chiSq: number; p: number; ratio: number } {
  const ea = elda(a);
  const eb = elda(b);
  const pooled = elda([...a, ...b]);
  const la = Number.isFinite(ea.frequency) && ea.frequency > 0 ? ea.logLik : 0;
  const lb = Number.isFinite(eb.frequency) && eb.frequency > 0 ? eb.logLik : 0;
  const chiSq = Math.max(0, 2 * (la + lb - pooled.logLik));
  return { chiSq, p: chiSq1Upper(chiSq), ratio: ea.frequency / eb.frequency };
}
