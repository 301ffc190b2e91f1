/**
 * A PEtab problem (src/petab) as a multistart likelihood problem: nllh = -llh (priors left out: the benchmark
 * compares llh), on the parameter table's scales and bounds. The gradient is the exact one of
 * PetabProblem.llhGradient (forward sensitivities) where the model allows it, else central differences of
 * the llh on parameter scale (step 1e-5; a model with events, doses or infusions), named in `gradient`.
 */
import { loadPetab, type PetabProblem } from '../../petab/problem.js';
import { fromScale, scaleDerivative } from './scale.js';
import type { LikelihoodProblem } from './types.js';

export type GradientMethod = 'sensitivities' | 'central-fd';

export interface PetabLikelihood {
  readonly problem: LikelihoodProblem;
  readonly gradient: GradientMethod;
  /** Why the exact gradient is not used (null when it is). */
  readonly fallbackReason: string | null;
  /** llh at the parameter table's nominal values. */
  readonly nominalLlh: number;
  readonly nominal: Record<string, number>;
}

const FD_STEP = 1e-5;

export function petabLikelihood(pp: PetabProblem, force?: GradientMethod): PetabLikelihood {
  const d = pp.parameterIds.length;
  const sc = pp.scales;
  const gradient: GradientMethod =
    force ?? (pp.gradientUnsupported === null ? 'sensitivities' : 'central-fd');
  const theta = new Float64Array(d);
  const gt = new Float64Array(d);
  const toTheta = (x: Float64Array): Float64Array => {
    for (let i = 0; i < d; i++)
      theta[i] = sc[i] === 'lin' ? x[i]! : sc[i] === 'log' ? Math.log(x[i]!) : Math.log10(x[i]!);
    return theta;
  };
  const fd = (th: Float64Array, g: Float64Array): number => {
    const f = pp.llh(th);
    const q = Float64Array.from(th);
    for (let i = 0; i < d; i++) {
      q[i] = th[i]! + FD_STEP;
      const up = pp.llh(q);
      q[i] = th[i]! - FD_STEP;
      const dn = pp.llh(q);
      q[i] = th[i]!;
      g[i] = (up - dn) / (2 * FD_STEP);
    }
    return f;
  };
  const problem: LikelihoodProblem = {
    parameterIds: pp.parameterIds,
    lower: Float64Array.from(pp.lowerBounds, (v, i) => fromScale(sc[i]!, v)),
    upper: Float64Array.from(pp.upperBounds, (v, i) => fromScale(sc[i]!, v)),
    scales: sc,
    nllh: (x) => -pp.llh(toTheta(x)),
    gradient(x, g) {
      const th = toTheta(x);
      const llh = gradient === 'sensitivities' ? pp.llhGradient(th, gt) : fd(th, gt);
      // d llh / d theta -> d nllh / d x (multistart maps back to its own scale).
      for (let i = 0; i < d; i++) g[i] = -gt[i]! / scaleDerivative(sc[i]!, x[i]!);
      return -llh;
    },
  };
  return {
    problem,
    gradient,
    fallbackReason: gradient === 'central-fd' ? (pp.gradientUnsupported ?? 'asked for') : null,
    nominalLlh: pp.llh(pp.nominal),
    nominal: Object.fromEntries(pp.parameterIds.map((id, i) => [id, fromScale(sc[i]!, pp.nominal[i]!)])),
  };
}

/** Loads a PEtab YAML (src/petab) as a likelihood problem. */
export function loadPetabLikelihood(file: string): PetabLikelihood {
  return petabLikelihood(loadPetab(file, { onWarning: () => {} }));
}
