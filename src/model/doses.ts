/**
 * The one expansion of a dosing regimen into administrations: `count` doses from `start`, `every` apart,
 * each `amounts[k]` when given and `amount` otherwise. Used by the compiler (scheduled events), the
 * experiments (bolus administrations between solves) and the SBML exporter (one event per dose).
 */
import type { Dose } from './types.js';

export interface DoseTime {
  readonly t: number;
  readonly amount: number;
}

/** Administration times and amounts of a regimen, in time order. */
export function administrations(d: Dose): DoseTime[] {
  const out: DoseTime[] = [];
  for (let k = 0; k < d.count; k++)
    out.push({ t: d.start + k * (d.every ?? 0), amount: d.amounts?.[k] ?? d.amount });
  return out;
}
