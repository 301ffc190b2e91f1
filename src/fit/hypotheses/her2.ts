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
  /**
   * Reweighting: copies of each particle of a variant with trial assumptions (patients' effector activity,
   * dormancy), those drawn afresh from their priors (src/fit/hypotheses/reweight.ts).
   */
  readonly trialDraws: number;
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
   * importance weight per particle, trial assumptions redrawn trialDraws times), or tempering with MCMC
   * moves (the same target, at 0.2-7 s of CPU per move: minutes to hours per temperature).
   */
  readonly trialStep: 'abc' | 'reweight' | 'temper';
  /**
   * Elementary-effects screen before each SMC step: trajectories per variant, and the mu* (change of a
   * standardised discrepancy per move of half the prior's mass) below which a parameter is refreshed from
   * its prior: 0.1, a tenth of an observation's sd, assumed negligible beside ABC tolerances of 1-6.
   */
  readonly screen: { readonly trajectories: number; readonly threshold: number };
  /**
   * The trial step's noise controls: every evaluation on the same virtual cohort per trial (her2-evidence's
   * cohortSeed, common random numbers) and the second half of the trial draws from an adapted proposal
   * (reweight.ts `adaptive`). From the reduced run's mouse checkpoint (seed 1, before trialError) the trial
   * step's ESS was 3.9 with neither, 5.1 with the common cohort, 17.8 with both (61 mouse particles weighted,
   * against 17), at 3x the trial step's time (more particles reach the dear trials): beyond the reduced
   * budget's 10 minutes.
   */
  readonly commonCohorts?: boolean;
  readonly trialAdaptive?: boolean;
  /**
   * her2-evidence's trialError: 'carry' (the default) widens each trial's kernel by its cohort's Monte Carlo
   * error of log HR (jackknife over the virtual patients), 'ignore' takes the cohort's HR as exact.
   */
  readonly trialError?: 'carry' | 'ignore';
  /** Particles going on to each trial after the first at most, in expectation (reweight.ts survivors). */
  readonly trialSurvivors?: number;
}

/** What `npm run reproduce` runs; `--full` asks for FULL_BUDGET. */
export const REDUCED_BUDGET: Her2Budget = {
  particles: 200,
  maxGenerations: 12,
  draws: 50,
  trialPatients: 400,
  trialDraws: 6,
  minAcceptance: 0.02,
  moves: 5,
  trialStep: 'reweight',
  screen: { trajectories: 10, threshold: 0.1 },
  // With each trial's cohort error carried into its kernel, 490 particles outlived B-47 for the dear
  // HER2-positive trial (calibration 607 s, the run 11 min 55 s); with 100 the run took 9 min 56 s, too near
  // the goal of 10 minutes: the later trials get 50 in expectation.
  trialSurvivors: 50,
};
export const FULL_BUDGET: Her2Budget = {
  particles: 1000,
  maxGenerations: 30,
  draws: 400,
  trialPatients: 1000,
  trialDraws: 20,
  minAcceptance: 0.01,
  moves: 10,
  // Reweighting with 20 draws of the trial assumptions per particle: tempering (trialStep 'temper') pays
  // a trial simulation (0.2-7 s) for every move at every temperature and did not mix at 200 particles
  // (52 min, 3 distinct particles at beta 1, 2026-12-03).
  trialStep: 'reweight',
  screen: { trajectories: 20, threshold: 0.1 },
  commonCohorts: true,
  trialAdaptive: true,
  trialSurvivors: 2000,
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
    const options = {
      variant: h.id,
      trialPatients: b.trialPatients,
      ...(b.commonCohorts ? { cohortSeed: o.seed + 1 } : {}),
      ...(b.trialError !== undefined ? { trialError: b.trialError } : {}),
    };
    return {
      id: h.id,
      simulator: her2Evidence.name,
      options,
      parameters: her2Evidence.parameters(options, `variants.${h.id}`).map((p) => p.id),
      trialOnly: h.trialParams.map((a) => a.id),
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
    trialDraws: b.trialDraws,
    ...(b.trialAdaptive !== undefined ? { trialAdaptive: b.trialAdaptive } : {}),
    ...(b.trialSurvivors !== undefined ? { trialSurvivors: b.trialSurvivors } : {}),
    // B-47's control arm needs the fewest micrometastases (5-y DFS 89%): its trial costs 0.2-0.4 s of CPU
    // at 400 patients where the HER2-positive one (3-y DFS 75%, ~6 per patient) costs 3-7 s; weighted
    // first, it spares the dear trials the particles it rules out (most with a mouse-sized Fc activity).
    trialOrder: ['trial:b47', 'trial:b31n9831', 'trial:b31-central-negative', 'trial:n9831-central-normal'],
    screen: b.screen,
    criteria,
    experiments,
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    ...(o.checkpoint ? { checkpoint: o.checkpoint } : {}),
    ...(o.resume ? { resume: o.resume } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  const info = hypotheses.map((h) => ({ id: h.id, rationale: h.rationale, citation: h.citation }));
  return calibrationSummary(c, info, { ...b, trialError: b.trialError ?? 'carry' });
}
