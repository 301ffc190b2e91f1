/**
 * One step of the confrontation as a result: an SMC run, the mouse step's particles reweighted by the trials
 * (reweight.ts), or tempered into them (temperStep.ts).
 */
import type { AbcResult } from '../abc/smc.js';

export interface StepResult {
  /** For a reweighted step: the mouse step's run with the new weights and model probabilities. */
  readonly abc: AbcResult;
  readonly probabilities: readonly number[];
  readonly method: 'abc' | 'reweight' | 'temper';
  /** Effective sample size of the final population's weights. */
  readonly ess: number;
  /** Distinct particles carrying weight (with MCMC moves the weights are equal: this is the diversity). */
  readonly distinct: number;
  /** Trial simulations a reweighted step ran (0 for an SMC step, whose candidates are `abc.evaluations`). */
  readonly simulations: number;
  /** Per variant, the parameters the step's screen left to the prior (empty without a screen). */
  readonly refreshed: readonly (readonly string[])[];
  /** Simulations the screen ran. */
  readonly screenEvaluations: number;
  /**
   * Reweighted step: the standardised discrepancy of every trial at the particle of largest weight (by
   * trial observation, in the evidence file's order): how far the best the mouse posterior has is from them.
   */
  readonly bestTrialZ?: readonly number[];
  /** Tempered step: temperatures, candidates, particles the first evaluation dropped, and the betas. */
  readonly temper?: {
    readonly levels: number;
    readonly evaluated: number;
    readonly dropped: number;
    readonly betas: readonly number[];
  };
}
