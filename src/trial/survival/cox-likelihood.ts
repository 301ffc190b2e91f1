/**
 * Cox's partial log-likelihood (Cox 1972) with its score vector and information matrix, for tied event
 * times by Breslow's (Breslow 1974) or Efron's (Efron 1977) approximation, as in Therneau & Grambsch
 * (2000, ch. 3) and R's survival (coxfit6). One backward pass over the subjects sorted by time builds the
 * risk-set sums S0 = sum r, S1 = sum r x, S2 = sum r x x' (r = exp(x'beta)) as the risk set grows: O(n p^2)
 * per evaluation. The risk scores are kept relative to a running shift (the largest linear predictor seen,
 * updated when exceeded by a margin), a streaming log-sum-exp: no overflow for any linear predictor and
 * no underflow of a whole risk set.
 */
import type { SortedSurvival } from './input.js';

/** A rescale happens when a linear predictor exceeds the shift by this; exp(200) * n * x^2 stays finite. */
const RESCALE_MARGIN = 200;

export class CoxLikelihood {
  /** Score vector at the last evaluation. */
  readonly u: Float64Array;
  /** Information matrix (row-major p x p) at the last evaluation. */
  readonly imat: Float64Array;
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private readonly d1: Float64Array;
  private readonly d2: Float64Array;
  private readonly mean: Float64Array;

  /**
   * @param s the sorted data (times merged, as input.ts sorts them)
   * @param x covariates row-major n x p in the sorted order, centered (centering leaves the fit unchanged
   *   and keeps the linear predictors small)
   */
  constructor(
    private readonly s: SortedSurvival,
    private readonly x: Float64Array,
    private readonly p: number,
    private readonly efron: boolean,
  ) {
    this.u = new Float64Array(p);
    this.imat = new Float64Array(p * p);
    this.s1 = new Float64Array(p);
    this.s2 = new Float64Array(p * p);
    this.d1 = new Float64Array(p);
    this.d2 = new Float64Array(p * p);
    this.mean = new Float64Array(p);
  }

  /** The log partial likelihood at beta; fills u and imat. */
  evaluate(beta: Float64Array): number {
    const { p, x, u, imat, s1, s2, d1, d2, mean } = this;
    const { n, time, status } = this.s;
    u.fill(0);
    imat.fill(0);
    s1.fill(0);
    s2.fill(0);
    let s0 = 0;
    let shift = Number.NEGATIVE_INFINITY;
    let loglik = 0;
    for (let k = n - 1; k >= 0; ) {
      const tk = time[k];
      let d0 = 0;
      let nd = 0;
      d1.fill(0);
      d2.fill(0);
      for (; k >= 0 && time[k] === tk; k--) {
        const row = k * p;
        let eta = 0;
        for (let a = 0; a < p; a++) eta += beta[a] * x[row + a];
        if (eta - shift > RESCALE_MARGIN) {
          const f = Math.exp(shift - eta);
          s0 *= f;
          d0 *= f;
          for (let a = 0; a < p; a++) {
            s1[a] *= f;
            d1[a] *= f;
          }
          for (let a = 0; a < p * p; a++) {
            s2[a] *= f;
            d2[a] *= f;
          }
          shift = eta;
        }
        const r = Math.exp(eta - shift);
        if (status[k] === 1) {
          nd++;
          loglik += eta;
          d0 += r;
          for (let a = 0; a < p; a++) {
            const xa = x[row + a];
            u[a] += xa;
            d1[a] += r * xa;
            for (let b = 0; b <= a; b++) d2[a * p + b] += r * xa * x[row + b];
          }
        } else {
          s0 += r;
          for (let a = 0; a < p; a++) {
            const xa = x[row + a];
            s1[a] += r * xa;
            for (let b = 0; b <= a; b++) s2[a * p + b] += r * xa * x[row + b];
          }
        }
      }
      if (nd === 0) continue;
      if (!this.efron || nd === 1) {
        // Breslow: every death sees the whole risk set.
        s0 += d0;
        for (let a = 0; a < p; a++) s1[a] += d1[a];
        for (let a = 0; a < p * p; a++) s2[a] += d2[a];
        loglik -= nd * (Math.log(s0) + shift);
        this.addInformation(nd, s0, s1, s2);
      } else {
        // Efron: the k-th of nd tied deaths sees the others and (k + 1) / nd of the tied deaths' weight.
        for (let j = 1; j <= nd; j++) {
          const f = j / nd;
          const den = s0 + f * d0;
          loglik -= Math.log(den) + shift;
          for (let a = 0; a < p; a++) mean[a] = s1[a] + f * d1[a];
          this.addEfronTerm(den, f);
        }
        s0 += d0;
        for (let a = 0; a < p; a++) s1[a] += d1[a];
        for (let a = 0; a < p * p; a++) s2[a] += d2[a];
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) imat[b * p + a] = imat[a * p + b];
    return loglik;
  }

  /** u -= w S1 / S0; imat += w (S2 / S0 - (S1 / S0)(S1 / S0)') on the lower triangle. */
  private addInformation(w: number, s0: number, s1: Float64Array, s2: Float64Array): void {
    const { p, u, imat } = this;
    for (let a = 0; a < p; a++) {
      const ma = s1[a] / s0;
      u[a] -= w * ma;
      for (let b = 0; b <= a; b++) imat[a * p + b] += w * (s2[a * p + b] / s0 - (ma * s1[b]) / s0);
    }
  }

  /** One Efron term: mean holds S1 + f D1 and den = S0 + f D0. */
  private addEfronTerm(den: number, f: number): void {
    const { p, u, imat, mean, s2, d2 } = this;
    for (let a = 0; a < p; a++) {
      const ma = mean[a] / den;
      u[a] -= ma;
      for (let b = 0; b <= a; b++)
        imat[a * p + b] += (s2[a * p + b] + f * d2[a * p + b]) / den - (ma * mean[b]) / den;
    }
  }
}
