/**
 * The shared driver: one stochastic trajectory on an output grid. It owns time, output sampling (the
 * state held since the last jump), tstops, scheduled and triggered events; the method owns the jumps.
 * Event semantics are the shared engines/events.ts. Time-triggered events between jumps are located by bisection on time with the pre-jump state
 * (exact for pure jump methods, whose state does not move between jumps).
 */
import { SolverError } from '../../errors.js';
import type { Observer, Problem } from '../../problem/types.js';
import type { EventRunner } from '../events.js';
import type { SsaMethod } from './method.js';

export interface TrajectoryInput {
  readonly problem: Problem;
  readonly method: SsaMethod;
  readonly events: EventRunner;
  /** Some event has a state trigger (not only fixedTimes): check after every jump. */
  readonly hasTriggers: boolean;
  readonly p: Float64Array;
  /** Output times, sorted ascending, first >= t0. */
  readonly outT: Float64Array;
  readonly observer: Observer;
  readonly nIds: number;
  /** Maximum jumps + steps before giving up. */
  readonly maxSteps: number;
}

/**
 * Runs from y (the initial state, modified in place) at problem.t0 and writes row i of `out`
 * (out[i * nIds .. (i + 1) * nIds)) with the observed values at outT[i]. `row` is scratch of length nIds.
 */
export function runTrajectory(
  inp: TrajectoryInput,
  y: Float64Array,
  out: Float64Array,
  row: Float64Array,
): void {
  const { problem, method, events, hasTriggers, p, outT, observer, nIds } = inp;
  const hasEvents = !events.empty;
  const tstops = problem.tstops;
  const nOut = outT.length;
  let t = problem.t0;
  let oi = 0;
  let si = 0;
  while (si < tstops.length && tstops[si] <= t) si++;
  events.init(t, y);
  method.reset(t, y);
  let steps = 0;
  for (;;) {
    while (oi < nOut && outT[oi] <= t) {
      observer(outT[oi], y, p, row);
      out.set(row, oi * nIds);
      oi++;
    }
    if (oi >= nOut) return;
    let tB = outT[oi];
    if (si < tstops.length && tstops[si] < tB) tB = tstops[si];
    if (hasEvents) {
      const te = events.nextScheduledTime();
      if (te > t && te < tB) tB = te;
    }
    if (!hasTriggers && method.advanceTo) {
      // Nothing to check between jumps: let the method fire everything up to tB in its own loop.
      method.advanceTo(t, tB, y);
      t = tB;
      let changed = false;
      if (si < tstops.length && tstops[si] <= t) {
        while (si < tstops.length && tstops[si] <= t) si++;
        changed = true;
      }
      if (hasEvents && events.process(t, y).length > 0) changed = true;
      if (changed) method.reset(t, y);
      continue;
    }
    const tau = method.propose(t, tB, y);
    if (hasTriggers && events.needsProcessing(tau, y)) {
      // A trigger turned true before the jump: stop there, discard the proposal (memoryless).
      t = method.constantBetweenJumps
        ? crossing(events, t, tau, y)
        : method.interpolate
          ? movingCrossing(events, method, t, tau, y)
          : tau;
      events.process(t, y);
      method.reset(t, y);
      continue;
    }
    if (method.hasPending()) method.commit(tau, y);
    let changed = false;
    if (tau >= tB) {
      t = tB;
      if (si < tstops.length && tstops[si] <= t) {
        while (si < tstops.length && tstops[si] <= t) si++;
        changed = true;
      }
      if (hasEvents && events.process(t, y).length > 0) changed = true;
    } else {
      t = tau;
      if (hasTriggers && events.process(t, y).length > 0) changed = true;
    }
    if (changed) method.reset(t, y);
    if (++steps > inp.maxSteps) throw new SolverError(`more than ${inp.maxSteps} stochastic steps`, t);
  }
}

/** Smallest time in (lo, hi] at which some trigger changes value with state y held, to rounding. */
function crossing(events: EventRunner, lo: number, hi: number, y: Float64Array): number {
  for (let it = 0; it < 200; it++) {
    const mid = lo + 0.5 * (hi - lo);
    if (mid <= lo || mid >= hi) break;
    if (events.needsProcessing(mid, y)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** As crossing, for a state that moves: the method re-integrates y to each bisection point. */
function movingCrossing(
  events: EventRunner,
  method: SsaMethod,
  lo: number,
  hi: number,
  y: Float64Array,
): number {
  const interp = method.interpolate!.bind(method);
  for (let it = 0; it < 200; it++) {
    const mid = lo + 0.5 * (hi - lo);
    if (mid <= lo || mid >= hi) break;
    interp(mid, y);
    if (events.needsProcessing(mid, y)) hi = mid;
    else lo = mid;
  }
  interp(hi, y);
  return hi;
}
