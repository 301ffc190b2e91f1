/**
 * The CSC hypotheses confronted with the evidence, in two steps (issue: the hypotheses confronted with all
 * the evidence): (1) ABC-SMC with model selection over the variants on the mouse and tissue observations
 * alone, (2) the same with the trials added. Then, from the posteriors: the posterior predictive of every
 * trial after step 1 (the out-of-sample test: does the mouse evidence, through the model, predict the
 * trials?) and after step 2; for each claim the share of posterior draws for which its criterion holds;
 * and candidate next experiments ranked by the mutual information between variant and readout under the
 * final posterior. Everything runs through simulators (src/fit/simulators): the variant's simulator with
 * options { observations: [ids] } gives z and raw statistics of those observations (spec.ts), with
 * { experiment: id } one statistic, the experiment's readout.
 */
import { mutualInformation } from '../../analysis/information.js';
import { InputError } from '../../errors.js';
import type { Evidence, Observation } from '../../paper/evidence/evidence.js';
import { stream } from '../../random/rng.js';
import type { AbcState } from '../abc/checkpoint.js';
import { effectiveSampleSize } from '../abc/population.js';
import { distinctRows, systematic } from '../abc/replenish.js';
import { abcSmc } from '../abc/smc.js';
import { summarise } from '../abc/summary.js';
import type { Population } from '../abc/types.js';
import { makePrior } from '../priors.js';
import { morrisScreen } from '../screen.js';
import { getSimulator, type SimulatorDefinition } from '../simulators/index.js';
import { simulateAt } from './atParticles.js';
import { reweight } from './reweight.js';
import { evidenceProblem, observedOf, priorOfRange, rawName, type VariantModel } from './spec.js';
import type { StepResult } from './step.js';
import { temperTrials } from './temperStep.js';

export interface CandidateExperiment {
  readonly id: string;
  readonly description: string;
  /** Readout noise (sd on the scale the simulator reports the readout in). */
  readonly sd: number;
}

/**
 * A candidate with its scores under the all-evidence posterior, in nats: `score` = I(variant; readout),
 * `parameterScore` = I(parameters; readout) over the drawn particles (what the experiment would teach about
 * the surviving variants' parameters, e.g. the patients' effector activity, when one variant is left).
 */
export type ScoredExperiment = CandidateExperiment & {
  readonly score: number;
  readonly parameterScore: number;
};

export interface ConfrontOptions {
  readonly evidence: Evidence;
  readonly variants: readonly VariantModel[];
  readonly seed: number;
  readonly particles: number;
  readonly maxGenerations: number;
  readonly minAcceptance?: number;
  readonly maxEvaluations?: number;
  /** MCMC move rounds per generation (replenishment ABC-SMC; 0: importance weights). */
  readonly moves?: number;
  readonly workers?: number;
  /** Draws from each posterior for the predictive and the experiments (default 200). */
  readonly draws?: number;
  /** Criterion of each claim on its raw statistic, for the posterior share of draws where it holds. */
  readonly criteria?: Readonly<Record<string, (x: number) => boolean>>;
  readonly experiments?: readonly CandidateExperiment[];
  /**
   * How the trials are added: 'abc' (default) runs ABC-SMC again on all observations; 'reweight' weights
   * the mouse posterior's particles by a Gaussian kernel on the trials' standardised discrepancies,
   * exp(-|z|^2 / 2): ABC importance sampling with the published uncertainty as the kernel's bandwidth
   * (exact under that error model, Wilkinson, Stat Appl Genet Mol Biol 12:129, 2013), one trial simulation
   * per particle instead of a new SMC run.
   */
  readonly trialStep?: 'abc' | 'reweight' | 'temper';
  /**
   * Before each SMC step, an elementary-effects screen of every variant (src/fit/screen.ts) with this many
   * trajectories; parameters whose largest mu* over the step's standardised discrepancies is below
   * `threshold` are refreshed from their priors instead of perturbed (the posterior is the same, the
   * importance weights lose dimensions the evidence does not inform).
   */
  readonly screen?: { readonly trajectories: number; readonly threshold: number };
  /** Relative weight below which a particle meets rejection control between trials (reweight; default 1e-3). */
  readonly rejectionControl?: number;
  /** Reweight: particles going on to each later trial at most, in expectation (reweight.ts; default no cap). */
  readonly trialSurvivors?: number;
  /** Reweight: copies of each particle with trial-only parameters, drawn afresh from their priors (default 1). */
  readonly trialDraws?: number;
  /** Second half of the trial draws from a proposal adapted to the first (reweight.ts; default false). */
  readonly trialAdaptive?: boolean;
  /** Reweight: trial observation ids in the order to weight by them (default: the most precise first). */
  readonly trialOrder?: readonly string[];
  /** Called with each SMC step's state after every generation (to write a checkpoint). */
  readonly checkpoint?: (step: 'mouse' | 'all', state: AbcState) => void;
  /** Continue a step from such a state: its problem (screen included) and settings, the same bits. */
  readonly resume?: Partial<Record<'mouse' | 'all', AbcState>>;
  /** Simulators outside the registry (workers 1 only). */
  readonly simulators?: Readonly<Record<string, SimulatorDefinition>>;
  readonly onProgress?: (line: string) => void;
}

export interface Interval {
  readonly median: number;
  readonly lower: number;
  readonly upper: number;
}

export interface Confrontation {
  readonly mouse: StepResult;
  readonly all: StepResult;
  /** Per trial observation: published value and the predictive after each step (raw statistic). */
  readonly trials: readonly {
    readonly observation: Observation;
    readonly mouse: Interval;
    readonly all: Interval;
  }[];
  /** Per claim with a criterion: weighted share of posterior particles where it holds, after each step. */
  readonly claims: readonly { readonly id: string; readonly mouse: number; readonly all: number }[];
  readonly experiments: readonly ScoredExperiment[];
  /**
   * Per variant with trial-only parameters and weight after the trials: each one's weighted median and 95%
   * interval under the all-evidence posterior (what the trials say about, e.g., patients' effector activity).
   */
  readonly trialParameters: readonly (Interval & { readonly variant: string; readonly id: string })[];
  readonly seconds: number;
}

/** Indices of `draws` particles drawn by weight (systematic resampling, one uniform from the stream). */
function resample(pop: Population, draws: number, seed: number): Int32Array {
  return systematic(pop.weight, draws, stream(seed, 0).uniform());
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return (
    sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!)
  );
}

export async function confrontHypotheses(o: ConfrontOptions): Promise<Confrontation> {
  const t0 = performance.now();
  const lookup = (name: string): SimulatorDefinition =>
    o.simulators?.[name] ?? getSimulator(name, 'simulator');
  const all = o.evidence.observations;
  const mouseObs = all.filter((x) => x.step === 'mouse');
  const trialObs = all.filter((x) => x.step === 'trial');
  const withObs = (obs: readonly Observation[]) =>
    o.variants.map((v) => ({ ...v, options: { ...v.options, observations: obs.map((x) => x.id) } }));
  const run = async (
    label: 'mouse' | 'all',
    obs: readonly Observation[],
    seed: number,
  ): Promise<StepResult> => {
    const variants = withObs(obs);
    const resume = o.resume?.[label];
    if (resume && (resume.settings.seed !== seed || resume.settings.particles !== o.particles))
      throw new InputError(
        `the ${label} step's checkpoint is of a run with seed ${resume.settings.seed} and ${resume.settings.particles} particles, not ${seed} and ${o.particles}`,
        { path: 'settings' },
      );
    let screenEvaluations = 0;
    const refreshed = variants.map((v, i) => {
      // A resumed step keeps the screen's choice, stored in its problem (r (k + 1) simulations, as run).
      if (resume) {
        if (o.screen) screenEvaluations += o.screen.trajectories * (v.parameters.length + 1);
        return resume.spec.models[i]!.parameters.flatMap((q) => (q.refresh ? [q.id] : []));
      }
      if (!o.screen) return [];
      o.onProgress?.(`${label}: screening ${v.id}`);
      const priors = v.parameters.map((id) =>
        makePrior(
          priorOfRange(
            lookup(v.simulator)
              .parameters(v.options, 'options')
              .find((q) => q.id === id)!.range,
          ),
        ),
      );
      const sim = lookup(v.simulator).create(
        v.parameters,
        { ...v.options, observations: obs.map((x) => x.id) },
        'options',
      );
      const r = morrisScreen(sim, priors, {
        trajectories: o.screen.trajectories,
        seed: seed * 1000 + 300 + i,
      });
      screenEvaluations += r.evaluations;
      const s = r.statistics.length;
      const z = r.statistics.flatMap((name, j) => (name.startsWith('z:') ? [j] : []));
      // A parameter without a single valid effect stays perturbed: the screen cannot vouch for it.
      return v.parameters.filter((_, a) =>
        z.every((j) => r.effects[a * s + j]! > 0 && r.muStar[a * s + j]! < o.screen!.threshold),
      );
    });
    const abc = await abcSmc(
      evidenceProblem(
        label,
        variants.map((v, i) => ({ ...v, refresh: refreshed[i]! })),
        obs,
        lookup,
      ),
      {
        seed,
        particles: o.particles,
        maxGenerations: o.maxGenerations,
        ...(o.minAcceptance !== undefined ? { minAcceptance: o.minAcceptance } : {}),
        ...(o.maxEvaluations !== undefined ? { maxEvaluations: o.maxEvaluations } : {}),
        ...(o.moves !== undefined ? { moves: o.moves } : {}),
        workers: o.workers ?? 1,
        ...(resume ? { resume } : {}),
        ...(o.checkpoint ? { checkpoint: (state: AbcState) => o.checkpoint!(label, state) } : {}),
        ...(o.simulators ? { simulators: o.simulators } : {}),
        onGeneration: (g) =>
          o.onProgress?.(
            `${label}: generation ${g.generation}, epsilon ${g.epsilon.toPrecision(3)}, acceptance ${(g.acceptanceRate * 100).toFixed(1)}%`,
          ),
      },
    );
    const pop = abc.population;
    return {
      abc,
      probabilities: abc.modelProbabilities,
      method: 'abc',
      ess: pop ? effectiveSampleSize(pop.weight) : 0,
      distinct: pop ? distinctRows(pop) : 0,
      simulations: 0,
      refreshed,
      screenEvaluations,
    };
  };
  const mouse = await run('mouse', mouseObs, o.seed);
  const every =
    o.trialStep === 'temper'
      ? await temperTrials(mouse, {
          variants: o.variants,
          observations: all,
          lookup,
          seed: o.seed + 1,
          moves: o.moves ?? 5,
          workers: o.workers ?? 1,
          custom: o.simulators !== undefined,
          ...(o.onProgress ? { onProgress: o.onProgress } : {}),
        })
      : o.trialStep === 'reweight'
        ? await reweight(mouse, {
            variants: o.variants,
            trials: trialObs,
            lookup,
            seed: o.seed,
            rejectionControl: o.rejectionControl ?? 1e-3,
            ...(o.trialSurvivors !== undefined ? { survivors: o.trialSurvivors } : {}),
            ...(o.trialDraws !== undefined ? { trialDraws: o.trialDraws } : {}),
            ...(o.trialAdaptive !== undefined ? { adaptive: o.trialAdaptive } : {}),
            ...(o.trialOrder ? { order: o.trialOrder } : {}),
            workers: o.workers ?? 1,
            custom: o.simulators !== undefined,
            ...(o.onProgress ? { onProgress: o.onProgress } : {}),
          })
        : await run('all', all, o.seed + 1);
  const draws = o.draws ?? 200;
  /** Statistic `name` of the variants' simulators with `options` at each drawn particle of a step. */
  const atDraws = async (
    step: StepResult,
    options: Record<string, unknown>,
    observed: Record<string, number>,
    name: string,
    salt: number,
  ) => {
    const pop = step.abc.population;
    if (!pop) return { label: [] as number[], particle: [] as number[], value: [] as number[] };
    const idx = Array.from(resample(pop, draws, o.seed * 1000 + salt));
    const at = await simulateAt(pop, idx, {
      variants: o.variants,
      options,
      observed,
      lookup,
      seed: o.seed * 1000 + salt,
      key: 0,
      workers: o.workers ?? 1,
      custom: o.simulators !== undefined,
    });
    const k = at.statistics.indexOf(name);
    const w = at.statistics.length;
    return {
      label: idx.map((i) => pop.model[i]!),
      particle: idx,
      value: idx.map((_, d) => at.stats[d * w + k]!),
    };
  };
  const interval = (xs: number[]): Interval => {
    const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
    return { median: quantile(s, 0.5), lower: quantile(s, 0.025), upper: quantile(s, 0.975) };
  };
  const trials: Confrontation['trials'][number][] = [];
  for (const [t, obs] of trialObs.entries()) {
    const options = { observations: [obs.id] };
    const observed = observedOf(obs);
    o.onProgress?.(`predictive: ${obs.target}`);
    trials.push({
      observation: obs,
      mouse: interval((await atDraws(mouse, options, observed, rawName(obs), 10 + t)).value),
      all: interval((await atDraws(every, options, observed, rawName(obs), 100 + t)).value),
    });
  }
  const share = (step: StepResult, obs: Observation, holds: (x: number) => boolean): number => {
    const pop = step.abc.population;
    const k = step.abc.statistics.indexOf(rawName(obs));
    if (!pop || k < 0) return Number.NaN;
    let s = 0;
    for (let i = 0; i < pop.n; i++) if (holds(pop.stats[i * pop.nStats + k]!)) s += pop.weight[i]!;
    return Math.min(1, s);
  };
  const claims = mouseObs
    .filter((obs) => o.criteria?.[obs.target])
    .map((obs) => ({
      id: obs.target,
      mouse: share(mouse, obs, o.criteria![obs.target]!),
      all: share(every, obs, o.criteria![obs.target]!),
    }));
  const scored: ScoredExperiment[] = [];
  for (const [j, e] of (o.experiments ?? []).entries()) {
    o.onProgress?.(`next experiments: ${e.id}`);
    const { label, particle, value } = await atDraws(
      every,
      { experiment: e.id },
      { outcome: 0 },
      'outcome',
      1000 + j,
    );
    const ones = new Float64Array(label.length).fill(1);
    scored.push({
      ...e,
      score: mutualInformation(label, ones, value, e.sd),
      // Each drawn particle as its own label: I(theta; Y), Lindley's expected gain about the parameters.
      parameterScore: mutualInformation(particle, ones, value, e.sd),
    });
  }
  // By the variant first; where no readout can tell variants apart (one left), by the parameters.
  const experiments = scored.sort(
    (a, b) => (b.score || 0) - (a.score || 0) || (b.parameterScore || 0) - (a.parameterScore || 0),
  );
  const final = every.abc.population;
  const trialParameters = o.variants.flatMap((v, m) => {
    if (!final || !v.trialOnly?.length || !(every.probabilities[m]! > 0)) return [];
    const s = summarise(final, m, v.parameters.length);
    return v.trialOnly.flatMap((id) => {
      const q = s[v.parameters.indexOf(id)];
      return q ? [{ variant: v.id, id, median: q.median, lower: q.q025, upper: q.q975 }] : [];
    });
  });
  return {
    mouse,
    all: every,
    trials,
    claims,
    experiments,
    trialParameters,
    seconds: (performance.now() - t0) / 1000,
  };
}
