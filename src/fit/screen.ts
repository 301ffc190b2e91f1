/**
 * Elementary-effects screening (Morris, Technometrics 33:161, 1991) with the mu* measure of Campolongo,
 * Cariboni & Saltelli (Environ Model Softw 22:1509, 2007): which parameters move which statistics at all.
 * Each of r trajectories starts at a random point of a p-level grid on the parameters' prior probability
 * scale and moves one parameter at a time, in random order, by Delta = p / (2 (p - 1)) levels; the change
 * of each statistic per move is one elementary effect, and mu* is the mean of their absolute values. The
 * grid's levels are the midpoints of p equal-probability bins of each prior (its quantile function), so
 * every point lies inside the support, whatever the prior. Costs r (k + 1) simulations. All points of a
 * trajectory share one random stream (common random numbers), so a stochastic simulator's noise largely
 * cancels in the differences. Effects with a NaN statistic at either end are left out and counted.
 */
import { InputError, SolverError } from '../errors.js';
import { stream } from '../random/rng.js';
import type { Prior } from './priors.js';
import type { Simulator } from './simulators/types.js';

export interface ScreenOptions {
  readonly trajectories: number;
  readonly seed: number;
  /** Grid levels p (even; default 4). */
  readonly levels?: number;
}

export interface ScreenResult {
  readonly statistics: readonly string[];
  /** mu*, k x s row-major: parameter a, statistic j at a * s + j (in the statistic's units, per move). */
  readonly muStar: Float64Array;
  /** Elementary effects behind each mu* (r minus the NaN ones). */
  readonly effects: Int32Array;
  readonly evaluations: number;
}

export function morrisScreen(sim: Simulator, priors: readonly Prior[], o: ScreenOptions): ScreenResult {
  const p = o.levels ?? 4;
  if (!Number.isInteger(o.trajectories) || o.trajectories < 1)
    throw new InputError(`screen: trajectories must be an integer >= 1, got ${o.trajectories}`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0)
    throw new InputError(`screen: levels must be an even integer >= 2, got ${p}`);
  const k = priors.length;
  const s = sim.statistics.length;
  const jump = p / 2; // Delta in grid steps
  const level = new Int32Array(k);
  const theta = new Float64Array(k);
  const before = new Float64Array(s);
  const after = new Float64Array(s);
  const sum = new Float64Array(k * s);
  const effects = new Int32Array(k * s);
  const order = new Int32Array(k);
  let evaluations = 0;
  const run = (r: number, out: Float64Array): void => {
    for (let a = 0; a < k; a++) theta[a] = priors[a]!.quantile((level[a]! + 0.5) / p);
    try {
      sim.simulate(theta, stream(o.seed, 2 * r + 1), out);
    } catch (e) {
      if (!(e instanceof SolverError)) throw e;
      out.fill(Number.NaN);
    }
    evaluations++;
  };
  for (let r = 0; r < o.trajectories; r++) {
    const rng = stream(o.seed, 2 * r);
    // Base levels 0 .. p/2 - 1, each to be moved up by Delta, or from the top half down (random sign).
    for (let a = 0; a < k; a++) {
      const base = Math.floor(rng.uniform() * jump);
      level[a] = rng.uniform() < 0.5 ? base : base + jump;
      order[a] = a;
    }
    for (let a = k - 1; a > 0; a--) {
      const b = Math.floor(rng.uniform() * (a + 1));
      [order[a], order[b]] = [order[b]!, order[a]!];
    }
    run(r, before);
    for (let step = 0; step < k; step++) {
      const a = order[step]!;
      level[a] = level[a]! < jump ? level[a]! + jump : level[a]! - jump;
      run(r, after);
      for (let j = 0; j < s; j++) {
        const e = Math.abs(after[j]! - before[j]!);
        if (Number.isFinite(e)) {
          sum[a * s + j]! += e;
          effects[a * s + j]!++;
        }
      }
      before.set(after);
    }
  }
  const muStar = new Float64Array(k * s);
  for (let c = 0; c < k * s; c++) muStar[c] = effects[c]! > 0 ? sum[c]! / effects[c]! : Number.NaN;
  return { statistics: sim.statistics, muStar, effects, evaluations };
}
