/** Parameter scales (PEtab parameterScale): model value <-> optimiser coordinate, and d value / d coordinate. */
import type { ParameterScale } from './types.js';

export const toScale = (s: ParameterScale, v: number): number =>
  s === 'log10' ? Math.log10(v) : s === 'log' ? Math.log(v) : v;
export const fromScale = (s: ParameterScale, v: number): number =>
  s === 'log10' ? 10 ** v : s === 'log' ? Math.exp(v) : v;
/** d x / d theta at model value x. */
export const scaleDerivative = (s: ParameterScale, x: number): number =>
  s === 'log10' ? x * Math.LN10 : s === 'log' ? x : 1;
