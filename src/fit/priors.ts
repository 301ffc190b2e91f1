/**
 * Priors as data, shared by ABC-SMC (src/fit/abc/) and likelihood-based estimation: each prior samples from
 * a stream, has a normalised log density (model selection compares densities across models, so the
 * normalising constants matter) and a support [lo, hi] that bounds optimisers and kernels alike.
 *
 * - uniform(lo, hi), log-uniform(lo, hi) (density 1 / (x log(hi/lo)), lo > 0);
 * - normal(mean, sd), log-normal(mu, sigma) (of log x), each optionally truncated to [lo, hi].
 * Default: uniform over the `range` of a parameter spec (src/models/parameters.ts).
 */
import { InputError } from '../errors.js';
import type { Rng } from '../random/rng.js';
import { normalCdf, normalQuantile } from '../random/special.js';
import { truncLognormal, truncNormal } from '../random/truncated.js';

export type PriorSpec =
  | { readonly type: 'uniform'; readonly lo: number; readonly hi: number }
  | { readonly type: 'log-uniform'; readonly lo: number; readonly hi: number }
  | {
      readonly type: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly lo?: number;
      readonly hi?: number;
    }
  | {
      readonly type: 'log-normal';
      readonly mu: number;
      readonly sigma: number;
      readonly lo?: number;
      readonly hi?: number;
    };

export interface Prior {
  readonly spec: PriorSpec;
  /** Support: density is zero outside [lo, hi] (may be infinite). */
  readonly lo: number;
  readonly hi: number;
  sample(rng: Rng): number;
  /** Normalised log density; -Infinity outside the support. */
  logPdf(x: number): number;
  /** Inverse distribution function at u in (0, 1) (screens move parameters on this scale). */
  quantile(u: number): number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const INF = Number.POSITIVE_INFINITY;

function num(o: Record<string, unknown>, key: string, path: string, file?: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InputError(`expected a finite number for '${key}', got ${JSON.stringify(v)}`, {
      path: `${path}.${key}`,
      ...(file ? { file } : {}),
    });
  return v;
}

function optNum(o: Record<string, unknown>, key: string, dflt: number, path: string, file?: string): number {
  return o[key] === undefined ? dflt : num(o, key, path, file);
}

/** Validates prior data (from a problem file); `path` names it in errors, e.g. `models[0].parameters[1].prior`. */
export function parsePrior(v: unknown, path: string, file?: string): PriorSpec {
  const where = { path, ...(file ? { file } : {}) };
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new InputError(`expected a prior object such as { type: uniform, lo: 0, hi: 1 }`, where);
  const o = v as Record<string, unknown>;
  const type = o.type;
  let spec: PriorSpec;
  if (type === 'uniform' || type === 'log-uniform') {
    const lo = num(o, 'lo', path, file);
    if (type === 'log-uniform' && !(lo > 0))
      throw new InputError(`log-uniform needs lo > 0, got lo = ${lo}`, where);
    spec = { type, lo, hi: num(o, 'hi', path, file) };
  } else if (type === 'normal') {
    const sd = num(o, 'sd', path, file);
    if (!(sd > 0)) throw new InputError(`normal needs sd > 0, got ${sd}`, where);
    spec = {
      type,
      mean: num(o, 'mean', path, file),
      sd,
      lo: optNum(o, 'lo', -INF, path, file),
      hi: optNum(o, 'hi', INF, path, file),
    };
  } else if (type === 'log-normal') {
    const sigma = num(o, 'sigma', path, file);
    if (!(sigma > 0)) throw new InputError(`log-normal needs sigma > 0, got ${sigma}`, where);
    spec = {
      type,
      mu: num(o, 'mu', path, file),
      sigma,
      lo: optNum(o, 'lo', 0, path, file),
      hi: optNum(o, 'hi', INF, path, file),
    };
  } else {
    throw new InputError(
      `unknown prior type ${JSON.stringify(type)} (expected uniform, log-uniform, normal or log-normal)`,
      where,
    );
  }
  const lo = spec.lo ?? -INF;
  const hi = spec.hi ?? INF;
  if (!(lo < hi)) throw new InputError(`prior bounds need lo < hi, got lo = ${lo}, hi = ${hi}`, where);
  return spec;
}

/** The default prior of a parameter spec: uniform over its plausible range. */
export function priorFromRange(range: readonly [number, number], path: string): PriorSpec {
  const [lo, hi] = range;
  if (!(lo < hi)) throw new InputError(`parameter range needs lo < hi, got [${lo}, ${hi}]`, { path });
  return { type: 'uniform', lo, hi };
}

/** Standard normal quantile of u within [a, b] (the truncated distribution's inverse). */
function truncatedQuantile(u: number, a: number, b: number): number {
  const pa = a === -INF ? 0 : normalCdf(a);
  const pb = b === INF ? 1 : normalCdf(b);
  return Math.min(b, Math.max(a, normalQuantile(pa + u * (pb - pa))));
}

/** A validated spec made usable. */
export function makePrior(spec: PriorSpec): Prior {
  switch (spec.type) {
    case 'uniform': {
      const { lo, hi } = spec;
      const logDens = -Math.log(hi - lo);
      return {
        spec,
        lo,
        hi,
        sample: (rng) => lo + (hi - lo) * rng.uniform(),
        logPdf: (x) => (x >= lo && x <= hi ? logDens : -INF),
        quantile: (u) => lo + (hi - lo) * u,
      };
    }
    case 'log-uniform': {
      const { lo, hi } = spec;
      const a = Math.log(lo);
      const w = Math.log(hi) - a;
      const logW = Math.log(w);
      return {
        spec,
        lo,
        hi,
        sample: (rng) => Math.exp(a + w * rng.uniform()),
        logPdf: (x) => (x >= lo && x <= hi ? -Math.log(x) - logW : -INF),
        quantile: (u) => Math.exp(a + w * u),
      };
    }
    case 'normal': {
      const { mean, sd } = spec;
      const lo = spec.lo ?? -INF;
      const hi = spec.hi ?? INF;
      const full = lo === -INF && hi === INF;
      const mass = full ? 1 : normalCdf((hi - mean) / sd) - normalCdf((lo - mean) / sd);
      const c = -Math.log(sd) - LOG_SQRT_2PI - Math.log(mass);
      return {
        spec,
        lo,
        hi,
        sample: full ? (rng) => mean + sd * rng.normal() : (rng) => truncNormal(rng, mean, sd, lo, hi),
        logPdf: (x) => {
          if (!(x >= lo && x <= hi)) return -INF;
          const z = (x - mean) / sd;
          return c - 0.5 * z * z;
        },
        quantile: (u) => mean + sd * truncatedQuantile(u, (lo - mean) / sd, (hi - mean) / sd),
      };
    }
    case 'log-normal': {
      const { mu, sigma } = spec;
      const lo = Math.max(0, spec.lo ?? 0);
      const hi = spec.hi ?? INF;
      const full = lo === 0 && hi === INF;
      const zLo = lo > 0 ? (Math.log(lo) - mu) / sigma : -INF;
      const zHi = hi < INF ? (Math.log(hi) - mu) / sigma : INF;
      const mass = full ? 1 : normalCdf(zHi) - normalCdf(zLo);
      const c = -Math.log(sigma) - LOG_SQRT_2PI - Math.log(mass);
      return {
        spec,
        lo,
        hi,
        sample: full
          ? (rng) => Math.exp(mu + sigma * rng.normal())
          : (rng) => truncLognormal(rng, mu, sigma, lo, hi),
        logPdf: (x) => {
          if (!(x > 0 && x >= lo && x <= hi)) return -INF;
          const z = (Math.log(x) - mu) / sigma;
          return c - 0.5 * z * z - Math.log(x);
        },
        quantile: (u) => Math.exp(mu + sigma * truncatedQuantile(u, zLo, zHi)),
      };
    }
  }
}
