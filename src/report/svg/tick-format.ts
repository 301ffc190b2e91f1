/**
 * Tick labels: one format for a whole axis, chosen from the ticks so that neighbours differ and no label is
 * longer than it needs to be.
 *
 * @example
 * ```ts
 * tickLabels([0, 0.5, 1], 'linear');        // ['0.0', '0.5', '1.0']
 * tickLabels([0, 2e5, 4e5], 'linear');      // ['0', '2×10⁵', '4×10⁵']
 * tickLabels([1, 100, 1e4, 1e6], 'log');    // ['10⁰', '10²', '10⁴', '10⁶'] (exponents once any tick is large)
 * tickLabels([1000, 2000], 'linear', 'si'); // ['1k', '2k']
 * ```
 */
import {
  decimalsForStep,
  formatExponent,
  formatFixed,
  formatSI,
  formatSig,
  type NumberFormat,
} from '../format.js';
import type { ContinuousType } from './scale.js';

function minStep(ticks: readonly number[]): number {
  let s = Number.POSITIVE_INFINITY;
  for (let i = 1; i < ticks.length; i++) s = Math.min(s, Math.abs(ticks[i] - ticks[i - 1]));
  return Number.isFinite(s) && s > 0 ? s : Math.abs(ticks[0] ?? 1) || 1;
}

/** Significant digits needed so that ticks `step` apart print differently at magnitude `maxAbs`. */
function sigFor(maxAbs: number, step: number): number {
  if (!(maxAbs > 0)) return 1;
  return Math.max(1, Math.min(15, Math.floor(Math.log10(maxAbs)) - Math.floor(Math.log10(step) + 1e-9) + 1));
}

const isPow10 = (v: number): boolean => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

/** Labels for `ticks` on a scale of `type` in format `fmt` ('auto' picks plain, fixed or exponent). */
export function tickLabels(
  ticks: readonly number[],
  type: ContinuousType,
  fmt: NumberFormat = 'auto',
): string[] {
  if (ticks.length === 0) return [];
  if (typeof fmt === 'function') return ticks.map(fmt);
  let maxAbs = 0;
  for (const t of ticks) maxAbs = Math.max(maxAbs, Math.abs(t));
  if (type === 'log') {
    switch (fmt) {
      case 'si':
        return ticks.map((v) => formatSI(v));
      case 'percent':
        return ticks.map((v) => `${formatSig(v * 100, 3)}%`);
      case 'sig':
        return ticks.map((v) => formatSig(v, 3));
      case 'exp':
        return ticks.map((v) => formatExponent(v, 2));
      default: {
        const minAbs = Math.min(...ticks.filter((v) => v > 0));
        if (maxAbs < 1e5 && minAbs >= 1e-3) return ticks.map((v) => formatSig(v, 3));
        return ticks.map((v) => formatExponent(v, isPow10(v) ? 1 : 2));
      }
    }
  }
  const step = minStep(ticks);
  const sig = sigFor(maxAbs, step);
  switch (fmt) {
    case 'si':
      return ticks.map((v) => formatSI(v, sig));
    case 'exp':
      return ticks.map((v) => formatExponent(v, sig));
    case 'percent': {
      const d = decimalsForStep(step * 100);
      return ticks.map((v) => `${formatFixed(v * 100, d)}%`);
    }
    case 'sig':
      return ticks.map((v) => formatSig(v, Math.max(sig, 3)));
    default:
      if (maxAbs >= 1e5 || (maxAbs > 0 && maxAbs < 1e-3)) return ticks.map((v) => formatExponent(v, sig));
      return ticks.map((v) => formatFixed(v, decimalsForStep(step)));
  }
}
