/**
 * The likelihood problem multistart estimation works on. Values, bounds and gradients are in model (linear)
 * units, as a PEtab parameter table states them; `scales` says on which scale the optimiser moves (PEtab
 * parameterScale), so a PEtab problem (parameterIds, lowerBounds, upperBounds, scales, llh) adapts by
 * negating its llh and supplying the gradient of its simulation's sensitivities.
 */
export type ParameterScale = 'lin' | 'log' | 'log10';

export interface LikelihoodProblem {
  readonly parameterIds: readonly string[];
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly scales: readonly ParameterScale[];
  /** Negative log-likelihood at x; throws (SolverError, InputError) when the model fails there. */
  nllh(x: Float64Array): number;
  /** Writes d nllh / d x into g and returns nllh(x); throws like nllh. */
  gradient(x: Float64Array, g: Float64Array): number;
}

export interface StartResult {
  /** Index of the start (row of the Latin hypercube). */
  readonly index: number;
  readonly x0: Float64Array;
  /** Final parameters (model units); x0 when the start failed. */
  readonly x: Float64Array;
  /** Final negative log-likelihood; NaN when failed. */
  readonly nllh: number;
  readonly iterations: number;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Optimiser's stopping reason, or 'failed'. */
  readonly reason: string;
  /** Why the start failed (the model's error message). */
  readonly error?: string;
  readonly cpuMs: number;
}

export interface MultistartResult {
  /** Sorted by nllh ascending, failed starts last (by index). */
  readonly starts: readonly StartResult[];
  readonly converged: number;
  readonly failed: number;
  /** The best start (undefined when every start failed). */
  readonly best?: StartResult;
  /** Final nllh of the successful starts, ascending: the waterfall plot's data. */
  readonly waterfall: Float64Array;
  /** For the best start: which parameters ended at a bound (relative distance on the optimiser scale <= 1e-6). */
  readonly atBounds: readonly ('lower' | 'upper' | null)[];
}
