/** Types shared by the ABC-SMC loop, its candidate evaluation and its evaluators (inline or threads). */

/** Candidate indices per generation: the stream key is generation * 2^32 + candidate. */
export const CANDIDATES_PER_GENERATION = 2 ** 32;

/** A weighted sample of (model, parameters) with the statistics and distances that accepted it. */
export interface Population {
  readonly n: number;
  /** Row width of `theta`: the largest parameter count over the models (unused slots NaN). */
  readonly dim: number;
  readonly nStats: number;
  readonly model: Int32Array;
  readonly theta: Float64Array;
  readonly stats: Float64Array;
  readonly distance: Float64Array;
  /** Importance weights, normalised to sum 1 over the population. */
  readonly weight: Float64Array;
}

/**
 * A model's perturbation kernel for the next generation: a mixture over the last generation's particles
 * of that model, component j being N(centers_j, L_j L_j^T) with locally adapted covariance.
 */
export interface ModelKernel {
  readonly n: number;
  /** Perturbed coordinates: the kernel lives on the model's parameters dims[0..d-1]. */
  readonly d: number;
  readonly dims: Int32Array;
  /** The model's other parameters, drawn from their priors (ParameterSpec.refresh). */
  readonly free: Int32Array;
  readonly centers: Float64Array;
  /** Cumulative within-model weights (last entry 1), for drawing a parent. */
  readonly cumulative: Float64Array;
  /** Row-major lower Cholesky factors, d * d per component. */
  readonly chol: Float64Array;
  /** log w_j - log det L_j - (d / 2) log 2 pi: the log normalisation of each weighted component. */
  readonly logNorm: Float64Array;
}

/** Everything a candidate of one generation needs: structured-clone safe, a pure function of the checkpoint. */
export interface GenerationContext {
  readonly generation: number;
  readonly seed: number;
  /** Acceptance threshold; Infinity in generation 0 (a sample from the prior). */
  readonly epsilon: number;
  /** Distance weights by statistic. */
  readonly weights: Float64Array;
  /** Probability of moving to another model (Toni & Stumpf 2010's model kernel). */
  readonly zeta: number;
  /** Last generation's model probabilities (empty in generation 0). */
  readonly modelProb: Float64Array;
  /** Per model; null in generation 0 or for a model without particles (it stays dead). */
  readonly kernels: readonly (ModelKernel | null)[];
  /** Set for a round of MCMC moves (move.ts): candidate c moves particle c instead of proposing afresh. */
  readonly move?: MoveContext;
}

/**
 * One round of Metropolis-Hastings moves of a population (replenishment ABC-SMC, move.ts): the particles
 * to move and, per model, the random walk's Cholesky factor on the walk scale of its perturbed parameters.
 */
export interface MoveContext {
  readonly n: number;
  readonly model: Int32Array;
  readonly theta: Float64Array;
  readonly stats: Float64Array;
  readonly distance: Float64Array;
  /** Per model: d x d row-major lower factor over ModelKernel-style dims, or null (no particles). */
  readonly chol: readonly (Float64Array | null)[];
  /**
   * Tempering (temper.ts): the target gains exp(beta l(s)), l(s) = -|tw (s - observed)|^2 / 2 over the
   * statistics that `weights` (tw) picks, beside the indicator of the context's distance.
   */
  readonly temper?: { readonly beta: number; readonly weights: Float64Array };
  /** Simulate every particle where it is (no proposal): statistics for a new target. */
  readonly evaluate?: boolean;
}

export enum Outcome {
  Rejected = 0,
  Accepted = 1,
  /** The perturbed parameters fell outside the prior's support: rejected without simulating. */
  OutsidePrior = 2,
  /** The simulation's statistics or distance were NaN: counted, never accepted. */
  NaN = 3,
  /** A move rejected by the prior ratio alone, before simulating (the particle stays). */
  PriorRejected = 4,
}

/** Results of candidates from, from + 1, ..., from + count - 1 of one generation (count may fall short when cancelled). */
export interface BatchResult {
  readonly generation: number;
  readonly from: number;
  readonly count: number;
  readonly outcome: Uint8Array;
  readonly model: Int32Array;
  readonly theta: Float64Array;
  readonly stats: Float64Array;
  readonly distance: Float64Array;
  /** Unnormalised log importance weight of accepted candidates. */
  readonly logWeight: Float64Array;
}

/** Evaluates candidates of the current generation; inline or on worker threads, the same numbers. */
export interface Evaluator {
  readonly workers: number;
  /** Work per batch to aim for, ms (default 20; a queue's round trip asks for more). */
  readonly batchMs?: number;
  /** Starts a generation; later evaluate() calls refer to it. */
  begin(ctx: GenerationContext): void;
  evaluate(from: number, count: number): Promise<BatchResult>;
  /** Candidates at or above `index` of the current generation are no longer needed (best effort). */
  cancelFrom(index: number): void;
  close(): Promise<void>;
}
