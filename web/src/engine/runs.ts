/**
 * The runs behind the page, DOM-free (the worker calls them; node tests call them too): one ODE solve with
 * the CLI's defaults, a stochastic ensemble summarised chunk by chunk, and the treatment-timing study.
 * Same model, same settings, same seed -> the same numbers as `cscsim simulate`.
 */

import { solve } from '../../../src/engines/solve.js';
import { type EnsembleResult, simulateHere } from '../../../src/engines/ssa/ensemble.js';
import { InputError } from '../../../src/errors.js';
import { paramVector, timeToReach } from '../../../src/experiments/sim.js';
import type { CompiledProblem } from '../../../src/model/compile.js';
import { wholeCounts } from '../../../src/model/whole-counts.js';
import { presetRegimen, regimenOf } from '../app/dosing.js';
import type { Regimen } from '../app/state.js';
import type { ProblemCache } from './cache.js';
import type { Arm, ResultSet, RunRequest } from './protocol.js';

/** Output times as the CLI makes them: points - 1 equal steps from 0 to tEnd, the last exactly tEnd. */
export function outputTimes(tEnd: number, points: number): Float64Array {
  const steps = points - 1;
  const t = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) t[i] = 0 + ((tEnd - 0) * i) / steps;
  t[steps] = tEnd;
  return t;
}

/** Deterministic run: every output, rtol 1e-6, atol 1e-9, method auto (the CLI's defaults). */
export function runOde(problem: CompiledProblem, req: RunRequest): ResultSet {
  const p = paramVector(problem, req.params);
  const sol = solve(problem, { tEnd: req.tEnd, outputTimes: outputTimes(req.tEnd, req.points), p });
  return {
    kind: 'ode',
    modelId: problem.model.id,
    t: sol.t,
    ids: sol.ids,
    arms: [{ name: problem.model.id, values: sol.y }],
    notes: [`ODE (${sol.method}): ${sol.stats.accepted} steps, ${sol.events.length} events`],
  };
}

export interface EnsembleHooks {
  /** After each chunk of runs. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Asked after each chunk; when true, the summary so far is passed to onPartial. */
  readonly partialDue?: () => boolean;
  readonly onPartial?: (partial: ResultSet) => void;
}

const PROBS = [0.05, 0.5, 0.95];

/**
 * A stochastic ensemble on this thread: the one ensemble function of the engines (simulateHere in
 * src/engines/ssa/ensemble.ts, as the CLI runs it), so results are bit-identical to `cscsim simulate` for
 * any worker count. Partial summaries are the same statistics over the runs done so far.
 */
export function runEnsemble(problem: CompiledProblem, req: RunRequest, hooks: EnsembleHooks = {}): ResultSet {
  if (req.engine === 'ode') throw new InputError('runEnsemble: engine is ode');
  const p = paramVector(problem, req.params);
  // Whole counts for every method (the CLI's rule); the hybrid's continuous species are never rounded.
  const round = req.round;
  const continuous = req.tuning?.continuous ?? [];
  const summary = (r: EnsembleResult, done: number): ResultSet => {
    const arm: Arm = {
      name: problem.model.id,
      values: r.mean,
      sd: r.sd,
      q05: r.quantiles.values[0],
      q50: r.quantiles.values[1],
      q95: r.quantiles.values[2],
      extinct: r.extinct,
    };
    return {
      kind: 'ensemble',
      modelId: problem.model.id,
      t: r.t,
      ids: r.ids,
      arms: [arm],
      runsDone: done,
      runs: r.runs,
      method: req.engine,
      seed: req.seed,
      notes: [
        `${req.engine}: ${done} of ${r.runs} runs, seed ${req.seed}, ${r.stats.firings} firings` +
          (round ? '; initial amounts rounded to whole counts' : '') +
          (req.engine === 'hybrid'
            ? `; threshold ${req.tuning?.hybridThreshold ?? 1000}; continuous: ${continuous.length > 0 ? continuous.join(', ') : 'none'}`
            : ''),
      ],
    };
  };
  const result = simulateHere(
    problem,
    {
      method: req.engine,
      runs: req.runs,
      seed: req.seed,
      outputTimes: outputTimes(req.tEnd, req.points),
      p,
      outputs: req.outputs,
      quantiles: PROBS,
      ...(req.tuning ? { tuning: req.tuning } : {}),
      ...(round ? { y0: wholeCounts(problem.model, problem, problem.initialState(p), continuous) } : {}),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
    },
    {
      ...(hooks.partialDue ? { partialDue: hooks.partialDue } : {}),
      ...(hooks.onPartial
        ? { onPartial: (r: EnsembleResult, done: number) => hooks.onPartial!(summary(r, done)) }
        : {}),
    },
  );
  return summary(result, result.runs);
}

/** Volume at which a tumour counts as established, and days of the study after that (study.ts). */
export const ESTABLISHED_VOLUME = 150;
export const STUDY_WINDOW = 28;
const ADJUVANT_DAY = 1;

/**
 * The treatment-timing study of Ithimakin et al. 2013 (the protocol of src/experiments/study.ts) on the
 * page's model: control; the regimen from day 1, right after inoculation; the same regimen from the day the
 * control tumour reaches 150 mm³ (rounded up to half a day). ODE; ends at the later of t end and 28 days
 * after the established start.
 */
export function runTiming(cache: ProblemCache, req: RunRequest): ResultSet {
  const regimen: Regimen = req.regimen ?? regimenOf(req.model) ?? presetRegimen('mouse-10-biw');
  const control = cache.get(req.key, req.model, null);
  if (!control.outputIds.includes('V'))
    throw new InputError('the timing study needs a tumour volume output V (the HER2-CSC model)');
  const reach = timeToReach(control, paramVector(control, req.params), 'V', ESTABLISHED_VOLUME, 200);
  if (!Number.isFinite(reach))
    throw new InputError(`the control tumour does not reach ${ESTABLISHED_VOLUME} mm³ within 200 days`);
  const establishedDay = Math.ceil(reach * 2) / 2;
  const end = Math.max(req.tEnd, establishedDay + STUDY_WINDOW);
  const times = outputTimes(end, req.points);
  const arm = (name: string, r: Regimen | null): Arm => {
    const problem = cache.get(req.key, req.model, r);
    const p = paramVector(problem, req.params);
    const sol = solve(problem, { tEnd: end, outputTimes: times, p, outputs: req.outputs });
    return { name, ...(r ? { startDay: r.start } : {}), values: sol.y };
  };
  return {
    kind: 'timing',
    modelId: control.model.id,
    t: times,
    ids: req.outputs,
    arms: [
      arm('control', null),
      arm(`from day ${ADJUVANT_DAY} (adjuvant)`, { ...regimen, start: ADJUVANT_DAY }),
      arm(`from day ${establishedDay} (established)`, { ...regimen, start: establishedDay }),
    ],
    establishedDay,
    notes: [
      `control reaches ${ESTABLISHED_VOLUME} mm³ on day ${reach.toFixed(1)}; ` +
        `established arm starts on day ${establishedDay}; study ends on day ${end}`,
    ],
  };
}

/** Runs a request: the timing study, an ensemble or an ODE solve. */
export function runRequest(cache: ProblemCache, req: RunRequest, hooks: EnsembleHooks = {}): ResultSet {
  if (req.timing) return runTiming(cache, req);
  const problem = cache.get(req.key, req.model, req.regimen);
  return req.engine === 'ode' ? runOde(problem, req) : runEnsemble(problem, req, hooks);
}
