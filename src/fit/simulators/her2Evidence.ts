/**
 * `her2-evidence`: the HER2-CSC model under one hypothesis variant (src/paper/hypotheses.ts) against the
 * evidence file (src/paper/evidence). Statistics, per observation asked for: the standardised discrepancy
 * z:ID, the raw statistic raw:ID and its simulation standard error se:ID (src/fit/hypotheses/spec.ts). Claims C1-C8 are the claims' cheap
 * statistics (mean model, src/paper/claims/statistics.ts) under the variant's model; a trial is the model's
 * expected HR (src/trial/hazard.ts, statistic 'expected': every one of `trialPatients` patients, drawn from
 * the candidate's stream, simulated under both arms), not one randomised trial's HR: the published CI holds
 * the real trial's sampling error already, and a 400-patient randomised HR would add its own (log-HR sd
 * ~0.4 at B-47's event rate, above B-47's published 0.13; the expected HR's ~0.1) to every discrepancy.
 * The expected HR's own Monte Carlo error (se, by a jackknife over the cohort's patients) widens the trial's
 * z (option trialError, default 'carry'): a candidate is not ruled in or out by its cohort's luck alone.
 * Parameters: every documented mouse-side range as a quantile in [0, 1] (log scale for a decade or more,
 * one quantile for all cell lines: the same unit cube as the Latin-hypercube robustness, so the prior
 * predictive and the posterior are on one footing), plus the trial assumptions the variant frees (their
 * own ranges). Into patients go: the self-renewal share of HER2 (her2Share = psHER2 / (ps0 + psHER2)),
 * and every other estimated parameter of the trial model, except those patients draw or set themselves
 * (human PK, HER2 per cell, burden feedback, effector activity) and the bone-site ones. The trial model's
 * structure is fixed (dormancy on, no plasticity), so a variant acts in patients through its parameters.
 * Option `experiment` makes a one-statistic simulator of a candidate next experiment (experiments.ts).
 */
import { InputError, SolverError } from '../../errors.js';
import { claims } from '../../paper/claims/index.js';
import { claimStatistics } from '../../paper/claims/statistics.js';
import { discrepancy, evidence, type Observation } from '../../paper/evidence/evidence.js';
import { type Hypothesis, hypotheses, hypothesis } from '../../paper/hypotheses.js';
import { quantileIds, quantileSet } from '../../paper/robustness.js';
import { designOf, TRIAL_IDS } from '../../trial/designs.js';
import { trialHazard } from '../../trial/hazard.js';
import { trialModel } from '../../trial/rates.js';
import { experimentIds, experimentOutcome } from './her2Experiments.js';
import { checkKnownOptions, optionNumber } from './options.js';
import type { Simulator, SimulatorDefinition, SimulatorParameter } from './types.js';

/** Mouse-side parameters patients do not take from the mouse (drawn per patient, set by the trial, or site). */
const NOT_IN_PATIENTS = new Set([
  'ps0',
  'psHER2',
  'CL',
  'V1',
  'V2',
  'Q',
  'her2Base',
  'copyRatio',
  'Kfb',
  'effectors',
  'rankl',
  'ranklBone',
  'rankInd',
  'KR',
  'rankBlock',
  'rho',
]);

function variantOf(options: Readonly<Record<string, unknown>>, path: string): Hypothesis {
  const h = typeof options.variant === 'string' ? hypothesis(options.variant) : undefined;
  if (!h)
    throw new InputError(
      `expected a variant, one of ${hypotheses.map((x) => `'${x.id}'`).join(', ')}; got ${JSON.stringify(options.variant)}`,
      { path: `${path}.variant` },
    );
  return h;
}

function observationsOf(options: Readonly<Record<string, unknown>>, path: string): Observation[] {
  const ids = options.observations;
  if (ids === undefined) return [...evidence.observations];
  if (!Array.isArray(ids) || ids.length === 0)
    throw new InputError('expected a non-empty list of observation ids', { path: `${path}.observations` });
  return ids.map((id, i) => {
    const o = evidence.observations.find((x) => x.id === id);
    if (!o)
      throw new InputError(`unknown observation ${JSON.stringify(id)}`, {
        path: `${path}.observations[${i}]`,
      });
    return o;
  });
}

export const her2Evidence: SimulatorDefinition = {
  name: 'her2-evidence',
  description:
    'HER2-CSC model under a hypothesis variant against the evidence file: z, raw and se statistics per observation (options variant, observations, trialPatients, experiment, mouseGate, cohortSeed, trialError)',
  parameters(options, path): SimulatorParameter[] {
    const h = variantOf(options, path);
    return [
      ...quantileIds(h.model).map((id) => ({
        id,
        range: [0, 1] as const,
        description: `quantile of the documented range of ${id} (log scale when it spans a decade)`,
      })),
      ...h.trialParams.map((a) => ({ id: a.id, range: a.range, description: a.description })),
    ];
  },
  create(ids, options, path): Simulator {
    checkKnownOptions(
      options,
      ['variant', 'observations', 'trialPatients', 'experiment', 'mouseGate', 'cohortSeed', 'trialError'],
      path,
    );
    const h = variantOf(options, path);
    const trialIds = new Set(h.trialParams.map((a) => a.id as string));
    const mouseIds = ids.filter((id) => !trialIds.has(id));
    const mouseSlots = mouseIds.map((id) => ids.indexOf(id));
    const trialSlots = [...trialIds].map((id) => [id, ids.indexOf(id)] as const).filter(([, k]) => k >= 0);
    const u = new Float64Array(mouseIds.length);
    const setAt = (theta: Float64Array) => {
      mouseSlots.forEach((k, j) => {
        u[j] = theta[k]!;
      });
      return quantileSet(u, mouseIds, h.model);
    };
    if (options.experiment !== undefined) {
      const id = options.experiment;
      if (typeof id !== 'string' || !experimentIds.includes(id))
        throw new InputError(
          `unknown experiment ${JSON.stringify(id)} (known: ${experimentIds.join(', ')})`,
          {
            path: `${path}.experiment`,
          },
        );
      return {
        statistics: ['outcome'],
        simulate(theta, _rng, out) {
          out[0] = experimentOutcome(id, setAt(theta), h.model);
        },
      };
    }
    const obs = observationsOf(options, path);
    const patients = optionNumber(options, 'trialPatients', path, { dflt: 400, positive: true });
    if (!Number.isInteger(patients) || patients < 4)
      throw new InputError('expected an integer >= 4', { path: `${path}.trialPatients` });
    // With mouseGate g: trials run only when the claims' discrepancies are within g (Euclidean norm), else
    // their statistics are NaN; a sampler whose target needs both (src/fit/abc/temper.ts) skips the dear half.
    const gate =
      options.mouseGate === undefined
        ? Number.POSITIVE_INFINITY
        : optionNumber(options, 'mouseGate', path, { positive: true });
    // With cohortSeed s: every evaluation simulates the same virtual patients per trial (common random numbers,
    // seeded by s and the trial), so parameter sets are compared on one cohort instead of each on its own.
    const cohortSeed =
      options.cohortSeed === undefined
        ? null
        : optionNumber(options, 'cohortSeed', path, { integer: true, positive: true });
    // trialError 'carry' (default): a trial's z divides by sqrt(sd^2 + se^2), se the cohort's Monte Carlo error of
    // log HR (jackknife over its patients), and se is written as a statistic; 'ignore': se = 0 (the cohort's HR
    // as if exact, what runs before 2026-12-03 did).
    const trialError = options.trialError ?? 'carry';
    if (trialError !== 'carry' && trialError !== 'ignore')
      throw new InputError(`expected 'carry' or 'ignore', got ${JSON.stringify(trialError)}`, {
        path: `${path}.trialError`,
      });
    const known = trialModel().problem.paramIndex;
    const ps0Default = trialModel().problem.p[known.get('ps0')!]!;
    const psHER2Default = trialModel().problem.p[known.get('psHER2')!]!;
    const claimIndex = obs.map((o) => claims.findIndex((c) => c.id === o.target));
    const needsClaims = claimIndex.some((k) => k >= 0);
    for (const [i, o] of obs.entries())
      if (claimIndex[i]! < 0 && !(TRIAL_IDS as readonly string[]).includes(o.target))
        throw new InputError(`observation '${o.id}': no claim or trial '${o.target}'`, {
          path: `${path}.observations`,
        });
    const stats = new Float64Array(claims.length);
    const n = obs.length;
    return {
      // The layout of src/fit/hypotheses/spec.ts evidenceStatistics, written out: that module imports this one.
      statistics: [
        ...obs.map((o) => `z:${o.id}`),
        ...obs.map((o) => `raw:${o.id}`),
        ...obs.map((o) => `se:${o.id}`),
      ],
      simulate(theta, rng, out) {
        const set = setAt(theta);
        if (needsClaims) claimStatistics(set, h.model, stats);
        const mcf7 = set('MCF7');
        const scenario: Record<string, number> = {};
        for (const [id, k] of trialSlots) scenario[id] = theta[k]!;
        const ps0 = mcf7.ps0 ?? ps0Default;
        const psHER2 = mcf7.psHER2 ?? psHER2Default;
        scenario.her2Share = psHER2 / (ps0 + psHER2);
        const modelParams: Record<string, number> = {};
        for (const [id, v] of Object.entries(mcf7))
          if (!NOT_IN_PATIENTS.has(id) && known.has(id)) modelParams[id] = v;
        let z2 = 0;
        for (let i = 0; i < n; i++)
          if (claimIndex[i]! >= 0) z2 += discrepancy(obs[i]!, stats[claimIndex[i]!]!) ** 2;
        const gated = !(Math.sqrt(z2) <= gate);
        for (let i = 0; i < n; i++) {
          const o = obs[i]!;
          let raw: number;
          let se = 0;
          if (claimIndex[i]! >= 0) raw = stats[claimIndex[i]!]!;
          else if (gated) raw = Number.NaN;
          else {
            // Each trial of each candidate its own virtual patients (the stream keys its seed).
            const seed =
              cohortSeed === null
                ? Math.floor(rng.uniform() * 2 ** 48)
                : cohortSeed * 1000 + (TRIAL_IDS as readonly string[]).indexOf(o.target);
            try {
              const h = trialHazard(designOf(o.target), {
                patients,
                seed,
                scenario,
                modelParams,
                statistic: 'expected',
              });
              raw = h?.hr ?? Number.NaN;
              if (h && trialError === 'carry') se = h.logSe;
            } catch (e) {
              // e.g. no micrometastasis count reaches the control arm's DFS at these parameters
              if (!(e instanceof SolverError)) throw e;
              raw = Number.NaN;
            }
          }
          out[i] = discrepancy(o, raw, se);
          out[n + i] = raw;
          out[2 * n + i] = se;
        }
      },
    };
  },
};
