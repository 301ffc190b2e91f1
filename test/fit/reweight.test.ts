import assert from 'node:assert/strict';
import { test } from 'node:test';
import { confrontHypotheses } from '../../src/fit/hypotheses/confront.js';
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
        });
      },
    };
  },
};

const run = (trialDraws: number, trialAdaptive = false) =>
  confrontHypotheses({
    evidence,
    variants: [{ id: 'A', simulator: 'toy-phi', parameters: ['theta', 'phi'], trialOnly: ['phi'] }],
    seed: 11,
    particles: 300,
    maxGenerations: 3,
    draws: 20,
    simulators: { 'toy-phi': toy },
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
