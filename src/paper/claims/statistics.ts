/**
 * The eight claim statistics of one parameter set, C1..C8, each the number its cheap criterion judges
 * (claim.statistic), under one model variant: the vector the calibration compares with the evidence.
 */
import { claims } from './index.js';
import type { ModelOptions, ParamSet } from './types.js';

/** Statistics of C1..C8 into `out` (NaN where a simulation fails or a readout is undefined). */
export function claimStatistics(
  set: ParamSet,
  model: ModelOptions = {},
  out: Float64Array = new Float64Array(claims.length),
): Float64Array {
  claims.forEach((c, k) => {
    try {
      out[k] = c.statistic(set, model);
    } catch {
      out[k] = Number.NaN;
    }
  });
  return out;
}
