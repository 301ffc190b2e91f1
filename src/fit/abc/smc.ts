/**
 * ABC-SMC with model selection: `abcSmc(problem, options)`.
 *
 * Generation 0 is a sample of N particles from the prior (epsilon = Infinity); it calibrates the adaptive
 * distance and the first epsilon. Generation t > 0 perturbs particles of generation t - 1 (candidate.ts)
 * and accepts those within epsilon_t, the alpha-quantile of generation t - 1's distances under the
 * re-estimated weights (Drovandi & Pettitt 2011), with importance weights (Beaumont et al. 2009; Toni et
 * al. 2009) and the model index as part of the particle (Toni & Stumpf 2010). Stops at the first of: target
 * epsilon reached, acceptance rate below the minimum (a generation is also cut off once it cannot reach
 * it), maximum generations, evaluations or wall time, or an abort signal. The run's state after every
 * generation goes to `checkpoint`; `resume` continues from such a state with the same bits as a run that
 * was never interrupted.
 */
import { InputError } from '../../errors.js';
import type { IndexedMap } from '../../parallel/map.js';
import { localEvaluator } from '../pool.js';
import { type ProblemSpec, type ResolvedProblem, resolveProblem } from '../problem.js';
import type { SimulatorDefinition } from '../simulators/index.js';
import { type AbcSettings, type AbcState, type GenerationStats, SETTING_KEYS } from './checkpoint.js';
import { runGeneration } from './generation.js';
import { mapEvaluator } from './mapEvaluator.js';
import {
  contextOf,
  effectiveSampleSize,
  modelProbabilities,
  nextEpsilon,
  nextWeights,
  populationOf,
} from './population.js';
import { initialScale, ROUNDS, replenishGeneration } from './replenish.js';
import type { Evaluator, Population } from './types.js';

export interface AbcProgress {
  readonly generation: number;
  readonly epsilon: number;
  readonly accepted: number;
  readonly particles: number;
  readonly evaluated: number;
}

export interface AbcOptions extends Partial<AbcSettings> {
  /** Worker threads (default 1: the calling thread). Results do not depend on it. */
  readonly workers?: number;
  /** Wall-time limit in seconds (the one stopping rule whose outcome depends on the machine). */
  readonly maxSeconds?: number;
  readonly signal?: AbortSignal;
  /** Continue from a checkpoint (its problem and settings are used; options other than workers, maxSeconds and the callbacks are ignored). */
  readonly resume?: AbcState;
  readonly checkpoint?: (state: AbcState) => void;
  readonly onGeneration?: (stats: GenerationStats) => void;
  readonly onProgress?: (p: AbcProgress) => void;
  /**
   * Where candidate batches run (e.g. a Redis queue: `cscsim worker` processes); `workers` is then the
   * number of batches kept in flight (default 4). Simulators come from the registry only.
   */
  readonly map?: IndexedMap;
  /** Simulators not in the registry (only with workers: 1: worker threads see the registry only). */
  readonly simulators?: Readonly<Record<string, SimulatorDefinition>>;
}

export type AbcStatus =
  | 'target-epsilon'
  | 'min-acceptance'
  | 'max-generations'
  | 'max-evaluations'
  | 'max-time'
  | 'interrupted';

export interface AbcResult {
  readonly status: AbcStatus;
  readonly models: readonly { readonly id: string; readonly parameters: readonly string[] }[];
  readonly statistics: readonly string[];
  /** The last complete generation (null if generation 0 did not complete). */
  readonly population: Population | null;
  readonly modelProbabilities: readonly number[];
  readonly generations: readonly GenerationStats[];
  readonly evaluations: number;
  readonly seconds: number;
  /** The final state (what a checkpoint holds). */
  readonly state: AbcState;
}

const DEFAULTS: AbcSettings = {
  particles: 1000,
  seed: 1,
  alpha: 0.5,
  zeta: 0.2,
  targetEpsilon: 0,
  minAcceptance: 0.005,
  maxGenerations: 20,
  maxEvaluations: Number.POSITIVE_INFINITY,
  moves: 0,
};

function checkSettings(s: AbcSettings): void {
  const bad = (path: string, what: string, v: number) =>
    new InputError(`expected ${what}, got ${v}`, { path });
  if (!Number.isInteger(s.particles) || s.particles < 2)
    throw bad('particles', 'an integer >= 2', s.particles);
  if (!Number.isSafeInteger(s.seed) || s.seed < 0) throw bad('seed', 'an integer in [0, 2^53)', s.seed);
  if (!(s.alpha > 0 && s.alpha < 1)) throw bad('alpha', 'a quantile in (0, 1)', s.alpha);
  if (!(s.zeta >= 0 && s.zeta <= 1)) throw bad('zeta', 'a probability', s.zeta);
  if (!(s.targetEpsilon >= 0)) throw bad('targetEpsilon', 'a number >= 0', s.targetEpsilon);
  if (!(s.minAcceptance >= 0 && s.minAcceptance < 1))
    throw bad('minAcceptance', 'a rate in [0, 1)', s.minAcceptance);
  if (!Number.isInteger(s.maxGenerations) || s.maxGenerations < 1)
    throw bad('maxGenerations', 'an integer >= 1', s.maxGenerations);
  if (!(s.maxEvaluations >= s.particles))
    throw bad('maxEvaluations', `at least particles (${s.particles})`, s.maxEvaluations);
  if (!Number.isInteger(s.moves) || s.moves < 0 || s.moves >= ROUNDS)
    throw bad('moves', `an integer in [0, ${ROUNDS - 1}]`, s.moves);
}

export function initialState(spec: ProblemSpec, settings: AbcSettings, problem: ResolvedProblem): AbcState {
  return {
    version: 1,
    spec,
    settings,
    generation: 0,
    population: null,
    weights: problem.weights.slice(),
    epsilon: Number.POSITIVE_INFINITY,
    history: [],
    evaluations: 0,
    seconds: 0,
  };
}

export async function abcSmc(spec: ProblemSpec, options: AbcOptions = {}): Promise<AbcResult> {
  const custom = options.simulators;
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1)
    throw new InputError(`workers: expected an integer >= 1, got ${workers}`);
  if (custom && (workers > 1 || options.map))
    throw new InputError(
      'simulators outside the registry run with workers: 1 only (worker threads load the registry)',
    );
  const theSpec = options.resume?.spec ?? spec;
  const lookup = custom
    ? (name: string, path: string) =>
        custom[name] ??
        (() => {
          throw new InputError(`unknown simulator '${name}'`, { path });
        })()
    : undefined;
  const problem = lookup ? resolveProblem(theSpec, lookup) : resolveProblem(theSpec);
  // A checkpoint from before `moves` existed ran the importance sampler.
  const settings: AbcSettings = options.resume
    ? { ...DEFAULTS, ...options.resume.settings }
    : { ...DEFAULTS, ...pickSettings(options) };
  checkSettings(settings);
  let state = options.resume ?? initialState(theSpec, settings, problem);
  const ev: Evaluator = options.map
    ? mapEvaluator(theSpec, options.map, options.workers ?? 4)
    : localEvaluator(theSpec, problem, workers);
  const dim = Math.max(...problem.models.map((m) => m.parameters.length));
  const nStats = problem.statistics.length;
  const started = Date.now();
  const deadline = options.maxSeconds !== undefined ? started + options.maxSeconds * 1000 : undefined;
  let status: AbcStatus | undefined;
  /** A complete generation: the next state, its checkpoint and callback, and the stopping rule. */
  const advance = (
    pop: Population,
    stats: GenerationStats,
    next: Pick<AbcState, 'epsilon'> & Partial<Pick<AbcState, 'weights' | 'scales'>>,
  ): void => {
    state = {
      ...state,
      ...next,
      generation: state.generation + 1,
      population: pop,
      history: [...state.history, stats],
      evaluations: state.evaluations + stats.evaluations,
      seconds: state.seconds + stats.seconds,
    };
    options.checkpoint?.(state);
    options.onGeneration?.(stats);
    status = stopAfter(state);
  };
  try {
    if (!options.resume) options.checkpoint?.(state);
    status = stopAfter(state);
    while (status === undefined) {
      const g = state.generation;
      const t0 = Date.now();
      if (settings.moves > 0 && g > 0 && state.population) {
        const scales =
          state.scales ?? Float64Array.from(problem.models, (m) => initialScale(m.perturbed.length));
        const run = await replenishGeneration(ev, problem, {
          generation: g,
          seed: settings.seed,
          population: state.population,
          weights: state.weights,
          epsilon: state.epsilon,
          zeta: settings.zeta,
          moves: settings.moves,
          scales,
          cap: settings.maxEvaluations - state.evaluations,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(deadline !== undefined ? { deadline } : {}),
          onRound: (r, rounds) =>
            options.onProgress?.({
              generation: g,
              epsilon: state.epsilon,
              accepted: r,
              particles: rounds,
              evaluated: r * settings.particles,
            }),
        });
        if (!run.complete) {
          status =
            run.reason === 'aborted'
              ? 'interrupted'
              : run.reason === 'deadline'
                ? 'max-time'
                : 'max-evaluations';
          break;
        }
        const pop = run.population;
        const { epsilon } = nextEpsilon(problem, pop, state.weights, settings.alpha, settings.targetEpsilon);
        const m = run.stats;
        const stats: GenerationStats = {
          generation: g,
          epsilon: state.epsilon,
          particles: pop.n,
          evaluations: run.evaluated,
          simulated: m.simulated - m.nan,
          nanDistances: m.nan,
          outsidePrior: m.priorRejected,
          acceptanceRate: m.accepted / run.evaluated,
          ess: effectiveSampleSize(pop.weight),
          modelProbabilities: Array.from(modelProbabilities(pop, problem.models.length)),
          wasted: 0,
          seconds: (Date.now() - t0) / 1000,
          moves: m,
        };
        advance(pop, stats, { epsilon, scales: run.scales });
        continue;
      }
      const ctx = contextOf(
        problem,
        g,
        settings.seed,
        settings.zeta,
        state.population,
        state.weights,
        state.epsilon,
      );
      const N = settings.particles;
      const byRate =
        settings.minAcceptance > 0 ? Math.ceil(N / settings.minAcceptance) : Number.POSITIVE_INFINITY;
      const budget = settings.maxEvaluations - state.evaluations;
      const cap = Math.min(byRate, budget, 0x7fffffff);
      const run = await runGeneration(ev, ctx, {
        particles: N,
        cap,
        dim,
        nStats,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(deadline !== undefined ? { deadline } : {}),
        onProgress: (accepted, evaluated) =>
          options.onProgress?.({ generation: g, epsilon: ctx.epsilon, accepted, particles: N, evaluated }),
      });
      if (!run.complete) {
        status =
          run.reason === 'aborted'
            ? 'interrupted'
            : run.reason === 'deadline'
              ? 'max-time'
              : cap === budget
                ? 'max-evaluations'
                : 'min-acceptance';
        break;
      }
      const pop = populationOf(run.accepted, dim, nStats);
      const weights = nextWeights(problem, run.allStats);
      const { epsilon } = nextEpsilon(problem, pop, weights, settings.alpha, settings.targetEpsilon);
      const stats: GenerationStats = {
        generation: g,
        epsilon: ctx.epsilon,
        particles: N,
        evaluations: run.evaluated,
        simulated: run.simulated,
        nanDistances: run.nanDistances,
        outsidePrior: run.outsidePrior,
        acceptanceRate: N / run.evaluated,
        ess: effectiveSampleSize(pop.weight),
        modelProbabilities: Array.from(modelProbabilities(pop, problem.models.length)),
        wasted: run.wasted,
        seconds: (Date.now() - t0) / 1000,
      };
      advance(pop, stats, { weights, epsilon });
    }
  } finally {
    await ev.close();
  }
  const pop = state.population;
  return {
    status,
    models: problem.models.map((m) => ({ id: m.id, parameters: m.parameters })),
    statistics: problem.statistics,
    population: pop,
    modelProbabilities: pop ? Array.from(modelProbabilities(pop, problem.models.length)) : [],
    generations: state.history,
    evaluations: state.evaluations,
    seconds: state.seconds,
    state,
  };
}

/** The stopping rule that holds after the last complete generation, if any. */
function stopAfter(s: AbcState): AbcStatus | undefined {
  const last = s.history[s.history.length - 1];
  const o = s.settings;
  if (last && last.generation > 0 && last.epsilon <= o.targetEpsilon) return 'target-epsilon';
  if (last && last.generation > 0 && last.acceptanceRate < o.minAcceptance) return 'min-acceptance';
  if (s.generation >= o.maxGenerations) return 'max-generations';
  if (s.evaluations >= o.maxEvaluations) return 'max-evaluations';
  return undefined;
}

function pickSettings(o: AbcOptions): Partial<AbcSettings> {
  const out: Record<string, number> = {};
  for (const k of SETTING_KEYS) if (o[k] !== undefined) out[k] = o[k]!;
  return out as Partial<AbcSettings>;
}
