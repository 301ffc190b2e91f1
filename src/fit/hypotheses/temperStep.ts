/**
 * The trials added to the mouse posterior by tempering (src/fit/abc/temper.ts): the target of the reweighted
 * step, pi(theta, m) 1[d_mouse <= epsilon] exp(-|z_trials|^2 / 2), reached through temperatures with MCMC
 * moves instead of one importance weight, so that particles move to where the mouse evidence and the
 * trials meet. Every variant's simulator runs all observations with `mouseGate` epsilon: a proposal outside
 * the mouse step's epsilon costs the claims (about 30 ms), not the trials (0.3-1.4 s). The claims are the
 * mean model's, a function of theta alone, so re-simulating them at the start does not condition twice.
 */
import type { Observation } from '../../paper/evidence/evidence.js';
import { effectiveSampleSize, modelProbabilities } from '../abc/population.js';
import { distinctRows } from '../abc/replenish.js';
import { temper } from '../abc/temper.js';
import { localEvaluator } from '../pool.js';
import { resolveProblem } from '../problem.js';
import type { SimulatorDefinition } from '../simulators/index.js';
import { evidenceProblem, type VariantModel, zName } from './spec.js';
import type { StepResult } from './step.js';

export async function temperTrials(
  mouse: StepResult,
  o: {
    readonly variants: readonly VariantModel[];
    readonly observations: readonly Observation[];
    readonly lookup: (simulator: string) => SimulatorDefinition;
    readonly seed: number;
    readonly moves: number;
    readonly workers: number;
    /** Simulators outside the registry: the inline evaluator only. */
    readonly custom: boolean;
    readonly onProgress?: (line: string) => void;
  },
): Promise<StepResult> {
  const start = mouse.abc.population;
  const last = mouse.abc.generations[mouse.abc.generations.length - 1];
  if (!start || !last)
    return { ...mouse, method: 'temper', simulations: 0, refreshed: [], screenEvaluations: 0 };
  const epsilon = last.epsilon;
  const ids = o.observations.map((x) => x.id);
  const mouseSpec = mouse.abc.state.spec;
  const variants = o.variants.map((v, i) => ({
    ...v,
    options: { ...v.options, observations: ids, mouseGate: epsilon },
    refresh: mouseSpec.models[i]!.parameters.flatMap((q) => (q.refresh ? [q.id] : [])),
  }));
  const spec = evidenceProblem('all', variants, o.observations, o.lookup);
  const problem = resolveProblem(spec, (name) => o.lookup(name));
  const pick = (step: string) =>
    Float64Array.from(problem.statistics, (s) =>
      o.observations.some((x) => x.step === step && zName(x) === s) ? 1 : 0,
    );
  const ev = localEvaluator(spec, problem, o.workers, o.custom);
  const nStats = problem.statistics.length;
  try {
    const r = await temper(ev, problem, {
      seed: o.seed,
      population: { ...start, nStats, stats: new Float64Array(start.n * nStats) },
      epsilon,
      weights: pick('mouse'),
      likelihoodWeights: pick('trial'),
      moves: o.moves,
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    const pop = r.population;
    const probabilities = Array.from(modelProbabilities(pop, mouse.abc.models.length));
    return {
      abc: {
        ...mouse.abc,
        population: pop,
        modelProbabilities: probabilities,
        statistics: problem.statistics,
      },
      probabilities,
      method: 'temper',
      ess: effectiveSampleSize(pop.weight),
      distinct: distinctRows(pop),
      simulations: r.simulated,
      refreshed: [],
      screenEvaluations: 0,
      temper: {
        levels: r.levels.length,
        evaluated: r.evaluated,
        dropped: r.dropped,
        betas: r.levels.map((l) => l.beta),
      },
    };
  } finally {
    await ev.close();
  }
}
