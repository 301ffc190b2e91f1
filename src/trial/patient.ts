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

import type { Administration } from '../experiments/sim.js';
import { paramVector } from '../experiments/sim.js';
import { stream } from '../random/rng.js';
import { type CloneFate, type CloneOutcome, type CloneSettings, simulateClone } from './clone.js';
import { type Growth, simulateCloneFast } from './fastClone.js';
import type { ArmId, Patient } from './population.js';
import { emptyState, perCapitaRates, type RateTable, rateTable, type TrialModel } from './rates.js';
import { buildReference, type LinearGrowth, linearGrowth, type Reference } from './reference.js';

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
  /** Micrometastases whose deterministic phase was an ODE solve. */
  readonly odeSolves: number;
}

/** How a patient's clones are simulated: the reference path (clone.ts) or the fast one (fastClone.ts). */
export interface PatientSim {
  readonly M: TrialModel;
  readonly seed: number;
  readonly patient: Patient;
  readonly p: Float64Array;
  readonly exact: boolean;
  readonly settings: CloneSettings;
  /** The treated arm's administrations. */
  readonly doses: readonly Administration[];
}

/** Per patient, the drug-free growth of the fast path, built on first need and shared by both arms. */
export function lazyReference(sim: PatientSim): Growth {
  let lin: LinearGrowth | undefined;
  let ref: Reference | undefined;
  const linear = (): LinearGrowth => {
    lin ??= linearGrowth(sim.M, sim.p);
    return lin;
  };
  return {
    linear,
    reference: () => {
      if (!ref) {
        ref = buildReference(sim.M, sim.p, sim.patient.detectMax, linear());
      }
      return ref;
    },
  };
}

/** Rate table of one arm of a patient (closed-form PK on the fast path). */
export function armTable(sim: PatientSim, treated: boolean): RateTable {
  return rateTable(sim.M, sim.p, treated, 7, { doses: sim.doses, pk: sim.exact ? 'ode' : 'closed' });
}

/** One clone of a patient under an arm's table. */
export function simulateOne(
  sim: PatientSim,
  T: RateTable,
  k: number,
  horizon: number,
  reference: Growth,
): CloneOutcome & { readonly ode: boolean } {
  const rng = stream(sim.seed, cloneStream(sim.patient.index, k));
  const m = sim.patient.micromets[k]!;
  if (sim.exact) {
    const o = simulateClone(sim.M, sim.p, T, m, horizon, rng, sim.settings);
    return { ...o, ode: Number.isFinite(o.switchDay) };
  }
  return simulateCloneFast(sim.M, sim.p, T, m, horizon, rng, reference, sim.settings);
}

/** Simulates the first `count` micrometastases of a patient under an arm up to `horizon` days. */
export function simulateArm(
  sim: PatientSim,
  arm: ArmId,
  count: number,
  horizon: number,
  reference: Growth = lazyReference(sim),
): ArmOutcome {
  const T = armTable(sim, arm === 'trastuzumab');
  let first = Number.POSITIVE_INFINITY;
  const fates: CloneFate[] = [];
  const days: number[] = [];
  let odeSolves = 0;
  for (let k = 0; k < count; k++) {
    const o = simulateOne(sim, T, k, horizon, reference);
    fates.push(o.fate);
    days.push(o.fate === 'recurred' ? o.day : Number.NaN);
    if (o.ode) odeSolves++;
    if (o.fate === 'recurred' && o.day < first) first = o.day;
  }
  return { recurrenceDay: first, fates, days, odeSolves };
}
