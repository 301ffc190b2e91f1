/**
 * The trial's units of work, pure functions of (seed, scenario, settings, patient range): the same numbers
 * on the main thread and in any worker, whatever the split.
 */

import { stream } from '../random/rng.js';
import type { PatientOutcome } from './analysis.js';
import type { TrialScenario } from './assumptions.js';
import { FIVE_YEARS } from './calibrate.js';
import { type CloneSettings, simulateClone } from './clone.js';
import { cloneStream, patientParams, simulateArm } from './patient.js';
import { censorDay, countFor, drawPatient } from './population.js';
import { rateTable, trialModel } from './rates.js';

export interface WorkContext {
  readonly seed: number;
  readonly scenario: TrialScenario;
  readonly clone: CloneSettings;
  /** Model parameter values for every patient, applied over the patient's own (e.g. Kd, kADCC). */
  readonly modelParams?: Readonly<Record<string, number>>;
}

export type WorkItem =
  | { readonly kind: 'pilot'; readonly from: number; readonly to: number }
  | { readonly kind: 'trial'; readonly from: number; readonly to: number; readonly mean: number };

export type WorkResult =
  | { readonly kind: 'pilot'; readonly K: number[] }
  | { readonly kind: 'trial'; readonly outcomes: PatientOutcome[] };

/**
 * Pilot: per patient, the index of the first potential micrometastasis detected within 5 years under
 * chemotherapy alone (cap if none), simulated in order up to that one (calibrate.ts).
 */
export function pilotPatient(ctx: WorkContext, i: number): number {
  const M = trialModel();
  const patient = drawPatient(ctx.seed, i, ctx.scenario);
  const cap = patient.micromets.length;
  const p = patientParams(M, patient, ctx.modelParams);
  const T = rateTable(M, p, false);
  for (let k = 0; k < cap; k++) {
    const rng = stream(ctx.seed, cloneStream(i, k));
    const o = simulateClone(M, p, T, patient.micromets[k]!, FIVE_YEARS, rng, ctx.clone);
    if (o.fate === 'recurred') return k;
  }
  return cap;
}

/** Trial: patient i with min(Poisson(mean), cap) micrometastases under both arms, to their censoring day. */
export function trialPatient(ctx: WorkContext, i: number, mean: number): PatientOutcome {
  const M = trialModel();
  const patient = drawPatient(ctx.seed, i, ctx.scenario);
  const count = countFor(patient.countU, mean, patient.micromets.length);
  const horizon = censorDay(patient, ctx.scenario);
  const p = patientParams(M, patient, ctx.modelParams);
  const arm = (a: 'control' | 'trastuzumab'): number =>
    count === 0
      ? Number.POSITIVE_INFINITY
      : simulateArm(M, ctx.seed, patient, a, count, horizon, ctx.clone, p).recurrenceDay;
  return {
    index: i,
    arm: patient.arm,
    ihc: patient.ihc,
    her2Base: patient.her2Base,
    micromets: count,
    dormant: patient.micromets.slice(0, count).filter((m) => m.dormant).length,
    censorDay: horizon,
    backgroundDay: patient.backgroundDay,
    recurrence: { control: arm('control'), trastuzumab: arm('trastuzumab') },
  };
}

export function runWork(ctx: WorkContext, item: WorkItem): WorkResult {
  const ids = Array.from({ length: item.to - item.from }, (_, k) => item.from + k);
  if (item.kind === 'pilot') return { kind: 'pilot', K: ids.map((i) => pilotPatient(ctx, i)) };
  return { kind: 'trial', outcomes: ids.map((i) => trialPatient(ctx, i, item.mean)) };
}
