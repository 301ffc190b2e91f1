import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AbcState } from '../../src/fit/abc/checkpoint.js';
import { confrontHypotheses } from '../../src/fit/hypotheses/confront.js';
import { evidenceStatistics } from '../../src/fit/hypotheses/spec.js';
import { calibrationSummary } from '../../src/fit/hypotheses/summary.js';
import type { SimulatorDefinition } from '../../src/fit/simulators/index.js';
import { discrepancy, parseEvidence } from '../../src/paper/evidence/evidence.js';
import { toyObservation } from '../helpers/toyEvidence.js';

// Two variants that the mouse observation cannot tell apart (both put m1 = theta) and that predict the trial
// differently (A: t1 = theta + 2, B: t1 = theta - 2); experiment 'sign' reads +1 under A and -1 under B.
const observation = toyObservation;
const evidenceWith = (trialSd: number) =>
  parseEvidence({
    version: 1,
    description: 'toy evidence',
    assumptions: {},
    observations: [observation('m1', 'mouse', 0, 1), observation('t1', 'trial', 2, trialSd)],
  });

function toy(evidence: ReturnType<typeof evidenceWith>): SimulatorDefinition {
  return {
    name: 'toy',
    description: 'two-variant toy',
    parameters: () => [{ id: 'theta', range: [-3, 3] }],
    create(_ids, options) {
      const sign = options.variant === 'A' ? 1 : -1;
      if (typeof options.experiment === 'string')
        return {
          statistics: ['outcome'],
          simulate: (theta, _rng, out) => {
            out[0] = options.experiment === 'sign' ? sign : theta[0]!;
          },
        };
      const obs = evidence.observations.filter((x) => (options.observations as string[]).includes(x.id));
      return {
        statistics: evidenceStatistics(obs),
        simulate(theta, _rng, out) {
          obs.forEach((x, k) => {
            const raw = x.id === 'm1' ? theta[0]! : theta[0]! + 2 * sign;
            out[k] = discrepancy(x, raw);
            out[obs.length + k] = raw;
            out[2 * obs.length + k] = 0;
            out[2 * obs.length + k] = 0;
          });
        },
      };
    },
  };
}

const variants = ['A', 'B'].map((id) => ({
  id,
  simulator: 'toy',
  options: { variant: id },
  parameters: ['theta'],
}));

const run = (
  trialSd: number,
  trialStep: 'abc' | 'reweight' | 'temper' = 'abc',
  moves = 0,
  extra: Partial<Parameters<typeof confrontHypotheses>[0]> = {},
) => {
  const evidence = evidenceWith(trialSd);
  return confrontHypotheses({
    evidence,
    variants,
    seed: 3,
    particles: 400,
    maxGenerations: 4,
    draws: 200,
    criteria: { m1: (x) => x > 0 },
    experiments: [
      { id: 'theta', description: 'reads theta', sd: 0.1 },
      { id: 'sign', description: 'reads the variant', sd: 0.1 },
    ],
    simulators: { toy: toy(evidence) },
    trialStep,
    moves,
    ...extra,
  });
};

test('confrontation: mouse data leave the variants tied, the trial picks A; predictive and claim shares', async () => {
  const r = await run(0.5);
  const [pa, pb] = r.mouse.probabilities;
  assert.ok(Math.abs(pa! - 0.5) < 0.15 && Math.abs(pb! - 0.5) < 0.15, `mouse step ${pa}, ${pb}`);
  assert.ok(r.all.probabilities[0]! > 0.95, `all step p(A) = ${r.all.probabilities[0]}`);
  const t = r.trials[0]!;
  // After step 1 the predictive of t1 is the mixture of +2 and -2 around theta ~ 0: wide, centred near 0.
  assert.ok(t.mouse.lower < -1 && t.mouse.upper > 1, JSON.stringify(t.mouse));
  assert.ok(Math.abs(t.all.median - 2) < 0.5 && t.all.lower > 0, JSON.stringify(t.all));
  // The posterior of m1 is symmetric about 0: about half the draws have m1 > 0.
  const c = r.claims[0]!;
  assert.ok(c.id === 'm1' && Math.abs(c.mouse - 0.5) < 0.1, JSON.stringify(c));
});

test('with MCMC moves: equal weights, diverse particles, the same answer (tie, then A)', async () => {
  const r = await run(0.5, 'abc', 3);
  const [pa, pb] = r.mouse.probabilities;
  assert.ok(Math.abs(pa! - 0.5) < 0.15 && Math.abs(pb! - 0.5) < 0.15, `mouse step ${pa}, ${pb}`);
  assert.ok(r.all.probabilities[0]! > 0.95, `all step p(A) = ${r.all.probabilities[0]}`);
  assert.ok(r.mouse.ess > 399 && r.mouse.distinct > 200, `ess ${r.mouse.ess}, distinct ${r.mouse.distinct}`);
  assert.ok(r.mouse.abc.generations.slice(1).every((g) => g.moves && g.moves.rounds >= 1));
  assert.ok(Math.abs(r.trials[0]!.all.median - 2) < 0.5, JSON.stringify(r.trials[0]!.all));
});

test('trials tempered into the mouse posterior pick A, with a diverse final population', async () => {
  const r = await run(0.5, 'temper', 3);
  assert.equal(r.all.method, 'temper');
  assert.ok(r.all.probabilities[0]! > 0.95, `p(A) = ${r.all.probabilities[0]}`);
  assert.ok(r.all.distinct > 100 && r.all.ess > 399, `distinct ${r.all.distinct}, ess ${r.all.ess}`);
  assert.ok(r.all.temper && r.all.temper.betas.at(-1) === 1, JSON.stringify(r.all.temper));
  assert.ok(Math.abs(r.trials[0]!.all.median - 2) < 0.5, JSON.stringify(r.trials[0]!.all));
});

test('a step resumed from any checkpoint gives the same bits; a checkpoint of another seed is refused', async () => {
  const states: AbcState[] = [];
  const whole = await run(0.5, 'reweight', 3, { checkpoint: (_step, s) => states.push(s) });
  const bits = (r: typeof whole) =>
    JSON.stringify([r.mouse.abc.state.population, r.all.probabilities, r.trials]);
  assert.ok(states.length >= 3);
  const again = await run(0.5, 'reweight', 3, { resume: { mouse: states[1]! } });
  assert.equal(bits(again), bits(whole));
  await assert.rejects(run(0.5, 'reweight', 3, { seed: 4, resume: { mouse: states[1]! } }), /seed 3/);
});

test("a reweighted step reports every trial's discrepancy at its best particle", async () => {
  const r = await run(0.5, 'reweight');
  const z = r.all.bestTrialZ!;
  assert.equal(z.length, 1);
  // The best particle is A's with theta near 0: t1 = theta + 2 against 2, so well within an sd.
  assert.ok(Math.abs(z[0]!) < 1, `z ${z[0]}`);
});

test('next experiments: ranked by mutual information under the final posterior', async () => {
  const r = await run(20); // a trial too vague to decide: both variants survive
  assert.deepEqual(
    r.experiments.map((e) => e.id),
    ['sign', 'theta'],
  );
  const [sign, theta] = r.experiments;
  const [pa, pb] = r.all.probabilities;
  const H = -(pa! * Math.log(pa!) + pb! * Math.log(pb!));
  assert.ok(Math.abs(sign!.score - H) < 0.1, `sign ${sign!.score} vs H ${H}`);
  assert.ok(theta!.score < 0.1, `theta ${theta!.score}`);
});

test('next experiments: with one variant left, the information about the parameters tells them apart', async () => {
  const r = await run(0.5); // the trial picks A
  const by = new Map(r.experiments.map((e) => [e.id, e]));
  const theta = by.get('theta')!;
  const sign = by.get('sign')!;
  // 'theta' reads the surviving variant's parameter; 'sign' only the variant, which is settled.
  assert.ok(
    theta.parameterScore > sign.parameterScore + 0.1,
    `${theta.parameterScore} vs ${sign.parameterScore}`,
  );
  // The particle refines the variant: I(parameters; Y) >= I(variant; Y) (data processing inequality).
  for (const e of r.experiments) assert.ok(e.parameterScore >= e.score - 1e-9, `${e.id}`);
});

test('calibration summary: the report shape, probabilities and intervals carried over', async () => {
  const r = await run(0.5);
  const info = ['A', 'B'].map((id) => ({ id, rationale: `variant ${id}`, citation: 'none' }));
  const s = calibrationSummary(r, info, {
    particles: 400,
    maxGenerations: 4,
    draws: 200,
    trialPatients: 0,
    moves: 0,
  });
  assert.deepEqual(
    s.variants.map((v) => v.p_all),
    [...r.all.probabilities],
  );
  assert.equal(s.budget.generations.mouse, r.mouse.abc.generations.length);
  assert.equal(s.claims[0]!.posterior, r.claims[0]!.mouse);
  assert.deepEqual(
    s.next_experiments.map((e) => e.id),
    r.experiments.map((e) => e.id),
  );
  assert.equal(s.next_experiments[0]!.parameter_score, r.experiments[0]!.parameterScore);
});

test('trials added by reweighting the mouse posterior pick A as the second SMC run does', async () => {
  const r = await run(0.5, 'reweight');
  assert.equal(r.all.method, 'reweight');
  assert.ok(r.all.probabilities[0]! > 0.95, `p(A) = ${r.all.probabilities[0]}`);
  assert.ok(r.all.ess > 10 && r.all.ess < r.mouse.ess, `ess ${r.all.ess} vs ${r.mouse.ess}`);
  assert.ok(Math.abs(r.trials[0]!.all.median - 2) < 0.5, JSON.stringify(r.trials[0]!.all));
});

test('trials weighted one at a time: rejection control skips ruled-out particles, weights stay unbiased', async () => {
  // t1 (tight) rules B out and the tails of A; t2 (loose) then runs only for the particles still in play.
  const evidence = parseEvidence({
    version: 1,
    description: 'toy evidence, two trials',
    assumptions: {},
    observations: [
      observation('m1', 'mouse', 0, 1),
      observation('t2', 'trial', 2.5, 1),
      observation('t1', 'trial', 2, 0.3),
    ],
  });
  const r = await confrontHypotheses({
    evidence,
    variants,
    seed: 5,
    particles: 400,
    maxGenerations: 3,
    draws: 50,
    simulators: { toy: toy(evidence) },
    trialStep: 'reweight',
    // Far above the default 1e-3, so that the roulette decides the fate of most of A's particles too and
    // a bias (a survivor keeping its own weight instead of c) would show in the mean.
    rejectionControl: 0.7,
  });
  const pop = r.mouse.abc.population!;
  assert.ok(r.all.simulations > pop.n && r.all.simulations < 1.5 * pop.n, `${r.all.simulations} of ${pop.n}`);
  // The exact importance weights of both trials, from the deterministic toy.
  const [t2, t1] = evidence.observations.filter((x) => x.step === 'trial');
  // Weighted mean and sd of theta, exact and as returned.
  const exact = new Float64Array(pop.n);
  for (let i = 0; i < pop.n; i++) {
    const raw = pop.theta[i * pop.dim]! + (pop.model[i] === 0 ? 2 : -2);
    exact[i] = pop.weight[i]! * Math.exp(-(discrepancy(t1!, raw) ** 2 + discrepancy(t2!, raw) ** 2) / 2);
  }
  const moments = (w: Float64Array) => {
    let s = 0;
    let m = 0;
    let q = 0;
    for (let i = 0; i < pop.n; i++) {
      const x = pop.theta[i * pop.dim]!;
      s += w[i]!;
      m += w[i]! * x;
      q += w[i]! * x * x;
    }
    return { mean: m / s, sd: Math.sqrt(q / s - (m / s) ** 2) };
  };
  const want = moments(exact);
  const got = moments(r.all.abc.population!.weight);
  // The roulette's extra variance stays well inside the posterior sd (about 0.28); a survivor that kept
  // its own weight instead of c shrinks the sd by a sixth here (checked).
  assert.ok(Math.abs(got.mean - want.mean) < 0.05 * want.sd, `mean ${got.mean} vs exact ${want.mean}`);
  assert.ok(Math.abs(got.sd / want.sd - 1) < 0.04, `sd ${got.sd} vs exact ${want.sd}`);
  assert.ok(r.all.probabilities[0]! > 0.99, `p(A) = ${r.all.probabilities[0]}`);
});
