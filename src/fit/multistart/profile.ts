/**
 * Profile likelihoods (Raue et al., Bioinformatics 2009): for each parameter, fix it on a grid stepping out of
 * the optimum (adaptive steps) on the optimiser scale and re-optimise the others from the previous grid point, until the
 * profile rises above the 95% threshold (chi2(1) quantile / 2 = 1.92 over the best nllh) by a margin or the
 * bound is reached. The confidence interval is where the profile crosses the threshold (linear interpolation).
 */
import { minimiseBounded } from './optimise.js';
import { fromScale, scaleDerivative, toScale } from './scale.js';
import type { LikelihoodProblem } from './types.js';

/** Half the 0.95 quantile of chi-square with 1 degree of freedom. */
export const PROFILE_THRESHOLD_95 = 3.841458820694124 / 2;

export interface Profile {
  readonly id: string;
  /** Grid values (model units), ascending, and the profile nllh at each. */
  readonly values: Float64Array;
  readonly nllh: Float64Array;
  /** 95% interval (model units); a side is null where the profile stays below the threshold up to the bound. */
  readonly lower95: number | null;
  readonly upper95: number | null;
}

export interface ProfileOptions {
  /** First grid step on the optimiser scale, as a fraction of the scaled bound range; default 1e-3 (then adapted). */
  readonly step?: number;
  /** Points per side at most; default 60. */
  readonly maxPoints?: number;
}

export function profiles(
  pr: LikelihoodProblem,
  xBest: Float64Array,
  fBest: number,
  o: ProfileOptions = {},
): Profile[] {
  const d = pr.parameterIds.length;
  const sc = pr.scales;
  const lo = Float64Array.from(pr.lower, (v, i) => toScale(sc[i]!, v));
  const hi = Float64Array.from(pr.upper, (v, i) => toScale(sc[i]!, v));
  const x = new Float64Array(d);
  const gx = new Float64Array(d);
  const objective = (theta: Float64Array, g: Float64Array): number => {
    for (let i = 0; i < d; i++) x[i] = fromScale(sc[i]!, theta[i]!);
    try {
      const f = pr.gradient(x, gx);
      for (let i = 0; i < d; i++) g[i] = gx[i]! * scaleDerivative(sc[i]!, x[i]!);
      return f;
    } catch {
      return Number.NaN;
    }
  };
  const best = Float64Array.from(xBest, (v, i) => toScale(sc[i]!, v));
  return pr.parameterIds.map((id, i) => {
    const pts: [number, number][] = [[best[i]!, fBest]];
    for (const dir of [-1, 1]) {
      let theta = Float64Array.from(best);
      // Adaptive step: doubled while the profile rises slowly, halved when one step rises by much of the threshold.
      let h = (o.step ?? 1e-3) * (hi[i]! - lo[i]!);
      let v = best[i]!;
      let fPrev = fBest;
      for (let k = 1; k <= (o.maxPoints ?? 60); k++) {
        v = Math.min(hi[i]!, Math.max(lo[i]!, v + dir * h));
        const l = Float64Array.from(lo);
        const u = Float64Array.from(hi);
        l[i] = v;
        u[i] = v;
        theta[i] = v;
        let f: number;
        try {
          const r = minimiseBounded(objective, theta, { lower: l, upper: u, gtol: 1e-5 });
          theta = Float64Array.from(r.x);
          f = r.f;
        } catch {
          break;
        }
        pts.push([v, f]);
        if (f - fBest > 1.5 * PROFILE_THRESHOLD_95 || v === lo[i]! || v === hi[i]!) break;
        if (f - fPrev < 0.05 * PROFILE_THRESHOLD_95) h *= 2;
        else if (f - fPrev > 0.3 * PROFILE_THRESHOLD_95) h /= 2;
        fPrev = f;
      }
    }
    pts.sort((a, b) => a[0] - b[0]);
    const crossing = (a: [number, number], b: [number, number]): number => {
      const t = (fBest + PROFILE_THRESHOLD_95 - a[1]) / (b[1] - a[1]);
      return fromScale(sc[i]!, a[0] + t * (b[0] - a[0]));
    };
    const c = pts.findIndex((q) => q[0] === best[i]!);
    let lower95: number | null = null;
    for (let k = c; k > 0; k--)
      if (pts[k - 1]![1] - fBest > PROFILE_THRESHOLD_95) {
        lower95 = crossing(pts[k - 1]!, pts[k]!);
        break;
      }
    let upper95: number | null = null;
    for (let k = c; k + 1 < pts.length; k++)
      if (pts[k + 1]![1] - fBest > PROFILE_THRESHOLD_95) {
        upper95 = crossing(pts[k]!, pts[k + 1]!);
        break;
      }
    return {
      id,
      values: Float64Array.from(pts, (q) => fromScale(sc[i]!, q[0])),
      nllh: Float64Array.from(pts, (q) => q[1]),
      lower95,
      upper95,
    };
  });
}
