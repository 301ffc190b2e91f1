/**
 * The parameter table as a vector space: the estimated parameters on their parameter scale (what an
 * optimiser or sampler moves), every table parameter on linear scale (what the model reads), and the
 * log-density of the objective priors (PEtab v1 objectivePriorType / objectivePriorParameters).
 */
import { InputError } from '../errors.js';
import type { ParameterRow, Scale } from '../io/petab/index.js';

export function toLinear(scale: Scale, x: number): number {
  return scale === 'lin' ? x : scale === 'log' ? Math.exp(x) : 10 ** x;
}

export function toScale(scale: Scale, v: number): number {
  return scale === 'lin' ? v : scale === 'log' ? Math.log(v) : Math.log10(v);
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Log-density of a PEtab prior at linear value v (parameter-scale priors at toScale(v)). */
function logPriorOf(row: ParameterRow, v: number): number {
  const prior = row.prior!;
  const [a, b] = prior.parameters as [number, number];
  const onScale = prior.type.startsWith('parameterScale');
  const z = onScale ? toScale(row.scale, v) : prior.type.startsWith('log') ? Math.log(v) : v;
  const jac = prior.type.startsWith('log') ? -Math.log(v) : 0;
  switch (prior.type) {
    case 'uniform':
    case 'parameterScaleUniform':
      return z >= a && z <= b ? -Math.log(b - a) : Number.NEGATIVE_INFINITY;
    case 'normal':
    case 'parameterScaleNormal':
    case 'logNormal':
      return -LOG_SQRT_2PI - Math.log(b) - 0.5 * ((z - a) / b) ** 2 + jac;
    default:
      return -Math.log(2 * b) - Math.abs(z - a) / b + jac;
  }
}

export class ParameterSpace {
  /** Ids of the estimated parameters, in table order: the coordinates of x. */
  readonly ids: readonly string[];
  readonly scales: readonly Scale[];
  /** Bounds and nominal values on parameter scale. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly nominal: Float64Array;
  /** Row index of every table parameter. */
  readonly index: ReadonlyMap<string, number>;
  private readonly estimated: Int32Array;
  private readonly values: Float64Array;

  constructor(readonly rows: readonly ParameterRow[]) {
    const est = rows.map((r, i) => (r.estimate ? i : -1)).filter((i) => i >= 0);
    this.estimated = Int32Array.from(est);
    this.ids = est.map((i) => rows[i]!.id);
    this.scales = est.map((i) => rows[i]!.scale);
    this.lower = Float64Array.from(est, (i) => toScale(rows[i]!.scale, rows[i]!.lower));
    this.upper = Float64Array.from(est, (i) => toScale(rows[i]!.scale, rows[i]!.upper));
    this.nominal = Float64Array.from(est, (i) => toScale(rows[i]!.scale, rows[i]!.nominal));
    this.index = new Map(rows.map((r, i) => [r.id, i]));
    this.values = Float64Array.from(rows, (r) => r.nominal);
  }

  /** Linear values of every table parameter for x (estimated ones from x, fixed ones nominal). Shared buffer. */
  linear(x: ArrayLike<number>): Float64Array {
    if (x.length !== this.estimated.length)
      throw new InputError(`parameter vector has length ${x.length}, expected ${this.estimated.length}`);
    for (let k = 0; k < this.estimated.length; k++) {
      const i = this.estimated[k]!;
      this.values[i] = toLinear(this.rows[i]!.scale, x[k]!);
    }
    return this.values;
  }

  /** Sum of the objective priors' log-densities at x (0 when no prior is given). */
  logPrior(x: ArrayLike<number>): number {
    const v = this.linear(x);
    let s = 0;
    for (let k = 0; k < this.estimated.length; k++) {
      const row = this.rows[this.estimated[k]!]!;
      if (row.prior !== undefined) s += logPriorOf(row, v[this.estimated[k]!]!);
    }
    return s;
  }
}
