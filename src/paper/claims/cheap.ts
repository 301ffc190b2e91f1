/**
 * The cheap side of a claim: its statistic and the criterion on it, with `holds` derived from both so that
 * the robustness sweep and the calibration judge the same number.
 */
import type { Claim, ModelOptions, ParamSet } from './types.js';

export function cheap(
  statistic: (set: ParamSet, model?: ModelOptions) => number,
  accepts: (x: number) => boolean,
): Pick<Claim, 'statistic' | 'accepts' | 'holds'> {
  return { statistic, accepts, holds: (set) => accepts(statistic(set)) };
}
