/**
 * One configured trajectory runner, used identically on the main thread and in workers, so that run i
 * (drawing from stream(seed, i)) produces the same numbers wherever it runs.
 */
import { InputError } from '../../errors.js';
import type { Problem, SolveContext } from '../../problem/types.js';
import { stream } from '../../random/rng.js';
import { EventRunner } from '../events.js';
import { AlgebraicSolver } from '../ode/consistent.js';
import { DirectMethod } from './direct.js';
import { HybridMethod } from './hybrid.js';
import type { MethodContext, SsaMethod, SsaMethodName, SsaStats, SsaTuning } from './method.js';
import { TauLeapMethod } from './tau-leap.js';
import { runTrajectory } from './trajectory.js';
import { validateOutputTimes, validateStochastic } from './validate.js';

/** The serialisable part of the ensemble options (what a worker receives). */
export interface RunSpec {
  readonly method: SsaMethodName;
  readonly seed: number;
  readonly outputTimes: readonly number[] | Float64Array;
  readonly p?: Float64Array;
  readonly y0?: Float64Array;
  readonly outputs?: readonly string[];
  readonly amount?: readonly string[];
  readonly concentration?: readonly string[];
  readonly tuning?: SsaTuning;
  readonly maxSteps?: number;
}

export interface Runner {
  readonly ids: readonly string[];
  readonly t: Float64Array;
  /** Values per run: t.length * ids.length. */
  readonly size: number;
  readonly stats: SsaStats;
  /** Runs run `index` and writes its output rows to out[offset .. offset + size). */
  run(index: number, out: Float64Array, offset: number): void;
}

function makeMethod(name: SsaMethodName, ctx: MethodContext): SsaMethod {
  switch (name) {
    case 'direct':
      return new DirectMethod(ctx);
    case 'tau-leap':
      return new TauLeapMethod(ctx);
    case 'hybrid':
      return new HybridMethod(ctx);
    default:
      throw new InputError(
        `unknown stochastic method '${String(name)}' (expected direct, tau-leap or hybrid)`,
      );
  }
}

const METHODS: readonly string[] = ['direct', 'tau-leap', 'hybrid'];

export function createRunner(unbound: Problem, spec: RunSpec): Runner {
  // The runner's own context: random draws in expressions (distrib) read the current run's stream.
  const context: SolveContext = { uniform: null, history: null };
  const problem = unbound.bind(context);
  if (!METHODS.includes(spec.method))
    throw new InputError(
      `unknown stochastic method '${String(spec.method)}' (expected ${METHODS.join(', ')})`,
    );
  const t = validateOutputTimes(spec.outputTimes, problem.t0);
  const p = spec.p ? Float64Array.from(spec.p) : Float64Array.from(problem.p);
  // Random draws in expressions (distrib) use the run's stream; random initial assignments draw per run.
  // Validation draws from a separate instance.
  const random = problem.hasRandom;
  if (random) {
    const probe = stream(spec.seed, 0);
    context.uniform = () => probe.uniform();
  }
  const y0 = spec.y0 ? Float64Array.from(spec.y0) : problem.initialState(p);
  // Consistent initialisation at the solver's start (algebraic rules), as the ODE integrator does.
  if (problem.mass) new AlgebraicSolver(problem).solve(problem.t0, y0, p);
  const perRunInitial = random && !spec.y0;
  validateStochastic(problem, y0, spec.method, spec.tuning?.continuous);
  const speciesIds = new Set(problem.speciesIds);
  const ids = spec.outputs ?? problem.outputIds;
  // Stochastic output is in counts: species default to amounts unless asked for as concentrations.
  const conc = new Set(spec.concentration ?? []);
  const amount = spec.amount ?? ids.filter((id) => speciesIds.has(id) && !conc.has(id));
  const observer = problem.observe(ids, { amount, concentration: spec.concentration });
  const span = t[t.length - 1] - problem.t0;
  // Deterministic sub-steps: span / 1000 for the direct method (its quadrature, or its rate rules and
  // continuous species); span / 200 for the hybrid's and tau-leaping's ODE part (approximate methods).
  const steps = spec.method === 'direct' ? 1000 : 200;
  const tuning: SsaTuning = {
    ...spec.tuning,
    maxStep: spec.tuning?.maxStep ?? (span > 0 ? span / steps : 1),
  };
  // Rate rules move state between jumps: the exact method then runs inside the hybrid driver with every
  // reaction discrete (threshold infinity), which integrates the rules and stays exact for the jumps.
  // Continuous species (a drug in mg/kg) make the same move: the jumps stay exact, the drug deterministic.
  const hasRateRules = problem.hasRateRules;
  const viaHybrid = spec.method === 'direct' && (hasRateRules || (spec.tuning?.continuous ?? []).length > 0);
  const methodName = viaHybrid ? 'hybrid' : spec.method;
  const methodTuning: SsaTuning = viaHybrid
    ? { ...tuning, hybridThreshold: Number.POSITIVE_INFINITY }
    : tuning;
  const events = new EventRunner(problem.events, p);
  const hasTriggers = problem.events.some((e) => e.fixedTimes === undefined);
  const nIds = ids.length;
  const row = new Float64Array(nIds);
  const y = new Float64Array(problem.n);
  const stats: SsaStats = { firings: 0, steps: 0, rejected: 0 };
  const base = {
    problem,
    events,
    hasTriggers,
    p,
    outT: t,
    observer,
    nIds,
    maxSteps: spec.maxSteps ?? 1e9,
  };
  return {
    ids,
    t,
    size: t.length * nIds,
    stats,
    run(index, out, offset) {
      const rng = stream(spec.seed, index);
      if (random) context.uniform = () => rng.uniform();
      // SBML L3: simultaneous events of equal priority run in random order, drawn from this run's stream.
      events.setUniform(() => rng.uniform());
      // A fresh method per run: small arrays, and no state can leak from one run into the next.
      const method = makeMethod(methodName, { problem, p, rng, tuning: methodTuning });
      y.set(perRunInitial ? problem.initialState(p) : y0);
      runTrajectory({ ...base, method }, y, out.subarray(offset, offset + t.length * nIds), row);
      stats.firings += method.stats.firings;
      stats.steps += method.stats.steps;
      stats.rejected += method.stats.rejected;
    },
  };
}
