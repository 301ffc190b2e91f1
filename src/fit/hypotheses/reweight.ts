/**
 * The trials added to the mouse posterior by importance weights (ConfrontOptions.trialStep 'reweight'): every
 * particle weighted by the trials' Gaussian likelihood exp(-|z|^2 / 2) / sqrt(1 + (se / sd)^2) (z on the
 * scale sqrt(sd^2 + se^2), se the simulated statistic's own standard error), one trial at a time, the most
 * precise first, each trial's simulations farmed out to the evaluator (worker threads) as one round.
 *
 * Trial-only parameters (VariantModel.trialOnly: the trial assumptions a variant frees, which no mouse
 * observation depends on) have their prior as mouse-posterior marginal, independent of the rest: each such
 * particle is split into `trialDraws` copies of weight w / K, the first keeping its values and the others
 * drawing them afresh from their priors. The mixture represents the same mouse posterior, and a narrow region
 * of effector activity that the trials single out gets K times the particles. With `adaptive`, the copies
 * come in two rounds: the first half as above, the second half from a proposal fitted to the first round's
 * weighted draws (trialProposal.ts: population Monte Carlo with a defensive mixture), every copy then weighted
 * against the mixture of both rounds' proposals. It pays where the trial-only parameters are what the trials
 * pin down (the toy of test/fit/reweight.test.ts: ESS 367 -> 595). On the HER2 evidence (2026-12-03, seed 1) it did
 * not raise the ESS alone (1.9-2.7 against 3.9: each trial evaluation's own virtual cohort makes the weights noisy),
 * but did with common cohorts (her2-evidence cohortSeed): 17.8 against 5.1 with the cohorts alone. Off by default;
 * the full budget turns both on.
 *
 * Between trials, rejection control (Liu, Chen & Wong, JASA 93:1022, 1998) spends the next trials'
 * simulations on particles that can still matter: a particle whose weight is below c = `rejectionControl` x
 * the largest survives with probability w / c and then carries weight c, else it is dropped. The weights stay
 * unbiased; a particle the tight trials already rule out costs one trial simulation instead of all of them.
 * With `survivors`, c is raised further so that at most that many particles go on in expectation.
 */

import { InputError } from '../../errors.js';
import type { Observation } from '../../paper/evidence/evidence.js';
import { stream } from '../../random/rng.js';
import { effectiveSampleSize } from '../abc/population.js';
import { distinctRows } from '../abc/replenish.js';
import type { Population } from '../abc/types.js';
import { makePrior, type Prior } from '../priors.js';
import type { SimulatorDefinition } from '../simulators/index.js';
import { simulateAt } from './atParticles.js';
import { observedOf, priorOfRange, seName, type VariantModel, zName } from './spec.js';
import type { StepResult } from './step.js';
import { drawProposal, type Fit, fitProposal, logBalance } from './trialProposal.js';

export interface ReweightOptions {
  readonly variants: readonly VariantModel[];
  readonly trials: readonly Observation[];
  readonly lookup: (simulator: string) => SimulatorDefinition;
  readonly seed: number;
  /** Relative weight below which a particle meets rejection control between trials. */
  readonly rejectionControl: number;
  /**
   * At most this many particles, in expectation, go on to each later trial: rejection control's threshold is
   * raised until sum min(1, w / c) is this (survivorThreshold). Unbiased still; it turns the dear trials'
   * budget into weight variance instead of run time (default: no cap).
   */
  readonly survivors?: number;
  /**
   * Trial observation ids in the order to weight by them (default: the most precise first). The first
   * trial runs for every particle, the later ones for rejection control's survivors: put a cheap,
   * discriminating trial first.
   */
  readonly order?: readonly string[];
  /** Copies of each particle with trial-only parameters, K - 1 of them drawn afresh (default 1). */
  readonly trialDraws?: number;
  /** Draw the second half of the copies from a proposal adapted to the first (default false). */
  readonly adaptive?: boolean;
  readonly workers: number;
  /** Simulators outside the registry: the inline evaluator only. */
  readonly custom: boolean;
  readonly onProgress?: (line: string) => void;
}

/**
 * The population with trial-only parameters redrawn: K copies of weight w / K per particle that has them,
 * each particle's copies contiguous; copies k >= k1 are the second round's, drawn later (round2).
 */
function split(
  pop: Population,
  o: ReweightOptions,
  K: number,
  priorsOf: (v: number) => (readonly [number, Prior])[],
) {
  const copies = Int32Array.from(pop.model, (v) => (K > 1 && priorsOf(v).length > 0 ? K : 1));
  const n = copies.reduce((s, k) => s + k, 0);
  const { dim, nStats } = pop;
  const out: Population = {
    n,
    dim,
    nStats,
    model: new Int32Array(n),
    theta: new Float64Array(n * dim),
    stats: new Float64Array(n * nStats),
    distance: new Float64Array(n),
    weight: new Float64Array(n),
  };
  let r = 0;
  for (let i = 0; i < pop.n; i++) {
    const rng = stream(o.seed * 1000 + 700, i);
    for (let k = 0; k < copies[i]!; k++, r++) {
      out.model[r] = pop.model[i]!;
      out.theta.set(pop.theta.subarray(i * dim, (i + 1) * dim), r * dim);
      out.stats.set(pop.stats.subarray(i * nStats, (i + 1) * nStats), r * nStats);
      out.distance[r] = pop.distance[i]!;
      out.weight[r] = pop.weight[i]! / copies[i]!;
      if (k > 0) for (const [a, prior] of priorsOf(pop.model[i]!)) out.theta[r * dim + a] = prior.sample(rng);
    }
  }
  return { pop: out, copies };
}

/** Per variant: [slot, prior] of its trial-only parameters (priors of the step's problem, priorOfRange). */
function priors(
  variant: VariantModel,
  v: number,
  lookup: (simulator: string) => SimulatorDefinition,
): (readonly [number, Prior])[] {
  const known = lookup(variant.simulator).parameters(variant.options ?? {}, `variants[${v}].options`);
  return (variant.trialOnly ?? []).map((id) => {
    const spec = known.find((q) => q.id === id);
    const a = variant.parameters.indexOf(id);
    if (!spec || a < 0)
      throw new InputError(
        `variant '${variant.id}': trial-only parameter '${id}' is not one of its parameters`,
        {
          path: `variants[${v}].trialOnly`,
        },
      );
    return [a, makePrior(priorOfRange(spec.range))] as const;
  });
}

const members = (round: Uint8Array, which: number): number[] => {
  const out: number[] = [];
  for (let r = 0; r < round.length; r++) if (round[r] === which) out.push(r);
  return out;
};

/**
 * The trials, in order, for the copies in `subset`: log weights decreased by |z|^2 / 2, rejection control
 * between trials relative to the subset's largest weight. Returns the number of trial simulations.
 */
async function weighTrials(
  pop: Population,
  subset: readonly number[],
  logW: Float64Array,
  zs: Float64Array,
  order: readonly number[],
  o: ReweightOptions,
  salt: number,
): Promise<number> {
  const { trials } = o;
  let simulations = 0;
  for (const [s, j] of order.entries()) {
    const t = trials[j]!;
    const alive = subset.filter((i) => logW[i] !== Number.NEGATIVE_INFINITY);
    if (alive.length === 0) break;
    o.onProgress?.(`trials: ${t.target}, ${alive.length} particles`);
    const at = await simulateAt(pop, alive, {
      variants: o.variants,
      options: { observations: [t.id] },
      observed: observedOf(t),
      lookup: o.lookup,
      seed: o.seed * 1000 + 500,
      // The second round keys its own streams: its rows would otherwise reuse the first round's cohorts.
      key: j + salt * trials.length,
      workers: o.workers,
      custom: o.custom,
    });
    const nStats = at.statistics.length;
    simulations += alive.length;
    const k = at.statistics.indexOf(zName(t));
    const ks = at.statistics.indexOf(seName(t));
    alive.forEach((i, r) => {
      const z = at.stats[r * nStats + k]!;
      // z is on the scale sqrt(sd^2 + se^2) (spec.ts): the Gaussian's normaliser sd / sqrt(sd^2 + se^2) goes in
      // too, else a particle whose cohort is noisier would gain weight from its flatter kernel.
      const se = at.stats[r * nStats + ks]!;
      const norm = se > 0 ? 0.5 * Math.log1p((se / t.sd) ** 2) : 0;
      zs[i * trials.length + j] = z;
      // A trial that could not be simulated (NaN) says the particle cannot meet the trials: weight 0.
      logW[i] = Number.isFinite(z) ? logW[i]! - z ** 2 / 2 - norm : Number.NEGATIVE_INFINITY;
    });
    if (s === order.length - 1) break;
    let top = Number.NEGATIVE_INFINITY;
    for (const i of subset) top = Math.max(top, logW[i]!);
    const c = Math.max(
      top + Math.log(o.rejectionControl),
      o.survivors === undefined ? Number.NEGATIVE_INFINITY : survivorThreshold(subset, logW, o.survivors),
    );
    for (const i of subset) {
      if (!(logW[i]! < c)) continue;
      const keep = Math.log(stream(o.seed * 1000 + 600 + s + 100 * salt, i).uniform()) < logW[i]! - c;
      logW[i] = keep ? c : Number.NEGATIVE_INFINITY;
    }
  }
  return simulations;
}

/**
 * The log threshold c at which rejection control keeps `target` of the subset's particles in expectation,
 * sum min(1, exp(logW - c)) = target (bisection; that sum falls as c rises); -Infinity when no more than
 * `target` have positive weight.
 */
export function survivorThreshold(subset: readonly number[], logW: Float64Array, target: number): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let alive = 0;
  for (const i of subset)
    if (logW[i]! > Number.NEGATIVE_INFINITY) {
      alive++;
      lo = Math.min(lo, logW[i]!);
      hi = Math.max(hi, logW[i]!);
    }
  if (alive <= target) return Number.NEGATIVE_INFINITY;
  const kept = (c: number) => {
    let k = 0;
    for (const i of subset) k += Math.min(1, Math.exp(logW[i]! - c));
    return k;
  };
  // Above the largest weight kept(c) = kept(top) exp(top - c): the level in closed form when it lies there.
  const atTop = kept(hi);
  if (atTop >= target) return hi + Math.log(atTop / target);
  for (let it = 0; it < 100 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); it++) {
    const mid = (lo + hi) / 2;
    if (kept(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The proposal of variant v's trial-only parameters fitted to its first-round copies' weights. */
function fitRound(
  pop: Population,
  logW: Float64Array,
  round: Uint8Array,
  v: number,
  params: readonly (readonly [number, Prior])[],
  priorList: readonly Prior[],
): Fit {
  if (params.length === 0) return [];
  const values: number[][] = [];
  const w: number[] = [];
  let top = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < pop.n; r++) if (round[r] === 1 && pop.model[r] === v) top = Math.max(top, logW[r]!);
  for (let r = 0; r < pop.n; r++) {
    if (round[r] !== 1 || pop.model[r] !== v) continue;
    values.push(params.map(([a]) => pop.theta[r * pop.dim + a]!));
    w.push(Number.isFinite(top) ? Math.exp(logW[r]! - top) : 0);
  }
  return fitProposal(priorList, values, w);
}

/** The second round's trial-only parameters, from each variant's fitted proposal (streams by copy). */
function drawRound2(
  pop: Population,
  round: Uint8Array,
  table: readonly (readonly (readonly [number, Prior])[])[],
  priorLists: readonly (readonly Prior[])[],
  fits: readonly Fit[],
  seed: number,
): void {
  const x: number[] = [];
  for (let r = 0; r < pop.n; r++) {
    if (round[r] !== 2) continue;
    const v = pop.model[r]!;
    drawProposal(priorLists[v]!, fits[v]!, stream(seed * 1000 + 710, r), x);
    table[v]!.forEach(([a], d) => {
      pop.theta[r * pop.dim + a] = x[d]!;
    });
  }
}

export async function reweight(mouse: StepResult, o: ReweightOptions): Promise<StepResult> {
  const start = mouse.abc.population;
  if (!start)
    return { ...mouse, method: 'reweight', simulations: 0, refreshed: [], screenEvaluations: 0, distinct: 0 };
  const { trials } = o;
  const table = o.variants.map((v, i) => priors(v, i, o.lookup));
  const K = Math.max(1, Math.floor(o.trialDraws ?? 1));
  const adaptive = o.adaptive === true && K >= 2;
  const k1 = adaptive ? Math.ceil(K / 2) : K;
  const { pop, copies } = split(start, o, K, (v) => table[v]!);
  const rank = (j: number) => {
    const k = o.order?.indexOf(trials[j]!.id) ?? -1;
    return k < 0 ? Number.POSITIVE_INFINITY : k;
  };
  const order = trials
    .map((_, j) => j)
    .sort((a, b) => rank(a) - rank(b) || trials[a]!.sd - trials[b]!.sd || a - b);
  const logW = Float64Array.from(pop.weight, (w) => (w > 0 ? Math.log(w) : Number.NEGATIVE_INFINITY));
  const zs = new Float64Array(pop.n * trials.length).fill(Number.NaN);
  // Copy r of particle i is its k-th: round 1 for k < k1 (or every copy without trial-only parameters).
  const round = new Uint8Array(pop.n);
  for (let i = 0, r = 0; i < start.n; i++)
    for (let k = 0; k < copies[i]!; k++, r++) round[r] = k < k1 ? 1 : 2;
  let simulations = await weighTrials(pop, members(round, 1), logW, zs, order, o, 0);
  if (adaptive) {
    const priorLists = table.map((t) => t.map(([, p]) => p));
    const fits = table.map((t, v) => fitRound(pop, logW, round, v, t, priorLists[v]!));
    drawRound2(pop, round, table, priorLists, fits, o.seed);
    simulations += await weighTrials(pop, members(round, 2), logW, zs, order, o, 1);
    // Every copy of a particle with trial-only parameters against the mixture of both rounds' proposals.
    for (let r = 0; r < pop.n; r++) {
      const v = pop.model[r]!;
      if (table[v]!.length === 0 || logW[r] === Number.NEGATIVE_INFINITY) continue;
      const x = table[v]!.map(([a]) => pop.theta[r * pop.dim + a]!);
      logW[r]! += logBalance(priorLists[v]!, fits[v]!, x, k1, K - k1);
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
  const population = { ...pop, weight };
  return {
    abc: { ...mouse.abc, population, modelProbabilities: probabilities },
    probabilities,
    method: 'reweight',
    ess: sum > 0 ? effectiveSampleSize(weight) : 0,
    distinct: distinctRows(population),
    simulations,
    refreshed: [],
    screenEvaluations: 0,
    ...(best >= 0
      ? { bestTrialZ: Array.from(zs.subarray(best * trials.length, (best + 1) * trials.length)) }
      : {}),
  };
}
