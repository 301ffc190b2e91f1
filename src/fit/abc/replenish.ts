/**
 * One generation of replenishment ABC-SMC (Drovandi & Pettitt, Biometrics 67:225, 2011), the sampler of
 * `moves` >= 1: the particles beyond the new epsilon (the alpha-quantile of the last distances) are
 * dropped, the survivors resampled to N (systematic resampling), and every particle is moved by rounds of
 * Metropolis-Hastings (move.ts) until it has had a chance of 1 - c (c = 0.01) to move at the first round's
 * acceptance rate, R = ceil(log c / log(1 - acc)), at most `moves` rounds. Weights stay equal: the
 * population after a generation is a sample of pi(theta, m | d <= epsilon) whose diversity the MCMC keeps,
 * where the importance sampler's weights degenerate in a few dozen dimensions. The random walk's
 * covariance is the model's particle covariance on the walk scale, shrunk a fifth toward its diagonal (a
 * few dozen particles per model estimate a 30-dimensional covariance poorly), times s_m^2, s_m starting at
 * 2.38 / sqrt(d) (Roberts & Rosenthal, Stat Sci 16:351, 2001) and adapted between generations toward an
 * acceptance of 0.25. Every draw comes from a stream keyed by (seed, generation, round, particle): the
 * same bits for any worker count.
 */
import { stream } from '../../random/rng.js';
import type { ResolvedProblem } from '../problem.js';
import { distance } from './distance.js';
import { cholesky } from './linalg.js';
import { toWalk, walkScale } from './move.js';
import { type BatchResult, type Evaluator, type MoveContext, Outcome, type Population } from './types.js';

/** Rounds per generation are keyed generation * ROUNDS + round; the last key resamples. */
export const ROUNDS = 256;
const MISS = 0.01;
const TARGET_ACCEPTANCE = 0.25;
const SHRINK = 0.2;

export interface MoveStats {
  readonly rounds: number;
  /** Moves accepted, over all rounds. */
  readonly accepted: number;
  /** Moves the prior ratio or support rejected before simulating. */
  readonly priorRejected: number;
  readonly simulated: number;
  readonly nan: number;
  /** Distinct particles (model and parameters) in the moved population. */
  readonly distinct: number;
}

export interface ReplenishResult {
  readonly complete: boolean;
  readonly reason?: 'aborted' | 'deadline' | 'cap';
  readonly population: Population;
  readonly scales: Float64Array;
  readonly evaluated: number;
  readonly stats: MoveStats;
}

/** The walk's starting scale for d perturbed coordinates. */
export function initialScale(d: number): number {
  return 2.38 / Math.sqrt(Math.max(1, d));
}

export function systematic(weight: Float64Array, draws: number, u0: number): Int32Array {
  const out = new Int32Array(draws);
  let c = weight[0]!;
  let i = 0;
  for (let k = 0; k < draws; k++) {
    const u = (u0 + k) / draws;
    while (u > c && i < weight.length - 1) c += weight[++i]!;
    out[k] = i;
  }
  return out;
}

/** Per model, the scaled Cholesky factor of the walk (or null for a model without particles). */
export function walkFactors(
  problem: ResolvedProblem,
  pop: Population,
  scales: Float64Array,
): (Float64Array | null)[] {
  return problem.models.map((model, m) => {
    const rows: number[] = [];
    for (let i = 0; i < pop.n; i++) if (pop.model[i] === m) rows.push(i);
    if (rows.length === 0) return null;
    const dims = model.perturbed;
    const k = dims.length;
    const scale = Array.from(dims, (j) => walkScale(model.priors[j]!));
    const y = (i: number, a: number): number => toWalk(scale[a]!, pop.theta[i * pop.dim + dims[a]!]!);
    const mean = new Float64Array(k);
    for (const i of rows) for (let a = 0; a < k; a++) mean[a]! += y(i, a) / rows.length;
    const cov = new Float64Array(k * k);
    for (const i of rows)
      for (let a = 0; a < k; a++)
        for (let b = 0; b <= a; b++)
          cov[a * k + b]! += ((y(i, a) - mean[a]!) * (y(i, b) - mean[b]!)) / rows.length;
    const s2 = scales[m]! ** 2;
    const sigma = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      // A floor keeps a collapsed coordinate movable (logit units, or the prior's width).
      const w = scale[a]!;
      const floor = Number.isNaN(w.width) ? 1e-10 : 1e-4;
      for (let b = 0; b < a; b++) sigma[a * k + b] = sigma[b * k + a] = s2 * (1 - SHRINK) * cov[a * k + b]!;
      sigma[a * k + a] = s2 * Math.max(cov[a * k + a]!, floor);
    }
    const L = new Float64Array(k * k);
    if (Number.isNaN(cholesky(sigma, k, L, 0))) {
      L.fill(0);
      for (let a = 0; a < k; a++) L[a * k + a] = Math.sqrt(sigma[a * k + a]!);
    }
    return L;
  });
}

/** Evaluates candidates 0..n-1 of the evaluator's current round, all of them, in index order. */
export async function runRound(ev: Evaluator, n: number, into: BatchResult[]): Promise<void> {
  const size = Math.max(1, Math.ceil(n / (4 * ev.workers)));
  const jobs: Promise<BatchResult>[] = [];
  for (let from = 0; from < n; from += size) jobs.push(ev.evaluate(from, Math.min(size, n - from)));
  into.push(...(await Promise.all(jobs)));
}

/** The population resampled by weight `w` (systematic, one uniform u0), with equal weights. */
export function resampled(last: Population, w: Float64Array, u0: number): Population {
  const { n, dim, nStats } = last;
  const pick = systematic(w, n, u0);
  const theta = new Float64Array(n * dim);
  const stats = new Float64Array(n * nStats);
  for (const [k, i] of pick.entries()) {
    theta.set(last.theta.subarray(i * dim, (i + 1) * dim), k * dim);
    stats.set(last.stats.subarray(i * nStats, (i + 1) * nStats), k * nStats);
  }
  return {
    n,
    dim,
    nStats,
    model: Int32Array.from(pick, (i) => last.model[i]!),
    theta,
    stats,
    distance: Float64Array.from(pick, (i) => last.distance[i]!),
    weight: new Float64Array(n).fill(1 / n),
  };
}

export interface RoundsResult {
  readonly population: Population;
  readonly reason?: 'aborted' | 'deadline' | 'cap';
  readonly evaluated: number;
  readonly stats: MoveStats;
  /** Per model: moves tried and accepted (for the scale's adaptation). */
  readonly tried: Float64Array;
  readonly moved: Float64Array;
}

/**
 * Rounds of moves of `pop` (move.ts), keyed `key * ROUNDS + round`; the first round's acceptance sets
 * their number (at most `moves`). `stop` is asked before every round.
 */
export async function moveRounds(
  ev: Evaluator,
  problem: ResolvedProblem,
  start: Population,
  o: {
    readonly key: number;
    readonly seed: number;
    readonly epsilon: number;
    readonly weights: Float64Array;
    readonly zeta: number;
    readonly moves: number;
    readonly chol: readonly (Float64Array | null)[];
    readonly temper?: MoveContext['temper'];
    /** One round that simulates every particle where it is. */
    readonly evaluate?: boolean;
    readonly stop?: (evaluated: number) => RoundsResult['reason'];
    readonly onRound?: (round: number, rounds: number) => void;
  },
): Promise<RoundsResult> {
  const { n, dim, nStats } = start;
  const M = problem.models.length;
  const tried = new Float64Array(M);
  const moved = new Float64Array(M);
  let pop = start;
  let rounds = o.evaluate ? 1 : o.moves;
  let evaluated = 0;
  let accepted = 0;
  let priorRejected = 0;
  let simulated = 0;
  let nan = 0;
  let reason: RoundsResult['reason'];
  for (let r = 0; r < rounds; r++) {
    reason = o.stop?.(evaluated);
    if (reason) break;
    o.onRound?.(r, rounds);
    const move: MoveContext = {
      n,
      model: pop.model,
      theta: pop.theta,
      stats: pop.stats,
      distance: pop.distance,
      chol: o.chol,
      ...(o.temper ? { temper: o.temper } : {}),
      ...(o.evaluate ? { evaluate: true } : {}),
    };
    ev.begin({
      generation: o.key * ROUNDS + r,
      seed: o.seed,
      epsilon: o.epsilon,
      weights: o.weights,
      zeta: o.zeta,
      modelProb: new Float64Array(0),
      kernels: [],
      move,
    });
    const batches: BatchResult[] = [];
    await runRound(ev, n, batches);
    evaluated += n;
    const next: Population = {
      ...pop,
      model: new Int32Array(n),
      theta: new Float64Array(n * dim),
      stats: new Float64Array(n * nStats),
      distance: new Float64Array(n),
    };
    let ok = 0;
    for (const b of batches)
      for (let s = 0; s < b.count; s++) {
        const i = b.from + s;
        const out = b.outcome[s]!;
        const m = b.model[s]!;
        tried[m]!++;
        if (out === Outcome.Accepted) {
          moved[m]!++;
          ok++;
        }
        if (out === Outcome.PriorRejected || out === Outcome.OutsidePrior) priorRejected++;
        else simulated++;
        if (out === Outcome.NaN) nan++;
        next.model[i] = m;
        next.theta.set(b.theta.subarray(s * dim, (s + 1) * dim), i * dim);
        next.stats.set(b.stats.subarray(s * nStats, (s + 1) * nStats), i * nStats);
        next.distance[i] = b.distance[s]!;
      }
    pop = next;
    accepted += ok;
    if (r === 0 && !o.evaluate) {
      const acc = ok / n;
      rounds = acc >= 1 ? 1 : acc <= 0 ? o.moves : Math.ceil(Math.log(MISS) / Math.log(1 - acc));
      rounds = Math.max(1, Math.min(o.moves, rounds));
    }
  }
  const stats = {
    rounds: evaluated / n,
    accepted,
    priorRejected,
    simulated,
    nan,
    distinct: distinctRows(pop),
  };
  return { population: pop, ...(reason ? { reason } : {}), evaluated, stats, tried, moved };
}

/** Each model's walk scale moved toward an acceptance of 0.25 by its last acceptance rate. */
export function adaptScales(scales: Float64Array, tried: Float64Array, moved: Float64Array): Float64Array {
  const out = scales.slice();
  for (let m = 0; m < out.length; m++)
    if (tried[m]! > 0) {
      const acc = moved[m]! / tried[m]!;
      out[m] = Math.min(5, Math.max(0.01, out[m]! * Math.exp(2 * (acc - TARGET_ACCEPTANCE))));
    }
  return out;
}

/** Distinct (model, parameters) rows among the particles of positive weight. */
export function distinctRows(pop: Population): number {
  const seen = new Set<string>();
  for (let i = 0; i < pop.n; i++)
    if (pop.weight[i]! > 0)
      seen.add(`${pop.model[i]}:${pop.theta.subarray(i * pop.dim, (i + 1) * pop.dim).join(',')}`);
  return seen.size;
}

export async function replenishGeneration(
  ev: Evaluator,
  problem: ResolvedProblem,
  o: {
    readonly generation: number;
    readonly seed: number;
    readonly population: Population;
    readonly weights: Float64Array;
    readonly epsilon: number;
    readonly zeta: number;
    readonly moves: number;
    readonly scales: Float64Array;
    /** Largest number of candidates to evaluate (the evaluation budget). */
    readonly cap: number;
    readonly signal?: AbortSignal;
    readonly deadline?: number;
    readonly onRound?: (round: number, rounds: number) => void;
  },
): Promise<ReplenishResult> {
  const last = o.population;
  const { n, nStats } = last;
  // Survivors of the new epsilon (distances under the run's weights), resampled to N.
  const dist = new Float64Array(n);
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    dist[i] = distance(last.stats, i * nStats, problem.observed, o.weights);
    sum += w[i] = dist[i]! <= o.epsilon ? last.weight[i]! : 0;
  }
  for (let i = 0; i < n; i++) w[i]! /= sum;
  const key = o.generation * ROUNDS + ROUNDS - 1;
  const pop = resampled({ ...last, distance: dist }, w, stream(o.seed, key * 2 ** 32).uniform());
  const r = await moveRounds(ev, problem, pop, {
    key: o.generation,
    seed: o.seed,
    epsilon: o.epsilon,
    weights: o.weights,
    zeta: o.zeta,
    moves: o.moves,
    chol: walkFactors(problem, pop, o.scales),
    stop: (evaluated) =>
      o.signal?.aborted
        ? 'aborted'
        : o.deadline !== undefined && Date.now() > o.deadline
          ? 'deadline'
          : evaluated + n > o.cap
            ? 'cap'
            : undefined,
    ...(o.onRound ? { onRound: o.onRound } : {}),
  });
  // A budget that ends after a round leaves a valid, less mixed population; an abort or deadline drops it.
  const done = r.reason === undefined || (r.reason === 'cap' && r.evaluated > 0);
  return {
    complete: done,
    ...(done ? {} : { reason: r.reason! }),
    population: r.population,
    scales: adaptScales(o.scales, r.tried, r.moved),
    evaluated: r.evaluated,
    stats: r.stats,
  };
}
