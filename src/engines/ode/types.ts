/** The ODE engine's public contract: solve(problem, options) -> OdeSolution (SciPy solve_ivp-like). */

export type OdeMethod = 'auto' | 'dopri5' | 'rodas' | 'bdf';
/** The stiff methods `auto` can switch to. */
export type StiffMethod = 'rodas' | 'bdf';

export interface OdeOptions {
  /** End time (required). */
  readonly tEnd: number;
  /** Start time; default problem.t0. */
  readonly t0?: number;
  /** Default 'auto': starts explicit, switches to the stiff method when stiffness is detected. */
  readonly method?: OdeMethod;
  /**
   * The stiff method `auto` switches to; default 'bdf' (CVODE's method: one Newton solve per step and the
   * Jacobian kept for many: warm solves of Elowitz_Nature2000 2.3x and Bachmann_MSB2011 2.1x faster than
   * Rodas5P's, Brannmark_JBC2010 and Weber_BMC2015 10-20% slower; Rodas5P's global error is smaller at the
   * same tolerance). Problems with algebraic rows always use 'rodas' (bdf.ts has no mass matrix).
   */
  readonly stiff?: StiffMethod;
  /** Relative tolerance, default 1e-6. */
  readonly rtol?: number;
  /**
   * Absolute tolerance, scalar or per component; default 1e-9. A scalar is in the units each state is
   * read in: for a species whose math value is a concentration, it applies to the concentration (the
   * amount's tolerance is atol times the compartment size at t0; see ode/scale.ts) unless `scaleAtol`
   * is false. A per-component array is used as given.
   */
  readonly atol?: number | Float64Array;
  /** Default true: a scalar atol is scaled by each concentration species' compartment size. */
  readonly scaleAtol?: boolean;
  /** Times at which to report the solution (sorted, within [t0, tEnd]). Default: every accepted step. */
  readonly outputTimes?: ArrayLike<number>;
  /** Maximum number of steps (accepted + rejected); default 1e6. */
  readonly maxSteps?: number;
  /** Maximum step size; default tEnd - t0. */
  readonly maxStep?: number;
  /** Initial step size; default chosen automatically (Hairer & Wanner II.4). */
  readonly h0?: number;
  /** Parameter vector overriding problem.p. */
  readonly p?: Float64Array;
  /** Initial state overriding problem.initialState(p). */
  readonly y0?: Float64Array;
  /** Ids to report (default problem.outputIds); see Problem.observe. */
  readonly outputs?: readonly string[];
  readonly amount?: readonly string[];
  readonly concentration?: readonly string[];
  /**
   * Seed of the random stream that breaks ties between simultaneous events of equal priority (SBML L3
   * chooses their order at random). Default 1: the same run every time.
   */
  readonly seed?: number;
}

export interface OdeStats {
  rhsEvals: number;
  jacEvals: number;
  luDecomps: number;
  accepted: number;
  rejected: number;
  /** Switches between the explicit and the stiff method (auto only). */
  switches: number;
}

export interface FiredEvent {
  readonly id: string;
  readonly t: number;
}

export interface OdeSolution {
  readonly status: 'finished';
  readonly method: OdeMethod;
  /** Output times. */
  readonly t: Float64Array;
  /** Reported ids (columns of y). */
  readonly ids: readonly string[];
  /** Row-major values: y[i * ids.length + j] is ids[j] at t[i]. */
  readonly y: Float64Array;
  /** Final state (problem state layout). */
  readonly yEnd: Float64Array;
  readonly events: readonly FiredEvent[];
  readonly stats: OdeStats;
}
