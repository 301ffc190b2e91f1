/**
 * The contract where stochastic methods plug in (after JumpProcesses.jl's aggregator contract).
 * The shared driver (`trajectory.ts`) owns time, the output grid, events, doses and tstops; a method owns
 * only how the state moves between them.
 */

import type { Problem } from '../../problem/types.js';
import type { Rng } from '../../random/rng.js';

export type SsaMethodName = 'direct' | 'tau-leap' | 'hybrid';

export interface SsaStats {
  /** Reaction firings (for tau-leap: the sum of all Poisson counts). */
  firings: number;
  /** Steps taken: exact firings, leaps, or ODE sub-steps. */
  steps: number;
  /** Tau-leap: leaps rejected because a population would have gone negative. */
  rejected: number;
}

/**
 * Obligations of a method:
 * 1. `reset(t, y)` recomputes everything the method caches (propensities, partitions) from y at time t.
 *    The driver calls it at the start of a run and whenever something outside the method changed y
 *    (an event, a dose) or the rate laws may have jumped (a tstop).
 * 2. `propose(t, tBound, y)` returns the time tau <= tBound of the next jump (tBound if none occurs
 *    before it) and leaves `hasPending()` true when a jump waits for `commit` (a tau-leap may end exactly
 *    at tBound with counts pending). It may move continuous components of y to their values at tau
 *    (hybrid), never discrete ones.
 *    A proposal may be discarded (the driver stops earlier for an event): by memorylessness of the
 *    exponential waiting time this leaves the process exact, so a method must not carry a partially
 *    consumed waiting time across a discarded proposal.
 * 3. `commit(tau, y)` applies the pending jump proposed for tau, keeps populations >= 0 and updates caches.
 * 4. `constantBetweenJumps` is true when y does not move between jumps (pure jump processes): the driver
 *    then locates time-triggered events exactly by bisection on the pre-jump state.
 * 5. Optional fast path `advanceTo(t, tBound, y)`: fire every jump in (t, tBound] and return tBound.
 *    The driver uses it only when no event has a state trigger (nothing to check between jumps), so a
 *    method can run its inner loop without returning per jump; results must equal propose/commit's.
 * 6. Optional `interpolate(tc, y)` (methods whose state moves between jumps): sets y to its value at
 *    tc inside the last proposal (t <= tc <= tau), so the driver can bisect for a trigger crossing.
 *    Such methods should propose at most one deterministic sub-step at a time.
 * 7. Methods never allocate in propose/commit and draw random numbers only from the Rng they were given.
 */
export interface SsaMethod {
  readonly name: SsaMethodName;
  readonly constantBetweenJumps: boolean;
  readonly stats: SsaStats;
  reset(t: number, y: Float64Array): void;
  propose(t: number, tBound: number, y: Float64Array): number;
  hasPending(): boolean;
  commit(tau: number, y: Float64Array): void;
  advanceTo?(t: number, tBound: number, y: Float64Array): number;
  interpolate?(tc: number, y: Float64Array): void;
}

/** What a method needs to run one trajectory. */
export interface MethodContext {
  readonly problem: Problem;
  readonly p: Float64Array;
  readonly rng: Rng;
  readonly tuning: SsaTuning;
}

/** Method settings, all optional with documented defaults. */
export interface SsaTuning {
  /** Tau-leap error control epsilon (Cao, Gillespie & Petzold 2006); default 0.03. */
  readonly epsilon?: number;
  /** Tau-leap: reactions within this many firings of exhausting a reactant are critical; default 10. */
  readonly criticalFirings?: number;
  /** Hybrid: species at or above this population are treated as continuous; default 1000. */
  readonly hybridThreshold?: number;
  /**
   * Species that are continuous whatever their value (drug amounts or concentrations, which are not
   * counts: e.g. trastuzumab in mg/kg), by id. The hybrid integrates them; the direct method runs in the
   * hybrid's driver with every other species discrete (exact jumps, deterministic drug); tau-leaping
   * moves them deterministically over each leap (drift.ts).
   */
  readonly continuous?: readonly string[];
  /**
   * Maximum deterministic sub-step (time-dependent rates, rate rules, continuous species); default
   * (tEnd - t0) / 1000 for the direct method, / 200 for the hybrid and tau-leaping.
   */
  readonly maxStep?: number;
}
