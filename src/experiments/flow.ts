/**
 * Flow-cytometry-like readouts of a simulated tumor or culture: ALDEFLUOR+ fraction and HER2 per cell by
 * population, with cell-to-cell lognormal spread of HER2 for HER2+ fractions.
 *
 * HER2 by stage: CSCs carry HER2_S, differentiated cells HER2_N, and progenitor stage i carries
 * HER2_N + (HER2_S - HER2_N) theta^i (the stem HER2 programme diluted at each transit division, assumed).
 * ALDEFLUOR+ cells are the CSCs and the first `aldhStages` progenitor stages (the model's aldhFraction).
 */
import { erfc } from './stats.js';

export interface Composition {
  readonly S: number;
  /** Progenitor stages P1..Pk. */
  readonly P: readonly number[];
  readonly D: number;
  readonly her2S: number;
  readonly her2N: number;
  readonly theta: number;
  readonly aldhStages: number;
  /**
   * ALDH+ probability of a cell of each population S, P1..Pk, D when ALDH+ follows HER2 signalling
   * (model option aldh: 'signalling'); absent: the stage gate (CSCs and the first aldhStages stages).
   */
  readonly aldhProb?: readonly number[];
}

/** A mixture of subpopulations: weights (cells) and mean HER2 receptors per cell. */
export interface Mixture {
  readonly weights: readonly number[];
  readonly her2: readonly number[];
}

export function stageHer2(c: Composition, stage: number): number {
  return c.her2N + (c.her2S - c.her2N) * c.theta ** stage;
}

/** ALDEFLUOR+ fraction when CSCs and the first `stages` progenitor stages are ALDH+ (default the lab's). */
export function aldhFraction(c: Composition, stages = c.aldhStages): number {
  if (c.aldhProb) {
    const { aldhPos, aldhNeg } = sortByAldh(c);
    const w = (m: Mixture): number => m.weights.reduce((a, b) => a + b, 0);
    return w(aldhPos) / (w(aldhPos) + w(aldhNeg));
  }
  let pos = c.S;
  let all = c.S + c.D;
  c.P.forEach((n, i) => {
    all += n;
    if (i < stages) pos += n;
  });
  return pos / all;
}

/** ALDH+ and ALDH- populations as HER2 mixtures. */
export function sortByAldh(c: Composition): { aldhPos: Mixture; aldhNeg: Mixture } {
  if (c.aldhProb) return sortBySignal(c, c.aldhProb);
  const posW = [c.S];
  const posH = [c.her2S];
  const negW: number[] = [];
  const negH: number[] = [];
  c.P.forEach((n, i) => {
    const h = stageHer2(c, i + 1);
    if (i < c.aldhStages) {
      posW.push(n);
      posH.push(h);
    } else {
      negW.push(n);
      negH.push(h);
    }
  });
  negW.push(c.D);
  negH.push(c.her2N);
  return { aldhPos: { weights: posW, her2: posH }, aldhNeg: { weights: negW, her2: negH } };
}

/** Each population split into its ALDH+ share q and ALDH- share 1 - q, at the population's HER2. */
function sortBySignal(c: Composition, q: readonly number[]): { aldhPos: Mixture; aldhNeg: Mixture } {
  const w = [c.S, ...c.P, c.D];
  const h = [c.her2S, ...c.P.map((_, i) => stageHer2(c, i + 1)), c.her2N];
  return {
    aldhPos: { weights: w.map((x, i) => x * q[i]!), her2: h },
    aldhNeg: { weights: w.map((x, i) => x * (1 - q[i]!)), her2: h },
  };
}

export function wholeMixture(c: Composition): Mixture {
  const { aldhPos, aldhNeg } = sortByAldh(c);
  return { weights: [...aldhPos.weights, ...aldhNeg.weights], her2: [...aldhPos.her2, ...aldhNeg.her2] };
}

export function meanHer2(m: Mixture): number {
  let w = 0;
  let s = 0;
  m.weights.forEach((x, i) => {
    w += x;
    s += x * m.her2[i]!;
  });
  return w > 0 ? s / w : Number.NaN;
}

/** Standard normal CDF via erfc. */
function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Fraction of cells above `gate` receptors when each subpopulation is lognormal with the given mean and
 * log-sd `sigma` (median = mean e^{-sigma^2/2}, so the mean is preserved).
 */
export function fractionAbove(m: Mixture, gate: number, sigma: number): number {
  let w = 0;
  let s = 0;
  m.weights.forEach((x, i) => {
    const mu = Math.log(m.her2[i]!) - 0.5 * sigma * sigma;
    w += x;
    s += x * (1 - normalCdf((Math.log(gate) - mu) / sigma));
  });
  return w > 0 ? s / w : Number.NaN;
}

/** The gate a cytometrist would set: the `q` quantile of a reference population (bisection on the CDF). */
export function gateAtQuantile(m: Mixture, q: number, sigma: number): number {
  let lo = Math.log(Math.min(...m.her2)) - 8 * sigma;
  let hi = Math.log(Math.max(...m.her2)) + 8 * sigma;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (1 - fractionAbove(m, Math.exp(mid), sigma) < q) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}
