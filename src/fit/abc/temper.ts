/**
 * Adding evidence to an ABC posterior by tempering (an SMC sampler with MCMC moves, Del Moral, Doucet &
 * Jasra, JRSS B 68:411, 2006, with adaptive temperatures as in their 2012 ABC sampler): from a population
 * of pi(theta, m | d_A <= epsilon), the targets pi(theta, m) 1[d_A <= epsilon] exp(beta l_B(theta)),
 * l_B = -|z_B|^2 / 2 the Gaussian log kernel of the new statistics B (Wilkinson, Stat Appl Genet Mol Biol
 * 12:129, 2013: exact under that error model), for beta from 0 to 1. Each step takes the largest beta whose
 * incremental weights exp(dbeta l_B) keep an effective sample size of half the particles (bisection),
 * resamples and moves every particle by Metropolis-Hastings at that beta (move.ts; the likelihood of a
 * particle is the one estimate it was accepted with: pseudo-marginal, Andrieu & Roberts 2009). Where the
 * mouse posterior meets the trials only in its tails, reweighting leaves one particle; this moves the
 * particles there. Same streams, same bits on any worker count.
 */
import { stream } from '../../random/rng.js';
import type { ResolvedProblem } from '../problem.js';
import { temperedLogLik } from './move.js';
import { effectiveSampleSize, modelProbabilities } from './population.js';
import { adaptScales, initialScale, moveRounds, ROUNDS, resampled, walkFactors } from './replenish.js';
import type { Evaluator, Population } from './types.js';

export interface TemperLevel {
  readonly beta: number;
  /** Effective sample size of the incremental weights before resampling. */
  readonly ess: number;
  readonly rounds: number;
  readonly acceptance: number;
  readonly distinct: number;
  readonly modelProbabilities: readonly number[];
}

export interface TemperResult {
  readonly population: Population;
  readonly levels: readonly TemperLevel[];
  /** Candidates evaluated (moves and the first evaluation) and simulations run. */
  readonly evaluated: number;
  readonly simulated: number;
  /** Particles the first evaluation could not place (NaN statistics or beyond epsilon). */
  readonly dropped: number;
}

/** ESS of weights w_i exp(db l_i), normalised. */
function essAt(w: Float64Array, l: Float64Array, db: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < l.length; i++) if (w[i]! > 0 && db * l[i]! > max) max = db * l[i]!;
  const v = new Float64Array(l.length);
  for (let i = 0; i < l.length; i++) v[i] = w[i]! > 0 ? w[i]! * Math.exp(db * l[i]! - max) : 0;
  return effectiveSampleSize(v);
}

export async function temper(
  ev: Evaluator,
  problem: ResolvedProblem,
  o: {
    readonly seed: number;
    /** Particles (model, theta) to start from; their statistics are simulated anew under `problem`. */
    readonly population: Population;
    readonly epsilon: number;
    /** Distance weights of A (the indicator) and B (the Gaussian kernel). */
    readonly weights: Float64Array;
    readonly likelihoodWeights: Float64Array;
    readonly moves: number;
    /** Largest number of temperatures (default 50). */
    readonly maxLevels?: number;
    readonly onProgress?: (line: string) => void;
  },
): Promise<TemperResult> {
  const M = problem.models.length;
  const base = {
    seed: o.seed,
    epsilon: o.epsilon,
    weights: o.weights,
    zeta: 0,
    moves: o.moves,
    chol: problem.models.map(() => null),
  };
  o.onProgress?.('tempering: simulating the new statistics of every particle');
  const first = await moveRounds(ev, problem, o.population, { ...base, key: 0, evaluate: true });
  let pop = first.population;
  let evaluated = first.evaluated;
  let simulated = first.stats.simulated;
  const n = pop.n;
  const l = new Float64Array(n);
  let w: Float64Array = new Float64Array(n);
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    l[i] = temperedLogLik(pop.stats, i * pop.nStats, problem.observed, o.likelihoodWeights);
    const ok = pop.distance[i]! <= o.epsilon && Number.isFinite(l[i]!);
    w[i] = ok ? o.population.weight[i]! : 0;
    if (!ok) dropped++;
  }
  const levels: TemperLevel[] = [];
  let scales: Float64Array = Float64Array.from(problem.models, (m) => initialScale(m.perturbed.length));
  let beta = 0;
  const maxLevels = o.maxLevels ?? 50;
  for (let k = 1; beta < 1 && k <= maxLevels && dropped < n; k++) {
    // The largest step keeping half the particles' worth of weight (or the rest of the way).
    let db = 1 - beta;
    const target = 0.5 * effectiveSampleSize(w);
    // The last allowed level takes the rest of the way, whatever its ESS.
    if (k < maxLevels && essAt(w, l, db) < target) {
      let lo = 0;
      let hi = db;
      for (let it = 0; it < 60; it++) {
        const mid = 0.5 * (lo + hi);
        if (essAt(w, l, mid) >= target) lo = mid;
        else hi = mid;
      }
      db = Math.max(lo, 1e-12);
    }
    const ess = essAt(w, l, db);
    beta = k === maxLevels || beta + db >= 1 - 1e-12 ? 1 : beta + db;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) if (w[i]! > 0) max = Math.max(max, db * l[i]!);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += w[i] = w[i]! > 0 ? w[i]! * Math.exp(db * l[i]! - max) : 0;
    for (let i = 0; i < n; i++) w[i]! /= sum;
    const u0 = stream(o.seed, (k * ROUNDS + ROUNDS - 1) * 2 ** 32).uniform();
    pop = resampled(pop, w, u0);
    const r = await moveRounds(ev, problem, pop, {
      ...base,
      key: k,
      chol: walkFactors(problem, pop, scales),
      temper: { beta, weights: o.likelihoodWeights },
      onRound: (round, rounds) =>
        o.onProgress?.(`tempering: beta ${beta.toPrecision(3)}, move round ${round + 1} of ${rounds}`),
    });
    pop = r.population;
    scales = adaptScales(scales, r.tried, r.moved);
    evaluated += r.evaluated;
    simulated += r.stats.simulated;
    w = new Float64Array(n).fill(1 / n);
    for (let i = 0; i < n; i++)
      l[i] = temperedLogLik(pop.stats, i * pop.nStats, problem.observed, o.likelihoodWeights);
    levels.push({
      beta,
      ess,
      rounds: r.stats.rounds,
      acceptance: r.stats.accepted / r.evaluated,
      distinct: r.stats.distinct,
      modelProbabilities: Array.from(modelProbabilities({ ...pop, weight: w }, M)),
    });
    o.onProgress?.(
      `tempering: beta ${beta.toPrecision(3)}, ESS ${ess.toFixed(0)} before resampling, acceptance ${((100 * r.stats.accepted) / r.evaluated).toFixed(1)}%`,
    );
  }
  return { population: { ...pop, weight: w }, levels, evaluated, simulated, dropped };
}
