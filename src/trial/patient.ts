/**
 * A virtual patient under one arm: the patient's parameter vector (HER2, PK, self-renewal, Fc-receptor
 * activity, cell kinetics), the arm's rate table, and the first `count` micrometastases simulated
 * independently (clone.ts). The recurrence is the first detection among them.
 *
 * Cell kinetics: xenograft lines divide in days, human tumors double in months. All cell-kinetic rates of
 * the model (lambdaS, lambdaP, deltaS, deltaP, deltaD) are scaled by one factor so that the patient's
 * untreated CSC pool doubles in `doublingDays` (population.ts); extinction probabilities d/b are unchanged,
 * time runs slower. Fc-receptor killing (kADCC, an effector-cell rate) and the PK are not scaled.
 * Both arms of a patient draw clone k from the same stream (common random numbers), so that an arm
 * difference is the drug's, not sampling noise.
 */
import { paramVector } from '../experiments/sim.js';
import { stream } from '../random/rng.js';
import { type CloneFate, type CloneSettings, simulateClone } from './clone.js';
import type { ArmId, Patient } from './population.js';
import { emptyState, perCapitaRates, rateTable, type TrialModel } from './rates.js';

/** Cell-kinetic rates scaled together to give the patient's doubling time. */
export const KINETIC_RATES: readonly string[] = ['lambdaS', 'lambdaP', 'deltaS', 'deltaP', 'deltaD'];

/** Stream index of clone k of patient i: disjoint from the population streams (indices < 2^40). */
export function cloneStream(i: number, k: number): number {
  return (k + 1) * 2 ** 40 + i;
}

/** The parameter vector of a patient, kinetics scaled (left unscaled if its untreated CSC pool cannot grow). */
export function patientParams(
  M: TrialModel,
  patient: Patient,
  overrides: Readonly<Record<string, number>> = {},
): Float64Array {
  const p = paramVector(M.problem, { ...patient.params, ...overrides });
  const [b, d] = perCapitaRates(M, p, emptyState(M, p));
  const r = b - d;
  if (r > 0) {
    const k = Math.LN2 / patient.doublingDays / r;
    for (const id of KINETIC_RATES) p[M.problem.paramIndex.get(id)!] *= k;
  }
  return p;
}

export interface ArmOutcome {
  /** Day of the first detected recurrence, or Infinity if none by the horizon. */
  readonly recurrenceDay: number;
  /** Fate of each simulated micrometastasis. */
  readonly fates: readonly CloneFate[];
  /** Detection day of each micrometastasis (NaN unless it recurred). */
  readonly days: readonly number[];
}

/** Simulates the first `count` micrometastases of a patient under an arm up to `horizon` days. */
export function simulateArm(
  M: TrialModel,
  seed: number,
  patient: Patient,
  arm: ArmId,
  count: number,
  horizon: number,
  settings: CloneSettings = {},
  p: Float64Array = patientParams(M, patient),
): ArmOutcome {
  const T = rateTable(M, p, arm === 'trastuzumab');
  let first = Number.POSITIVE_INFINITY;
  const fates: CloneFate[] = [];
  const days: number[] = [];
  for (let k = 0; k < count; k++) {
    const rng = stream(seed, cloneStream(patient.index, k));
    const o = simulateClone(M, p, T, patient.micromets[k]!, horizon, rng, settings);
    fates.push(o.fate);
    days.push(o.fate === 'recurred' ? o.day : Number.NaN);
    if (o.fate === 'recurred' && o.day < first) first = o.day;
  }
  return { recurrenceDay: first, fates, days };
}
