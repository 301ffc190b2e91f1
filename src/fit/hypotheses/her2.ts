/**
 * The HER2-CSC hypotheses (src/paper/hypotheses.ts) confronted with the evidence file: every variant as a
 * `her2-evidence` model of one ABC problem, its estimated parameters every documented range it has (as
 * quantiles) and the trial assumptions it frees; claims judged by their own cheap criteria; candidate
 * experiments from her2Experiments.ts. `budget` is what the report states.
 */

import type { CalibrationSummary } from '../../paper/calibrationSection.js';
import { claims } from '../../paper/claims/index.js';
import { evidence } from '../../paper/evidence/evidence.js';
import { hypotheses } from '../../paper/hypotheses.js';
import type { AbcState } from '../abc/checkpoint.js';
import { her2Evidence } from '../simulators/her2Evidence.js';
import { experiments } from '../simulators/her2Experiments.js';
import { confrontHypotheses } from './confront.js';
import { calibrationSummary } from './summary.js';

export interface Her2Budget {
  readonly particles: number;
  readonly maxGenerations: number;
  /** Posterior draws for the trial predictive and the experiments. */
  readonly draws: number;
  /** Virtual patients per trial evaluation. */
  readonly trialPatients: number;
  /** Stop a step once a generation accepts fewer than this share of its candidates. */
  readonly minAcceptance: number;
  /**
   * Rounds of MCMC moves per generation at most (replenishment ABC-SMC, src/fit/abc/replenish.ts): equal
   * weights kept diverse by Metropolis-Hastings, where importance weights degenerated in 30-33 dimensions
   * (effective sample size 1.1 of 100).
   */
  readonly moves: number;
  /**
   * How the trials are added to the mouse posterior (confront.ts): a new SMC run, reweighting (one
   * importance weight: degenerate where the trials contradict the mouse posterior), or tempering with MCMC
   * moves (the same target, non-degenerate, at about 0.25 s of CPU per move: minutes per temperature).
   */
  readonly trialStep: 'abc' | 'reweight' | 'temper';
  /**
   * Elementary-effects screen before each SMC step: trajectories per variant, and the mu* (change of a
   * standardised discrepancy per move of half the prior's mass) below which a parameter is refreshed from
   * its prior: 0.1, a tenth of an observation's sd, assumed negligible beside ABC tolerances of 1-6.
   */
  readonly screen: { readonly trajectories: number; readonly threshold: number };
}

/** What `npm run reproduce` runs; `--full` asks for FULL_BUDGET. */
export const REDUCED_BUDGET: Her2Budget = {
  particles: 200,
  maxGenerations: 12,
  draws: 50,
  trialPatients: 400,
  minAcceptance: 0.02,
  moves: 5,
  trialStep: 'reweight',
  screen: { trajectories: 10, threshold: 0.1 },
};
export const FULL_BUDGET: Her2Budget = {
  particles: 1000,
  maxGenerations: 30,
  draws: 400,
  trialPatients: 1000,
  minAcceptance: 0.01,
  moves: 10,
  // A second SMC run from the prior would pay a trial simulation (0.3-1.4 s) for every move of every
  // generation; tempering starts from the mouse posterior and pays it only where the trials are added.
  trialStep: 'temper',
  screen: { trajectories: 20, threshold: 0.1 },
};

export async function confrontHer2(o: {
  readonly seed: number;
  readonly budget: Her2Budget;
  readonly workers?: number;
  readonly checkpoint?: (step: 'mouse' | 'all', state: AbcState) => void;
  readonly resume?: Partial<Record<'mouse' | 'all', AbcState>>;
  readonly onProgress?: (line: string) => void;
}): Promise<CalibrationSummary> {
  const b = o.budget;
  const variants = hypotheses.map((h) => {
    const options = { variant: h.id, trialPatients: b.trialPatients };
    return {
      id: h.id,
      simulator: her2Evidence.name,
      options,
      parameters: her2Evidence.parameters(options, `variants.${h.id}`).map((p) => p.id),
    };
  });
  const criteria = Object.fromEntries(claims.map((c) => [c.id, (x: number) => c.accepts(x)]));
  const c = await confrontHypotheses({
    evidence,
    variants,
    seed: o.seed,
    particles: b.particles,
    maxGenerations: b.maxGenerations,
    minAcceptance: b.minAcceptance,
    moves: b.moves,
    draws: b.draws,
    trialStep: b.trialStep,
    screen: b.screen,
    criteria,
    experiments,
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    ...(o.checkpoint ? { checkpoint: o.checkpoint } : {}),
    ...(o.resume ? { resume: o.resume } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  const info = hypotheses.map((h) => ({ id: h.id, rationale: h.rationale, citation: h.citation }));
  return calibrationSummary(c, info, b);
}
