/**
 * Checks on what a user types or a URL carries, before anything is simulated: parameter values, the
 * regimen and the run settings. Each check returns an error message (refused, never simulated) or
 * undefined; `rangeNote` says when an accepted value lies outside the parameter's plausible range.
 */
import type { Parameter } from '../../../src/model/types.js';
import type { Regimen } from './state.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number written in decimal notation (no NaN, Infinity, hex or empty text), or undefined. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim();
  if (!DECIMAL.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Negative values make sense only for parameters whose default or range is negative. */
export function allowsNegative(p: Parameter): boolean {
  return p.value < 0 || (p.range !== undefined && p.range[0] < 0);
}

/** Why `value` cannot be used for parameter `p`, or undefined when it can. */
export function paramError(p: Parameter, value: number): string | undefined {
  if (!Number.isFinite(value)) return `${p.id}: expected a finite number, got ${String(value)}`;
  if (value < 0 && !allowsNegative(p)) return `${p.id}: must be >= 0 (${p.unit}), got ${value}`;
  return undefined;
}

/** Parses and checks a typed parameter value. */
export function parseParam(p: Parameter, text: string): { value: number } | { error: string } {
  const v = parseDecimal(text);
  if (v === undefined) return { error: `${p.id}: expected a number, got '${text.trim()}'` };
  const e = paramError(p, v);
  return e ? { error: e } : { value: v };
}

/** A note when value lies outside the parameter's plausible range (allowed: exploring is the point). */
export function rangeNote(p: Parameter, value: number): string | undefined {
  if (!p.range) return undefined;
  const [lo, hi] = p.range;
  return value < lo || value > hi
    ? `${p.id} = ${value} is outside its plausible range [${lo}, ${hi}]`
    : undefined;
}

const MAX_DOSES = 1000;

/** Why the regimen cannot be used, or undefined. */
export function regimenError(r: Regimen): string | undefined {
  const fin = (x: number): boolean => Number.isFinite(x);
  if (!fin(r.start) || r.start < 0) return `regimen start: expected a day >= 0, got ${r.start}`;
  if (!fin(r.dose) || r.dose < 0) return `regimen dose: expected mg/kg >= 0, got ${r.dose}`;
  if (r.loading !== undefined && (!fin(r.loading) || r.loading < 0))
    return `regimen loading dose: expected mg/kg >= 0, got ${r.loading}`;
  if (!fin(r.every) || r.every <= 0) return `regimen interval: expected days > 0, got ${r.every}`;
  if (!Number.isInteger(r.count) || r.count < 1 || r.count > MAX_DOSES)
    return `regimen doses: expected an integer from 1 to ${MAX_DOSES}, got ${r.count}`;
  return undefined;
}

/** Limits of the run settings (what the page can run in reasonable time and memory). */
export const LIMITS = {
  tEnd: [0, 1e6],
  points: [2, 10001],
  runs: [1, 100000],
  seed: [0, Number.MAX_SAFE_INTEGER],
  threshold: [0, 1e15],
} as const;

export type SettingKey = keyof typeof LIMITS;

/**
 * Why a run setting cannot be used, or undefined. tEnd and the hybrid threshold are positive numbers; the
 * others are integers.
 */
export function settingError(key: SettingKey, v: number): string | undefined {
  const [lo, hi] = LIMITS[key];
  if (key === 'tEnd' || key === 'threshold') {
    return Number.isFinite(v) && v > lo && v <= hi
      ? undefined
      : `${key === 'tEnd' ? 't end' : 'hybrid threshold'}: expected a number in (0, ${hi}], got ${v}`;
  }
  return Number.isInteger(v) && v >= lo && v <= hi
    ? undefined
    : `${key}: expected an integer from ${lo} to ${hi}, got ${v}`;
}
