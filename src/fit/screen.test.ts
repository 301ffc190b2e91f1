import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePrior } from './priors.js';
import { morrisScreen } from './screen.js';

test('Morris screen: mu* is the change per move of half the prior mass; an ignored parameter scores 0', () => {
  // f0 = 3 a + b^2 on uniform priors; f1 = NaN whenever c is in its upper half.
  const priors = [
    makePrior({ type: 'uniform', lo: 0, hi: 1 }),
    makePrior({ type: 'uniform', lo: 0, hi: 1 }),
    makePrior({ type: 'log-uniform', lo: 1, hi: 100 }),
  ];
  const sim = {
    statistics: ['f0', 'f1'],
    simulate(theta: Float64Array, _rng: unknown, out: Float64Array) {
      out[0] = 3 * theta[0]! + theta[1]! ** 2;
      out[1] = theta[2]! > 10 ? Number.NaN : theta[0]!;
    },
  };
  const r = morrisScreen(sim, priors, { trajectories: 40, seed: 3 });
  assert.equal(r.evaluations, 40 * 4);
  // Levels are the bin midpoints 1/8, 3/8, 5/8, 7/8; a move is 2 levels = 0.5 on the prior scale.
  assert.ok(Math.abs(r.muStar[0 * 2 + 0]! - 1.5) < 1e-12, `a: ${r.muStar[0]}`);
  // b^2 between (1/8, 5/8) or (3/8, 7/8): |diff| 0.375 or 0.625, mean in between.
  assert.ok(r.muStar[1 * 2 + 0]! > 0.375 - 1e-12 && r.muStar[1 * 2 + 0]! < 0.625 + 1e-12);
  assert.equal(r.muStar[2 * 2 + 0], 0);
  // f1 is NaN at one end of every move of c, and at half of the other moves' points.
  assert.equal(r.effects[2 * 2 + 1], 0);
  assert.ok(Number.isNaN(r.muStar[2 * 2 + 1]!));
  assert.ok(r.effects[0 * 2 + 1]! > 0 && r.effects[0 * 2 + 1]! < 40);
  assert.throws(() => morrisScreen(sim, priors, { trajectories: 0, seed: 1 }), /trajectories/);
  assert.throws(() => morrisScreen(sim, priors, { trajectories: 2, seed: 1, levels: 3 }), /even/);
});

test('prior quantiles invert the distribution, truncation included', () => {
  const n = makePrior({ type: 'normal', mean: 1, sd: 2, lo: 0, hi: 4 });
  assert.ok(n.quantile(0.001) >= 0 && n.quantile(0.999) <= 4);
  const ln = makePrior({ type: 'log-normal', mu: 0, sigma: 1 });
  assert.ok(Math.abs(ln.quantile(0.5) - 1) < 1e-9);
  assert.ok(Math.abs(makePrior({ type: 'log-uniform', lo: 1, hi: 100 }).quantile(0.5) - 10) < 1e-9);
});
