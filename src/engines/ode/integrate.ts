/**
 * The shared integrator loop: drives an OdeStepper from t0 to tEnd, stepping exactly onto
 * discontinuities (problem.tstops), scheduled event times and delayed executions; locates state events
 * on the dense output (rootFind.ts); hands each instant to the EventRunner (SBML semantics); restarts
 * the stepper after every discontinuity; feeds the output sampler and the delay history; turns
 * stalled integration into SolverErrors that name the time and the state.
 */
import { SolverError } from '../../errors.js';
import type { SolveContext } from '../../problem/types.js';
import { EventRunner } from '../events.js';
import { AlgebraicSolver } from './consistent.js';
import { DenseHistory } from './history.js';
import type { OutputSampler } from './output.js';
import { anyCrossing, locateRoot } from './rootFind.js';
import type { OdeStepper, StepContext } from './stepper.js';
import type { FiredEvent } from './types.js';

export interface IntegrateSetup {
  readonly ctx: StepContext;
  readonly stepper: OdeStepper;
  readonly sampler: OutputSampler;
  readonly t0: number;
  readonly tEnd: number;
  readonly y0: Float64Array;
  /** Initial step; NaN to choose automatically. */
  readonly h0: number;
  readonly maxSteps: number;
  /** Uniform(0, 1) source for random tie-breaks between simultaneous events (none: model order). */
  readonly uniform?: () => number;
  /** The solve's context that ctx.problem is bound to: the integrator gives it the delay history. */
  readonly context: SolveContext;
}

export interface IntegrateResult {
  readonly yEnd: Float64Array;
  readonly events: FiredEvent[];
}

export function integrate(s: IntegrateSetup): IntegrateResult {
  const { ctx, stepper, sampler, t0, tEnd, maxSteps } = s;
  const { problem, n, p, stats } = ctx;
  const algebraic = problem.mass ? new AlgebraicSolver(problem) : null;
  // Algebraic rules hold at all times: at t0 and after every event execution (before triggers are
  // re-evaluated). A failure here is left to the stepper, whose first step reports it with context.
  const settle =
    algebraic && !algebraic.empty ? (tq: number, yq: Float64Array) => void algebraic.solve(tq, yq, p) : null;
  const runner = new EventRunner(problem.events, p, {
    uniform: s.uniform ?? null,
    ...(settle ? { settle } : {}),
  });
  const nR = runner.nRoots;
  const gPrev = new Float64Array(nR);
  const gNew = new Float64Array(nR);
  const gLo = new Float64Array(nR);
  const gMid = new Float64Array(nR);
  const y = Float64Array.from(s.y0);
  if (settle) settle(t0, y);
  const yPre = new Float64Array(n);
  const yG = new Float64Array(n);
  const events: FiredEvent[] = [];
  // A stop at tEnd is kept so that the last step sees the left limit there (a solve split at a switch ends on it).
  const stops = Float64Array.from(problem.tstopsFor ? problem.tstopsFor(p) : problem.tstops)
    .filter((ts) => ts > t0 && ts <= tEnd)
    .sort();
  const history = problem.hasDelays ? new DenseHistory(n, t0, y) : null;
  const interp = (tq: number, out: Float64Array): void => stepper.interpolate(tq, out);
  const evalG = (tq: number, out: Float64Array): void => {
    stepper.interpolate(tq, yG);
    runner.roots(tq, yG, out);
  };
  const fail = (what: string, t: number): never => {
    const i = stepper.worstComponent();
    throw new SolverError(what, t, problem.stateIds[i]);
  };

  /** Events at t on state y (mutated); records pre/post points; true when the state changed. */
  const handleInstant = (t: number): boolean => {
    yPre.set(y);
    const fired = runner.process(t, y);
    if (fired.length > 0) {
      sampler.step(t, yPre);
      for (const f of fired) events.push(f);
    }
    sampler.at(t, y);
    return fired.length > 0;
  };

  if (history) s.context.history = (tPast, out) => history.eval(tPast, out);
  try {
    for (const f of runner.init(t0, y)) events.push(f);
    sampler.at(t0, y);
    stepper.reset(t0, y, s.h0);
    if (nR > 0) runner.roots(t0, y, gPrev);
    let t = t0;
    let iStop = 0;
    let attempts = 0;
    while (t < tEnd) {
      while (iStop < stops.length && stops[iStop] <= t) iStop++;
      const tStop = iStop < stops.length ? stops[iStop] : Number.POSITIVE_INFINITY;
      const tLimit = Math.min(tEnd, tStop, runner.nextScheduledTime());
      const h = Math.min(stepper.hNext, ctx.maxStep);
      if (!(h > 16 * Number.EPSILON * Math.abs(t)) || !(tLimit > t)) {
        fail(
          Number.isNaN(stepper.lastError)
            ? 'non-finite value (NaN or Inf) in the solution or its derivative'
            : `step size underflow (h = ${h})`,
          t,
        );
      }
      let tNew = t + h;
      if (tNew + 0.01 * h >= tLimit) tNew = tLimit;
      if (++attempts > maxSteps) fail(`maximum number of steps (${maxSteps}) exceeded`, t);
      if (!stepper.attempt(tNew, tNew === tStop)) {
        stats.rejected++;
        continue;
      }
      stats.accepted++;
      if (history) history.push(stepper.tPrev, tNew - stepper.tPrev, stepper.dense);

      if (nR > 0) {
        runner.roots(tNew, stepper.y, gNew);
        if (anyCrossing(gPrev, gNew, nR)) {
          gLo.set(gPrev);
          const tr = locateRoot(evalG, t, tNew, gLo, gNew, gMid, nR);
          sampler.before(tr, interp);
          if (tr === tNew) y.set(stepper.y);
          else stepper.interpolate(tr, y);
          t = tr;
          handleInstant(t);
          stepper.reset(t, y, Number.NaN);
          runner.roots(t, y, gPrev);
          continue;
        }
        gPrev.set(gNew);
      }
      sampler.before(tNew, interp);
      t = tNew;
      const atStop = t === tStop;
      if (runner.needsProcessing(t, stepper.y)) {
        y.set(stepper.y);
        const changed = handleInstant(t);
        if (changed || atStop) {
          stepper.reset(t, y, Number.NaN);
          if (nR > 0) runner.roots(t, y, gPrev);
        }
      } else {
        sampler.at(t, stepper.y);
        if (atStop) {
          y.set(stepper.y);
          stepper.reset(t, y, Number.NaN);
        }
      }
    }
    return { yEnd: Float64Array.from(stepper.y), events };
  } finally {
    if (history) s.context.history = null;
  }
}
