/**
 * One generic embedded explicit Runge-Kutta step (Hairer, Norsett & Wanner I, Sec. II.1 and II.4):
 * runs any ButcherTableau. Stage derivatives live in one Float64Array `k` (stage j at j*n), with
 * k_0 = f(t, y) supplied by the caller (FSAL or a fresh evaluation).
 */
import type { Problem } from '../../problem/types.js';
import { type ButcherTableau, flatten } from './tableaus.js';

/** A tableau flattened for the inner loops. */
export interface CompiledRk {
  readonly s: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly e: Float64Array;
  readonly fsal: boolean;
}

export function compileRk(tab: ButcherTableau): CompiledRk {
  return {
    s: tab.stages,
    a: flatten(tab.a),
    b: Float64Array.from(tab.b),
    c: Float64Array.from(tab.c),
    e: Float64Array.from(tab.e),
    fsal: tab.fsal,
  };
}

/**
 * Computes stages 1..s-1, the new solution `yNew` and the local error estimate `err`
 * (h * sum e_j k_j). For FSAL tableaus the last stage is f(t + h, yNew); otherwise yNew is formed
 * from b. On return `yStage` holds the argument of the last stage evaluated before yNew
 * (used by Hairer's stiffness test). `kv[j]` are subarray views of k, made once per solve. Stage times
 * are capped at `tCap` (a step ending on a discontinuity sees its left limit).
 */
export function explicitRkStep(
  rk: CompiledRk,
  problem: Problem,
  p: Float64Array,
  n: number,
  t: number,
  h: number,
  y: Float64Array,
  k: Float64Array,
  kv: readonly Float64Array[],
  yStage: Float64Array,
  yNew: Float64Array,
  err: Float64Array,
  tCap = Number.POSITIVE_INFINITY,
): void {
  const { s, a, b, c, e, fsal } = rk;
  for (let i = 1; i < s; i++) {
    const target = fsal && i === s - 1 ? yNew : yStage;
    const row = i * s;
    for (let m = 0; m < n; m++) {
      let acc = 0;
      for (let j = 0; j < i; j++) acc += a[row + j] * k[j * n + m];
      target[m] = y[m] + h * acc;
    }
    problem.rhs(Math.min(t + c[i] * h, tCap), target, p, kv[i]);
  }
  if (!fsal) {
    for (let m = 0; m < n; m++) {
      let acc = 0;
      for (let j = 0; j < s; j++) acc += b[j] * k[j * n + m];
      yNew[m] = y[m] + h * acc;
    }
  }
  for (let m = 0; m < n; m++) {
    let acc = 0;
    for (let j = 0; j < s; j++) acc += e[j] * k[j * n + m];
    err[m] = h * acc;
  }
}
