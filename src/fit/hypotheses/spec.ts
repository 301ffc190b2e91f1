/**
 * The hypotheses calibration as an ABC problem: every variant is a model of one problem (the model index
 * is part of the particle, Toni & Stumpf 2010), every observation of the evidence file is a statistic.
 * A simulator of this kind writes, per observation, the standardised discrepancy `z:ID` (discrepancy() of
 * src/paper/evidence: the observation's own sd is its scale, so a fixed Euclidean distance of weight 1 on
 * these is the distance), the raw statistic `raw:ID` (weight 0: carried with the particle, for posterior
 * predictive checks, never part of the distance) and `se:ID`, the simulation's own standard error of the raw
 * statistic on the observation's scale (weight 0; 0 for a deterministic statistic): z then divides by
 * sqrt(sd^2 + se^2), and the trials' reweighting adds the Gaussian's normaliser (reweight.ts).
 */
import { InputError } from '../../errors.js';
import type { Observation } from '../../paper/evidence/evidence.js';
import type { PriorSpec } from '../priors.js';
import type { ModelSpec, ProblemSpec } from '../problem.js';
import type { SimulatorDefinition } from '../simulators/index.js';

export interface VariantModel {
  /** Variant id (the model id of the ABC problem). */
  readonly id: string;
  readonly simulator: string;
  readonly options?: Readonly<Record<string, unknown>>;
  /** Estimated parameters; priors from the simulator's documented ranges (priorOfRange). */
  readonly parameters: readonly string[];
  /** Parameters drawn from their priors in every generation (ParameterSpec.refresh; e.g. from a screen). */
  readonly refresh?: readonly string[];
  /**
   * Parameters no mouse-step observation depends on (a variant's trial assumptions): their mouse-posterior
   * marginal is their prior, so the trials' reweighting may draw them afresh (reweight.ts).
   */
  readonly trialOnly?: readonly string[];
}

export const zName = (o: Pick<Observation, 'id'>): string => `z:${o.id}`;
export const rawName = (o: Pick<Observation, 'id'>): string => `raw:${o.id}`;
export const seName = (o: Pick<Observation, 'id'>): string => `se:${o.id}`;

/** Statistic names a simulator of the observations must write, in order: all z, then all raw, then all se. */
export function evidenceStatistics(observations: readonly Observation[]): string[] {
  return [...observations.map(zName), ...observations.map(rawName), ...observations.map(seName)];
}

/** The (unused) observed values of one observation's statistics, for evaluations without acceptance. */
export const observedOf = (o: Pick<Observation, 'id'>): Record<string, number> => ({
  [zName(o)]: 0,
  [rawName(o)]: 0,
  [seName(o)]: 0,
});

/**
 * Prior over a documented range: log-uniform when it spans a decade or more (rates, densities and
 * constants known to an order of magnitude; the same rule as the Latin-hypercube robustness), else uniform.
 */
export function priorOfRange([lo, hi]: readonly [number, number]): PriorSpec {
  return lo > 0 && hi / lo >= 10 ? { type: 'log-uniform', lo, hi } : { type: 'uniform', lo, hi };
}

/** The ABC problem: variants as models (equal prior), observed z = 0, raw statistics weighted 0. */
export function evidenceProblem(
  name: string,
  variants: readonly VariantModel[],
  observations: readonly Observation[],
  lookup: (simulator: string) => SimulatorDefinition,
): ProblemSpec {
  const observed: Record<string, number> = {};
  const weights: Record<string, number> = {};
  for (const o of observations) {
    Object.assign(observed, observedOf(o));
    weights[rawName(o)] = 0;
    weights[seName(o)] = 0;
  }
  const models: ModelSpec[] = variants.map((v, i) => {
    const known = lookup(v.simulator).parameters(v.options ?? {}, `models[${i}].options`);
    return {
      id: v.id,
      simulator: v.simulator,
      ...(v.options ? { options: v.options } : {}),
      parameters: v.parameters.map((id, j) => {
        const spec = known.find((q) => q.id === id);
        if (!spec)
          throw new InputError(`variant '${v.id}' has no parameter '${id}'`, {
            path: `models[${i}].parameters[${j}]`,
          });
        return { id, prior: priorOfRange(spec.range), ...(v.refresh?.includes(id) ? { refresh: true } : {}) };
      }),
    };
  });
  return { name, models, observed, distance: { type: 'fixed', weights } };
}
