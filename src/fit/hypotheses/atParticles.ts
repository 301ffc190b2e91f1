/**
 * Statistics of every variant's simulator (with extra options: one trial, one experiment) at given
 * particles, as one round of evaluations (move.ts's evaluate mode) farmed out to worker threads: the trial
 * simulations of the reweighting, the posterior predictive and the next experiments cost seconds each, and
 * on one thread they took most of the calibration's time. Particle c draws from stream(seed, key x ROUNDS x
 * CANDIDATES_PER_GENERATION + c), whatever the worker count.
 */
import { moveRounds } from '../abc/replenish.js';
import type { Population } from '../abc/types.js';
import { localEvaluator } from '../pool.js';
import { resolveProblem } from '../problem.js';
import type { SimulatorDefinition } from '../simulators/index.js';
import { evidenceProblem, type VariantModel } from './spec.js';

export interface AtParticles {
  readonly variants: readonly VariantModel[];
  /** Options added to every variant's (e.g. { observations: [id] } or { experiment: id }). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Every statistic the simulators write, with a reference value (unused: no acceptance). */
  readonly observed: Readonly<Record<string, number>>;
  readonly lookup: (simulator: string) => SimulatorDefinition;
  readonly seed: number;
  readonly key: number;
  readonly workers: number;
  /** Simulators outside the registry: the inline evaluator only. */
  readonly custom: boolean;
}

/** Row r of `stats` (width statistics.length): the statistics at particle `rows[r]` of `pop`. */
export async function simulateAt(
  pop: Pick<Population, 'dim' | 'model' | 'theta'>,
  rows: readonly number[],
  o: AtParticles,
): Promise<{ readonly statistics: readonly string[]; readonly stats: Float64Array }> {
  const variants = o.variants.map((v) => ({ ...v, options: { ...v.options, ...o.options } }));
  const spec = {
    ...evidenceProblem('at particles', variants, [], o.lookup),
    observed: { ...o.observed },
    distance: { type: 'fixed' as const },
  };
  const problem = resolveProblem(spec, (name) => o.lookup(name));
  const nStats = problem.statistics.length;
  const n = rows.length;
  if (n === 0) return { statistics: problem.statistics, stats: new Float64Array(0) };
  const sub: Population = {
    n,
    dim: pop.dim,
    nStats,
    model: Int32Array.from(rows, (i) => pop.model[i]!),
    theta: new Float64Array(n * pop.dim),
    stats: new Float64Array(n * nStats),
    distance: new Float64Array(n),
    weight: new Float64Array(n).fill(1 / n),
  };
  rows.forEach((i, r) => {
    sub.theta.set(pop.theta.subarray(i * pop.dim, (i + 1) * pop.dim), r * pop.dim);
  });
  const ev = localEvaluator(spec, problem, o.workers, o.custom);
  try {
    const r = await moveRounds(ev, problem, sub, {
      key: o.key,
      seed: o.seed,
      epsilon: Number.POSITIVE_INFINITY,
      weights: problem.weights,
      zeta: 0,
      moves: 1,
      chol: problem.models.map(() => null),
      evaluate: true,
    });
    return { statistics: problem.statistics, stats: r.population.stats };
  } finally {
    await ev.close();
  }
}
