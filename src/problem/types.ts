/**
 * The compiled problem: a model lowered to index maps, Float64Arrays and compiled functions.
 * Produced once by `compile(model)` (src/model/compile.ts); consumed by every engine.
 *
 * Conventions
 * - `y` is the state: first every species amount that can change (reactions, rate rules, events),
 *   then every other quantity that can change (rate-rule variables, event-assigned parameters and
 *   compartments, variable stoichiometries). Quantities changed only by events have dy = 0.
 * - `p` holds the constant parameters (model defaults in `p`); every compiled function takes it
 *   as an argument so one Problem serves many parameter sets (sweeps, virtual patients) without
 *   recompiling. Pass a modified copy of `problem.p` to engines to override.
 * - Compiled functions never allocate and never read anything but their arguments (and, for a bound
 *   problem, its solve's context: random stream and delay history, see `bind`).
 */
/** Writes into `out`; reads t, y, p only. */
export type StateFn = (t: number, y: Float64Array, p: Float64Array, out: Float64Array) => void;

/** An event lowered to compiled functions. The event semantics (SBML L3) live in engines/events.ts. */
export interface CompiledEvent {
  readonly id: string;
  /** Boolean value of the trigger. */
  trigger(t: number, y: Float64Array, p: Float64Array): boolean;
  /**
   * Number of continuous root functions bounding the trigger: the trigger can change value only where
   * one of them changes sign. 0 when `fixedTimes` is set.
   */
  readonly nRoots: number;
  /** Writes the nRoots root functions at out[offset .. offset + nRoots). */
  roots(t: number, y: Float64Array, p: Float64Array, out: Float64Array, offset: number): void;
  /**
   * Set for scheduled events (doses): the trigger is "time >= tk" for each listed time, firing once at each.
   * Engines step exactly to these times instead of root finding. Sorted ascending.
   */
  readonly fixedTimes?: Float64Array;
  readonly initialValue: boolean;
  readonly persistent: boolean;
  readonly useValuesFromTriggerTime: boolean;
  /** Present when the event has a delay. */
  delay?(t: number, y: Float64Array, p: Float64Array): number;
  /** Present when the event has a priority. */
  priority?(t: number, y: Float64Array, p: Float64Array): number;
  /** Number of assignments. */
  readonly nAssign: number;
  /** Evaluates the assignments' right-hand sides into vals[0 .. nAssign). */
  values(t: number, y: Float64Array, p: Float64Array, vals: Float64Array): void;
  /**
   * Writes previously evaluated `vals` into the state in place (concentration -> amount conversion
   * included), then re-establishes anything derived from it. `p` is never written.
   */
  assign(t: number, y: Float64Array, p: Float64Array, vals: Float64Array): void;
}

/** Sparse stoichiometry by reaction (CSR): reaction j changes y[col[k]] by val[k] for k in rowPtr[j]..rowPtr[j+1]. */
export interface Stoichiometry {
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

/** Evaluates named symbols (species, compartments, parameters, reaction fluxes, rule variables). */
export type Observer = StateFn;

export interface ObserveOptions {
  /** Species ids to report as amounts (default: as each species is referenced in math). */
  readonly amount?: readonly string[];
  /** Species ids to report as concentrations. */
  readonly concentration?: readonly string[];
}

/** Reactants by reaction: CSR over state components (like Stoichiometry), and each reaction's total order. */
export interface Reactants extends Stoichiometry {
  /** order[j]: sum of the reactant stoichiometries of reaction j (species that are not states included). */
  readonly order: Float64Array;
}

export interface Problem {
  /** Number of state components. */
  readonly n: number;
  readonly stateIds: readonly string[];
  /** Initial time (0 unless the model says otherwise). */
  readonly t0: number;
  /** Constant parameters, model defaults. Index by `paramIndex`. */
  readonly p: Float64Array;
  readonly paramIds: readonly string[];
  readonly paramIndex: ReadonlyMap<string, number>;
  readonly stateIndex: ReadonlyMap<string, number>;
  /**
   * Initial state for parameters p (initial assignments and assignment rules applied). Fresh array. Algebraic
   * components (mass[i] = 0) hold the model's values, not yet consistent: the engines solve the algebraic
   * rows at their start (engines/ode/consistent.ts).
   */
  initialState(p?: Float64Array): Float64Array;

  /** dy = f(t, y, p). */
  rhs(t: number, y: Float64Array, p: Float64Array, dy: Float64Array): void;
  /**
   * Analytic Jacobian, row-major n x n: J[i * n + j] = d f_i / d y_j. Absent when some expression
   * could not be differentiated symbolically; engines then use finite differences. Writes every entry;
   * callers must not write into J between two calls with the same buffer (the compiled jac may zero the
   * structurally zero entries only when it sees a buffer other than its last; copy J before modifying it).
   */
  jac?(t: number, y: Float64Array, p: Float64Array, J: Float64Array): void;
  /**
   * The structural nonzeros of jac, row-major n x n (1 where jac may write a nonzero): lets the implicit
   * engines order their LU factorisations to keep them sparse (ode/linalg/ordering.ts). Absent with jac.
   */
  readonly jacobianPattern?: Uint8Array;
  /**
   * Analytic d f / d p, row-major n x p.length: D[i * p.length + k] = d f_i / d p_k (forward sensitivities,
   * engines/sensitivity.ts), compiled on the first call and kept; null when some rate is not symbolically
   * differentiable. Same buffer contract as jac. Absent on hand-built problems.
   */
  parameterJacobian?(): ((t: number, y: Float64Array, p: Float64Array, D: Float64Array) => void) | null;
  /**
   * When set (> 1): J is block lower triangular in jacobianBlocks equal blocks of size n / jacobianBlocks, the
   * diagonal blocks all equal to the first, nothing but the first block column below it (forward sensitivity
   * systems, engines/sensitivity.ts); the Rosenbrock stepper then factors one block (ode/linalg/blockLu.ts).
   */
  readonly jacobianBlocks?: number;
  /** Diagonal mass matrix for DAEs (1 differential, 0 algebraic). Absent for pure ODEs. */
  readonly mass?: Float64Array;
  /**
   * True when every rhs row is identically 0 and there are no algebraic rows: the state changes only at
   * events, so ODE engines need not integrate (absent means unknown).
   */
  readonly rhsIsZero?: boolean;

  /** Reactions, shared by the ODE right-hand side and stochastic engines (one set of rate laws). */
  readonly nReactions: number;
  readonly reactionIds: readonly string[];
  /** Extent rates (propensities) of all reactions. */
  rates(t: number, y: Float64Array, p: Float64Array, out: Float64Array): void;
  /** Rate of reaction j alone (for optimised SSA propensity updates). */
  rate(j: number, t: number, y: Float64Array, p: Float64Array): number;
  readonly stoich: Stoichiometry;
  /**
   * Reactant stoichiometries (the net `stoich` loses A in A + B -> A + C): what tau-leaping needs for the
   * highest order of reaction of each species (Cao, Gillespie & Petzold 2006).
   */
  readonly reactants: Reactants;
  /** Ids of every species of the model (states or not): stochastic output reports them as counts. */
  readonly speciesIds: readonly string[];
  /**
   * Per state, the compartment whose size sets the scale of a scalar absolute tolerance (a species whose
   * math value is a concentration), else null. Absent: every state at scale 1 (see engines/ode/scale.ts).
   */
  readonly atolCompartments?: readonly (string | null)[];
  /** True when some rule sets a rate (state moves between reaction firings: the SSA needs the hybrid driver). */
  readonly hasRateRules: boolean;
  /**
   * dependents(j): reactions whose rates may change when reaction j fires (CSR, like stoich),
   * including j itself. Rates depending on time or on rule-derived quantities are listed conservatively.
   */
  readonly dependents: { readonly rowPtr: Int32Array; readonly col: Int32Array };
  /** True when some rate depends explicitly on time (SSA must then bound propensity changes). */
  readonly ratesDependOnTime: boolean;
  /**
   * Optional, for engines that generate fused kernels (the SSA direct method): reaction j's rate as JS
   * source over (t, y, p) and the closure names `H` and `w` - statements filling the work slots it needs,
   * then the expression of its value. Generated from the validated tree only (slots and literals).
   */
  rateSource?(j: number): { readonly prelude: string; readonly value: string };
  /** Optional: compiles `function (params) { body }` with the same helpers `H` and a private work array `w`. */
  compileSource?<F>(params: string, body: string): F;

  readonly events: readonly CompiledEvent[];
  /** Times where the right-hand side is discontinuous (infusion starts and ends); engines stop there. */
  readonly tstops: Float64Array;
  /** Optional: the stops for another parameter vector (switch times that read parameters); tstops is at p0. */
  tstopsFor?(p: Float64Array): Float64Array;
  /**
   * Optional: the switch times that the math states (piecewise comparing `time` with constants and
   * parameters), one per switch in a stable order, possibly non-finite or before t0; they are among tstopsFor(p).
   * The sensitivity engine differences them by the parameters for the jump at a parameter-set switch.
   */
  switchTimes?(p: Float64Array): Float64Array;

  /** Builds an evaluator for the given symbol ids; throws ModelError on an unknown id. */
  observe(ids: readonly string[], options?: ObserveOptions): Observer;
  /** Ids of every symbol that varies in time (state plus assignment-rule variables), for default output. */
  readonly outputIds: readonly string[];

  /** True when some expression uses delay(): the engine then gives its context a history. */
  readonly hasDelays: boolean;
  /** True when some expression draws random numbers (distrib): the engine then gives its context a stream. */
  readonly hasRandom: boolean;
  /**
   * This problem evaluated in one solve's context: every function of the result (rhs, rates, events,
   * observers, initialState) draws random numbers from `ctx.uniform` and reads delay() history from
   * `ctx.history`, looked up at each call, so the engine may set them after binding. The problem itself
   * holds no per-solve state; two bound problems share nothing mutable. Returns the problem itself when
   * it neither draws random numbers nor uses delay(). Engines bind before they evaluate anything.
   */
  bind(ctx: SolveContext): Problem;
  /**
   * run(bound) with this problem bound to ctx for the duration of run only: what one solve does. The bound
   * functions come from a pool of instances whose code is already warm, and are released (context and
   * cached initial state forgotten) when run returns or throws, so nothing of the solve stays behind.
   */
  withContext<R>(ctx: SolveContext, run: (bound: Problem) => R): R;
}

/** What one solve owns and the compiled functions read (never stored in the Problem). */
export interface SolveContext {
  /** Uniform(0, 1) source of random draws in expressions; null: a draw throws an InputError. */
  uniform: (() => number) | null;
  /** Writes y(tPast) into out for t0 < tPast (delay()); null: delay() reads the initial state. */
  history: ((tPast: number, out: Float64Array) => void) | null;
}
