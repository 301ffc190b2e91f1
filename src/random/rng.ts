/**
 * Seeded random streams: `stream(seed, index)` is the generator of run `index` of an ensemble seeded with
 * `seed`, reproducible whatever the worker count or run order. The counter-based Philox4x32-10
 * (Salmon et al. 2011), keyed by the seed with the index as counter, gives each stream its 128-bit
 * starting state; the stream itself is xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom
 * number generators", ACM TOMS 47, 2021), whose 32-bit operations are native to JS: in our SSA benchmark
 * drawing from Philox directly cost 2-3x more per event than the rest of the direct method. Streams start
 * at independent uniformly random points of the 2^128 - 1 period: the chance that any two of 1e6 streams
 * drawing 2^40 numbers each overlap is below 2^-47.
 *
 * Samplers (each cites its method):
 * - uniform: 53 random bits, (k + 0.5) / 2^53, strictly inside (0, 1).
 * - exponential: the ziggurat (Marsaglia & Tsang 2000; ziggurat.ts), one uniform per draw in ~98% of cases.
 * - normal: Marsaglia's polar method (Marsaglia & Bray 1964), second variate cached.
 * - poisson, binomial: distributions.ts (inversion for small means, PTRS / BTRD of Hörmann 1993 above).
 * - gamma: Marsaglia & Tsang (2000), with the U^(1/a) boost for shape < 1.
 */
import { InputError } from '../errors.js';
import { binomial, poisson } from './distributions.js';
import { philox4x32 } from './philox.js';
import { EXP_ACCEPT, EXP_WIDTH, expSlow, expZiggurat } from './ziggurat.js';

export interface Rng {
  /** Uniform on the open interval (0, 1), 53-bit resolution. */
  uniform(): number;
  /** Exponential with rate 1. */
  exponential(): number;
  /** Standard normal. */
  normal(): number;
  /** Poisson with the given mean (>= 0). */
  poisson(mean: number): number;
  /** Binomial: successes in n (integer >= 0) trials with probability p in [0, 1]. */
  binomial(n: number, p: number): number;
  /** Gamma with shape > 0 and scale (default 1). */
  gamma(shape: number, scale?: number): number;
  /**
   * Batch access for generated hot loops (engines/ssa/kernel.ts): uniforms[cursor[0]], uniforms[cursor[0]
   * + 1], ... are the stream's next uniforms. Take them in order and store the new position in cursor[0];
   * when the position reaches uniforms.length call refill(), which refills the buffer and sets cursor[0]
   * to 0. uniform() reads the same buffer, so the two ways of drawing share one stream.
   */
  readonly uniforms: Float64Array;
  readonly cursor: Int32Array;
  refill(): void;
  /**
   * The exponential's ziggurat for hot loops (random/ziggurat.ts): with w = 256 U for the next uniform U,
   * i = w | 0 and g = w - i, the draw is g * expWidth[i] when g < expAccept[i], else expSlow(i, g),
   * which continues from the stream. The same draws as exponential().
   */
  readonly expAccept: Float64Array;
  readonly expWidth: Float64Array;
  expSlow(i: number, g: number): number;
}

const TWO32 = 4294967296;
const TWO_M53 = 1 / 9007199254740992;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Uniforms are generated BATCH at a time into a buffer and handed out in order: the stream is the same as
 * one at a time, but a draw is a load and an increment, which hot loops can also do themselves (see
 * Rng.uniforms) instead of depending on the JIT to inline a call (an out-of-line call returning a double
 * boxes it: one heap allocation per draw).
 */
const BATCH = 64;

class XoshiroRng implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;
  readonly uniforms = new Float64Array(BATCH);
  readonly cursor = Int32Array.of(BATCH);
  readonly expAccept = EXP_ACCEPT;
  readonly expWidth = EXP_WIDTH;

  constructor(seed: number, index: number) {
    const w = new Uint32Array(4);
    philox4x32(
      index >>> 0,
      Math.floor(index / TWO32) >>> 0,
      0,
      0,
      seed >>> 0,
      Math.floor(seed / TWO32) >>> 0,
      w,
    );
    this.s0 = w[0] | 0;
    this.s1 = w[1] | 0;
    this.s2 = w[2] | 0;
    this.s3 = w[3] | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is excluded
  }

  uniform(): number {
    const c = this.cursor;
    let i = c[0];
    if (i === BATCH) {
      this.refill();
      i = 0;
    }
    c[0] = i + 1;
    return this.uniforms[i];
  }

  /**
   * The next BATCH uniforms, each from two xoshiro128** outputs: 53 bits (27 + 26), (k + 0.5) / 2^53.
   * The state lives in locals for the batch (fields holding full int32 values are boxed doubles in V8).
   */
  refill(): void {
    const buf = this.uniforms;
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let k = 0; k < BATCH; k++) {
      let r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const a = r >>> 5;
      r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      buf[k] = (a * 67108864 + (r >>> 6) + 0.5) * TWO_M53;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this.cursor[0] = 0;
  }

  exponential(): number {
    return expZiggurat(this);
  }

  expSlow(i: number, g: number): number {
    return expSlow(this, i, g);
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  poisson(mean: number): number {
    if (!(mean >= 0) || mean === Number.POSITIVE_INFINITY)
      throw new InputError(`poisson: mean must be finite and >= 0, got ${mean}`);
    return poisson(this, mean);
  }

  binomial(n: number, p: number): number {
    if (!(n >= 0) || !Number.isInteger(n))
      throw new InputError(`binomial: n must be an integer >= 0, got ${n}`);
    if (!(p >= 0 && p <= 1)) throw new InputError(`binomial: p must be in [0, 1], got ${p}`);
    return binomial(this, n, p);
  }

  gamma(shape: number, scale = 1): number {
    if (!(shape > 0) || !(scale > 0))
      throw new InputError(`gamma: shape and scale must be > 0, got ${shape}, ${scale}`);
    if (shape < 1) return this.gamma(shape + 1, scale) * this.uniform() ** (1 / shape);
    // Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26 (2000).
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The generator for run `index` of an ensemble seeded with `seed`. Both are integers in [0, 2^53).
 * Different (seed, index) pairs give independent streams (distinct Philox blocks seed each one).
 */
export function stream(seed: number, index: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SAFE)
    throw new InputError(`seed must be an integer in [0, 2^53), got ${seed}`);
  if (!Number.isInteger(index) || index < 0 || index > MAX_SAFE)
    throw new InputError(`stream index must be an integer in [0, 2^53), got ${index}`);
  return new XoshiroRng(seed, index);
}
