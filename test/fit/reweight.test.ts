import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confrontHypotheses } from '../../src/fit/hypotheses/confront.js';
import { survivorThreshold } from '../../src/fit/hypotheses/reweight.js';
import { evidenceStatistics } from '../../src/fit/hypotheses/spec.js';
import type { SimulatorDefinition } from '../../src/fit/simulators/index.js';
import { discrepancy, parseEvidence } from '../../src/paper/evidence/evidence.js';
import { toyObservation } from '../helpers/toyEvidence.js';

// The mouse observation reads theta; the trial reads theta + phi, phi a trial-only parameter over [-3, 3]
// that the trial pins to a window of width ~0.6: one particle in ten of the mouse posterior is near it.
const observation = toyObservation;
const evidence = parseEvidence({
  version: 1,
  description: 'toy evidence with a trial-only parameter',
  assumptions: {},
  observations: [observation('m1', 'mouse', 0, 1), observation('t1', 'trial', 2, 0.3)],
});
const toy: SimulatorDefinition = {
  name: 'toy-phi',
  description: 'mouse reads theta, trial theta + phi',
  parameters: () => [
    { id: 'theta', range: [-3, 3] },
    { id: 'phi', range: [-3, 3] },
  ],
  create(_ids, options) {
    const obs = evidence.observations.filter((x) => (options.observations as string[]).includes(x.id));
    return {
      statistics: evidenceStatistics(obs),
      simulate(theta, _rng, out) {
        obs.forEach((x, k) => {
          const raw = x.id === 'm1' ? theta[0]! : theta[0]! + theta[1]!;
          out[k] = discrepancy(x, raw);
          out[obs.length + k] = raw;
          out[2 * obs.length + k] = 0;
        });
      },
    };
  },
};

const run = (trialDraws: number, trialAdaptive = false, sim: SimulatorDefinition = toy) =>
  confrontHypotheses({
    evidence,
    variants: [{ id: 'A', simulator: sim.name, parameters: ['theta', 'phi'], trialOnly: ['phi'] }],
    seed: 11,
    particles: 300,
    maxGenerations: 3,
    draws: 20,
    simulators: { [sim.name]: sim },
    trialStep: 'reweight',
    trialDraws,
    trialAdaptive,
  });

/** E[phi | trial] over the mouse population's theta (phi ~ U(-3, 3)), by quadrature. */
function exactPhiMean(pop: { n: number; dim: number; theta: Float64Array; weight: Float64Array }): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < pop.n; i++)
    for (let g = 0; g <= 6000; g++) {
      const phi = -3 + g / 1000;
      const l = pop.weight[i]! * Math.exp(-(((pop.theta[i * pop.dim]! + phi - 2) / 0.3) ** 2) / 2);
      num += l * phi;
      den += l;
    }
  return num / den;
}

test('trial-only parameters redrawn K times: K-fold particles, the exact reweighted mean, a larger ESS', async () => {
  const one = await run(1);
  const eight = await run(8);
  const mouse = one.mouse.abc.population!;
  assert.deepEqual(eight.mouse.abc.population, mouse, 'the mouse step does not depend on trialDraws');
  const pop = eight.all.abc.population!;
  assert.equal(pop.n, 8 * mouse.n);
  // Every copy keeps its particle's theta and mouse statistics; weights sum to 1.
  for (let i = 0; i < pop.n; i++)
    assert.equal(pop.theta[i * pop.dim], mouse.theta[Math.floor(i / 8) * mouse.dim]);
  assert.ok(Math.abs(pop.weight.reduce((s, w) => s + w, 0) - 1) < 1e-12);
  const want = exactPhiMean(mouse);
  let got = 0;
  for (let i = 0; i < pop.n; i++) got += pop.weight[i]! * pop.theta[i * pop.dim + 1]!;
  // Posterior sd of phi is about 1 (theta's spread); 2,400 draws of which ~10% carry weight.
  assert.ok(Math.abs(got - want) < 0.15, `E[phi] ${got} vs exact ${want}`);
  assert.ok(eight.all.ess > 4 * one.all.ess, `ESS ${eight.all.ess} vs ${one.all.ess} with one draw`);
  assert.equal(eight.all.simulations, pop.n);
});

test('adaptive trial draws: the second half from the fitted proposal, the same exact mean, a larger ESS', async () => {
  const plain = await run(8);
  const adapted = await run(8, true);
  const mouse = adapted.mouse.abc.population!;
  const pop = adapted.all.abc.population!;
  assert.equal(pop.n, 8 * mouse.n);
  assert.equal(adapted.all.simulations, plain.all.simulations);
  // Copies 0-3 of each particle as before (first round); 4-7 redrawn from the proposal around the window.
  const first = plain.all.abc.population!;
  for (let i = 0; i < mouse.n; i++)
    for (let k = 0; k < 4; k++)
      assert.equal(pop.theta[(8 * i + k) * pop.dim + 1], first.theta[(8 * i + k) * pop.dim + 1]);
  assert.ok(Math.abs(pop.weight.reduce((s, w) => s + w, 0) - 1) < 1e-12);
  const want = exactPhiMean(mouse);
  let got = 0;
  for (let i = 0; i < pop.n; i++) got += pop.weight[i]! * pop.theta[i * pop.dim + 1]!;
  assert.ok(Math.abs(got - want) < 0.15, `E[phi] ${got} vs exact ${want}`);
  assert.ok(
    adapted.all.ess > 1.3 * plain.all.ess,
    `ESS ${adapted.all.ess} vs ${plain.all.ess} without adapting`,
  );
});

// The trial's simulation reports a standard error se (0.4 where phi > 2, 0 elsewhere): z on the scale
// sqrt(sd^2 + se^2), and the weight is the Gaussian likelihood with its normaliser.
const noisy: SimulatorDefinition = {
  ...toy,
  name: 'toy-se',
  create(ids, options, path) {
    const inner = toy.create(ids, options, path);
    const obs = evidence.observations.filter((x) => (options.observations as string[]).includes(x.id));
    return {
      statistics: inner.statistics,
      simulate(theta, rng, out) {
        inner.simulate(theta, rng, out);
        obs.forEach((x, k) => {
          if (x.id !== 't1') return;
          const se = theta[1]! > 2 ? 0.4 : 0;
          out[k] = discrepancy(x, out[obs.length + k]!, se);
          out[2 * obs.length + k] = se;
        });
      },
    };
  },
};

test('a trial statistic with its own standard error: weights are the likelihood with sd^2 + se^2 and its normaliser', async () => {
  const r = await run(16, false, noisy);
  const mouse = r.mouse.abc.population!;
  const pop = r.all.abc.population!;
  // P(phi > 2 | trial) by quadrature, with and without the normaliser 1 / sqrt(sd^2 + se^2).
  const share = (normalised: boolean) => {
    let num = 0;
    let den = 0;
    for (let i = 0; i < mouse.n; i++)
      for (let g = 0; g <= 6000; g++) {
        const phi = -3 + g / 1000;
        const v = 0.09 + (phi > 2 ? 0.16 : 0);
        const l =
          (mouse.weight[i]! * Math.exp(-((mouse.theta[i * mouse.dim]! + phi - 2) ** 2) / (2 * v))) /
          (normalised ? Math.sqrt(v) : Math.sqrt(0.09));
        den += l;
        if (phi > 2) num += l;
      }
    return num / den;
  };
  let got = 0;
  for (let i = 0; i < pop.n; i++) if (pop.theta[i * pop.dim + 1]! > 2) got += pop.weight[i]!;
  const want = share(true);
  const unnormalised = share(false);
  assert.ok(Math.abs(want - unnormalised) > 0.08, `the test separates: ${want} vs ${unnormalised}`);
  assert.ok(Math.abs(got - want) < 0.04, `P(phi > 2) ${got} vs exact ${want} (${unnormalised} unnormalised)`);
});

test('survivorThreshold: the rejection-control level that keeps the asked number in expectation', () => {
  const logW = Float64Array.from({ length: 500 }, (_, i) => -((i * 7919) % 500) / 25);
  logW[3] = Number.NEGATIVE_INFINITY;
  const subset = Array.from({ length: 500 }, (_, i) => i);
  for (const target of [1, 10, 80, 400]) {
    const c = survivorThreshold(subset, logW, target);
    let kept = 0;
    for (const i of subset) kept += Math.min(1, Math.exp(logW[i]! - c));
    assert.ok(Math.abs(kept - target) < 1e-6 * target, `${kept} kept for ${target}`);
  }
  assert.equal(survivorThreshold(subset, logW, 499), Number.NEGATIVE_INFINITY);
  assert.equal(survivorThreshold(subset.slice(0, 20), logW, 50), Number.NEGATIVE_INFINITY);
});
