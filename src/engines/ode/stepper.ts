/**
 * The contract where integration methods plug in. The shared integrator (integrate.ts) owns the
 * time loop, output sampling, events, stops, step limits and failure reporting; a stepper owns
 * one method's arithmetic and its step-size controller.
 *
 * A new method must provide an `OdeStepper` that:
 * 1. allocates every work buffer in its constructor (one solve = one stepper; no allocation per step);
 * 2. on `reset(t, y, h)` copies y, forgets all history that assumed a smooth solution (FSAL stage,
 *    Jacobian, controller memory) and, when h is NaN, picks a starting step (initialStep.ts);
 * 3. on `attempt(tNew)` tries one step of size tNew - t from (t, y) and either
 *    - accepts: sets tPrev = t, t = tNew exactly (never t + h), updates y, fills `dense` (5n values,
 *      dense.ts form, valid on [tPrev, t]) and proposes hNext; returns true; or
 *    - rejects: leaves t and y unchanged, proposes a smaller hNext; returns false.
 *    A NaN or infinite error estimate is a rejection (the integrator turns repeated rejection into a
 *    SolverError naming `worstComponent()`);
 *    When `atStop` is set, no stage may be evaluated at or after tNew (use `leftOf(tNew)` instead):
 *    a switch `time - T < 0` takes its new value at T itself, and a stage there would put the jump
 *    inside the step (Isensee_JCB2018 shrank its step towards T = 60 until it underflowed);
 * 4. counts its work in the shared `OdeStats` (rhsEvals, jacEvals, luDecomps); the integrator counts
 *    accepted and rejected steps;
 * 5. sets `wantsSwitch` when another class of method would be cheaper (explicit: stiffness detected;
 *    implicit: problem no longer stiff). Only the auto stepper acts on it.
 */
import type { Problem } from '../../problem/types.js';
import type { OdeStats } from './types.js';

export interface OdeStepper {
  readonly method: 'dopri5' | 'rodas' | 'bdf';
  readonly order: number;
  /** Start of the last accepted step. */
  readonly tPrev: number;
  /** Current time: end of the last accepted step. */
  readonly t: number;
  /** Current state, owned by the stepper (read only for callers). */
  readonly y: Float64Array;
  /** Dense output of the last accepted step (5n values, see dense.ts). */
  readonly dense: Float64Array;
  /** Proposed size of the next step (before the integrator's limits). */
  readonly hNext: number;
  /** Error norm of the last attempt (NaN when the candidate was not finite). */
  readonly lastError: number;
  /** True when the other class of method would be cheaper (see item 5 above). */
  readonly wantsSwitch: boolean;
  reset(t: number, y: Float64Array, h: number): void;
  /**
   * `atStop`: tNew is a discontinuity of the right-hand side (problem.tstops); the step must see the
   * left limit there, so stages at tNew are evaluated just before it (see leftOf).
   */
  attempt(tNew: number, atStop?: boolean): boolean;
  /** Writes y(tq) for tq in [tPrev, t] (slightly outside extrapolates). */
  interpolate(tq: number, out: Float64Array): void;
  /** Index of the state component that dominated the last error estimate (or was not finite). */
  worstComponent(): number;
}

/** The largest time a stage of a step ending on the discontinuity tStop may use (one ulp or so below it). */
export function leftOf(tStop: number): number {
  return tStop - Math.max(Math.abs(tStop) * Number.EPSILON, Number.MIN_VALUE);
}

/** Everything a stepper needs from a solve, resolved once. */
export interface StepContext {
  readonly problem: Problem;
  readonly n: number;
  readonly p: Float64Array;
  readonly rtol: number;
  /** Per-component absolute tolerance. */
  readonly atol: Float64Array;
  readonly maxStep: number;
  readonly stats: OdeStats;
  /**
   * Upper bound of an automatic first step at t (initialStep.ts): a tenth of the distance to the next
   * requested output or the end, as CVODE bounds its first step (cvHin: hub = 0.1 |tout - t|).
   */
  readonly firstStepLimit?: (t: number) => number;
}
