/**
 * The hypotheses calibration in the reproduction report: which variants of the CSC hypothesis survive the
 * mouse evidence and then the trials (posterior model probabilities), the posterior predictive of every
 * trial's HR beside the published one (forest), the share of posterior draws for which each claim's
 * criterion holds, and the candidate next experiments ranked by expected information about the variant.
 * The numbers come from src/fit/hypotheses (a later layer); this module only holds their shape and draws them.
 */
import { figure, p, section, strong, table } from '../report/html.js';
import type { Markup } from '../report/markup.js';
import { type ForestRow, forestSvg } from '../trial/index.js';

export interface PredictiveInterval {
  readonly median: number;
  readonly lower: number;
  readonly upper: number;
}

export interface CalibrationSummary {
  readonly budget: {
    readonly particles: number;
    readonly maxGenerations: number;
    /** Generations run, final epsilon and candidates evaluated, per step. */
    readonly generations: { readonly mouse: number; readonly all: number };
    readonly finalEpsilon: { readonly mouse: number; readonly all: number };
    readonly evaluations: { readonly mouse: number; readonly all: number };
    /** 'abc': a second SMC run on all evidence; 'reweight': the mouse posterior weighted by the trials. */
    readonly trialStep: 'abc' | 'reweight' | 'temper';
    /** Effective sample size of each step's final weights. */
    readonly ess: { readonly mouse: number; readonly all: number };
    /** Distinct particles of positive weight per step (the diversity equal weights do not show). */
    readonly distinct: { readonly mouse: number; readonly all: number };
    /** Rounds of MCMC moves per generation at most (0: importance weights). */
    readonly moves: number;
    /** Trial simulations of a reweighted step (with rejection control, fewer than particles x trials). */
    readonly trialSimulations: number;
    /** Tempered step: the number of temperatures it took to reach beta = 1. */
    readonly temperatures?: number;
    /** Reweighted step: each trial's standardised discrepancy at the particle of largest weight. */
    readonly bestTrialZ?: Readonly<Record<string, number>>;
    /** Screen settings (absent: no screen), and per variant the parameters it refreshed from the prior. */
    readonly screen?: { readonly trajectories: number; readonly threshold: number };
    readonly refreshed: Readonly<Record<string, readonly string[]>>;
    readonly screenEvaluations: number;
    readonly draws: number;
    readonly trialPatients: number;
    /** Reweighted step: copies of each particle with trial assumptions, those redrawn from their priors. */
    readonly trialDraws?: number;
    /** One virtual cohort per trial for every evaluation (common random numbers). */
    readonly commonCohorts?: boolean;
    /** The second half of the trial draws from an adapted proposal (population Monte Carlo). */
    readonly trialAdaptive?: boolean;
    /** 'carry': each trial's kernel widened by its cohort's Monte Carlo error; 'ignore': cohort HR as exact. */
    readonly trialError?: 'carry' | 'ignore';
    /** Reweighted step: particles going on to each trial after the first at most, in expectation. */
    readonly trialSurvivors?: number;
    readonly seconds: number;
  };
  readonly variants: readonly {
    readonly id: string;
    readonly rationale: string;
    readonly citation: string;
    readonly p_mouse: number;
    readonly p_all: number;
  }[];
  readonly trials: readonly {
    readonly id: string;
    readonly published: { readonly hr: number; readonly lower: number; readonly upper: number };
    readonly predicted_mouse: PredictiveInterval;
    readonly predicted_all: PredictiveInterval;
  }[];
  /** Share of posterior draws for which the claim's criterion holds, after each step. */
  readonly claims: readonly {
    readonly id: string;
    readonly posterior: number;
    readonly posterior_all: number;
  }[];
  readonly next_experiments: readonly {
    readonly id: string;
    readonly description: string;
    /** I(variant; readout) in nats. */
    readonly score: number;
    /** I(parameters; readout) in nats over the drawn particles (absent in summaries written before it). */
    readonly parameter_score?: number;
  }[];
  /** Trial assumptions a variant frees: weighted median and 95% interval after all evidence. */
  readonly trial_parameters?: readonly {
    readonly variant: string;
    readonly id: string;
    readonly median: number;
    readonly lower: number;
    readonly upper: number;
  }[];
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : 'n/a');
const hr = (h: { hr?: number; median?: number; lower: number; upper: number }): string =>
  `${(h.hr ?? h.median ?? Number.NaN).toFixed(2)} (${h.lower.toFixed(2)}-${h.upper.toFixed(2)})`;

/** Forest rows: the predictive interval after the mouse step, then after all evidence, per trial. */
export function calibrationForest(c: CalibrationSummary): ForestRow[] {
  const row = (t: CalibrationSummary['trials'][number], step: 'mouse' | 'all'): ForestRow => {
    const q = step === 'mouse' ? t.predicted_mouse : t.predicted_all;
    const ok = [q.median, q.lower, q.upper].every(Number.isFinite);
    return {
      label: `${t.id} (${step === 'mouse' ? 'mouse' : 'all'})`,
      trial: t.id,
      model: ok ? { hr: q.median, lower: q.lower, upper: q.upper } : null,
      published: t.published,
      events: 0,
      patients: c.budget.trialPatients,
    };
  };
  return c.trials.flatMap((t) => [row(t, 'mouse'), row(t, 'all')]);
}

export function calibrationSection(c: CalibrationSummary, robustness: ReadonlyMap<string, number>): Markup {
  const b = c.budget;
  const best = [...c.variants].sort((x, y) => y.p_all - x.p_all)[0];
  const topExp = c.next_experiments[0];
  // A posterior carried by a handful of particles answers nothing yet: say so before the numbers.
  const size = (k: 'mouse' | 'all') => Math.min(b.ess[k], b.distinct[k]);
  const mouseDegenerate = size('mouse') < 0.1 * b.particles;
  const degenerate = mouseDegenerate || (size('all') < 0.1 * b.particles && b.trialStep !== 'reweight');
  // A healthy mouse posterior that the trials' kernel reduces to a few particles: the evidence conflicts
  // when even the best of them is more than 3 sd from a trial, else the trials single out a narrow region.
  const few = !mouseDegenerate && b.trialStep === 'reweight' && size('all') < 0.1 * b.particles;
  const bestZ = Object.values(b.bestTrialZ ?? {});
  const conflict = few && !(bestZ.length > 0 && bestZ.every((z) => Math.abs(z) <= 3));
  const narrow = few && !conflict;
  const zText = () =>
    Object.entries(b.bestTrialZ ?? {})
      .map(([id, z]) => `${Number.isFinite(z) ? Math.abs(z).toFixed(1) : 'n/a'} sd from ${id}`)
      .join(', ');
  const silent = c.next_experiments.length > 0 && c.next_experiments.every((e) => !(e.score > 1e-9));
  const alive = c.variants.filter((v) => v.p_all > 0.01).length;
  return section(
    { title: 'The CSC hypotheses confronted with the evidence', id: 'calibration' },
    degenerate
      ? p(
          strong('Caution: '),
          `the posterior is degenerate at this budget (effective sample size ${b.ess.mouse.toFixed(1)}, ` +
            `${b.distinct.mouse} distinct particles after the mouse step; ${b.ess.all.toFixed(1)} and ` +
            `${b.distinct.all} with the trials, of ${b.particles} particles): the ` +
            'probabilities, intervals and experiment scores below rest on a few particles and are not conclusions. ' +
            'Run `cscsim reproduce --full` for a posterior that can carry them.',
        )
      : null,
    conflict
      ? p(
          strong('The trials contradict the mouse posterior: '),
          `weighted by the trials' kernel, its ${b.distinct.mouse} distinct particles leave an effective sample ` +
            `size of ${b.ess.all.toFixed(1)} (${b.distinct.all} distinct)` +
            (b.bestTrialZ ? `; even the best particle is ${zText()}` : '') +
            '. No parameter set the mouse evidence allows reproduces the trials, so the all-evidence column ' +
            'names the least wrong particle, not a posterior.',
        )
      : null,
    narrow
      ? p(
          strong('The trials single out a narrow region of the mouse posterior: '),
          `weighted by the trials' kernel, its particles leave an effective sample size of ` +
            `${b.ess.all.toFixed(1)} (${b.distinct.all} distinct particles); the best is ${zText()}. ` +
            'The all-evidence column rests on these few particles: `cscsim reproduce --full` (more particles, ' +
            'more draws of the trial assumptions) gives a posterior that can carry it.',
        )
      : null,
    p(
      strong('Answer: '),
      `after the mouse evidence (C1-C8) the variants have posterior probabilities ${c.variants
        .map((v) => `${v.id} ${pct(v.p_mouse)}`)
        .join(', ')}; with the trials added ${c.variants.map((v) => `${v.id} ${pct(v.p_all)}`).join(', ')}. `,
      best ? `The most probable variant given all evidence is ${best.id}. ` : '',
      c.trials.length
        ? `Out of sample (mouse posterior only), the model predicts ${c.trials
            .map((t) => `${t.id} HR ${hr(t.predicted_mouse)} against published ${hr(t.published)}`)
            .join('; ')}. `
        : '',
      c.trial_parameters?.length
        ? `Given all evidence, ${c.trial_parameters
            .map(
              (t) =>
                `${t.id} (${t.variant}) ${t.median.toPrecision(2)} (${t.lower.toPrecision(2)}-${t.upper.toPrecision(2)})`,
            )
            .join('; ')}. `
        : '',
      topExp && !silent ? `The most informative next experiment: ${topExp.description}.` : '',
      silent
        ? `Every candidate experiment scores 0 nats: with ${alive === 1 ? 'one variant' : `${alive} variants`} ` +
            'left there is nothing for an experiment to tell apart' +
            (topExp?.parameter_score !== undefined && topExp.parameter_score > 1e-9
              ? `; ranked instead by what the readout would teach about that variant's parameters, the most ` +
                `informative is ${topExp.description} (${topExp.parameter_score.toFixed(2)} nats).`
              : '.')
        : '',
    ),
    p(
      `Budget (stated): ABC-SMC with model selection, ${b.particles} particles, at most ${b.maxGenerations} ` +
        'generations per step' +
        (b.moves > 0
          ? `, replenishment with up to ${b.moves} rounds of Metropolis-Hastings moves per generation ` +
            '(Drovandi & Pettitt 2011; equal weights, the model index part of the particle)'
          : ', importance weights') +
        `; the mouse step ran ${b.generations.mouse} generations to epsilon ` +
        `${b.finalEpsilon.mouse.toPrecision(3)} (${b.evaluations.mouse} candidates, effective sample size ` +
        `${b.ess.mouse.toFixed(0)}, ${b.distinct.mouse} distinct particles); ` +
        (b.screen
          ? `before it, an elementary-effects screen (Morris 1991, mu* of Campolongo et al. 2007; ` +
            `${b.screen.trajectories} trajectories per variant, ${b.screenEvaluations} simulations) drew ` +
            `from their priors, instead of perturbing, the parameters that moved no standardised discrepancy ` +
            `by ${b.screen.threshold} (${Object.entries(b.refreshed)
              .map(([id, ps]) => `${id}: ${ps.length}`)
              .join(', ')}; the posterior is the same, the weights lose those dimensions); `
          : '') +
        (b.trialStep === 'reweight'
          ? "the trials were added by weighting those particles with a Gaussian kernel on the trials' " +
            'standardised discrepancies (ABC importance sampling, Wilkinson 2013), one trial at a time with ' +
            `rejection control between trials (Liu, Chen & Wong 1998${
              b.trialSurvivors !== undefined
                ? `, at most ${b.trialSurvivors} particles in expectation going on to each later trial`
                : ''
            }; ${b.trialSimulations} trial simulations; ` +
            (b.trialDraws && b.trialDraws > 1
              ? `each particle of a variant with trial assumptions split into ${b.trialDraws} copies, ` +
                'those assumptions drawn afresh from their priors, their mouse-posterior marginal' +
                (b.trialAdaptive
                  ? ', the second half from a proposal fitted to the first (population Monte Carlo)'
                  : '') +
                '; '
              : '') +
            (b.commonCohorts
              ? 'every evaluation on the same virtual cohort per trial (common random numbers); '
              : '') +
            (b.trialError === 'carry'
              ? "each trial's kernel sd widened to sqrt(sd^2 + se^2), se the cohort's own Monte Carlo error of " +
                'log HR (a jackknife over its virtual patients), with the Gaussian normaliser; '
              : '') +
            `effective sample size ${b.ess.all.toFixed(1)}, ${b.distinct.all} distinct particles); `
          : b.trialStep === 'temper'
            ? "the trials were tempered in: the same target as a Gaussian kernel on the trials' " +
              'standardised discrepancies (Wilkinson 2013), reached through ' +
              `${b.temperatures ?? 0} temperatures with Metropolis-Hastings moves at each (Del Moral, Doucet & ` +
              `Jasra 2006; ${b.trialSimulations} simulations, mouse epsilon held; ${b.distinct.all} distinct ` +
              'particles at the end); '
            : `the all-evidence step ran ${b.generations.all} generations to ${b.finalEpsilon.all.toPrecision(3)} ` +
              `(${b.evaluations.all} candidates); `) +
        `${b.draws} posterior ` +
        `draws for the predictive, ${b.trialPatients} virtual patients per trial evaluation (the model's ` +
        'expected HR: every patient simulated under both arms, since the published CI holds the real ' +
        `trial's sampling error); ${b.seconds.toFixed(0)} s. ` +
        'The distance is the Euclidean norm of the standardised discrepancies of the evidence file ' +
        '(src/paper/evidence/evidence.json: each observation with its sd and source, written before the run).',
    ),
    table({
      caption: 'Variants: posterior model probability after each step (equal prior probabilities)',
      columns: [
        { key: 'id', label: 'variant' },
        { key: 'p_mouse', label: 'P (mouse evidence)' },
        { key: 'p_all', label: 'P (all evidence)' },
        { key: 'rationale', label: 'rationale' },
        { key: 'citation', label: 'citation' },
      ],
      rows: c.variants.map((v) => ({ ...v, p_mouse: pct(v.p_mouse), p_all: pct(v.p_all) })),
    }),
    c.trials.length
      ? figure(
          forestSvg(
            calibrationForest(c),
            'posterior predictive after the mouse step and after all evidence',
            'Model: median and 95% interval of the trial HR over posterior draws; published: the trial report',
          ),
          'Forest: posterior predictive HR (95% interval) beside the published HR (95% CI), per trial and step',
          'calibration-forest',
        )
      : null,
    table({
      caption:
        "Claims: share of posterior draws for which today's criterion holds (posterior predictive check), " +
        'beside the Latin-hypercube share over the prior ranges (prior predictive)',
      columns: [
        { key: 'id', label: 'claim' },
        { key: 'posterior', label: 'posterior (mouse step)' },
        { key: 'posterior_all', label: 'posterior (all evidence)' },
        { key: 'prior', label: 'prior (hypercube)' },
      ],
      rows: c.claims.map((x) => ({
        id: x.id,
        posterior: pct(x.posterior),
        posterior_all: pct(x.posterior_all),
        prior: robustness.has(x.id) ? pct(robustness.get(x.id)!) : '',
      })),
    }),
    table({
      caption:
        'Next experiments, ranked by the mutual information (nats) between variant and readout under the ' +
        'all-evidence posterior, readout noise included; ties (one variant left) by the information about ' +
        "the parameters, I(parameters; readout) over the posterior's drawn particles (Lindley 1956)",
      columns: [
        { key: 'rank', label: 'rank' },
        { key: 'id', label: 'experiment' },
        { key: 'description', label: 'description' },
        { key: 'score', label: 'about the variant (nats)' },
        { key: 'parameter_score', label: 'about the parameters (nats)' },
      ],
      rows: c.next_experiments.map((e, i) => ({
        rank: i + 1,
        id: e.id,
        description: e.description,
        score: e.score.toFixed(3),
        parameter_score: e.parameter_score !== undefined ? e.parameter_score.toFixed(3) : '',
      })),
    }),
  );
}
