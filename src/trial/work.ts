/**
 * The trial's units of work, pure functions of (seed, scenario, design, settings, patient range): the same
 * numbers on the main thread, in any worker or on a queue, whatever the split. A work item is plain data.
 */

import type { Administration } from '../experiments/sim.js';
import type { TrialScenario } from './assumptions.js';
import type { CloneSettings } from './clone.js';
import type { Her2Stratum } from './design.js';
import type { PatientOutcome } from './outcome.js';
import {
  armTable,
  lazyReference,
  type PatientSim,
  patientParams,
  simulateArm,
  simulateOne,
} from './patient.js';
import { censorDay, countFor, DAYS_PER_YEAR, drawPatient, type Patient } from './population.js';
import { trialModel } from './rates.js';

export interface WorkContext {
  readonly seed: number;
  readonly scenario: TrialScenario;
  readonly clone: CloneSettings;
  /** Model parameter values for every patient, applied over the patient's own (e.g. Kd, kADCC). */
  readonly modelParams?: Readonly<Record<string, number>>;
  /** The design's HER2 strata (default B-47's). */
  readonly strata?: readonly Her2Stratum[];
  /** The treated arm's administrations (default the model's B-47 schedule). */
  readonly doses?: readonly Administration[];
  /** The reference path (ODE per clone, ODE PK) instead of the fast one. */
  readonly exact?: boolean;
}

export type WorkItem =
  | { readonly kind: 'pilot'; readonly from: number; readonly to: number }
  | { readonly kind: 'trial'; readonly from: number; readonly to: number; readonly mean: number };

export type WorkResult =
  | { readonly kind: 'pilot'; readonly K: number[]; readonly odeSolves: number }
  | { readonly kind: 'trial'; readonly outcomes: PatientOutcome[]; readonly odeSolves: number };

function simWith(ctx: WorkContext, patient: Patient): PatientSim {
  const M = trialModel();
  return {
    M,
    seed: ctx.seed,
    patient,
    p: patientParams(M, patient, ctx.modelParams),
    exact: ctx.exact ?? false,
    settings: ctx.clone,
    doses: ctx.doses ?? M.doses,
  };
}

/**
 * Pilot: per patient, the index of the first potential micrometastasis detected by the calibration time
 * under chemotherapy alone (cap if none), simulated in order up to that one (calibrate.ts).
 */
export function pilotPatient(
  ctx: WorkContext,
  i: number,
  drawn: Patient = drawPatient(ctx.seed, i, ctx.scenario, ctx.strata),
): { K: number; odeSolves: number } {
  const sim = simWith(ctx, drawn);
  const cap = sim.patient.micromets.length;
  const T = armTable(sim, false);
  const ref = lazyReference(sim);
  const horizon = ctx.scenario.calibrationYears * DAYS_PER_YEAR;
  let odeSolves = 0;
  for (let k = 0; k < cap; k++) {
    const o = simulateOne(sim, T, k, horizon, ref);
    if (o.ode) odeSolves++;
    if (o.fate === 'recurred') return { K: k, odeSolves };
  }
  return { K: cap, odeSolves };
}

/**
 * Trial: patient i with min(Poisson(mean), cap) micrometastases under both arms, to their censoring day.
 * `drawn`, patient i drawn in full beforehand (simulator.ts), is cut to the micrometastases that exist: the
 * same patient as drawPatient(..., mean) draws.
 */
export function trialPatient(
  ctx: WorkContext,
  i: number,
  mean: number,
  drawn?: Patient,
): PatientOutcome & { odeSolves: number } {
  const patient = drawn
    ? {
        ...drawn,
        micromets: drawn.micromets.slice(0, countFor(drawn.countU, mean, drawn.micromets.length)),
      }
    : drawPatient(ctx.seed, i, ctx.scenario, ctx.strata, mean);
  const count = patient.micromets.length;
  const horizon = censorDay(patient, ctx.scenario);
  let odeSolves = 0;
  let recurrence = { control: Number.POSITIVE_INFINITY, trastuzumab: Number.POSITIVE_INFINITY };
  // Without micrometastases there is nothing to simulate (nor a parameter vector to build).
  if (count > 0) {
    const sim = simWith(ctx, patient);
    const ref = lazyReference(sim);
    const arm = (a: 'control' | 'trastuzumab'): number => {
      const o = simulateArm(sim, a, count, horizon, ref);
      odeSolves += o.odeSolves;
      return o.recurrenceDay;
    };
    recurrence = { control: arm('control'), trastuzumab: arm('trastuzumab') };
  }
  return {
    index: i,
    arm: patient.arm,
    stratum: patient.stratum,
    ihc: patient.ihc,
    her2Base: patient.her2Base,
    micromets: count,
    dormant: patient.micromets.filter((m) => m.dormant).length,
    censorDay: horizon,
    backgroundDay: patient.backgroundDay,
    recurrence,
    odeSolves,
  };
}

export function runWork(ctx: WorkContext, item: WorkItem): WorkResult {
  let odeSolves = 0;
  if (item.kind === 'pilot') {
    const K: number[] = [];
    for (let i = item.from; i < item.to; i++) {
      const r = pilotPatient(ctx, i);
      K.push(r.K);
      odeSolves += r.odeSolves;
    }
    return { kind: 'pilot', K, odeSolves };
  }
  const outcomes: PatientOutcome[] = [];
  for (let i = item.from; i < item.to; i++) {
    const { odeSolves: n, ...o } = trialPatient(ctx, i, item.mean);
    outcomes.push(o);
    odeSolves += n;
  }
  return { kind: 'trial', outcomes, odeSolves };
}
