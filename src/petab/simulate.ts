/**
 * One experiment: initial state of its conditions, optional preequilibration to a steady state, the ODE
 * solution at the measured times (and the steady state for time `inf`), then each measurement's observable
 * and noise sd from the compiled observable rules with its own placeholder values.
 */

import type { OdeMethod } from '../engines/ode/types.js';
import { solve } from '../engines/solve.js';
import { steadyState } from '../engines/steady.js';
import { SolverError } from '../errors.js';
import type { CompiledProblem } from '../model/compile.js';
import { applyParams, applyStates, resolveSource } from './conditions.js';
import type { Experiment } from './experiments.js';

export interface SimulationOptions {
  /** ODE tolerances (default rtol 1e-8, atol 1e-12) and method (default auto). */
  readonly rtol?: number;
  readonly atol?: number;
  readonly method?: OdeMethod;
}

function where(e: Experiment): string {
  return `condition '${e.sim.id}'${e.preeq !== undefined ? ` (preequilibrated in '${e.preeq.id}')` : ''}`;
}

/** Runs f, prefixing a SolverError's message with the experiment and stage. */
export function wrap<T>(e: Experiment, stage: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof SolverError)
      throw new SolverError(`${where(e)}, ${stage}: ${err.message}`, err.t, err.stateId);
    throw err;
  }
}

/** Writes the simulated value and noise sd of each of the experiment's measurements at their row. */
export function runExperiment(
  problem: CompiledProblem,
  e: Experiment,
  base: Float64Array,
  v: Float64Array,
  simulation: Float64Array,
  sigma: Float64Array,
  options: SimulationOptions,
): void {
  const rtol = options.rtol ?? 1e-8;
  const atol = options.atol ?? 1e-12;
  const method = options.method ?? 'auto';
  const n = problem.n;
  const p = Float64Array.from(base);
  let y: Float64Array;
  if (e.preeq !== undefined) {
    const pre = e.preeq;
    const pp = Float64Array.from(base);
    applyParams(pre, pp, v);
    const y0 = problem.initialState(pp);
    y = wrap(e, 'preequilibration', () => steadyState(problem, y0, pp, problem.t0, { rtol, atol }).y);
    applyParams(e.sim, p, v);
    applyStates(e.sim, y, p, v);
  } else {
    applyParams(e.sim, p, v);
    y = problem.initialState(p);
  }
  const t0 = problem.t0;
  const nt = e.times.length;
  let states: Float64Array;
  let yEnd = y;
  let tEnd = t0;
  if (nt > 0 && e.times[nt - 1]! > t0) {
    tEnd = e.times[nt - 1]!;
    // A small first step: from a steady state f(t0, y0) = 0, and the automatic initial step (Hairer &
    // Wanner II.4) can jump over a transient input driven by time alone (Fiedler_BMCSystBiol2016's
    // k10 - k11 (exp(-t/tau2) - exp(-t/tau1))); the step then grows by at most the controller's factor.
    const h0 = 1e-6 * (tEnd - t0);
    const sol = wrap(e, 'simulation', () =>
      solve(problem, {
        t0,
        tEnd,
        h0,
        y0: y,
        p,
        rtol,
        atol,
        method,
        outputTimes: e.times,
        outputs: problem.stateIds,
        amount: speciesStates(problem),
      }),
    );
    states = sol.y;
    yEnd = sol.yEnd;
  } else {
    states = new Float64Array(nt * n);
    for (let k = 0; k < nt; k++) states.set(y, k * n);
  }
  let yss: Float64Array | null = null;
  if (e.steadyState) {
    const from = yEnd;
    yss = wrap(e, 'steady state', () => steadyState(problem, from, p, tEnd, { rtol, atol }).y);
  }
  const pm = Float64Array.from(p);
  const out = new Float64Array(2);
  for (const lm of e.measurements) {
    for (let k = 0; k < lm.slots.length; k++) pm[lm.slots[k]!] = resolveSource(lm.values[k]!, v);
    if (lm.timeIndex >= 0) {
      const k = lm.timeIndex;
      lm.observer(e.times[k]!, states.subarray(k * n, (k + 1) * n), pm, out);
    } else {
      lm.observer(tEnd, yss!, pm, out);
    }
    simulation[lm.row] = out[0]!;
    sigma[lm.row] = out[1]!;
  }
}

const speciesCache = new WeakMap<CompiledProblem, string[]>();
/** Species in the state, reported as amounts so that solve's output rows are the state itself. */
function speciesStates(problem: CompiledProblem): string[] {
  let s = speciesCache.get(problem);
  if (s === undefined) {
    const sp = new Set(problem.model.species.map((x) => x.id));
    s = problem.stateIds.filter((id) => sp.has(id));
    speciesCache.set(problem, s);
  }
  return s;
}
