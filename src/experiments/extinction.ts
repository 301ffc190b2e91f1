/**
 * Time to extinction of the CSC pool under continuous HER2 blockade, the mechanism proposed for the
 * adjuvant benefit (Riley, Zhou, Lange, Sinsheimer & Sehl, PLoS One 2012;7:e46613): a subcritical CSC
 * pool dies out, and the time it takes grows only with the log of its size.
 *
 * Three views of the same question:
 * - closed forms of the linear birth-death process (Kendall 1948; src/analysis/branching.ts) with constant
 *   treated rates b (renewal) and d (symmetric differentiation, death, antibody-dependent kill);
 * - exact simulation of that process: Kendall transitions over a time grid, and when a step ends
 *   extinct the extinction time inside the step drawn exactly (below);
 * - the full model as replicate mice (hybrid ODE + exact CSC draws, mouse.ts) treated continuously, where
 *   the rates move with burden feedback, HER2 levels and PK.
 */
import { extinctionProbabilityBy, meanTimeToExtinction, type Rates } from '../analysis/branching.js';
import type { RegimenId } from '../models/index.js';
import { type Rng, stream } from '../random/index.js';
import { kendallStep } from './kendall.js';
import { cscRates, type Lab } from './lab.js';
import { HybridMouse } from './mouse.js';
import { run } from './sim.js';
import { armDoses, DEFAULT_VARIABILITY, mouseParams } from './xenograft.js';

/** State of the mean model `settle` days into continuous treatment started at `startDay`. */
export function treatedState(
  L: Lab,
  p: Float64Array,
  regimen: RegimenId,
  startDay: number,
  settle = 7,
): { readonly t: number; readonly y: Float64Array; readonly poolAtStart: number } {
  const tEnd = startDay + settle;
  const doses = armDoses({ name: 'treated', regimen, startDay }, tEnd);
  const tr = run(L.problem, { p, tEnd, times: [startDay], outputs: ['S'], doses });
  return { t: tEnd, y: Float64Array.from(tr.yEnd), poolAtStart: tr.y[0]! };
}

/**
 * Per-capita CSC rates of the mean model `settle` days into continuous treatment started at `startDay`
 * (drug at plateau occupancy, HER2 signalling blocked). Rates depend on the state through burden feedback.
 */
export function treatedRates(
  L: Lab,
  p: Float64Array,
  regimen: RegimenId,
  startDay: number,
  settle = 7,
): Rates & { readonly pool: number } {
  const s = treatedState(L, p, regimen, startDay, settle);
  const [b, d] = cscRates(L, s.t, s.y, p);
  return { b, d, pool: s.poolAtStart };
}

/**
 * Extinction time inside a step of length h that took n cells to 0 (constant rates): the n lineages are
 * independent and each is extinct by s with probability G(s) = G(0, s); conditioned on all being extinct
 * by h, the last extinction has CDF (G(s) / G(h))^n. Inversion: G(s) = U^(1/n) G(h), and
 * G(s) = q  <=>  s = ln((d - q b) / (d (1 - q))) / (d - b)  (s = q / (b (1 - q)) when b = d).
 */
export function extinctionTimeInStep(n: number, r: Rates, h: number, rng: Rng): number {
  const q = rng.uniform() ** (1 / n) * extinctionProbabilityBy(r, h);
  const { b, d } = r;
  if (Math.abs(d - b) < 1e-12 * (b + d)) return q / (b * (1 - q));
  return Math.log((d - q * b) / (d * (1 - q))) / (d - b);
}

/**
 * Exact extinction time of n0 cells under constant rates (Infinity if not extinct by tMax): Kendall
 * transitions on a grid of step h, then the exact time inside the final step.
 */
export function sampleExtinctionTime(n0: number, r: Rates, tMax: number, h: number, rng: Rng): number {
  let n = n0;
  for (let t = 0; t < tMax; t += h) {
    const m = kendallStep(n, r.b, r.d, h, rng);
    if (m === 0) return t + extinctionTimeInStep(n, r, h, rng);
    n = m;
  }
  return Number.POSITIVE_INFINITY;
}

/** Extinction times of `runs` exact simulations; run i draws from stream(seed, i). */
export function simulateExtinctionTimes(
  n0: number,
  r: Rates,
  runs: number,
  seed: number,
  tMax: number,
  h = 2,
): Float64Array {
  const out = new Float64Array(runs);
  for (let i = 0; i < runs; i++) out[i] = sampleExtinctionTime(n0, r, tMax, h, stream(seed, i));
  return out;
}

/** Closed-form P(extinct by t) at each time (n0 rounded to whole cells). */
export function extinctionCurve(r: Rates, n0: number, times: ArrayLike<number>): Float64Array {
  const n = Math.max(0, Math.round(n0));
  return Float64Array.from(times, (t) => extinctionProbabilityBy(r, t, n));
}

export { meanTimeToExtinction };

/** Fraction of extinction times <= t at each time. */
export function empiricalCdf(times: ArrayLike<number>, at: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(times).sort();
  return Float64Array.from(at, (t) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return sorted.length ? lo / sorted.length : Number.NaN;
  });
}

/**
 * Wilson score interval for a binomial proportion (Wilson, JASA 1927), z = 1.96 by default: keeps
 * [0, 1] and stays informative at 0 and 1 successes, where the Wald interval collapses.
 */
export function wilson(successes: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const mid = (p + z2 / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / den;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

export interface TreatedMiceOptions {
  readonly regimen: RegimenId;
  /** Day treatment starts; it then continues to tEnd. */
  readonly startDay: number;
  readonly tEnd: number;
  readonly mice: number;
  readonly seed: number;
  /** Stream index of mouse 0 (so that arms draw from disjoint streams). */
  readonly streamOffset?: number;
  readonly dt?: number;
  readonly variability?: Readonly<Record<string, number>>;
}

/**
 * Replicate mice under continuous treatment, each stopped when its CSC pool dies out. Returns, per mouse,
 * the extinction time in days since treatment start (Infinity if the pool survives to tEnd; the grid time
 * at which the pool is first seen empty, so up to dt late) and the pool at treatment start.
 */
export function treatedMiceExtinction(
  L: Lab,
  base: Float64Array,
  o: TreatedMiceOptions,
): { readonly times: Float64Array; readonly poolAtStart: Float64Array } {
  const dt = o.dt ?? 0.5;
  const doses = armDoses({ name: 'treated', regimen: o.regimen, startDay: o.startDay }, o.tEnd);
  const times = new Float64Array(o.mice).fill(Number.POSITIVE_INFINITY);
  const poolAtStart = new Float64Array(o.mice);
  for (let m = 0; m < o.mice; m++) {
    const rng = stream(o.seed, (o.streamOffset ?? 0) + m);
    const p = mouseParams(L, base, o.variability ?? DEFAULT_VARIABILITY, rng);
    const mouse = new HybridMouse(L, p, doses, rng);
    while (mouse.t < o.startDay - 1e-9) mouse.step(dt);
    poolAtStart[m] = mouse.csc;
    while (mouse.t < o.tEnd - 1e-9 && mouse.csc > 0) mouse.step(dt);
    if (mouse.csc === 0) times[m] = mouse.t - o.startDay;
  }
  return { times, poolAtStart };
}
