/** A confrontation's numbers in the report's shape (src/paper/calibrationSection.ts), JSON-ready. */
import type { CalibrationSummary } from '../../paper/calibrationSection.js';
import { designOf, TRIAL_IDS } from '../../trial/designs.js';
import type { Confrontation } from './confront.js';

export interface VariantInfo {
  readonly id: string;
  readonly rationale: string;
  readonly citation: string;
}

export function calibrationSummary(
  c: Confrontation,
  variants: readonly VariantInfo[],
  budget: {
    readonly particles: number;
    readonly maxGenerations: number;
    readonly draws: number;
    readonly trialPatients: number;
    readonly moves: number;
    readonly trialDraws?: number;
    readonly screen?: { readonly trajectories: number; readonly threshold: number };
    readonly trialError?: 'carry' | 'ignore';
    readonly trialSurvivors?: number;
  },
): CalibrationSummary {
  const last = (s: Confrontation['mouse']) => s.abc.generations[s.abc.generations.length - 1];
  return {
    budget: {
      ...budget,
      generations: { mouse: c.mouse.abc.generations.length, all: c.all.abc.generations.length },
      finalEpsilon: { mouse: last(c.mouse)?.epsilon ?? Number.NaN, all: last(c.all)?.epsilon ?? Number.NaN },
      evaluations: { mouse: c.mouse.abc.evaluations, all: c.all.abc.evaluations },
      trialStep: c.all.method,
      ess: { mouse: c.mouse.ess, all: c.all.ess },
      distinct: { mouse: c.mouse.distinct, all: c.all.distinct },
      trialSimulations: c.all.simulations,
      ...(c.all.temper ? { temperatures: c.all.temper.levels } : {}),
      ...(c.all.bestTrialZ
        ? {
            bestTrialZ: Object.fromEntries(
              c.trials.map((t, j) => [t.observation.target, c.all.bestTrialZ![j] ?? Number.NaN]),
            ),
          }
        : {}),
      refreshed: Object.fromEntries(variants.map((v, i) => [v.id, c.mouse.refreshed[i] ?? []])),
      screenEvaluations: c.mouse.screenEvaluations + c.all.screenEvaluations,
      seconds: c.seconds,
    },
    variants: variants.map((v, i) => ({
      ...v,
      p_mouse: c.mouse.probabilities[i] ?? 0,
      p_all: c.all.probabilities[i] ?? 0,
    })),
    trials: c.trials.map((t) => {
      const o = t.observation;
      const v = 'value' in o.observed ? o.observed.value : Number.NaN;
      // A trial of ours: its published interval; any other: the interval of the observation's sd.
      const { hr, lower, upper } = (TRIAL_IDS as readonly string[]).includes(o.target)
        ? designOf(o.target).published
        : { hr: v, lower: v * Math.exp(-1.959964 * o.sd), upper: v * Math.exp(1.959964 * o.sd) };
      return {
        id: t.observation.target,
        published: { hr, lower, upper },
        predicted_mouse: t.mouse,
        predicted_all: t.all,
      };
    }),
    claims: c.claims.map((x) => ({ id: x.id, posterior: x.mouse, posterior_all: x.all })),
    next_experiments: c.experiments.map((e) => ({
      id: e.id,
      description: e.description,
      score: e.score,
      parameter_score: e.parameterScore,
    })),
    trial_parameters: c.trialParameters.map((t) => ({ ...t })),
  };
}
