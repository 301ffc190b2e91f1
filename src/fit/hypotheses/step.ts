/**
 * One step of the confrontation as a result (an SMC run, or the mouse step's particles reweighted by the
 * trials), and the reweighting itself.
 */
import type { Observation } from '../../paper/evidence/evidence.js';
import { stream } from '../../random/rng.js';
import { effectiveSampleSize } from '../abc/population.js';
import { distinctRows } from '../abc/replenish.js';
import type { AbcResult } from '../abc/smc.js';
import type { Simulator } from '../simulators/index.js';

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

/**
 * The mouse step's particles weighted by the trials' Gaussian kernel (see ConfrontOptions.trialStep), one
 * trial at a time, the most precise first. Between trials, rejection control (Liu, Chen & Wong, JASA
 * 93:1022, 1998) spends the next trials' simulations on particles that can still matter: a particle whose
 * weight is below c = `rejectionControl` x the largest survives with probability w / c and then carries weight c,
 * else it is dropped. The weights stay unbiased; a particle the tight trials already rule out costs one
 * trial simulation instead of all of them.
 */
export function reweight(
  mouse: StepResult,
  trials: readonly Observation[],
  simulatorFor: (v: number, options: Record<string, unknown>) => Simulator,
  seed: number,
  rejectionControl: number,
  onProgress?: (line: string) => void,
): StepResult {
  const pop = mouse.abc.population;
  if (!pop)
    return { ...mouse, method: 'reweight', simulations: 0, refreshed: [], screenEvaluations: 0, distinct: 0 };
  const order = trials.map((_, j) => j).sort((a, b) => trials[a]!.sd - trials[b]!.sd || a - b);
  const logW = Float64Array.from(pop.weight, (w) => (w > 0 ? Math.log(w) : Number.NEGATIVE_INFINITY));
  const out = new Float64Array(2); // [z, raw] of one observation
  const zs = new Float64Array(pop.n * trials.length).fill(Number.NaN);
  let simulations = 0;
  for (const [s, j] of order.entries()) {
    const t = trials[j]!;
    let alive = 0;
    for (let i = 0; i < pop.n; i++) {
      if (logW[i] === Number.NEGATIVE_INFINITY) continue;
      const v = pop.model[i]!;
      const k = mouse.abc.models[v]!.parameters.length;
      const sim = simulatorFor(v, { observations: [t.id] });
      sim.simulate(pop.theta.slice(i * pop.dim, i * pop.dim + k), stream(seed * 1000 + 500 + j, i), out);
      simulations++;
      zs[i * trials.length + j] = out[0]!;
      // A trial that could not be simulated (NaN) says the particle cannot meet the trials: weight 0.
      logW[i] = Number.isFinite(out[0]!) ? logW[i]! - out[0]! ** 2 / 2 : Number.NEGATIVE_INFINITY;
      if (++alive % 25 === 0) onProgress?.(`trials: ${t.target}, ${alive} particles weighted`);
    }
    if (s === order.length - 1) break;
    const c = Math.max(...logW) + Math.log(rejectionControl);
    for (let i = 0; i < pop.n; i++) {
      if (!(logW[i]! < c)) continue;
      const keep = Math.log(stream(seed * 1000 + 600 + s, i).uniform()) < logW[i]! - c;
      logW[i] = keep ? c : Number.NEGATIVE_INFINITY;
    }
  }
  const top = Math.max(...logW);
  const weight = new Float64Array(pop.n);
  let sum = 0;
  for (let i = 0; i < pop.n; i++) sum += weight[i] = Number.isFinite(top) ? Math.exp(logW[i]! - top) : 0;
  const probabilities = mouse.abc.models.map(() => 0);
  let best = -1;
  for (let i = 0; i < pop.n; i++) {
    weight[i] = sum > 0 ? weight[i]! / sum : 0;
    probabilities[pop.model[i]!]! += weight[i]!;
    if (weight[i]! > 0 && (best < 0 || weight[i]! > weight[best]!)) best = i;
  }
  return {
    abc: { ...mouse.abc, population: { ...pop, weight }, modelProbabilities: probabilities },
    probabilities,
    method: 'reweight',
    ess: sum > 0 ? effectiveSampleSize(weight) : 0,
    distinct: distinctRows({ ...pop, weight }),
    simulations,
    refreshed: [],
    screenEvaluations: 0,
    ...(best >= 0
      ? { bestTrialZ: Array.from(zs.subarray(best * trials.length, (best + 1) * trials.length)) }
      : {}),
  };
}
