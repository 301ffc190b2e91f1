/**
 * Scales map data values to pixels. Continuous scales (linear, log) return NaN for a value they cannot show
 * (non-finite, or <= 0 on a log scale) so that marks can skip it; a band scale places categories.
 *
 * @example
 * ```ts
 * const x = linearScale([0, 10], [40, 600]);
 * x.map(5);                               // 320
 * const y = logScale([1, 1e4], [360, 20]); // y runs upward
 * y.map(100);                             // 190
 * y.map(0);                               // NaN: marks skip it and the chart notes the clipped value
 * ```
 */
import { type LogTicks, logTicks, niceDomain, niceLogDomain, niceTicks } from './ticks.js';

export type ContinuousType = 'linear' | 'log';

export interface ContinuousScale {
  readonly type: ContinuousType;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** Pixel position of `v`, or NaN when `v` cannot be shown on this scale. */
  map(v: number): number;
  /** Whether `v` can be shown (finite, and > 0 on a log scale). Values outside the domain are valid. */
  valid(v: number): boolean;
  /** Labelled and unlabelled ticks for about `count` labels. */
  ticks(count?: number): LogTicks;
  /** The same scale onto other pixels. */
  withRange(range: readonly [number, number]): ContinuousScale;
}

export interface BandScale {
  readonly type: 'band';
  readonly domain: readonly string[];
  readonly range: readonly [number, number];
  /** Width of one band in pixels. */
  readonly bandwidth: number;
  /** Left edge of the band for `key`; throws for an unknown key. */
  start(key: string): number;
  /** Centre of the band for `key`. */
  center(key: string): number;
  withRange(range: readonly [number, number]): BandScale;
}

export type Scale = ContinuousScale | BandScale;

// Keeps pixel coordinates of far out-of-domain values within what SVG renderers handle (clip does the rest).
const PIXEL_LIMIT = 1e6;
const clampPx = (p: number): number => Math.min(PIXEL_LIMIT, Math.max(-PIXEL_LIMIT, p));

function checkDomain(domain: readonly [number, number], type: ContinuousType): void {
  const [lo, hi] = domain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`${type} scale: non-finite domain`);
  if (!(hi > lo)) throw new RangeError(`${type} scale: domain must be increasing, got [${lo}, ${hi}]`);
  if (type === 'log' && !(lo > 0))
    throw new RangeError(`log scale: domain must be positive, got [${lo}, ${hi}]`);
}

/** Linear scale from `domain` (increasing) to `range` (either direction). */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): ContinuousScale {
  checkDomain(domain, 'linear');
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  return {
    type: 'linear',
    domain: [d0, d1],
    range: [r0, r1],
    valid: (v) => Number.isFinite(v),
    map: (v) => (Number.isFinite(v) ? clampPx(r0 + (v - d0) * k) : Number.NaN),
    ticks: (count = 5) => ({ major: niceTicks(d0, d1, count), minor: [] }),
    withRange: (r) => linearScale(domain, r),
  };
}

/** Base-10 log scale; `domain` must be positive and increasing. */
export function logScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): ContinuousScale {
  checkDomain(domain, 'log');
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const l0 = Math.log10(d0);
  const k = (r1 - r0) / (Math.log10(d1) - l0);
  return {
    type: 'log',
    domain: [d0, d1],
    range: [r0, r1],
    valid: (v) => v > 0 && Number.isFinite(v),
    map: (v) => (v > 0 && Number.isFinite(v) ? clampPx(r0 + (Math.log10(v) - l0) * k) : Number.NaN),
    ticks: (count = 6) => logTicks(d0, d1, count),
    withRange: (r) => logScale(domain, r),
  };
}

export interface BandOptions {
  /** Fraction of the step left empty between bands (0..1). Default 0.2. */
  paddingInner?: number;
  /** Fraction of a step left empty before the first and after the last band. Default 0.1. */
  paddingOuter?: number;
}

/** Evenly spaced categorical bands over `range`. */
export function bandScale(
  domain: readonly string[],
  range: readonly [number, number],
  options: BandOptions = {},
): BandScale {
  const inner = options.paddingInner ?? 0.2;
  const outer = options.paddingOuter ?? 0.1;
  const index = new Map<string, number>();
  domain.forEach((d, i) => {
    if (index.has(d)) throw new Error(`band scale: duplicate category: ${JSON.stringify(d)}`);
    index.set(d, i);
  });
  const [r0, r1] = range;
  const n = Math.max(1, domain.length);
  const step = (r1 - r0) / (n - inner + 2 * outer);
  const bandwidth = step * (1 - inner);
  const start = (key: string): number => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`band scale: unknown category: ${JSON.stringify(key)}`);
    return r0 + step * (outer + i);
  };
  return {
    type: 'band',
    domain: [...domain],
    range: [r0, r1],
    bandwidth,
    start,
    center: (key) => start(key) + bandwidth / 2,
    withRange: (r) => bandScale(domain, r, options),
  };
}

export interface DomainOptions {
  type: ContinuousType;
  /** Extend to nice values (default true). */
  nice?: boolean;
  /** Values that must be inside the domain (e.g. 0 for bar charts on a linear scale). */
  include?: readonly number[];
}

/** Result of `domainOf`: the domain and how many values the scale type cannot show. */
export interface DomainResult {
  domain: [number, number];
  /** Values that were finite but <= 0 on a log scale. */
  nonPositive: number;
  /** True when there was no usable value (the domain is a placeholder). */
  empty: boolean;
}

/**
 * Domain covering the usable values: non-finite values are ignored, and on a log scale so are values <= 0
 * (counted, so the chart can say so). A single value or a constant series gets a padded domain.
 */
export function domainOf(values: Iterable<number>, options: DomainOptions): DomainResult {
  const log = options.type === 'log';
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let nonPositive = 0;
  const take = (v: number): void => {
    if (!Number.isFinite(v)) return;
    if (log && v <= 0) {
      nonPositive++;
      return;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const v of values) take(v);
  for (const v of options.include ?? []) if (!(log && v <= 0) && Number.isFinite(v)) take(v);
  const empty = lo > hi;
  if (empty) return { domain: log ? [1, 10] : [0, 1], nonPositive, empty };
  if (lo === hi) {
    if (log) [lo, hi] = [lo / 2, hi * 2];
    else if (lo === 0) [lo, hi] = [-1, 1];
    else [lo, hi] = [lo - Math.abs(lo) * 0.1, hi + Math.abs(hi) * 0.1];
  }
  const nice = options.nice ?? true;
  const domain: [number, number] = nice ? (log ? niceLogDomain(lo, hi) : niceDomain(lo, hi, 5)) : [lo, hi];
  return { domain, nonPositive, empty };
}

/** Builds the continuous scale of a type. */
export function continuousScale(
  type: ContinuousType,
  domain: readonly [number, number],
  range: readonly [number, number],
): ContinuousScale {
  return type === 'log' ? logScale(domain, range) : linearScale(domain, range);
}
